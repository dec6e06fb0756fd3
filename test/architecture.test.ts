// The import rules of ARCHITECTURE.md, checked on the sources: layers only import downwards, no
// import cycle at run time, and object behaviour is installed through src/objects/index.ts alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  findCycles,
  type Graph,
  type ImportEdge,
  importEdges,
  parseImports,
  reachable,
  runtimeGraph,
  sourceFiles,
} from './helpers/import-graph.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The three parts of the package: core may import only itself; ext and testing only themselves and core. */
type Part = 'core' | 'ext' | 'testing' | 'redis';

interface Layer {
  readonly name: string;
  readonly part: Part;
  /** Within a part, a module may load (import at run time) only modules of the same or a lower rank. */
  readonly rank: number;
  readonly holds: (file: string) => boolean;
}

const under =
  (...prefixes: string[]) =>
  (file: string): boolean =>
    prefixes.some((prefix) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix));

/** Bottom to top. The first layer whose `holds` accepts a file is the file's layer. */
const LAYERS: readonly Layer[] = [
  {
    name: 'foundation',
    part: 'core',
    rank: 0,
    holds: under(
      'src/base/',
      'src/errors.ts',
      'src/helpers.ts',
      'src/logging.ts',
      'src/warnings.ts',
      'src/validation.ts',
    ),
  },
  { name: 'api', part: 'core', rank: 1, holds: under('src/generated/', 'src/request/', 'src/entities/') },
  {
    name: 'constants',
    part: 'core',
    rank: 2,
    holds: under('src/constants/', 'src/constants.ts', 'src/conveniences.ts', 'src/version.ts'),
  },
  // Passport cryptography and the decrypted types; objects/passport.ts attaches them to the API classes.
  { name: 'passport', part: 'core', rank: 2, holds: under('src/passport/') },
  { name: 'objects', part: 'core', rank: 3, holds: under('src/objects/') },
  { name: 'bot', part: 'core', rank: 4, holds: under('src/bot.ts', 'src/helpers-message.ts') },
  { name: 'core entry', part: 'core', rank: 5, holds: under('src/index.ts', 'src/cli.ts') },
  {
    name: 'ext foundation',
    part: 'ext',
    rank: 0,
    holds: under(
      'src/ext/filters/',
      'src/ext/updater/',
      'src/ext/app-data.ts',
      'src/ext/broadcast.ts',
      'src/ext/context.ts',
      'src/ext/context-types.ts',
      'src/ext/defaults.ts',
      'src/ext/errors.ts',
      'src/ext/ext-bot.ts',
      'src/ext/logging.ts',
      'src/ext/option-checks.ts',
      'src/ext/processor.ts',
      'src/ext/persistence/',
      'src/ext/callback-data/',
      'src/ext/job-queue/',
      'src/ext/rate-limiter/',
      'src/ext/signals.ts',
    ),
  },
  { name: 'ext handlers', part: 'ext', rank: 1, holds: under('src/ext/handlers/') },
  {
    name: 'ext application',
    part: 'ext',
    rank: 2,
    holds: under('src/ext/application.ts', 'src/ext/builder.ts', 'src/ext/app-types.ts'),
  },
  { name: 'ext entry', part: 'ext', rank: 3, holds: under('src/ext/index.ts') },
  { name: 'testing', part: 'testing', rank: 0, holds: under('src/testing/') },
  // Scale-out over Redis: its own entry point (`./redis`), so ext never loads the optional ioredis.
  { name: 'redis', part: 'redis', rank: 0, holds: under('src/redis/') },
];

const MAY_IMPORT: Readonly<Record<Part, readonly Part[]>> = {
  core: ['core'],
  ext: ['core', 'ext'],
  testing: ['core', 'testing'],
  redis: ['core', 'ext', 'redis'],
};

/**
 * Run-time cycles tolerated for now, each as the sorted list of its modules with the reason. Empty:
 * the sources have none. A new entry needs a reason a reviewer accepts.
 */
const ALLOWED_CYCLES: ReadonlyMap<string, string> = new Map();

