// The pieces of the Redis Streams scale-out, each on a real Redis: sharding, the ingress's
// backpressure, the leases and their takeover, the dedupe window, in-order handling.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bot } from '../../src/bot.js';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/builder.js';
import { MessageHandler } from '../../src/ext/handlers/message.js';
import { Update } from '../../src/generated/types.js';
import type { Logger } from '../../src/logging.js';
import type { Redis } from '../../src/redis/connection.js';
import {
  hashId,
  type RedisStreamsOptions,
  redisIngress,
  redisStreams,
  type StreamKeys,
  shardOf,
  streamKeys,
  streamsStatus,
  WORKER_GROUP,
} from '../../src/redis/index.js';
import { RELEASE, RENEW } from '../../src/redis/streams/scripts.js';
import { sampleUpdateJSON } from '../ext/helpers.js';
import { cleanUp, freezableRedis, REDIS_URL, redisSkipReason, testClient, testPrefix } from './helpers.js';
import { chatUpdates, InProcessApi, STREAMS_TOKEN, textUpdate } from './streams-fixtures.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Handled {
  readonly updateId: number;
  readonly chatId: number;
  readonly text: string;
}

/** A worker application on the streams under `prefix`, recording what its handler sees. */
function startWorker(options: Partial<RedisStreamsOptions> & { prefix: string; shards: number }) {
  const handled: Handled[] = [];
  const source = redisStreams({ redis: REDIS_URL, leaseMs: 900, blockMs: 500, ...options });
  const api = new InProcessApi();
  const app = Application.builder()
    .token(STREAMS_TOKEN)
    .request(api)
    .getUpdatesRequest(new InProcessApi())
    .jobQueue(null)
    .logger(quiet)
    .updateSource(source)
    .build();
  let hook: ((update: Update) => Promise<void>) | undefined;
  app.addHandler(
    new MessageHandler(null, async (update) => {
      await hook?.(update);
      const message = update.message;
      if (message === undefined) return;
      handled.push({ updateId: update.update_id, chatId: message.chat.id, text: message.text ?? '' });
    }),
  );
  const errors: unknown[] = [];
  app.addErrorHandler((_update, context) => {
    errors.push(context.error);
  });
  const running = app.runWorker({ stopSignals: [] });
  return {
    app,
    source,
    handled,
    errors,
    setHook(next: (update: Update) => Promise<void>) {
      hook = next;
    },
    async stop() {
      app.stopRunning();
      await running;
    },
  };
}

async function startIngress(prefix: string, shards: number, maxPending?: number) {
  const api = new InProcessApi();
  const ingress = redisIngress({
    bot: new Bot(STREAMS_TOKEN, { request: new InProcessApi(), getUpdatesRequest: api }),
    redis: REDIS_URL,
    shards,
    prefix,
    maxPending,
    logger: quiet,
  });
  await ingress.start();
  const bot = ingress.bot;
  return {
    ingress,
    store: (json: Record<string, unknown>) => ingress.updateQueue.putTracked(Update.fromJSON(json, bot)),
  };
}

/** What each Redis test gets: its own key prefix, the streams' key names under it, and a client. */
interface RedisScope {
  readonly prefix: string;
  readonly keys: StreamKeys;
  readonly client: Redis;
}

/** A test that skips (saying why) without Redis, and removes its keys and client afterwards. */
function redisTest(name: string, body: (scope: RedisScope) => Promise<void>): void {
  // Bounded: a stop or a read that hangs fails its test instead of stalling the run.
  test(name, { timeout: 60_000 }, async (t) => {
    const skip = await redisSkipReason();
    if (skip) return t.skip(skip);
    const prefix = testPrefix();
    const client = testClient();
    try {
      await body({ prefix, keys: streamKeys(prefix), client });
    } finally {
      await cleanUp(client, prefix);
    }
  });
}

