// Writes the JavaScript of dist/ (the declarations come from `tsc --emitDeclarationOnly`): one
// module per public entry point plus shared chunks, instead of ~150 small modules. Node starts a
// bot noticeably faster from a few larger files (less resolving, reading and compiling per file);
// whitespace is dropped for the same reason, while every name is kept, so stack traces and
// `constructor.name` read as in the sources (and source maps lead back to them).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// `BUNDLE_READABLE=1 npm run build` keeps the whitespace, for CPU profiles with useful line numbers.
const readable = process.env.BUNDLE_READABLE === '1';

const ENTRY_POINTS = [
  'src/index.ts',
  'src/ext/index.ts',
  'src/testing/index.ts',
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
  minifyWhitespace: !readable,
  minifySyntax: !readable,
  keepNames: true,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
});
