/**
 * The published shape: `npm run build` (part of `npm test`) writes dist/, and the package's
 * subpath exports resolve to working modules with type declarations beside them.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './helpers/spec.js';

const run = promisify(execFile);
const manifest = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, { types: string; default: string } | string>;
};

async function importInChild(specifier: string): Promise<string[]> {
  const script = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m)));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT,
  });
  return JSON.parse(stdout) as string[];
}

for (const [subpath, target] of Object.entries(manifest.exports)) {
  if (typeof target === 'string') continue;
  const specifier = `typescript-telegram-bot${subpath.slice(1)}`;
  test(`${specifier} resolves to built code with declarations`, async () => {
    assert.ok(
      existsSync(resolve(PROJECT_ROOT, target.default)),
      `${target.default} exists (run npm run build)`,
    );
    assert.ok(existsSync(resolve(PROJECT_ROOT, target.types)), `${target.types} exists`);
    const names = await importInChild(specifier);
    assert.ok(names.length > 0, `${specifier} exports something`);
    if (subpath === '.') {
      for (const name of [
        'Bot',
        'Message',
        'Update',
        'InputFile',
        'BadRequest',
        'BOT_API_VERSION',
        'METHODS',
      ]) {
        assert.ok(names.includes(name), `${name} is exported`);
      }
    }
  });
}

test('the built Bot carries every API method', async () => {
  const script =
    "const { Bot, METHODS } = await import('typescript-telegram-bot'); const missing = Object.keys(METHODS).filter((m) => typeof Bot.prototype[m] !== 'function'); console.log(JSON.stringify(missing));";
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT,
  });
  assert.deepEqual(JSON.parse(stdout), []);
});

test('the published package carries the emulator guide, as built from its source', async () => {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: PROJECT_ROOT,
  });
  const [packed] = JSON.parse(stdout) as { files: { path: string }[] }[];
  const paths = (packed?.files ?? []).map((file) => file.path);
  assert.ok(
    paths.includes('dist/testing/README.md'),
    `dist/testing/README.md is packed (got ${paths.length} files)`,
  );
  assert.equal(
    readFileSync(resolve(PROJECT_ROOT, 'dist/testing/README.md'), 'utf8'),
    readFileSync(resolve(PROJECT_ROOT, 'src/testing/README.md'), 'utf8'),
    'the build copies the current guide (run npm run build)',
  );
  const readme = readFileSync(resolve(PROJECT_ROOT, 'README.md'), 'utf8');
  assert.ok(readme.includes('dist/testing/README.md'), 'the main README says where the installed guide is');
});
