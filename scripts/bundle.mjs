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
// keepNames has a price in a bot's own bundle: each class gets a static `__name` block, a side effect
// a bundler cannot drop, so the echo bot carries every API class (1384 KB minified against 1187 KB
// without; bench/bundle-size.mjs). Without it the classes would be named `_Message`, `_Update`
// (esbuild's inner names of self-referencing classes) in inspect output and error messages.
import { copyFileSync, rmSync } from 'node:fs';
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
  keepNames: true,
  sourcemap: true,
  sourcesContent: true,
  logLevel: 'warning',
});

// The emulator's guide (control API, users API, flood limits) ships beside its code, where a user
// of the installed package finds it: node_modules/typescript-telegram-bot/dist/testing/README.md.
copyFileSync('src/testing/README.md', 'dist/testing/README.md');
