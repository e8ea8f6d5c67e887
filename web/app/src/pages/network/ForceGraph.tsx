/**
 * A network drawn as SVG, laid out by d3-force. The layout is computed to rest before drawing
 * (a fixed number of ticks), so the same network always looks the same and nothing moves
 * under the pointer.
 */
import { forceCenter, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3-force";
import { useMemo } from "react";
import type { NetworkEdge, NetworkNode } from "./network";

interface Positioned extends SimulationNodeDatum {
  id: string;
  x: number;
  y: number;
}

const TICKS = 300;
const MARGIN = 20;

function layout(nodes: NetworkNode[], edges: NetworkEdge[]) {
  const positioned: Positioned[] = nodes.map((node) => ({ id: node.id, x: 0, y: 0 }));
  const links = edges.map((edge) => ({ source: edge.source, target: edge.target }));
  forceSimulation(positioned)
    .force("link", forceLink<Positioned, { source: string; target: string }>(links).id((node) => node.id).distance(28))
    .force("charge", forceManyBody().strength(-45))
    .force("center", forceCenter(0, 0))
    // Pull separate components towards the middle so that they do not drift off screen.
    .force("x", forceX(0).strength(0.06))
    .force("y", forceY(0).strength(0.06))
    .stop()
    .tick(TICKS);
  const at = new Map(positioned.map((node) => [node.id, node]));
  const xs = positioned.map((node) => node.x);
  const ys = positioned.map((node) => node.y);
  const [minX, minY] = [Math.min(0, ...xs) - MARGIN, Math.min(0, ...ys) - MARGIN];
  const viewBox = `${minX} ${minY} ${Math.max(0, ...xs) + MARGIN - minX} ${Math.max(0, ...ys) + MARGIN - minY}`;
  return { at, viewBox };
}

interface Props {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  colourOf: (node: NetworkNode) => string;
  /** Nodes ringed in red (weak villages without a pairing). */
  flagged: Set<string>;
  /** Nodes and edges of a found path, drawn bold. */
  path: Set<string>;
  selected: string | undefined;
  onSelect: (id: string) => void;
}

export function ForceGraph({ nodes, edges, colourOf, flagged, path, selected, onSelect }: Props) {
  const { at, viewBox } = useMemo(() => layout(nodes, edges), [nodes, edges]);
  return (
    <svg className="network" viewBox={viewBox} role="img" data-testid="network">
      <g className="edges">
        {edges.map((edge) => {
          const [from, to] = [at.get(edge.source)!, at.get(edge.target)!];
          return <line key={edge.id} x1={from.x} y1={from.y} x2={to.x} y2={to.y} className={path.has(edge.id) ? "on-path" : undefined} />;
        })}
      </g>
      <g className="nodes">
        {nodes.map((node) => {
          const { x, y } = at.get(node.id)!;
          const classes = [flagged.has(node.id) && "flagged", path.has(node.id) && "on-path", node.id === selected && "selected"].filter(Boolean).join(" ");
          return (
            <g key={node.id} data-node-id={node.id} className={classes || undefined} transform={`translate(${x},${y})`} onClick={() => onSelect(node.id)}>
              <circle r={node.type === "PAIRING" ? 4 : 6} fill={colourOf(node)} />
              <title>{node.label}</title>
              {(node.id === selected || path.has(node.id)) && (
                <text x={8} y={3}>
                  {node.label}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
