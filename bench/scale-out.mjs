// The scale-out over Redis Streams (issue 16): throughput of 1, 2 and 3 worker processes on the
// dispatch-with-replies workload, against the same workload in one process without Redis, and
// what the Redis hop costs per update. Prints a Markdown table.
//
//   npm run build && node bench/scale-out.mjs [--updates 20000] [--shards 12] [--workers 1,2,3] [--runs 3]
//
// Needs Redis at 127.0.0.1:6379 (REDIS_URL overrides). The handlers and the canned Bot API answers
// are those of the dispatch scenario (lib/impl-ours.mjs): /start, /help, a text echo and a
// callback answer, every reply a sendMessage answered in process just before HTTP.
//
// - one process: the updates' JSON put into the application's update queue (the path an updater
//   takes: parse, per-chat processor, handlers), timed until the last one finished.
// - N workers: N processes running `app.runWorker()` on `redisStreams(...)`; once they share the
//   shards and each handled 2000 warm-up updates (as the one process does), the updates are appended to the shard streams in one pipelined burst and the time runs
//   until every stream is empty (each entry handled, acknowledged and deleted).
// - ingress: a RedisIngress (no workers) appending the updates, timed until all are stored: the
//   ingress process's cost per update (parse, shard, serialize, XADD).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { Application } from '../dist/ext/index.js';
import { Bot, Update } from '../dist/index.js';
import { redisIngress, redisStreams, shardOf, streamKeys, streamsStatus } from '../dist/redis/index.js';
import { CannedRequest, install } from './lib/impl-ours.mjs';
import { BOT_TOKEN, mixUpdates } from './lib/updates.mjs';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const quiet = { debug() {}, info() {}, warn() {}, error: console.error };

