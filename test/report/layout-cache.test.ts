/**
 * The claims graph's layout cache: an unchanged graph reuses the stored layout, a changed graph
 * or a damaged entry is laid out again (and the entry rewritten).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { layoutGraph, type GraphInput } from "../../src/report/layout.js";

const graph: GraphInput = {
  nodes: [
    { id: "A", label: "A" },
    { id: "B", label: "B" },
    { id: "C", label: "C" },
  ],
  edges: [
    { from: "A", to: "B" },
    { from: "B", to: "C" },
  ],
};

let dir: string;
let cacheFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "layout-cache-"));
  cacheFile = path.join(dir, "sub", "layout.json");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function entry(): { key: string; layout: { width: number } } {
  return JSON.parse(fs.readFileSync(cacheFile, "utf8")) as { key: string; layout: { width: number } };
}

describe("layoutGraph cache", () => {
  it("stores the layout and returns the stored one for the same graph without running ELK", async () => {
    const first = await layoutGraph(graph, { cacheFile });
    expect(first.nodes.map((n) => n.id).sort()).toEqual(["A", "B", "C"]);
    const stored = entry();
    expect(stored.layout).toEqual(first);
    // A marker only a cache hit can return: ELK would compute the real width.
    fs.writeFileSync(cacheFile, JSON.stringify({ key: stored.key, layout: { ...first, width: 12345 } }));
    const second = await layoutGraph(graph, { cacheFile });
    expect(second.width).toBe(12345);
  });

  it("lays out a changed graph again (another edge, another label width) and rewrites the entry", async () => {
    await layoutGraph(graph, { cacheFile });
    const k1 = entry().key;
    const changed = await layoutGraph({ ...graph, edges: [...graph.edges, { from: "A", to: "C" }] }, { cacheFile });
    expect(changed.edges).toHaveLength(3);
    const k2 = entry().key;
    expect(k2).not.toBe(k1);
    await layoutGraph({ ...graph, nodes: graph.nodes.map((n) => (n.id === "C" ? { ...n, label: "a much longer label" } : n)) }, { cacheFile });
    expect(entry().key).not.toBe(k2);
  });

  it("ignores a damaged entry (bad JSON, wrong shape) and writes a valid one", async () => {
    const fresh = await layoutGraph(graph, { cacheFile });
    const key = entry().key;
    fs.writeFileSync(cacheFile, "{not json");
    expect(await layoutGraph(graph, { cacheFile })).toEqual(fresh);
    expect(entry().key).toBe(key);
    fs.writeFileSync(cacheFile, JSON.stringify({ key, layout: { width: "wide", nodes: [], edges: [] } }));
    expect(await layoutGraph(graph, { cacheFile })).toEqual(fresh);
    expect(entry().layout).toEqual(fresh);
  });

  it("without a cache file lays out every time and writes nothing", async () => {
    const l = await layoutGraph(graph);
    expect(l.nodes).toHaveLength(3);
    expect(fs.existsSync(path.join(dir, "sub"))).toBe(false);
  });
});
