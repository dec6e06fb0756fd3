// Writes the JavaScript of dist/ (the declarations come from `tsc --emitDeclarationOnly`): one
// module per public entry point plus shared chunks, instead of ~150 small modules. Node starts a
// bot noticeably faster from a few larger files (less resolving, reading and compiling per file).
//
// The output is not minified: when a bot crashes, Node prints the source line of the throw before
// the stack, and a stack line must lead somewhere a person can read. Minified, that line was the
// whole 760 KB chunk. Minifying saved 2-4 ms of a ~140 ms cold start (bench/RESULTS.md);
// minifySyntax alone saved nothing and rewrites statements into expressions that no longer read
// like the sources. Names are kept (stack traces and `constructor.name` read as in the sources),
// and the source maps carry the TypeScript itself, so `node --enable-source-maps` shows `src/...ts`
// lines even where src/ is not installed.
//
// Names are kept without esbuild's `keepNames`: that option puts a static `__name(this, ...)` block in
// every class, a side effect a bot's own bundler cannot remove, so every bundled bot carried all 400
// API classes (bench/bundle-size.mjs: 1384 KB minified against 1187 KB). esbuild writes a class that
// refers to itself as `var Message = class _Message { ... new _Message(...) ... }`, whose `name`
// would then be `_Message`; `keepClassNames` below renames that inner binding to the outer name, one
// space in place of the underscore so every column, and so the source maps, stay as they were.
import { copyFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ENTRY_POINTS = [
  'src/index.ts',
  'src/ext/index.ts',
  'src/testing/index.ts',
  'src/redis/index.ts',
  'src/cli.ts',
  'src/testing/cli.ts',
];

rmSync('dist/chunks', { recursive: true, force: true });
await build({
  entryPoints: ENTRY_POINTS,
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies (undici, optional peers) stay imports, resolved from the user's node_modules.
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  keepNames: false,
  sourcemap: true,
  sourcesContent: true,
  logLevel: 'warning',
});

// The emulator's guide (control API, users API, flood limits) ships beside its code, where a user
// of the installed package finds it: node_modules/typescript-telegram-bot/dist/testing/README.md.
copyFileSync('src/testing/README.md', 'dist/testing/README.md');

/**
 * `var X = class _X` -> `var X = class  X`, and every `_X` (only ever the inner binding, which esbuild
 * names so that it is unique in the file) -> ` X`: inside the class body `X` is the class itself.
 */
function keepClassNames(code, file) {
  const inner = new Set();
  for (const match of code.matchAll(/\bvar ([A-Za-z$][\w$]*) = class (_[\w$]+)\b/g)) {
    if (match[2] === `_${match[1]}`) inner.add(match[2]);
  }
  if (inner.size === 0) return code;
  const pattern = new RegExp(`(^|[^\\w$.])(${[...inner].join('|')})(?![\\w$])`, 'g');
  for (const match of code.matchAll(new RegExp(`\\.(${[...inner].join('|')})(?![\\w$])`, 'g'))) {
    throw new Error(`${file}: ${match[1]} is also a property name; keepClassNames cannot rename it`);
  }
  return code.replace(pattern, (_, before, name) => `${before} ${name.slice(1)}`);
}

function outputFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return outputFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

for (const file of outputFiles('dist')) {
  const code = readFileSync(file, 'utf8');
  const renamed = keepClassNames(code, file);
  if (renamed !== code) writeFileSync(file, renamed);
}

// The web chat's page (plain HTML, CSS and JavaScript, served as they are) sits where the bundled
// emulator looks for it: dist/testing/ui, beside dist/testing and dist/chunks alike.
rmSync('dist/testing/ui', { recursive: true, force: true });
cpSync('src/testing/ui', 'dist/testing/ui', { recursive: true });
