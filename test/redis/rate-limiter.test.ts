// RedisRateLimiter: three limiters with their own Redis connections (three processes, as far as
// Redis can tell) share the overall and per-group windows; time is a fake clock the test moves.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateLimiterShutDownError } from '../../src/ext/rate-limiter/base.js';
import { RedisRateLimiter } from '../../src/redis/index.js';
import { FakeClock } from '../ext/rate-limiter-clock.js';
import { cleanUp, redisSkipReason, testClient, testPrefix } from './helpers.js';

const skip = await redisSkipReason();

/** The most sends in any `periodMs` among `times`. */
function busiest(times: readonly number[], periodMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= periodMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Budget calls Redis has not answered yet, over all limiters of a test. */
let taking = 0;

/** Moves the fake clock in steps; before each, waits until Redis answered every budget call. */
async function run(clock: FakeClock, totalMs: number, stepMs: number, done: () => boolean): Promise<void> {
  for (let t = 0; t < totalMs && !done(); t += stepMs) {
    await sleep(1);
    for (let i = 0; i < 2000 && taking > 0; i++) await sleep(1);
    await clock.advance(stepMs);
  }
}

async function setup(count: number, options: { groupMaxRate?: number; marginMs?: number } = {}) {
  const prefix = testPrefix();
  const clock = new FakeClock();
  const clients = Array.from({ length: count }, () => testClient());
  const limiters = clients.map(
    (redis) => new RedisRateLimiter({ redis, prefix, clock, marginMs: 0, ...options }),
  );
  for (const limiter of limiters) {
    const take = limiter.budget.take.bind(limiter.budget);
    limiter.budget.take = async (limits, now) => {
      taking++;
      try {
        return await take(limits, now);
      } finally {
        taking--;
      }
    };
  }
  const sent: Array<{ at: number; chat: string; process: number }> = [];
  const send = (process: number, chat: number | string, priority?: 'low') =>
    (limiters[process] as RedisRateLimiter).processRequest(
      async () => void sent.push({ at: clock.now(), chat: String(chat), process }),
      'sendMessage',
      { chat_id: chat },
      priority === undefined ? undefined : { priority },
    );
  const close = async () => {
    for (const limiter of limiters) await limiter.shutdown();
    const [first, ...rest] = clients;
    for (const client of rest) await client.quit();
    await cleanUp(first as (typeof clients)[number], prefix);
  };
  return { clock, limiters, sent, send, close, prefix };
}

/** Runs `body` with `count` limiters on one fresh prefix; shuts them down and removes the keys after. */
async function withLimiters(
  count: number,
  options: Parameters<typeof setup>[1],
  body: (limiters: Awaited<ReturnType<typeof setup>>) => Promise<void>,
): Promise<void> {
  const limiters = await setup(count, options);
  try {
    await body(limiters);
  } finally {
    await limiters.close();
  }
}

/** Asserts that no `periodMs` held more than `max` of the sends. */
function assertAtMost(
  sent: ReadonlyArray<{ at: number }>,
  periodMs: number,
  max: number,
  message: string,
): void {
  const most = busiest(
    sent.map((s) => s.at),
    periodMs,
  );
  assert.ok(most <= max, `${message} (${most} in ${periodMs} ms)`);
}

describe('RedisRateLimiter', { skip }, () => {
  it('three processes sending to one group: at most 20 a minute together', async () => {
    await withLimiters(3, {}, async ({ clock, sent, send }) => {
      const calls = [0, 1, 2].flatMap((p) => Array.from({ length: 15 }, () => send(p, -100123)));
      await run(clock, 200_000, 500, () => sent.length === calls.length);
      await Promise.all(calls);
      assert.equal(sent.length, 45, 'every call went out in the end');
      assertAtMost(sent, 60_000, 20, 'never more than 20 in a minute');
      assert.equal(sent.filter((s) => s.at < 60_000).length, 20, 'the first minute is used to the full');
      assert.equal(new Set(sent.map((s) => s.process)).size, 3, 'every process got its turn');
    });
  });

  it('three processes sending to many chats: at most 30 a second together', async () => {
    await withLimiters(3, {}, async ({ clock, sent, send }) => {
      const calls = [0, 1, 2].flatMap((p) =>
        Array.from({ length: 40 }, (_, i) => send(p, 1000 + p * 100 + i)),
      );
      await run(clock, 20_000, 50, () => sent.length === calls.length);
      await Promise.all(calls);
      assert.equal(sent.length, 120, 'every call went out');
      assertAtMost(sent, 1000, 30, 'never more than 30 in a second');
      assert.ok(Math.max(...sent.map((s) => s.at)) < 6000, 'and no slower than the limit asks');
    });
  });

  it('low-priority calls of all processes fill at most their share of the shared group window', async () => {
    await withLimiters(2, {}, async ({ clock, sent, send }) => {
      const calls = [0, 1].flatMap((p) => Array.from({ length: 12 }, () => send(p, -300, 'low')));
      await run(clock, 59_000, 500, () => false);
      assert.equal(sent.length, 16, 'the first minute: 80% of 20, over both processes');
      await run(clock, 200_000, 500, () => sent.length === calls.length);
      await Promise.all(calls);
      assertAtMost(sent, 60_000, 16, 'never more than 16 a minute');
    });
  });

  it('keeps each chat’s calls in order while they wait for the shared window', async () => {
    await withLimiters(2, { groupMaxRate: 2 }, async ({ clock, sent, send }) => {
      const calls = [send(0, -5), send(1, -5), send(0, -5), send(0, -5), send(0, -5)];
      const order: number[] = [];
      calls.forEach((call, i) => void call.then(() => order.push(i)));
      await run(clock, 300_000, 1000, () => sent.length === calls.length);
      await Promise.all(calls);
      assert.deepEqual(
        order.filter((i) => i !== 1),
        [0, 2, 3, 4],
        'one process’s calls to a chat go in the order made',
      );
      assertAtMost(sent, 60_000, 2, 'within the lowered group rate');
    });
  });

  it('shutdown ends the waits for the shared budget with RateLimiterShutDownError', async () => {
    await withLimiters(1, { groupMaxRate: 1 }, async ({ clock, send, limiters }) => {
      const first = send(0, -7);
      const second = send(0, -7);
      await run(clock, 2000, 500, () => false);
      await first;
      await (limiters[0] as RedisRateLimiter).shutdown();
      await assert.rejects(second, RateLimiterShutDownError, 'the waiting call is rejected');
    });
  });
});
