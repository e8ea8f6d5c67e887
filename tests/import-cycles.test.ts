/**
 * The import graph of src/ has no cycle, so its layers read bottom to top. Two checks:
 * - files: no file reaches itself through its imports (type-only imports count: they couple too);
 * - folders: no folder of src/ reaches itself. A resolver (*.resolver.ts) lives beside its domain
 *   but belongs to the GraphQL layer that src/graphql/schema.ts assembles, so it counts as src/graphql/.
 * Unit tests (*.test.ts beside their module) are left out: nothing imports them, so they close no
 * cycle between files, and one may build its input with a higher layer's code, which is no
 * dependency of the module it tests.
 *
 * Layers, bottom up: config, errors, domain, util, cache → database → auth → audit → the domain
 * services (coverage, pairing, planning, …) → services.ts (the factory that builds them) → graphql
 * (with the resolvers) → http → server, main.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/config.js";

const SRC = path.join(PROJECT_ROOT, "src");

/** Each src/ file but the unit tests (relative, with "/") and the src/ files it imports. */
function importGraph(): Map<string, string[]> {
  const files = (fs.readdirSync(SRC, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .map((file) => file.split(path.sep).join("/"));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  // import … from "./x.js", export … from "./x.js", import "./x.js", import("./x.js")
  const specifier =
    /(?:^\s*(?:import|export)\b[^;]*?\bfrom\s*|^\s*import\s*|\bimport\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/gm;
  for (const file of files) {
    const text = fs.readFileSync(path.join(SRC, file), "utf8");
    const imports = new Set<string>();
    for (const match of text.matchAll(specifier)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!.replace(/\.js$/, ".ts")));
      if (known.has(target)) imports.add(target);
    }
    graph.set(file, [...imports]);
  }
  return graph;
}

/**
 * The cycles of a graph, as paths "a → b → a": in each strongly connected component, the shortest
 * cycle through each of its nodes (one component can hold several cycles; each is a move to make).
 */
function cycles(graph: Map<string, string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = new Set<string>();
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.add(member);
    } while (member !== node);
    if (component.size === 1 && !graph.get(node)?.includes(node)) return;
    for (const start of component) {
      const cycle = pathThrough(graph, component, start);
      if (!found.includes(cycle)) found.push(cycle);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort();
}

/** The shortest cycle through `start` inside its component, written from its smallest node. */
function pathThrough(graph: Map<string, string[]>, component: Set<string>, start: string): string {
  // Breadth first from start back to start, inside the component: the shortest cycle through it.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
        const first = path.indexOf([...path].sort()[0]!);
        const rotated = [...path.slice(first), ...path.slice(0, first)];
        return [...rotated, rotated[0]].join(" → ");
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  throw new Error(`${start} is in a component but on no cycle`);
}

const folderOf = (file: string) =>
  file.endsWith(".resolver.ts")
    ? "graphql"
    : file.includes("/")
      ? file.slice(0, file.indexOf("/"))
      : file.replace(/\.ts$/, "");

describe("the import graph of src/", () => {
  const graph = importGraph();

  it("reads the imports (the scan itself works)", () => {
    expect(graph.get("graphql/schema.ts")!.length).toBeGreaterThan(5);
  });

  it("has no cycle between files", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("has no cycle between folders (resolvers counted with src/graphql/)", () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, imports] of graph) {
      const from = folderOf(file);
      if (!folders.has(from)) folders.set(from, new Set());
      for (const target of imports) if (folderOf(target) !== from) folders.get(from)!.add(folderOf(target));
    }
    const found = cycles(new Map([...folders].map(([folder, targets]) => [folder, [...targets]])));
    // Each cycle with the file imports that make it, so the report says what to move.
    const explained = found.map((cycle) => {
      const steps = cycle.split(" → ");
      const edges = steps.slice(1).map((to, i) => {
        const from = steps[i]!;
        const files = [...graph].flatMap(([file, imports]) =>
          folderOf(file) === from ? imports.filter((t) => folderOf(t) === to).map((t) => `${file} → ${t}`) : [],
        );
        return `  ${from} → ${to}: ${files.join(", ")}`;
      });
      return [cycle, ...edges].join("\n");
    });
    expect(explained).toEqual([]);
  });
});
