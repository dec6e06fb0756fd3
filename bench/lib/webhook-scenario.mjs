// The `webhook` scenario: a webhook echo bot (lib/webhook-bots.mjs) in this process, the fake Bot
// API in another, autocannon (lib/webhook-load.mjs) in a third, 50 connections.
//
// The `webhook-slow` scenario is the same with handlers that await 20 ms before replying (the
// overload case): the number is the bot's peak RSS; accepted and replied counts are its check.
//
// The load runs for a duration (`<n>s`) or a number of requests (`<n>`). Then the scenario waits
// until the fake server has counted one sendMessage per accepted request. The main number is
// end to end: replies / (time from the start of the load to the last reply). All four answer 200
// once the handler finished; autocannon's req/s and latency are the HTTP side.
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebhookBot, WEBHOOK_CONNECTIONS, WEBHOOK_PATH, WEBHOOK_SECRET } from './webhook-bots.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DRAIN_LIMIT_MS = 120_000;

/** `"3s"` -> a 3-second run; `"50"` -> 50 requests. */
export function parseLoad(spec) {
  const text = String(spec);
  if (text.endsWith('s')) return { duration: Number(text.slice(0, -1)) };
  return { amount: Number(text) };
}

function runLoad(options) {
  const child = fork(join(here, 'webhook-load.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => {
      if (message.error) reject(new Error(`autocannon failed: ${message.error}`));
      else resolve(message.result);
    });
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load process exited with ${code}`));
    });
    child.send(options);
  });
}

/**
 * Waits until the fake server counted a reply for every request sent (a timed run ends with up to
 * 50 requests in flight, which the bot still handles), or, once every answered request has its
 * reply, until the count stops moving for a second.
 */
async function waitForReplies(server, answered, sent) {
  const deadline = Date.now() + DRAIN_LIMIT_MS;
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const stats = await server.stats();
    const now = Date.now();
    if (stats.sendMessage !== last) {
      last = stats.sendMessage;
      lastChange = now;
    }
    if (stats.sendMessage >= sent || now > deadline) return stats;
    if (stats.sendMessage >= answered && now - lastChange > 1000) return stats;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Samples this process's RSS every 20 ms until stopped; resolves to the peak in MiB. */
function sampleRss() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) / 2 ** 20;
  };
}

/**
 * Runs the scenario for `impl`; `startServerProcess(count)` starts the fake Bot API (worker.mjs).
 * With `handlerDelayMs` (the `webhook-slow` scenario) every handler awaits that long first, and
 * the main number is the bot process's peak RSS during the load and the drain after it.
 */
export async function webhookScenario(impl, spec, startServerProcess, { handlerDelayMs = 0 } = {}) {
  const server = await startServerProcess(0);
  let bot;
  try {
    bot = await startWebhookBot(impl, server.baseUrl, handlerDelayMs);
    const stopSampling = sampleRss();
    const started = performance.now();
    const load = await runLoad({
      url: `http://127.0.0.1:${bot.port}${WEBHOOK_PATH}`,
      connections: WEBHOOK_CONNECTIONS,
      secret: WEBHOOK_SECRET,
      ...parseLoad(spec),
    });
    const stats = await waitForReplies(server, load.ok, load.sent);
    const elapsed = performance.now() - started;
    const peakRss = stopSampling();
    const throughput = (stats.sendMessage / elapsed) * 1000;
    const slow = handlerDelayMs > 0;
    return {
      value: slow ? peakRss : throughput,
      unit: slow ? 'MiB peak RSS' : 'updates/s end to end',
      throughput,
      peakRss,
      count: load.ok,
      reqPerSec: load.reqPerSec,
      p50: load.p50,
      p99: load.p99,
      requests: load.requests,
      sent: load.sent,
      notOk: load.notOk,
      errors: load.errors,
      sendMessage: stats.sendMessage,
      // One reply per answered request, and none for requests never sent.
      allReplied:
        load.ok > 0 &&
        load.notOk === 0 &&
        load.errors === 0 &&
        stats.sendMessage >= load.ok &&
        stats.sendMessage <= load.sent,
    };
  } finally {
    await bot?.close();
    await server.close();
  }
}
