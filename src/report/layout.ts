/**
 * Lays out the claims' dependency graph with ELK's layered algorithm (elkjs, run in Node), so the
 * HTML report can draw it as inline SVG without any script or network access.
 *
 * The layout of a graph is kept in a one-entry cache file keyed by the whole ELK input (nodes,
 * sizes, edges, options) and the elkjs version: an unchanged graph is not laid out again, and
 * elkjs (about a second to load and run) is then not loaded at all. An entry that cannot be read
 * or has another key or shape is ignored and rewritten.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ELK, ELKConstructorArguments, ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";

type ElkConstructor = new (args?: ELKConstructorArguments) => ELK;

/** Bump when the shape of a cached layout or the way it is derived from ELK's output changes. */
const LAYOUT_CACHE_FORMAT = 1;

export interface LayoutNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
  /** Polyline from the source's border to the target's border. */
  points: { x: number; y: number }[];
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface GraphInput {
  nodes: { id: string; label: string }[];
  /** `from` → `to`: `to` depends on `from`. */
  edges: { from: string; to: string }[];
}

const CHAR_WIDTH = 8.2;
export const NODE_HEIGHT = 28;

export function nodeWidth(label: string): number {
  return Math.round(18 + CHAR_WIDTH * label.length);
}

let elk: ELK | undefined;

async function loadElk(): Promise<ELK> {
  if (elk) return elk;
  const mod = (await import("elkjs/lib/elk.bundled.js")) as unknown as { default?: ElkConstructor };
  // The bundled build is CommonJS; depending on the loader its constructor is the module or its default.
  const Ctor = (mod.default ?? mod) as unknown as ElkConstructor;
  elk = new Ctor();
  return elk;
}

let elkVersion: string | undefined;
function elkjsVersion(): string {
  if (elkVersion === undefined) {
    try {
      const req = createRequire(import.meta.url);
      elkVersion = (JSON.parse(fs.readFileSync(req.resolve("elkjs/package.json"), "utf8")) as { version: string }).version;
    } catch {
      elkVersion = "unknown";
    }
  }
  return elkVersion;
}

function isLayout(x: unknown): x is GraphLayout {
  if (typeof x !== "object" || x === null) return false;
  const l = x as Record<string, unknown>;
  const num = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);
  return (
    num(l["width"]) &&
    num(l["height"]) &&
    Array.isArray(l["nodes"]) &&
    (l["nodes"] as unknown[]).every((n) => typeof n === "object" && n !== null && typeof (n as LayoutNode).id === "string" && num((n as LayoutNode).x) && num((n as LayoutNode).y)) &&
    Array.isArray(l["edges"]) &&
    (l["edges"] as unknown[]).every((e) => typeof e === "object" && e !== null && Array.isArray((e as LayoutEdge).points))
  );
}

export interface LayoutOptions {
  /** File of the one-entry layout cache; without it every call runs ELK. */
  cacheFile?: string;
}

export async function layoutGraph(g: GraphInput, opts: LayoutOptions = {}): Promise<GraphLayout> {
  const ids = new Set(g.nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = g.edges
    .filter((e) => ids.has(e.from) && ids.has(e.to))
    .map((e, k) => ({ id: `e${k}`, sources: [e.from], targets: [e.to] }));
  const graph: ElkNode = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.edgeRouting": "SPLINES",
      "elk.layered.spacing.nodeNodeBetweenLayers": "60",
      "elk.spacing.nodeNode": "14",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      "elk.padding": "[top=12,left=12,bottom=12,right=12]",
    },
    children: g.nodes.map((n) => ({ id: n.id, width: nodeWidth(n.label), height: NODE_HEIGHT })),
    edges,
  };
  const key = createHash("sha256").update(JSON.stringify({ format: LAYOUT_CACHE_FORMAT, elkjs: elkjsVersion(), graph })).digest("hex");
  if (opts.cacheFile) {
    try {
      const entry = JSON.parse(fs.readFileSync(opts.cacheFile, "utf8")) as { key?: unknown; layout?: unknown };
      if (entry.key === key && isLayout(entry.layout)) return entry.layout;
    } catch {
      /* missing or damaged: lay out again */
    }
  }
  const layout = await runElk(graph);
  if (opts.cacheFile) {
    try {
      fs.mkdirSync(path.dirname(opts.cacheFile), { recursive: true });
      const tmp = `${opts.cacheFile}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, JSON.stringify({ key, layout }) + "\n");
      fs.renameSync(tmp, opts.cacheFile);
    } catch {
      /* a cache that cannot be written only costs the next run a layout */
    }
  }
  return layout;
}

async function runElk(graph: ElkNode): Promise<GraphLayout> {
  const out = await (await loadElk()).layout(graph);
  const nodes: LayoutNode[] = (out.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 }));
  const laidEdges: LayoutEdge[] = (out.edges ?? []).map((e) => {
    const sec = e.sections?.[0];
    const points = sec ? [sec.startPoint, ...(sec.bendPoints ?? []), sec.endPoint] : [];
    return { from: e.sources[0]!, to: e.targets[0]!, points: points.map((p) => ({ x: p.x, y: p.y })) };
  });
  return { width: out.width ?? 0, height: out.height ?? 0, nodes, edges: laidEdges };
}