function arg(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

function cannedApp() {
  const calls = { sendMessage: 0, answerCallbackQuery: 0, other: 0 };
  const builder = Application.builder()
    .token(BOT_TOKEN)
    .request(new CannedRequest(calls))
    .getUpdatesRequest(new CannedRequest(calls))
    .jobQueue(null)
    .logger(quiet);
  return { builder, calls };
}

/** One process: the JSON of every update through the update queue, as an updater hands them over. */
async function oneProcess(updates) {
  const { builder } = cannedApp();
  const app = builder.updater(null).build();
  install(app, () => {});
  await app.initialize();
  await app.start();
  const run = (list) =>
    new Promise((resolve) => {
      let left = list.length;
      for (const json of list)
        app.updateQueue.putThen(structuredClone(json), () => --left === 0 && resolve());
    });
  await run(updates.slice(0, 2000));
  const cpu = ownCpu();
  const started = performance.now();
  await run(updates);
  const elapsed = performance.now() - started;
  const used = ownCpu() - cpu;
  await app.stop();
  await app.shutdown();
  return { ms: elapsed, workerCpu: used, redisCpu: 0 };
}

/** A worker process (`--worker prefix shards id`): runs until SIGTERM. */
async function workerMain() {
  const index = process.argv.indexOf('--worker');
  const [prefix, shards, id] = process.argv.slice(index + 1);
  const { builder } = cannedApp();
  const source = redisStreams({
    redis: REDIS_URL,
    shards: Number(shards),
    prefix,
    workerId: id,
    leaseMs: 3000,
  });
  const app = builder.updateSource(source).build();
  install(app, () => {});
  process.on('message', (message) => {
    if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
  });
  await app.runWorker({ stopSignals: ['SIGTERM'] });
  process.disconnect();
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** CPU time (user + system, µs) a worker process has used so far. */
function childCpu(child) {
  return new Promise((resolve) => {
    const listen = (message) => {
      if (message?.cpu === undefined) return;
      child.off('message', listen);
      resolve(message.cpu.user + message.cpu.system);
    };
    child.on('message', listen);
    child.send('cpu');
  });
}

/** CPU time (µs) the Redis server has used so far. */
async function redisCpu(client) {
  const info = await client.info('cpu');
  const read = (name) => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return (read('used_cpu_user') + read('used_cpu_sys')) * 1e6;
}

function ownCpu() {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

async function deletePrefix(client, prefix) {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** N worker processes; the updates appended once they share the shards; timed until all streams are empty. */
async function workers(client, count, updates, shards) {
  const prefix = `ttb-bench:${randomBytes(4).toString('hex')}:`;
  const ids = Array.from({ length: count }, (_, i) => `bench-w${i + 1}`);
  const children = ids.map((id) =>
    fork(fileURLToPath(import.meta.url), ['--worker', prefix, String(shards), id], { stdio: 'inherit' }),
  );
  try {
    const share = Math.ceil(shards / count);
    await waitFor(
      async () => {
        const owners = (await streamsStatus(client, { shards, prefix })).shards.map((s) => s.leaseOwner);
        return (
          owners.every((o) => o !== null) && ids.every((id) => owners.filter((o) => o === id).length <= share)
        );
      },
      60_000,
      'the workers to share the shards',
    );
    const keys = streamKeys(prefix);
    const bot = new Bot(BOT_TOKEN, {
      request: new CannedRequest({}),
      getUpdatesRequest: new CannedRequest({}),
    });
    // Sharded as the ingress shards them; serialized before the clock starts.
    const serialize = (list) =>
      list.map((json) => [keys.stream(shardOf(Update.fromJSON(json, bot), shards)), JSON.stringify(json)]);
    const entries = serialize(updates);
    const handleAll = async (list) => {
      for (let from = 0; from < list.length; from += 1000) {
        const pipeline = client.pipeline();
        for (const [stream, text] of list.slice(from, from + 1000))
          pipeline.call('XADD', stream, '*', 'u', text);
        await pipeline.exec();
      }
      await waitFor(
        async () => {
          const pipeline = client.pipeline();
          for (let shard = 0; shard < shards; shard++) pipeline.call('XLEN', keys.stream(shard));
          const replies = await pipeline.exec();
          return replies.every(([, length]) => Number(length) === 0);
        },
        300_000,
        'the streams to empty',
      );
    };
    // Warm-up, as for the one process: 2000 updates per worker (other update ids, or the dedupe
    // window would skip the measured ones), so each process's JIT is warm before the clock starts.
    await handleAll(
      serialize(
        updates
          .slice(0, 2000 * count)
          .map((json) => ({ ...json, update_id: json.update_id + 1_000_000_000 })),
      ),
    );
    const cpuBefore = await Promise.all(children.map(childCpu));
    const redisBefore = await redisCpu(client);
    const started = performance.now();
    await handleAll(entries);
    const elapsed = performance.now() - started;
    const cpuAfter = await Promise.all(children.map(childCpu));
    const workerCpu = cpuAfter.reduce((sum, cpu, i) => sum + cpu - cpuBefore[i], 0);
    return { ms: elapsed, workerCpu, redisCpu: (await redisCpu(client)) - redisBefore };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
    await deletePrefix(client, prefix);
  }
}

/** The ingress alone: every update appended (parse, shard, serialize, XADD), timed until stored. */
async function ingressOnly(client, updates, shards) {
  const prefix = `ttb-bench:${randomBytes(4).toString('hex')}:`;
  const ingress = redisIngress({
    bot: new Bot(BOT_TOKEN, { request: new CannedRequest({}), getUpdatesRequest: new CannedRequest({}) }),
    redis: REDIS_URL,
    shards,
    prefix,
    maxPending: updates.length + 1,
    logger: quiet,
  });
  await ingress.start();
  const bot = ingress.bot;
  const cpu = ownCpu();
  const redisBefore = await redisCpu(client);
  const started = performance.now();
  await Promise.all(updates.map((json) => ingress.updateQueue.putTracked(Update.fromJSON(json, bot))));
  const elapsed = performance.now() - started;
  const used = ownCpu() - cpu;
  const redisUsed = (await redisCpu(client)) - redisBefore;
  await ingress.stop();
  await deletePrefix(client, prefix);
  return { ms: elapsed, workerCpu: used, redisCpu: redisUsed };
}

/** The run with the median time. */
function median(results) {
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const count = Number(arg('updates', '20000'));
  const shards = Number(arg('shards', '12'));
  const counts = arg('workers', '1,2,3').split(',').map(Number);
  const runs = Number(arg('runs', '3'));
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  await client.ping().catch((error) => {
    console.error(
      `No Redis answers at ${REDIS_URL} (${error.message}): start one, e.g. redis-server --save ''`,
    );
    process.exit(1);
  });
  const updates = mixUpdates(count);
  const rows = [];
  const times = async (measure) => {
    const results = [];
    for (let run = 0; run < runs; run++) results.push(await measure());
    return median(results);
  };
  rows.push({ what: 'one process, no Redis', ...(await times(() => oneProcess(updates))) });
  for (const n of counts) {
    rows.push({
      what: `${n} worker${n === 1 ? '' : 's'} on Redis Streams`,
      ...(await times(() => workers(client, n, updates, shards))),
    });
  }
  const ingress = {
    what: 'ingress alone (appending only)',
    ...(await times(() => ingressOnly(client, updates, shards))),
  };
  await client.quit();
  const us = (value) => (value / count).toFixed(1);
  const base = rows[0];
  console.log(
    `\n${count} updates of the dispatch mix (110 chats), ${shards} shards, median of ${runs} runs, Redis at ${new URL(REDIS_URL).host}\n`,
  );
  console.log('| setup | updates/s | vs one process | bot CPU µs/update | Redis CPU µs/update |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of [...rows, ingress]) {
    const rate = (count / row.ms) * 1000;
    const ratio = row === ingress ? '' : `${(base.ms / row.ms).toFixed(2)}x`;
    console.log(
      `| ${row.what} | ${Math.round(rate)} | ${ratio} | ${us(row.workerCpu)} | ${us(row.redisCpu)} |`,
    );
  }
  const oneWorker = rows.find((row) => row.what.startsWith('1 worker'));
  if (oneWorker !== undefined) {
    const hop =
      (oneWorker.workerCpu - base.workerCpu + oneWorker.redisCpu + ingress.workerCpu + ingress.redisCpu) /
      count;
    console.log(
      `\nThe Redis hop costs ${hop.toFixed(1)} µs of CPU per update over one process: ${us(oneWorker.workerCpu - base.workerCpu)} in the worker (read, dedupe check, acknowledgement), ${us(ingress.workerCpu)} in the ingress (shard, serialize, append), ${us(oneWorker.redisCpu + ingress.redisCpu)} in Redis.`,
    );
  }
}

if (process.argv.includes('--worker')) await workerMain();
else await main();
