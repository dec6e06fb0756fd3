// Runs one of the package's commands. In a source checkout (src/ beside this folder, tsx
// installed: what `npm ci` gives) it runs the TypeScript source, so the command works without a
// build and never lags behind the sources; an installed package has no src/ and runs dist/.
import { existsSync } from 'node:fs';

/** Runs `src/<entry>.ts` through tsx when present and loadable, else `dist/<entry>.js`. */
export async function launch(entry) {
  const source = new URL(`../src/${entry}.ts`, import.meta.url);
  if (existsSync(source)) {
    const tsx = await import('tsx/esm/api').catch(() => undefined);
    if (tsx !== undefined) {
      tsx.register();
      await import(source.href);
      return;
    }
  }
  const built = new URL(`../dist/${entry}.js`, import.meta.url);
  if (!existsSync(built)) {
    process.stderr.write(
      `${entry}: neither tsx (to run src/${entry}.ts) nor dist/${entry}.js found; run npm ci, or npm run build\n`,
    );
    process.exit(1);
  }
  await import(built.href);
}
