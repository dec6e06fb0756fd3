// Reads the static imports of TypeScript sources into a graph and finds cycles in it; used by
// test/architecture.test.ts to hold the layering of src/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';

/** One `import`/`export ... from` of a module. */
export interface ImportEdge {
  /** The importing file, relative to the repository root with forward slashes. */
  readonly from: string;
  /** The imported file, resolved the same way. */
  readonly to: string;
  /** `import type` / `export type`: erased when compiled, so it does not load anything. */
  readonly typeOnly: boolean;
  /** `import './x.js'`: loaded for its side effects only. */
  readonly bare: boolean;
}

/** A statement's specifier as written, before resolution. */
export interface ParsedImport {
  readonly specifier: string;
  readonly typeOnly: boolean;
  readonly bare: boolean;
}

// A statement at the start of a line: `import`/`export`, an optional `type`, an optional clause made
// of names, braces, commas and `*` ending in `from`, then the quoted specifier. Dynamic `import()`
// loads lazily and is left out on purpose: it cannot take part in a load-order cycle.
const STATEMENT = /^[ \t]*(import|export)\s+(type\s+)?(?:([\w$*{},\s]*?)\s*from\s*)?['"]([^'"\n]+)['"]/gm;

/** The static imports and re-exports of one source text. */
export function parseImports(text: string): ParsedImport[] {
  const found: ParsedImport[] = [];
  for (const match of text.matchAll(STATEMENT)) {
    const [, keyword, typeKeyword, clause, specifier] = match;
    if (specifier === undefined) continue;
    // `export 'x'` is not a statement; only `import 'x'` has no clause.
    if (clause === undefined && keyword === 'export') continue;
    found.push({ specifier, typeOnly: typeKeyword !== undefined, bare: clause === undefined });
  }
  return found;
}

function toPosix(path: string): string {
  return path.split(sep).join(posix.sep);
}

/** Every `.ts` file under `dir` (recursively), relative to `root`. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) out.push(toPosix(relative(root, path)));
    }
  };
  walk(join(root, dir));
  return out;
}

/**
 * The relative imports of `files` (package imports such as `node:fs` or `undici` are outside the
 * graph). Throws when a relative import names no file, so a parser slip cannot hide an edge.
 */
export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const text = readFileSync(join(root, from), 'utf8');
    for (const { specifier, typeOnly, bare } of parseImports(text)) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(root, dirname(from), specifier.replace(/\.js$/, '.ts'));
      if (!existsSync(target)) throw new Error(`${from}: cannot resolve '${specifier}'`);
      edges.push({ from, to: toPosix(relative(root, target)), typeOnly, bare });
    }
  }
  return edges;
}

/** A directed graph as adjacency lists. */
export type Graph = ReadonlyMap<string, readonly string[]>;

/** The graph of the edges that load code at run time (type-only imports left out). */
export function runtimeGraph(files: readonly string[], edges: readonly ImportEdge[]): Graph {
  const graph = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const edge of edges) {
    if (edge.typeOnly) continue;
    const targets = graph.get(edge.from) ?? [];
    if (!targets.includes(edge.to)) targets.push(edge.to);
    graph.set(edge.from, targets);
  }
  return graph;
}

/**
 * The cycles of a graph, one per strongly connected component that has one (Tarjan's algorithm),
 * each given as a path that starts and ends at the same node: `['a', 'b', 'a']`.
 */
export function findCycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;

  const connect = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfLoop = (graph.get(node) ?? []).includes(node);
    if (component.length > 1 || selfLoop) components.push(component);
  };

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return components.map((component) => cycleThrough(graph, new Set(component)));
}

/** A shortest cycle through the first (sorted) node of a strongly connected component. */
function cycleThrough(graph: Graph, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0] as string;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as string;
    for (const target of graph.get(node) ?? []) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) {
          path.unshift(at);
        }
        path.unshift(start);
        return path;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** The nodes reachable from `start` (itself included), each with the path that reaches it. */
export function reachable(graph: Graph, start: string): Map<string, readonly string[]> {
  const paths = new Map<string, readonly string[]>([[start, [start]]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as string;
    for (const target of graph.get(node) ?? []) {
      if (paths.has(target)) continue;
      paths.set(target, [...(paths.get(node) as readonly string[]), target]);
      queue.push(target);
    }
  }
  return paths;
}
