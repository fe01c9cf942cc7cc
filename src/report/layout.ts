/**
 * Lays out the claims' dependency graph with ELK's layered algorithm (elkjs, run in Node), so the
 * HTML report can draw it as inline SVG without any script or network access.
 */
import * as elkModule from "elkjs/lib/elk.bundled.js";
import type { ELK, ELKConstructorArguments, ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";

type ElkConstructor = new (args?: ELKConstructorArguments) => ELK;
/** The bundled build is CommonJS; depending on the loader its constructor is the module or its default. */
const ElkCtor: ElkConstructor = ((elkModule as unknown as { default?: ElkConstructor }).default ?? elkModule) as unknown as ElkConstructor;

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

export async function layoutGraph(g: GraphInput): Promise<GraphLayout> {
  elk ??= new ElkCtor();
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
  const out = await elk.layout(graph);
  const nodes: LayoutNode[] = (out.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 }));
  const laidEdges: LayoutEdge[] = (out.edges ?? []).map((e) => {
    const sec = e.sections?.[0];
    const points = sec ? [sec.startPoint, ...(sec.bendPoints ?? []), sec.endPoint] : [];
    return { from: e.sources[0]!, to: e.targets[0]!, points: points.map((p) => ({ x: p.x, y: p.y })) };
  });
  return { width: out.width ?? 0, height: out.height ?? 0, nodes, edges: laidEdges };
}
