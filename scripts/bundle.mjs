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
import { copyFileSync, cpSync, rmSync } from 'node:fs';
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

// The web chat's page (plain HTML, CSS and JavaScript, served as they are) sits where the bundled
// emulator looks for it: dist/testing/ui, beside dist/testing and dist/chunks alike.
rmSync('dist/testing/ui', { recursive: true, force: true });
cpSync('src/testing/ui', 'dist/testing/ui', { recursive: true });