/** The module that installs the hand-written behaviour of the generated classes. */
const BEHAVIOUR_ENTRY = 'src/objects/index.ts';
/** Modules that produce instances of the generated classes. */
const CLASS_MODULES = ['src/generated/types.ts', 'src/generated/methods.ts'];

/** The modules a user can import: package.json `exports`, mapped from dist/ back to src/. */
function packageEntries(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { default?: string }>;
  };
  return Object.values(manifest.exports)
    .map((target) => (typeof target === 'string' ? target : target.default))
    .filter((target): target is string => target?.startsWith('./dist/') === true)
    .map((target) => target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
}

/** The layer of a file; throws for a file no layer holds, so a new folder gets a place first. */
function layerOf(file: string): Layer {
  const layer = LAYERS.find((candidate) => candidate.holds(file));
  if (layer === undefined)
    throw new Error(`${file} belongs to no layer: add it to LAYERS in test/architecture.test.ts`);
  return layer;
}

/** Why an import breaks the layering, or `undefined` when it is allowed. */
function layerViolation(edge: ImportEdge): string | undefined {
  const from = layerOf(edge.from);
  const to = layerOf(edge.to);
  const kind = edge.typeOnly ? 'imports the types of' : 'loads';
  if (!MAY_IMPORT[from.part].includes(to.part)) {
    return `${edge.from} (${from.name}) ${kind} ${edge.to} (${to.name}): ${from.part} must not depend on ${to.part}`;
  }
  if (!edge.typeOnly && from.part === to.part && to.rank > from.rank) {
    return `${edge.from} (${from.name}) loads ${edge.to} (${to.name}), a higher layer`;
  }
  return undefined;
}

/** The run-time cycles of a graph that are not in `allowed`, each as `a -> b -> a`. */
function forbiddenCycles(graph: Graph, allowed: ReadonlyMap<string, string>): string[] {
  return findCycles(graph)
    .filter((cycle) => !allowed.has([...new Set(cycle)].sort().join(' ')))
    .map((cycle) => cycle.join(' -> '));
}

const files = sourceFiles(ROOT, 'src');
const edges = importEdges(ROOT, files);
const runtime = runtimeGraph(files, edges);

describe('the import graph reader', () => {
  test('tells type-only, bare and value imports apart, over several lines', () => {
    const parsed = parseImports(
      [
        "import { a, type B } from './a.js';",
        "import type { C } from './c.js';",
        'import {',
        '  d,',
        '  e as f,',
        "} from '../d.js';",
        "import './side.js';",
        "export * as g from './g.js';",
        "export type { H } from './h.js';",
        "const later = await import('./lazy.js');",
        " * import { inDocs } from './docs.js'",
        'export const text = \'import x from "./not.js"\';',
      ].join('\n'),
    );
    assert.deepEqual(parsed, [
      { specifier: './a.js', typeOnly: false, bare: false },
      { specifier: './c.js', typeOnly: true, bare: false },
      { specifier: '../d.js', typeOnly: false, bare: false },
      { specifier: './side.js', typeOnly: false, bare: true },
      { specifier: './g.js', typeOnly: false, bare: false },
      { specifier: './h.js', typeOnly: true, bare: false },
    ]);
  });

  test('finds the cycles of a small graph and names their chain', () => {
    const graph: Graph = new Map([
      ['a', ['b']],
      ['b', ['c', 'd']],
      ['c', ['a']],
      ['d', []],
      ['e', ['e']],
      ['f', ['d']],
    ]);
    assert.deepEqual(findCycles(graph), [
      ['a', 'b', 'c', 'a'],
      ['e', 'e'],
    ]);
    assert.deepEqual(forbiddenCycles(graph, new Map([['e', 'a module that imports itself']])), [
      'a -> b -> c -> a',
    ]);
    assert.deepEqual(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
      [],
    );
  });

  test('reports a lower layer loading a higher one, and any import of ext from core', () => {
    const edge = (from: string, to: string, typeOnly: boolean): ImportEdge => ({
      from,
      to,
      typeOnly,
      bare: false,
    });
    assert.match(
      layerViolation(edge('src/generated/types.ts', 'src/objects/user.ts', false)) ?? '',
      /src\/generated\/types\.ts \(api\) loads src\/objects\/user\.ts \(objects\), a higher layer/,
    );
    assert.equal(layerViolation(edge('src/generated/types.ts', 'src/bot.ts', true)), undefined);
    assert.match(
      layerViolation(edge('src/bot.ts', 'src/ext/context.ts', true)) ?? '',
      /core must not depend on ext/,
    );
    assert.match(
      layerViolation(edge('src/testing/api.ts', 'src/ext/errors.ts', false)) ?? '',
      /testing must not/,
    );
    assert.match(
      layerViolation(edge('src/ext/errors.ts', 'src/testing/api.ts', false)) ?? '',
      /ext must not/,
    );
    assert.equal(layerViolation(edge('src/ext/handlers/command.ts', 'src/bot.ts', false)), undefined);
    assert.throws(() => layerOf('src/somewhere/new.ts'), /belongs to no layer/);
  });
});

