// Runs one scenario for one implementation and prints one JSON line with the result.
// `node bench/worker.mjs <scenario> <impl> <size>`; run.mjs starts a fresh process for each run.
// Scenarios: parse, dispatch, memory, polling, polling-seq, polling-conc, webhook, webhook-slow, cold, typecheck,
// persistence (whose implementations are the persistence backends: dict, file, file-per-kind, sqlite).
// The webhook scenario's size is a duration (`3s`) or a number of requests (`50`).
import { fork, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const CONCURRENCY = 100;
/** What the handlers of the `webhook-slow` scenario await before replying (a database call, say). */
export const SLOW_HANDLER_MS = 20;

async function loadImpl(impl) {
  return import(`./lib/impl-${impl}.mjs`);
}

async function parseScenario(impl, size) {
  const { mixUpdates } = await import('./lib/updates.mjs');
  const texts = mixUpdates(1000).map((update) => JSON.stringify(update));
  const roundTrip = (await loadImpl(impl)).parseSetup();
  let lossless = true;
  for (const text of texts) if (roundTrip(text) !== text) lossless = false;
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < size; i++) bytes += roundTrip(texts[i % texts.length]).length;
  const elapsed = performance.now() - start;
  return { value: (size / elapsed) * 1000, unit: 'updates/s', count: size, lossless, bytes };
}

async function dispatchOnce(impl, size) {
  const { mixUpdates } = await import('./lib/updates.mjs');
  const pool = mixUpdates(1000);
  const setup = await (await loadImpl(impl)).dispatchSetup();
  const warmup = Math.min(size, 2000);
  await setup.run(pool, warmup);
  const start = performance.now();
  await setup.run(pool, size);
  const elapsed = performance.now() - start;
  return { setup, pool, warmup, elapsed };
}

async function dispatchScenario(impl, size) {
  const { expectedMixCalls } = await import('./lib/updates.mjs');
  const { setup, warmup, elapsed } = await dispatchOnce(impl, size);
  const expected = expectedMixCalls(size);
  const warm = expectedMixCalls(warmup);
  const calls = setup.calls;
  const callsRight =
    calls.sendMessage === expected.sendMessage + warm.sendMessage &&
    calls.answerCallbackQuery === expected.answerCallbackQuery + warm.answerCallbackQuery;
  await setup.close();
  return { value: (size / elapsed) * 1000, unit: 'updates/s', count: size, calls, callsRight };
}

function memorySnapshot() {
  globalThis.gc?.();
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return { rss: usage.rss / 2 ** 20, heap: usage.heapUsed / 2 ** 20 };
}

async function memoryScenario(impl, size) {
  if (typeof globalThis.gc !== 'function') throw new Error('the memory scenario needs node --expose-gc');
  const { setup, pool } = await dispatchOnce(impl, size);
  const first = memorySnapshot();
  await setup.run(pool, size);
  const second = memorySnapshot();
  await setup.close();
  return {
    value: first.rss,
    unit: 'MiB RSS',
    count: size,
    heap: first.heap,
    rssGrowth: second.rss - first.rss,
    heapGrowth: second.heap - first.heap,
  };
}

/** Starts the fake Bot API server in its own process (its own core), serving `count` updates. */
function startServerProcess(count) {
  const child = fork(join(here, 'lib', 'fake-server.mjs'), [String(count)], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => {
      const ask = (what) =>
        new Promise((done) => {
          child.once('message', (answer) => done(answer));
          child.send(what);
        });
      resolve({
        baseUrl: `http://127.0.0.1:${message.port}`,
        stats: async () => (await ask('stats')).stats,
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.send('close');
          }),
      });
    });
  });
}

async function pollingScenario(impl, size, concurrency) {
  const server = await startServerProcess(size);
  try {
    const implementation = await loadImpl(impl);
    const serverBefore = (await server.stats()).cpuMicros;
    const botBefore = process.cpuUsage();
    const { elapsed, replied } = await implementation.pollingEcho(server.baseUrl, size, concurrency);
    const botCpu = process.cpuUsage(botBefore);
    const stats = await server.stats();
    return {
      value: (size / elapsed) * 1000,
      unit: 'updates/s',
      count: size,
      replied,
      served: stats.served,
      sendMessage: stats.sendMessage,
      getUpdates: stats.getUpdates,
      concurrency,
      botCpuPerUpdate: (botCpu.user + botCpu.system) / size,
      serverCpuPerUpdate: (stats.cpuMicros - serverBefore) / size,
    };
  } finally {
    await server.close();
  }
}

async function coldScenario(impl) {
  const start = performance.now();
  const module = await loadImpl(impl);
  module.build();
  const end = performance.now();
  return { value: end, unit: 'ms to built app', importBuild: end - start };
}

function typecheckScenario(impl) {
  const require = createRequire(join(here, '..', 'package.json'));
  const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  const project = join(here, 'typecheck', impl);
  if (!existsSync(join(project, 'tsconfig.json'))) throw new Error(`no type-check project for ${impl}`);
  const start = performance.now();
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`tsc failed for ${impl}:\n${result.stdout}${result.stderr}`);
  return { value: elapsed, unit: 'ms' };
}

export async function runScenario(scenario, impl, size) {
  switch (scenario) {
    case 'parse':
      return parseScenario(impl, size);
    case 'dispatch':
      return dispatchScenario(impl, size);
    case 'memory':
      return memoryScenario(impl, size);
    case 'polling':
      return pollingScenario(impl, size, 'default');
    case 'polling-seq':
      return pollingScenario(impl, size, 1);
    case 'polling-conc':
      return pollingScenario(impl, size, CONCURRENCY);
    case 'webhook': {
      const { webhookScenario } = await import('./lib/webhook-scenario.mjs');
      return webhookScenario(impl, size, startServerProcess);
    }
    case 'webhook-slow': {
      const { webhookScenario } = await import('./lib/webhook-scenario.mjs');
      return webhookScenario(impl, size, startServerProcess, { handlerDelayMs: SLOW_HANDLER_MS });
    }
    case 'cold':
      return coldScenario(impl);
    case 'typecheck':
      return typecheckScenario(impl);
    case 'persistence': {
      const { persistenceFlush } = await import('./persistence-flush.mjs');
      return persistenceFlush(impl, size);
    }
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [scenario, impl, size = '1000'] = process.argv.slice(2);
  try {
    const result = await runScenario(scenario, impl, scenario.startsWith('webhook') ? size : Number(size));
    process.stdout.write(`${JSON.stringify({ scenario, impl, ...result })}\n`);
  } catch (error) {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exitCode = 1;
  }
}