test('an update goes to the shard of its chat, else of its user, else of its update_id', () => {
  const inChat = Update.fromJSON(textUpdate(1, 555, 'a'));
  const sameChat = Update.fromJSON(textUpdate(99, 555, 'b'));
  assert.equal(shardOf(inChat, 16), shardOf(sameChat, 16), 'two updates of one chat share a shard');
  assert.equal(shardOf(inChat, 16), hashId(555) % 16, 'the shard is hash(chat id) % shards');
  const query = Update.fromJSON({
    update_id: 5,
    inline_query: { id: 'q', from: { id: 777, is_bot: false, first_name: 'U' }, query: '', offset: '' },
  });
  assert.equal(shardOf(query, 16), hashId(777) % 16, 'an update without a chat goes by its user');
  const poll = Update.fromJSON({ ...sampleUpdateJSON('poll'), update_id: 31 });
  assert.equal(shardOf(poll, 16), hashId(31) % 16, 'an update with neither goes by its update_id');
  const counts = new Array<number>(8).fill(0);
  for (let chat = 1; chat <= 200; chat++) counts[hashId(chat) % 8] = (counts[hashId(chat) % 8] ?? 0) + 1;
  assert.ok(
    counts.every((count) => count >= 12 && count <= 40),
    `200 consecutive chat ids spread over 8 shards: ${counts}`,
  );
});

redisTest(
  'every update reaches a worker once and in its chat’s order, through the ingress and runWorker',
  async ({ prefix, client }) => {
    const { ingress, store } = await startIngress(prefix, 4);
    const worker = startWorker({ prefix, shards: 4 });
    const updates = chatUpdates(300, 12);
    await Promise.all(updates.map(store));
    await until('300 handled updates', () => worker.handled.length >= 300);
    await worker.stop();
    await ingress.stop();
    assert.deepEqual(
      worker.handled.map((h) => h.updateId).sort((a, b) => a - b),
      updates.map((u) => u.update_id),
      'each update handled exactly once',
    );
    const positions = new Map<number, number>();
    for (const h of worker.handled) {
      const last = positions.get(h.chatId) ?? -1;
      assert.equal(Number(h.text), last + 1, `chat ${h.chatId}: its updates in order`);
      positions.set(h.chatId, Number(h.text));
    }
    const status = await streamsStatus(client, { shards: 4, prefix });
    assert.ok(
      status.shards.every((s) => s.length === 0 && s.pending === 0),
      'handled entries are acknowledged and removed',
    );
    assert.equal(
      status.shards.reduce((sum, s) => sum + s.remembered, 0),
      300,
      'every handled update id is remembered for the dedupe window',
    );
    assert.equal(worker.errors.length, 0, `no errors: ${worker.errors}`);
  },
);

redisTest(
  'an update id handled within the window is skipped; it is marked only after its handler finished',
  async ({ prefix, keys, client }) => {
    const { ingress, store } = await startIngress(prefix, 1);
    const worker = startWorker({ prefix, shards: 1 });
    const markedWhileHandling: unknown[] = [];
    worker.setHook(async (update) => {
      markedWhileHandling.push(await client.zscore(keys.done(0), String(update.update_id)));
    });
    await store(textUpdate(41, 9, '0'));
    await until('the first delivery handled', () => worker.handled.length === 1);
    // Telegram delivers it again (a webhook answer lost), then a new update follows.
    await store(textUpdate(41, 9, '0'));
    await store(textUpdate(42, 9, '1'));
    await until('the next update handled', () => worker.handled.length === 2);
    await worker.stop();
    await ingress.stop();
    assert.deepEqual(
      worker.handled.map((h) => h.updateId),
      [41, 42],
      'the repeat of update 41 was not handled again',
    );
    assert.equal(worker.source.stats.duplicatesSkipped, 1, 'the repeat counts as a dedupe hit');
    assert.deepEqual(
      markedWhileHandling,
      [null, null],
      'no update was marked handled before its handler ran',
    );
    assert.notEqual(await client.zscore(keys.done(0), '41'), null, 'update 41 is remembered as handled');
  },
);