describe('the sources', () => {
  test('are read: every module of src/ and its imports', () => {
    assert.ok(files.length > 100, `only ${files.length} files found`);
    assert.ok(
      edges.some((e) => e.from === 'src/bot.ts' && e.to === 'src/generated/methods.ts' && !e.typeOnly),
    );
  });

  test('import only their own layer or lower ones', () => {
    const violations = edges.map(layerViolation).filter((v): v is string => v !== undefined);
    assert.deepEqual(violations, []);
  });

  test('have no import cycle at run time', () => {
    assert.deepEqual(forbiddenCycles(runtime, ALLOWED_CYCLES), []);
  });

  test('every allowed cycle still exists (a fixed one leaves the list)', () => {
    const present = new Set(findCycles(runtime).map((cycle) => [...new Set(cycle)].sort().join(' ')));
    for (const key of ALLOWED_CYCLES.keys()) assert.ok(present.has(key), `no longer a cycle: ${key}`);
  });
});

describe('code style the compiler does not check', () => {
  test('private members are ECMAScript #private, never TypeScript `private` (one style; hidden at run time)', () => {
    const offenders = files.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(
          ({ line }) =>
            /^\s*(?:(?:public|protected)\s+)?private\s+(?!constructor\b)/.test(line) ||
            /constructor\([^)]*\bprivate\s/.test(line),
        )
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    assert.deepEqual(offenders, []);
  });
});

describe('object behaviour', () => {
  const fromEntry = reachable(runtime, BEHAVIOUR_ENTRY);

  test(`${BEHAVIOUR_ENTRY} loads every module of src/objects/`, () => {
    const missing = files.filter((file) => file.startsWith('src/objects/') && !fromEntry.has(file));
    assert.deepEqual(missing, [], 'modules of src/objects/ that nothing installs');
  });

  test(`outside src/objects/, behaviour is installed only by importing ${BEHAVIOUR_ENTRY}`, () => {
    const stray = edges
      .filter((e) => e.bare && e.to.startsWith('src/objects/') && e.to !== BEHAVIOUR_ENTRY)
      .filter((e) => !e.from.startsWith('src/objects/'))
      .map((e) => `${e.from} imports ${e.to} for its side effects`);
    assert.deepEqual(stray, []);
  });

  test('Bot loads it, and so does every entry point of the package that hands out classes', () => {
    assert.ok(
      reachable(runtime, 'src/bot.ts').has(BEHAVIOUR_ENTRY),
      `src/bot.ts does not load ${BEHAVIOUR_ENTRY}`,
    );
    const entries = packageEntries();
    assert.deepEqual(entries, [
      'src/index.ts',
      'src/ext/index.ts',
      'src/testing/index.ts',
      'src/redis/index.ts',
    ]);
    for (const entry of entries) {
      const loaded = reachable(runtime, entry);
      if (!CLASS_MODULES.some((module) => loaded.has(module))) continue;
      assert.ok(loaded.has(BEHAVIOUR_ENTRY), `${entry} hands out classes without loading ${BEHAVIOUR_ENTRY}`);
    }
  });
});
