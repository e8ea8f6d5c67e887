/**
 * A network drawn as SVG, laid out by d3-force. The layout is computed to rest before drawing
 * (a fixed number of ticks), so the same network always looks the same and nothing moves
 * under the pointer. The wheel zooms, dragging pans, and `zoomTo` centres a node (search); a
 * double click asks for the node's neighbourhood (`onExpand`). How long the layout took is on the
 * drawing (`data-layout-ms`), for the browser test's budget (500 nodes within 2 s).
 */
import {
  forceCenter,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from "d3-force";
import { useEffect, useMemo, useRef, useState } from "react";
import type { NetworkEdge, NetworkNode } from "./network";

interface Positioned extends SimulationNodeDatum {
  id: string;
  x: number;
  y: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const TICKS = 300;
const MARGIN = 20;
/** How close `zoomTo` comes: the share of the whole drawing left in view. */
const FOCUS_SHARE = 0.25;
/** Captions longer than this are cut (the full name is the node's tooltip and in its details). */
const CAPTION_CHARS = 8;

function layout(nodes: NetworkNode[], edges: NetworkEdge[]) {
  const started = performance.now();
  const positioned: Positioned[] = nodes.map((node) => ({ id: node.id, x: 0, y: 0 }));
  const links = edges.map((edge) => ({ source: edge.source, target: edge.target }));
  forceSimulation(positioned)
    .force(
      "link",
      forceLink<Positioned, { source: string; target: string }>(links)
        .id((node) => node.id)
        .distance(28),
    )
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
  const whole: Box = {
    x: minX,
    y: minY,
    width: Math.max(0, ...xs) + MARGIN - minX,
    height: Math.max(0, ...ys) + MARGIN - minY,
  };
  return { at, whole, ms: performance.now() - started };
}

interface Props {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  nameOf: (node: NetworkNode) => string;
  /** Fill and radius of a node (network.ts styleOf under the chosen encoding). */
  styleOf: (node: NetworkNode) => { fill: string; r: number };
  /** Weak villages' organizations, ringed in red. */
  weak: Set<string>;
  /** Nodes and edges of a found path, drawn bold. */
  path: Set<string>;
  selected: string | undefined;
  /** Changing it centres and enlarges the node. */
  zoomTo: { id: string } | undefined;
  /** Nodes brought in by expanding a neighbourhood. */
  expanded: Set<string>;
  onSelect: (id: string) => void;
  onExpand: (id: string) => void;
}

export function ForceGraph({
  nodes,
  edges,
  nameOf,
  styleOf,
  weak,
  path,
  selected,
  zoomTo,
  expanded,
  onSelect,
  onExpand,
}: Props) {
  const { at, whole, ms } = useMemo(() => layout(nodes, edges), [nodes, edges]);
  const [view, setView] = useState<Box>(whole);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; view: Box } | null>(null);
  useEffect(() => setView(whole), [whole]);
  useEffect(() => {
    const node = zoomTo && at.get(zoomTo.id);
    if (!node) return;
    const [width, height] = [whole.width * FOCUS_SHARE, whole.height * FOCUS_SHARE];
    setView({ x: node.x - width / 2, y: node.y - height / 2, width, height });
  }, [zoomTo, at]);

  /** Drawing units per screen pixel. */
  const unitsPerPixel = () => view.width / (svg.current?.clientWidth || view.width);
  const zoom = (factor: number, cx = view.x + view.width / 2, cy = view.y + view.height / 2) =>
    setView({
      x: cx - (cx - view.x) * factor,
      y: cy - (cy - view.y) * factor,
      width: view.width * factor,
      height: view.height * factor,
    });

  useEffect(() => {
    // React's onWheel is passive: the page would scroll as well as the drawing zoom.
    const element = svg.current;
    if (!element) return;
    const wheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const scale = view.width / box.width;
      zoom(
        event.deltaY > 0 ? 1.2 : 1 / 1.2,
        view.x + (event.clientX - box.left) * scale,
        view.y + (event.clientY - box.top) * scale,
      );
    };
    element.addEventListener("wheel", wheel, { passive: false });
    return () => element.removeEventListener("wheel", wheel);
  });

  // Captions keep one size on screen whatever the zoom.
  const fontSize = 11 * unitsPerPixel();
  return (
    <div className="graph-frame">
      <div className="zoom-buttons">
        <button type="button" onClick={() => zoom(1 / 1.5)} aria-label="+">
          +
        </button>
        <button type="button" onClick={() => zoom(1.5)} aria-label="−">
          −
        </button>
        <button type="button" onClick={() => setView(whole)} data-testid="zoom-reset">
          ⤢
        </button>
      </div>
      <svg
        ref={svg}
        className="network"
        viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
        role="img"
        data-testid="network"
        data-zoomed={view.width < whole.width ? "true" : undefined}
        data-layout-ms={Math.round(ms)}
        data-layout-nodes={nodes.length}
        onPointerDown={(event) => (drag.current = { x: event.clientX, y: event.clientY, view })}
        onPointerMove={(event) => {
          const start = drag.current;
          if (!start) return;
          const scale = unitsPerPixel();
          setView({
            ...start.view,
            x: start.view.x - (event.clientX - start.x) * scale,
            y: start.view.y - (event.clientY - start.y) * scale,
          });
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerLeave={() => (drag.current = null)}
      >
        <g className="edges">
          {edges.map((edge) => {
            const [from, to] = [at.get(edge.source)!, at.get(edge.target)!];
            return (
              <line
                key={edge.id}
                x1={from.x}
                y1={from.y}
                x2={to.x}
                y2={to.y}
                className={path.has(edge.id) ? "on-path" : undefined}
              />
            );
          })}
        </g>
        <g className="nodes" fontSize={fontSize}>
          {nodes.map((node) => {
            const { x, y } = at.get(node.id)!;
            const partial = (node.attributes.partiesOutOfScope ?? 0) > 0;
            const classes = [
              weak.has(node.id) && "weak",
              partial && "partial",
              path.has(node.id) && "on-path",
              node.id === selected && "selected",
              expanded.has(node.id) && "expanded",
            ]
              .filter(Boolean)
              .join(" ");
            const name = nameOf(node);
            const { fill, r } = styleOf(node);
            return (
              <g
                key={node.id}
                data-node-id={node.id}
                data-node-type={node.type}
                className={classes || undefined}
                transform={`translate(${x},${y})`}
                onClick={() => onSelect(node.id)}
                onDoubleClick={() => onExpand(node.id)}
              >
                <circle r={r} fill={fill} />
                <title>{name}</title>
                {node.type !== "PAIRING" && (
                  <text x={r + 2} y={3} className="caption">
                    {node.id === selected || name.length <= CAPTION_CHARS
                      ? name
                      : `${name.slice(0, CAPTION_CHARS - 1)}…`}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
