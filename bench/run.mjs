// `npm run bench [-- --quick] [-- --runs N] [-- --only dispatch,parse,webhook,persistence] [-- --size N] [-- --cold-runs N]
// [-- --json out.json]`: every scenario for every implementation, each run in a fresh child process,
// then a table (median, min-max, ratio to grammY, median of the per-round ratios to grammY).
// The library is measured as built JavaScript from dist/: run `npm run build` first (npm test does).
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
function option(name) {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

// Three runs keep --quick under three minutes; the full suite takes five for steadier medians.
const RUNS = Number(option('--runs') ?? (quick ? 3 : 5));
const only = option('--only')?.split(',');
const jsonOut = option('--json');
// Dispatch keeps the 200k even when quick (a run takes about a second): at 50k the row
// mostly measures how fast V8 warms up, which the cold row covers.
const SIZES = quick
  ? {
      parse: 20_000,
      dispatch: 200_000,
      memory: 50_000,
      polling: 5_000,
      'polling-seq': 5_000,
      'polling-conc': 5_000,
      persistence: 10_000,
    }
  : {
      parse: 100_000,
      dispatch: 200_000,
      memory: 200_000,
      polling: 20_000,
      'polling-seq': 20_000,
      'polling-conc': 20_000,
      persistence: 10_000,
    };
const sizeOverride = option('--size');
if (sizeOverride !== undefined) for (const key of Object.keys(SIZES)) SIZES[key] = Number(sizeOverride);
const COLD_RUNS = Number(option('--cold-runs') ?? 10);
// The webhook scenario runs for a duration; with --size it sends that many requests instead.
const WEBHOOK_LOAD = sizeOverride !== undefined ? sizeOverride : quick ? '3s' : '10s';

/** Scenario, implementations, what the number means, and whether higher is better. */
const SCENARIOS = [
  {
    id: 'parse',
    impls: ['ours', 'grammy', 'telegraf'],
    higher: true,
    note: 'ours: JSON -> Update objects -> JSON; peers have no objects (JSON.parse/stringify only)',
  },
  {
    id: 'dispatch',
    impls: ['ours', 'ours-conv', 'grammy', 'telegraf'],
    higher: true,
    note: 'ours includes Update.fromJSON and parses each canned API answer into objects; ours-conv: ours with a ConversationHandler first in the handler set',
  },
  {
    id: 'polling',
    impls: ['ours', 'ours-conv', 'grammy', 'telegraf', 'baseline'],
    higher: true,
    note:
      'defaults as users run them: ours runPolling (per-chat order, 256 at once), grammY bot.start() (one at a time), ' +
      'Telegraf launch() (a batch at once), baseline a batch at once; ours-conv: ours with a ConversationHandler installed',
  },
  {
    id: 'polling-seq',
    impls: ['ours', 'grammy', 'baseline'],
    higher: true,
    note: 'one update at a time: ours concurrentUpdates(false), grammY bot.start()',
  },
  {
    id: 'polling-conc',
    impls: ['ours', 'grammy', 'telegraf', 'baseline'],
    higher: true,
    note: 'concurrency 100: ours concurrentUpdates, grammY runner sink, Telegraf launch (per batch)',
  },
  {
    id: 'webhook',
    impls: ['ours', 'ours-fetch', 'grammy', 'telegraf'],
    higher: true,
    note:
      'autocannon, 50 connections, text updates POSTed with the secret token; value = replies / time to the last reply; ' +
      'ours: Updater.startWebhook (runWebhook) and webhookHandler behind node:http, default processing (per-chat order, 256 at once), answer 200 once the handler finished; ' +
      'grammY webhookCallback(bot, "http") and Telegraf webhookCallback (webhookReply off) answer after the handler',
  },
  {
    id: 'webhook-slow',
    impls: ['ours', 'grammy', 'telegraf'],
    higher: false,
    note:
      'overload: the webhook scenario with handlers that await 20 ms before replying; value = the bot process peak RSS; ' +
      'check = every accepted update replied, and end-to-end updates/s',
  },
  { id: 'cold', impls: ['ours', 'grammy', 'telegraf'], higher: false, note: 'node start + import + build' },
  { id: 'memory', impls: ['ours', 'grammy', 'telegraf'], higher: false, note: 'after the dispatch run' },
  { id: 'typecheck', impls: ['ours', 'grammy'], higher: false, note: 'tsc --noEmit, ~200-line bot' },
  {
    id: 'persistence',
    impls: ['dict', 'file', 'file-per-kind', 'sqlite'],
    higher: false,
    note:
      'ours only, per backend: app.updatePersistence() + flush() after every user changed (bench/persistence-flush.mjs); ' +
      'DictPersistence, FilePersistence one file / one file per kind, SqlitePersistence (WAL, synchronous FULL)',
  },
];

const PEERS = new Set(['grammy', 'telegraf']);
const haveAutocannon = existsSync(join(here, 'node_modules', 'autocannon'));
const havePeers =
  existsSync(join(here, 'node_modules', 'grammy')) && existsSync(join(here, 'node_modules', 'telegraf'));

/** Runs one worker process and resolves to its result object. */
export function runWorker(scenario, impl, size, { timeoutMs = 300_000 } = {}) {
  const flags = scenario === 'memory' ? ['--expose-gc'] : [];
  const child = spawn(process.execPath, [...flags, join(here, 'worker.mjs'), scenario, impl, String(size)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop();
      if (code !== 0 || !line) {
        reject(new Error(`${scenario}/${impl} failed (${signal ?? code}):\n${stderr}`));
        return;
      }
      resolve(JSON.parse(line));
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * grammY and Telegraf's better value in each round and the better of their medians, or undefined
 * when the scenario did not run both.
 */
function fasterPeer(results, higherIsBetter) {
  const grammy = results.grammy?.map((r) => r.value);
  const telegraf = results.telegraf?.map((r) => r.value);
  if (grammy === undefined || telegraf === undefined) return undefined;
  const better = (a, b) => (higherIsBetter ? Math.max(a, b) : Math.min(a, b));
  return {
    median: better(median(grammy), median(telegraf)),
    perRound: grammy.map((value, i) => better(value, telegraf[i])),
  };
}

function fmt(value) {
  if (value < 0) return `-${fmt(-value)}`;
  if (value >= 10_000) return `${Math.round(value / 1000)}k`;
  if (value >= 100) return String(Math.round(value));
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

async function main() {
  if (!existsSync(join(root, 'dist', 'ext', 'index.js'))) {
    console.error(
      'dist/ is missing: run `npm run build` first (the benchmarks measure the built JavaScript)',
    );
    process.exit(1);
  }
  if (!havePeers)
    console.error('bench/node_modules is missing: only ours and the baseline run (npm ci --prefix bench)');
  const started = Date.now();
  const rows = [];
  for (const scenario of SCENARIOS) {
    if (only && !only.includes(scenario.id)) continue;
    const runs = scenario.id === 'cold' ? COLD_RUNS : RUNS;
    const isWebhook = scenario.id.startsWith('webhook');
    const size = isWebhook ? WEBHOOK_LOAD : (SIZES[scenario.id] ?? 0);
    const results = {};
    if (isWebhook && !haveAutocannon) {
      console.error(
        `${scenario.id}: skipped, autocannon is missing from bench/node_modules (npm ci --prefix bench)`,
      );
      continue;
    }
    const impls = scenario.impls.filter((impl) => havePeers || !PEERS.has(impl));
    for (const impl of impls) results[impl] = [];
    // Runs are interleaved (ours, grammY, Telegraf, ours, ...) so that a change of load on the
    // machine during a scenario hits every implementation alike.
    for (let run = 0; run < runs; run++) {
      for (const impl of impls) results[impl].push(await runWorker(scenario.id, impl, size));
    }
    for (const impl of impls) {
      process.stderr.write(`${scenario.id} ${impl}: ${results[impl].map((r) => fmt(r.value)).join(' ')}\n`);
    }
    const grammyRuns = results.grammy?.map((r) => r.value);
    const grammy = grammyRuns ? median(grammyRuns) : undefined;
    for (const [impl, list] of Object.entries(results)) {
      const values = list.map((r) => r.value);
      const med = median(values);
      // Runs of one round share the machine's load: the median of their ratios is steadier than
      // the ratio of the medians on a machine whose speed drifts between rounds.
      const paired = grammyRuns ? median(values.map((value, i) => value / grammyRuns[i])) : undefined;
      const row = {
        scenario: scenario.id,
        impl,
        unit: list[0].unit + (scenario.higher ? ' (higher is better)' : ' (lower is better)'),
        median: med,
        min: Math.min(...values),
        max: Math.max(...values),
        vsGrammy: grammy === undefined ? undefined : med / grammy,
        pairedVsGrammy: paired,
        size,
        runs,
        note: scenario.note,
        extra: {},
      };
      const faster = fasterPeer(results, scenario.higher);
      if (faster !== undefined && impl.startsWith('ours')) {
        row.vsFasterPeer = med / faster.median;
        row.pairedVsFasterPeer = median(values.map((value, i) => value / faster.perRound[i]));
      }
      if (scenario.id === 'memory') {
        row.extra.heap = median(list.map((r) => r.heap));
        row.extra.rssGrowth = median(list.map((r) => r.rssGrowth));
        row.extra.heapGrowth = median(list.map((r) => r.heapGrowth));
      }
      if (scenario.id.startsWith('polling')) {
        row.extra.allReplied = list.every((r) => r.sendMessage === size);
        row.extra.botCpu = median(list.map((r) => r.botCpuPerUpdate));
        row.extra.serverCpu = median(list.map((r) => r.serverCpuPerUpdate));
      }
      if (scenario.id === 'dispatch') row.extra.callsRight = list.every((r) => r.callsRight);
      if (scenario.id === 'webhook-slow') {
        row.extra.allReplied = list.every((r) => r.allReplied);
        row.extra.accepted = median(list.map((r) => r.count));
        row.extra.replied = median(list.map((r) => r.sendMessage));
        row.extra.throughput = median(list.map((r) => r.throughput));
      }
      if (scenario.id === 'webhook') {
        row.extra.allReplied = list.every((r) => r.allReplied);
        row.extra.reqPerSec = median(list.map((r) => r.reqPerSec));
        row.extra.p50 = median(list.map((r) => r.p50));
        row.extra.p99 = median(list.map((r) => r.p99));
      }
      if (scenario.id === 'parse') row.extra.lossless = list.every((r) => r.lossless);
      if (scenario.id === 'persistence') {
        row.extra.usPerUser = median(list.map((r) => r.usPerUser));
        row.extra.few = list[0].few;
        row.extra.fewMs = median(list.map((r) => r.fewMs));
      }
      rows.push(row);
    }
  }
  printTable(rows);
  console.log(
    `\n${quick ? 'quick' : 'full'} suite, ${RUNS} runs (cold: ${COLD_RUNS}), Node ${process.version}, ` +
      `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 2)}\n`);
}

function signed(value) {
  return value < 0 ? fmt(value) : `+${fmt(value)}`;
}

function printTable(rows) {
  const header = ['scenario', 'impl', 'median', 'min-max', 'vs grammY', 'paired', 'unit', 'check'];
  const lines = rows.map((row) => {
    const checks = [];
    if (row.extra.allReplied !== undefined)
      checks.push(row.extra.allReplied ? 'all replied' : 'MISSING REPLIES');
    if (row.extra.accepted !== undefined) {
      checks.push(
        `accepted ${fmt(row.extra.accepted)} / replied ${fmt(row.extra.replied)}, ${fmt(row.extra.throughput)} updates/s`,
      );
    }
    if (row.extra.botCpu !== undefined) {
      checks.push(`CPU µs/update: bot ${fmt(row.extra.botCpu)}, server ${fmt(row.extra.serverCpu)}`);
    }
    if (row.extra.callsRight !== undefined) checks.push(row.extra.callsRight ? 'calls ok' : 'WRONG CALLS');
    if (row.extra.p99 !== undefined) {
      checks.push(
        `HTTP ${fmt(row.extra.reqPerSec)} req/s, p50 ${fmt(row.extra.p50)} ms, p99 ${fmt(row.extra.p99)} ms`,
      );
    }
    if (row.extra.lossless !== undefined) checks.push(row.extra.lossless ? 'lossless' : 'LOSSY');
    if (row.extra.usPerUser !== undefined) {
      checks.push(
        `${fmt(row.extra.usPerUser)} µs per user; ${row.extra.few} changed: ${fmt(row.extra.fewMs)} ms`,
      );
    }
    if (row.extra.heap !== undefined) {
      checks.push(
        `heap ${fmt(row.extra.heap)} MiB, 2nd run ${signed(row.extra.rssGrowth)} MiB RSS / ${signed(row.extra.heapGrowth)} MiB heap`,
      );
    }
    return [
      row.scenario,
      row.impl,
      fmt(row.median),
      `${fmt(row.min)}-${fmt(row.max)}`,
      row.vsGrammy === undefined ? '' : `${row.vsGrammy.toFixed(2)}x`,
      row.pairedVsGrammy === undefined ? '' : `${row.pairedVsGrammy.toFixed(2)}x`,
      row.unit,
      checks.join('; '),
    ];
  });
  // Columns padded to their widest cell, as a Markdown formatter would lay the table out.
  const widths = header.map((title, i) => Math.max(title.length, 3, ...lines.map((line) => line[i].length)));
  const format = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(format(header));
  console.log(format(widths.map((width) => '-'.repeat(width))));
  for (const line of lines) console.log(format(line));
  console.log('\nNotes:');
  console.log(
    '- vs grammY: median / grammY median; paired: median over rounds of value / grammY value of the same round',
  );
  for (const scenario of SCENARIOS) {
    if (rows.some((row) => row.scenario === scenario.id)) console.log(`- ${scenario.id}: ${scenario.note}`);
  }
  const againstPeers = rows.filter((row) => row.vsFasterPeer !== undefined);
  if (againstPeers.length > 0) {
    console.log(
      '\nAgainst the faster of grammY and Telegraf (median / its median; paired: median over rounds of value / the better peer value of the round):',
    );
    for (const row of againstPeers) {
      console.log(
        `- ${row.scenario} ${row.impl}: ${row.vsFasterPeer.toFixed(2)}x, paired ${row.pairedVsFasterPeer.toFixed(2)}x`,
      );
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
