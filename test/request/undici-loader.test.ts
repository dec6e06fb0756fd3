import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectOutput } from '../helpers/child-output.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface LoadReport {
  result: unknown;
  route: string;
  packageIndexLoaded: boolean;
}

/** Runs the fixture in a fresh process (so undici is not loaded yet) and reads its report. */
async function loadInChild(extraImports: string[]): Promise<LoadReport> {
  const imports = extraImports.flatMap((path) => ['--import', path]);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ...imports, join(fixtures, 'undici-load-child.ts')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = collectOutput(child);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, `the child failed:\n${output.stderr}`);
  return JSON.parse(output.stdout.trim().split('\n').at(-1) ?? '') as LoadReport;
}

describe('loading undici', { timeout: 60_000 }, () => {
  test('a request loads only the undici modules it uses, not the whole package', async () => {
    const report = await loadInChild([]);
    assert.deepEqual(report.result, { answer: 42 });
    assert.equal(report.route, 'modules');
    assert.equal(report.packageIndexLoaded, false);
  });

  test('when undici moved its modules, requests still work through the package index', async () => {
    const report = await loadInChild([join(fixtures, 'hide-undici-modules.mjs')]);
    assert.deepEqual(report.result, { answer: 42 });
    assert.equal(report.route, 'package');
    assert.equal(report.packageIndexLoaded, true);
  });
});