redisTest(
  'a full shard holds new updates (nothing dropped) until the workers catch up, in order',
  async ({ prefix, keys, client }) => {
    const { ingress, store } = await startIngress(prefix, 1, 3);
    const stored: number[] = [];
    const updates = chatUpdates(7, 1);
    const all = updates.map((json) => store(json).then(() => stored.push(json.update_id as number)));
    await until('three stored', () => stored.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(stored.length, 3, 'past maxPending, updates wait instead of being appended');
    assert.equal(Number(await client.xlen(keys.stream(0))), 3, 'the stream holds no more than maxPending');
    assert.equal(ingress.unstored, 4, 'the held updates are counted, not dropped');
    const worker = startWorker({ prefix, shards: 1 });
    await Promise.all(all);
    await until('all seven handled', () => worker.handled.length === 7);
    await worker.stop();
    await ingress.stop();
    assert.deepEqual(stored, [1, 2, 3, 4, 5, 6, 7], 'stored in arrival order once there was room');
    assert.deepEqual(
      worker.handled.map((h) => h.text),
      ['0', '1', '2', '3', '4', '5', '6'],
      'handled in order',
    );
  },
);

redisTest('a lease is renewed and released only with its owner token', async ({ keys, client }) => {
  const key = keys.lease(0);
  assert.equal(await client.set(key, 'owner-a', 'PX', 300, 'NX'), 'OK', 'a free lease is taken');
  assert.equal(await client.set(key, 'owner-b', 'PX', 300, 'NX'), null, 'a held lease is not taken twice');
  assert.equal(Number(await RENEW.run(client, [key], ['owner-b', 5000])), 0, 'another owner cannot renew it');
  assert.equal(Number(await RELEASE.run(client, [key], ['owner-b'])), 0, 'nor release it');
  assert.equal(Number(await RENEW.run(client, [key], ['owner-a', 5000])), 1, 'its owner renews it');
  assert.ok((await client.pttl(key)) > 1000, 'the renewal extends its expiry');
  assert.equal(Number(await RELEASE.run(client, [key], ['owner-a'])), 1, 'its owner releases it');
  assert.equal(await client.exists(key), 0, 'a released lease is gone');
  await client.set(key, 'owner-a', 'PX', 150, 'NX');
  await new Promise((resolve) => setTimeout(resolve, 250));
  assert.equal(await client.set(key, 'owner-b', 'PX', 300, 'NX'), 'OK', 'an expired lease is free');
});

redisTest(
  'a dead worker’s shard is taken after its lease expires, its pending entries first, in order',
  async ({ prefix, keys, client }) => {
    const { ingress, store } = await startIngress(prefix, 1);
    for (const json of chatUpdates(3, 1)) await store(json);
    // A worker that read two entries and died: its lease still runs, its entries are pending.
    await client.set(keys.lease(0), 'ghost', 'PX', 700);
    await client.call(
      'XREADGROUP',
      'GROUP',
      WORKER_GROUP,
      'ghost',
      'COUNT',
      2,
      'STREAMS',
      keys.stream(0),
      '>',
    );
    const started = Date.now();
    const worker = startWorker({ prefix, shards: 1, leaseMs: 600 });
    await until('three handled', () => worker.handled.length === 3);
    const waited = Date.now() - started;
    await store(textUpdate(4, 7000, '3'));
    await until('the fourth handled', () => worker.handled.length === 4);
    await worker.stop();
    await ingress.stop();
    assert.ok(waited >= 450, `the shard was not taken while the dead worker's lease ran (${waited} ms)`);
    assert.deepEqual(
      worker.handled.map((h) => h.text),
      ['0', '1', '2', '3'],
      'the claimed entries first, then the rest, in order',
    );
    assert.equal(worker.source.stats.claimed, 2, 'the two pending entries were claimed');
    const consumers = (await client.call('XINFO', 'CONSUMERS', keys.stream(0), WORKER_GROUP)) as unknown[][];
    assert.ok(
      consumers.every((c) => !c.includes('ghost')),
      'the dead consumer left the group once its entries were taken',
    );
  },
);

redisTest(
  'workers share the shards fairly, and the rest take over the shards of one that stops',
  async ({ prefix, client }) => {
    const a = startWorker({ prefix, shards: 6, leaseMs: 600, workerId: 'worker-a' });
    const b = startWorker({ prefix, shards: 6, leaseMs: 600, workerId: 'worker-b' });
    await until(
      '3 shards each',
      () => a.source.stats.ownedShards.length === 3 && b.source.stats.ownedShards.length === 3,
    );
    const owners = (await streamsStatus(client, { shards: 6, prefix })).shards.map((s) => s.leaseOwner);
    assert.equal(owners.filter((o) => o === 'worker-a').length, 3, `the leases show the split: ${owners}`);
    await b.stop();
    await until('a owns all 6', () => a.source.stats.ownedShards.length === 6, 5000);
    const status = await streamsStatus(client, { shards: 6, prefix });
    assert.ok(
      status.shards.every((s) => s.leaseOwner === 'worker-a'),
      'every lease belongs to the remaining worker',
    );
    assert.deepEqual(
      status.workers.map((w) => w.id),
      ['worker-a'],
      'the stopped worker left the list of live workers',
    );
    await a.stop();
  },
);

redisTest(
  'processes configured with another shard count refuse to run on the same streams',
  async ({ prefix }) => {
    const { ingress } = await startIngress(prefix, 4);
    await assert.rejects(
      startIngress(prefix, 8),
      /set up with 4 shards.*configured with 8/,
      'the mismatch is named',
    );
    await ingress.stop();
  },
);

redisTest(
  'the ingress’s webhook answers 200 only once the update is in Redis, and holds the request while the shard is full',
  async ({ prefix, keys, client }) => {
    const { ingress } = await startIngress(prefix, 1, 1);
    const handle = ingress.webhookHandler({ secretToken: 'S3cret' });
    const post = (json: Record<string, unknown>) =>
      handle(
        new Request('http://127.0.0.1/telegram', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'S3cret' },
          body: JSON.stringify(json),
        }),
      );
    const first = await post(textUpdate(1, 5, '0'));
    assert.equal(first.status, 200, 'the first update is answered');
    assert.equal(Number(await client.xlen(keys.stream(0))), 1, '… after it was appended');
    let answered = false;
    const second = post(textUpdate(2, 5, '1')).then((response) => {
      answered = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(answered, false, 'with the shard full, the request is held unanswered');
    const forbidden = await handle(
      new Request('http://127.0.0.1/telegram', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    assert.equal(forbidden.status, 403, 'the secret token is checked as by any webhook');
    const [[id]] = (await client.xrange(keys.stream(0), '-', '+')) as [[string, string[]]];
    await client.xdel(keys.stream(0), id);
    assert.equal((await second).status, 200, 'once there is room the held request is answered');
    const entries = await client.xrange(keys.stream(0), '-', '+');
    assert.equal(entries.length, 1, 'the held update was appended');
    assert.match(entries[0]?.[1][1] ?? '', /"update_id":2/, 'and it is the second update');
    await ingress.stop();
  },
);

redisTest(
  'a polling ingress whose Redis goes silent stops within stopTimeout and confirms nothing it did not store',
  async ({ prefix, keys, client }) => {
    const all = chatUpdates(6, 1);
    const served = all.slice(0, 3);
    const api = new InProcessApi(served);
    const relay = await freezableRedis();
    const errors: string[] = [];
    const ingress = redisIngress({
      bot: new Bot(STREAMS_TOKEN, { request: new InProcessApi(), getUpdatesRequest: api }),
      redis: relay.url,
      shards: 1,
      prefix,
      stopTimeout: 0.5,
      logger: { ...quiet, error: (message: string) => errors.push(message) },
    });
    const running = ingress.runPolling({ timeout: 1, stopSignals: [] });
    try {
      await until('three appended', async () => Number(await client.xlen(keys.stream(0))) === 3);
      await until('the three confirmed', () => api.confirmed === 4);
      relay.freeze();
      served.push(...all.slice(3));
      await until('the next three received and held', () => ingress.unstored === 3);
      const started = Date.now();
      ingress.stopRunning();
      await running;
      const took = Date.now() - started;
      assert.ok(took < 5000, `the stop ended after stopTimeout, not when Redis came back (took ${took} ms)`);
      assert.equal(api.confirmed, 4, 'no update past the last stored one was confirmed to Telegram');
      assert.equal(Number(await client.xlen(keys.stream(0))), 3, 'Redis holds only the first three');
      assert.ok(
        errors.some((message) =>
          message.includes('Redis did not take 3 received updates within stopTimeout'),
        ),
        `the stop said what it gave up (errors: ${JSON.stringify(errors)})`,
      );
    } finally {
      if (ingress.running) {
        ingress.stopRunning();
        await running.catch(() => undefined);
      }
      await relay.close();
    }
  },
);

redisTest(
  'a polling ingress confirms an offset to Telegram only past updates that are in Redis, and pauses while full',
  async ({ prefix, keys, client }) => {
    const api = new InProcessApi(chatUpdates(6, 1));
    const ingress = redisIngress({
      bot: new Bot(STREAMS_TOKEN, { request: new InProcessApi(), getUpdatesRequest: api }),
      redis: REDIS_URL,
      shards: 1,
      prefix,
      maxPending: 3,
      logger: quiet,
    });
    const running = ingress.runPolling({ timeout: 1, stopSignals: [] });
    await until('three appended', async () => Number(await client.xlen(keys.stream(0))) === 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(
      api.confirmed <= 4,
      `no offset past the first unstored update (4) was confirmed: ${api.confirmed}`,
    );
    assert.equal(Number(await client.xlen(keys.stream(0))), 3, 'the full shard took nothing more');
    await client.call('XTRIM', keys.stream(0), 'MAXLEN', 0);
    await until('the rest appended', async () => Number(await client.xlen(keys.stream(0))) === 3);
    await until('everything confirmed', () => api.confirmed === 7);
    ingress.stopRunning();
    await running;
    const texts = (await client.xrange(keys.stream(0), '-', '+')).map(
      (entry) => JSON.parse(entry[1][1] ?? '{}').update_id,
    );
    assert.deepEqual(texts, [4, 5, 6], 'the held updates were appended in order once there was room');
  },
);

redisTest(
  'an entry another consumer left pending while the shard stayed owned is swept up after a lease time',
  async ({ prefix, keys, client }) => {
    const worker = startWorker({ prefix, shards: 1, leaseMs: 600 });
    await until('the shard owned', () => worker.source.stats.ownedShards.length === 1);
    // A worker that lost the shard read an entry just before: it is pending under its name.
    await client.xadd(keys.stream(0), '*', 'u', JSON.stringify(textUpdate(77, 3, '0')));
    await client.call(
      'XREADGROUP',
      'GROUP',
      WORKER_GROUP,
      'stale-worker',
      'COUNT',
      5,
      'STREAMS',
      keys.stream(0),
      '>',
    );
    await until('the stranded entry handled', () => worker.handled.length === 1, 5000);
    await worker.stop();
    assert.equal(worker.handled[0]?.updateId, 77, 'the stranded update was handled');
    assert.equal(Number(await client.xlen(keys.stream(0))), 0, 'and acknowledged');
  },
);

redisTest(
  'entries read but not handled after a failed Redis call are claimed again and handled in order',
  async ({ prefix, keys, client }) => {
    const { ingress, store } = await startIngress(prefix, 1);
    const worker = startWorker({ prefix, shards: 1 });
    try {
      await until('the worker to own the shard', () => worker.source.stats.ownedShards.length === 1);
      // A dedupe set of the wrong type makes the lookup before handling fail (WRONGTYPE) after the
      // entries were read: they are pending under this worker, which reading with '>' never returns.
      await client.set(keys.done(0), 'not a sorted set');
      for (const [id, text] of [
        [51, '0'],
        [52, '1'],
        [53, '2'],
      ] as const)
        await store(textUpdate(id, 9, text));
      await until('the failed lookup reported', () => worker.errors.length > 0);
      assert.equal(worker.handled.length, 0, 'nothing was handled while the lookup failed');
      await client.del(keys.done(0));
      await until('the entries handled after all', () => worker.handled.length === 3);
      assert.deepEqual(
        worker.handled.map((h) => h.text),
        ['0', '1', '2'],
        'the pending entries were handled, in their chat’s order',
      );
      await until('the stream emptied', async () => Number(await client.xlen(keys.stream(0))) === 0);
    } finally {
      await worker.stop();
      await ingress.stop();
    }
  },
);
