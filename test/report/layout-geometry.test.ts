/**
 * The claims graph's layout: ELK's layered algorithm left to right, with the spacing, padding,
 * node sizes and model order the HTML report draws with; edges to unknown nodes are dropped.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { layoutGraph, NODE_HEIGHT, nodeWidth, type GraphInput, type GraphLayout } from "../../src/report/layout.js";

const node = (id: string, label = id) => ({ id, label });
const at = (l: GraphLayout, id: string) => l.nodes.find((n) => n.id === id)!;

describe("layoutGraph geometry", () => {
  it("sizes a node by its label: 18 + 8.2 per character, rounded, and 28 high", () => {
    expect(nodeWidth("A")).toBe(26);
    expect(nodeWidth("A3.14")).toBe(59);
    expect(nodeWidth("Bbbb")).toBe(51);
    expect(NODE_HEIGHT).toBe(28);
  });

  it("lays layers out left to right, 60 apart, with a 12-unit padding and 14 between nodes of a layer", async () => {
    const l = await layoutGraph({ nodes: [node("A"), node("B", "Bbbb"), node("C"), node("D")], edges: [{ from: "A", to: "B" }, { from: "B", to: "C" }, { from: "A", to: "D" }] });
    expect(at(l, "A")).toEqual({ id: "A", x: 12, y: 33, width: 26, height: 28 });
    expect(at(l, "B")).toEqual({ id: "B", x: 98, y: 12, width: 51, height: 28 });
    expect(at(l, "C")).toEqual({ id: "C", x: 209, y: 12, width: 26, height: 28 });
    expect(at(l, "D")).toEqual({ id: "D", x: 98, y: 54, width: 26, height: 28 });
    expect([l.width, l.height]).toEqual([247, 94]);
  });

  it("routes each edge as a polyline from the source's right border to the target's left border", async () => {
    const l = await layoutGraph({ nodes: [node("A"), node("B")], edges: [{ from: "A", to: "B" }] });
    expect(l.edges).toHaveLength(1);
    const e = l.edges[0]!;
    expect([e.from, e.to]).toEqual(["A", "B"]);
    expect(e.points.length).toBeGreaterThanOrEqual(2);
    expect(e.points[0]).toEqual({ x: 38, y: 26 });
    expect(e.points.at(-1)).toEqual({ x: 98, y: 26 });
    // Spline routing: the start point is repeated as the first control point.
    expect(e.points).toHaveLength(4);
  });

  it("routes a bent edge as a spline: the start point, its repeat, one control point between the layers, the end point", async () => {
    const l = await layoutGraph({ nodes: [node("A"), node("B", "Bbbb"), node("D")], edges: [{ from: "A", to: "B" }, { from: "A", to: "D" }] });
    const e = l.edges.find((x) => x.to === "B")!;
    const xy = e.points.map((p) => [p.x, Math.round(p.y * 10) / 10]);
    expect(xy).toEqual([[38, 42.3], [38, 42.3], [68, 27.6], [98, 26]]);
  });

  it("keeps the model order of the edges: the first target listed is drawn on top", async () => {
    const nodes = [node("A"), node("B"), node("D")];
    const bFirst = await layoutGraph({ nodes, edges: [{ from: "A", to: "B" }, { from: "A", to: "D" }] });
    expect(at(bFirst, "B").y).toBeLessThan(at(bFirst, "D").y);
    const dFirst = await layoutGraph({ nodes, edges: [{ from: "A", to: "D" }, { from: "A", to: "B" }] });
    expect(at(dFirst, "D").y).toBeLessThan(at(dFirst, "B").y);
  });

  it("drops an edge from or to a node that is not in the graph, and keeps the others", async () => {
    const l = await layoutGraph({ nodes: [node("A"), node("B")], edges: [{ from: "X", to: "A" }, { from: "A", to: "B" }, { from: "B", to: "Y" }] });
    expect(l.edges.map((e) => `${e.from}->${e.to}`)).toEqual(["A->B"]);
    expect(l.nodes.map((n) => n.id)).toEqual(["A", "B"]);
  });

  it("lays out each of several edges (distinct edge ids)", async () => {
    const l = await layoutGraph({ nodes: [node("A"), node("B"), node("C")], edges: [{ from: "A", to: "B" }, { from: "A", to: "C" }, { from: "B", to: "C" }] });
    expect(l.edges.map((e) => `${e.from}->${e.to}`).sort()).toEqual(["A->B", "A->C", "B->C"]);
    for (const e of l.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
  });
});

const graph: GraphInput = { nodes: [node("A"), node("B")], edges: [{ from: "A", to: "B" }] };
let dir: string;
let cacheFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "layout-shape-"));
  cacheFile = path.join(dir, "layout.json");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("layoutGraph cache: a stored layout is used only when it has the full shape", () => {
  const damaged: [string, (l: GraphLayout) => unknown][] = [
    ["no layout", () => null],
    ["a layout that is a number", () => 7],
    ["a width that is not a number", (l) => ({ ...l, width: "wide" })],
    ["no height", (l) => ({ ...l, height: undefined })],
    ["nodes that are no array", (l) => ({ ...l, nodes: {} })],
    ["a node that is null", (l) => ({ ...l, nodes: [null] })],
    ["a node without an id", (l) => ({ ...l, nodes: l.nodes.map((n) => ({ ...n, id: 1 })) })],
    ["a node whose x is no number", (l) => ({ ...l, nodes: l.nodes.map((n) => ({ ...n, x: "0" })) })],
    ["a node whose y is null", (l) => ({ ...l, nodes: l.nodes.map((n) => ({ ...n, y: null })) })],
    ["edges that are no array", (l) => ({ ...l, edges: "none" })],
    ["an edge that is null", (l) => ({ ...l, edges: [null] })],
    ["an edge without points", (l) => ({ ...l, edges: l.edges.map((e) => ({ ...e, points: undefined })) })],
    ["one good node and one whose x is no number", (l) => ({ ...l, nodes: [...l.nodes, { id: "Z", x: "0", y: 0, width: 1, height: 1 }] })],
    ["one good edge and one without points", (l) => ({ ...l, edges: [...l.edges, { from: "A", to: "B" }] })],
  ];
  for (const [what, damage] of damaged) {
    it(`lays out again over a cached entry with ${what}`, async () => {
      const fresh = await layoutGraph(graph, { cacheFile });
      const { key } = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as { key: string };
      // The damaged entry carries a marker width: returning it would show the entry was used.
      const bad = damage({ ...fresh, width: fresh.width + 1000 });
      fs.writeFileSync(cacheFile, JSON.stringify({ key, layout: bad }));
      expect(await layoutGraph(graph, { cacheFile })).toEqual(fresh);
    });
  }

  it("uses a stored layout with the full shape (the marker width comes back)", async () => {
    const fresh = await layoutGraph(graph, { cacheFile });
    const { key } = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as { key: string };
    fs.writeFileSync(cacheFile, JSON.stringify({ key, layout: { ...fresh, width: 4321 } }));
    expect((await layoutGraph(graph, { cacheFile })).width).toBe(4321);
  });

  it("writes the entry atomically: no temporary file is left beside it", async () => {
    await layoutGraph(graph, { cacheFile });
    expect(fs.readdirSync(dir)).toEqual(["layout.json"]);
    expect(fs.readFileSync(cacheFile, "utf8").endsWith("}\n")).toBe(true);
  });

  it("still returns the layout when the cache cannot be written (its folder is a file)", async () => {
    fs.writeFileSync(path.join(dir, "blocker"), "");
    const l = await layoutGraph(graph, { cacheFile: path.join(dir, "blocker", "layout.json") });
    expect(l.nodes.map((n) => n.id)).toEqual(["A", "B"]);
  });

  it("keys the entry by the graph: another label width misses the cache", async () => {
    await layoutGraph(graph, { cacheFile });
    const { key } = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as { key: string };
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const other = await layoutGraph({ ...graph, nodes: [node("A", "Aaaa"), node("B")] }, { cacheFile });
    expect(at(other, "A").width).toBe(nodeWidth("Aaaa"));
  });
});
