// Smoke run of the benchmark suite (bench/run.mjs) with tiny sizes, so it cannot rot: every scenario
// for our implementation and the undici baseline, and for grammY and Telegraf too when their
// packages are installed in bench/node_modules (`npm ci --prefix bench`). No timing assertions.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { collectOutput } from './helpers/child-output.js';

interface Row {
  readonly scenario: string;
  readonly impl: string;
  readonly median: number;
  readonly runs: number;
  readonly size: number;
  readonly extra: {
    readonly allReplied?: boolean;
    readonly callsRight?: boolean;
    readonly lossless?: boolean;
    readonly heap?: number;
    readonly reqPerSec?: number;
    readonly p99?: number;
    readonly accepted?: number;
    readonly replied?: number;
    readonly usPerUser?: number;
  };
}

const SIZE = 50;
const peersInstalled =
  existsSync(join('bench', 'node_modules', 'grammy')) &&
  existsSync(join('bench', 'node_modules', 'telegraf'));

function runBench(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join('bench', 'run.mjs'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  // A bound for a stuck run, not a speed check: a loaded 2-core machine needs minutes with the peers.
  const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, ...output });
    });
  });
}

describe('benchmark suite, tiny sizes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`runs every scenario (peers ${peersInstalled ? 'included' : 'skipped: bench/node_modules is absent'})`, async (t) => {
    if (!peersInstalled)
      t.diagnostic('grammY and Telegraf are skipped: run `npm ci --prefix bench` to include them');
    const out = join(dir, 'results.json');
    const { code, stdout, stderr } = await runBench([
      '--size',
      String(SIZE),
      '--runs',
      '1',
      '--cold-runs',
      '1',
      '--json',
      out,
    ]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /\| scenario +\| impl +\| median +\|/);
    const rows = JSON.parse(readFileSync(out, 'utf8')) as Row[];
    const find = (scenario: string, impl: string) =>
      rows.find((r) => r.scenario === scenario && r.impl === impl);
    const impls = peersInstalled ? ['ours', 'grammy', 'telegraf'] : ['ours'];
    const expected: Array<[string, string]> = [];
    for (const impl of impls) {
      for (const scenario of ['parse', 'dispatch', 'polling', 'polling-conc', 'cold', 'memory'])
        expected.push([scenario, impl]);
    }
    for (const impl of peersInstalled ? ['ours', 'grammy'] : ['ours']) {
      expected.push(['polling-seq', impl], ['typecheck', impl]);
    }
    expected.push(['polling', 'baseline'], ['polling-seq', 'baseline'], ['polling-conc', 'baseline']);
    // Ours only: the cost of one application write of every user, per persistence backend.
    for (const backend of ['dict', 'file', 'file-per-kind', 'sqlite'])
      expected.push(['persistence', backend]);
    // The webhook scenario needs autocannon from bench/node_modules; with --size it sends that many requests.
    const webhookImpls = peersInstalled ? ['ours', 'ours-fetch', 'grammy', 'telegraf'] : [];
    for (const impl of webhookImpls) expected.push(['webhook', impl]);
    for (const impl of peersInstalled ? ['ours', 'grammy', 'telegraf'] : [])
      expected.push(['webhook-slow', impl]);
    for (const [scenario, impl] of expected) {
      const row = find(scenario, impl);
      assert.ok(row, `${scenario}/${impl} is missing from the results`);
      assert.ok(Number.isFinite(row.median) && row.median > 0, `${scenario}/${impl}: ${row.median}`);
      if (scenario.startsWith('polling') || scenario.startsWith('webhook'))
        assert.equal(row.extra.allReplied, true, `${scenario}/${impl} replies`);
      if (scenario === 'webhook') {
        assert.ok((row.extra.p99 ?? -1) >= 0, `${scenario}/${impl} latency`);
        assert.ok((row.extra.reqPerSec ?? 0) > 0, `${scenario}/${impl} req/s`);
      }
      if (scenario === 'dispatch') assert.equal(row.extra.callsRight, true, `${scenario}/${impl} API calls`);
      if (scenario === 'parse') assert.equal(row.extra.lossless, true, `${scenario}/${impl} round trip`);
      if (scenario === 'memory') assert.ok((row.extra.heap ?? 0) > 0);
      if (scenario === 'webhook-slow') {
        assert.equal(
          row.extra.replied,
          row.extra.accepted,
          `${scenario}/${impl}: every accepted update replied`,
        );
      }
      if (scenario === 'persistence')
        assert.ok((row.extra.usPerUser ?? 0) > 0, `${scenario}/${impl}: µs per user`);
    }
  });
});
