// The RateLimiter on a fake clock: overall, group and paid rates, fairness between chats, flood
// waits scoped to their chat, order kept across retries, the low-priority lane, shutdown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RetryAfter } from '../../src/errors.js';
import { RateLimiterShutDownError } from '../../src/ext/rate-limiter/base.js';
import { RateLimiter, type RateLimiterOptions } from '../../src/ext/rate-limiter/rate-limiter.js';
import { FakeClock, settle } from './rate-limiter-clock.js';

/** A limiter on a fake clock and calls that log when they are sent; `refuse` makes the next attempts of a label fail with RetryAfter. */
function harness(options: RateLimiterOptions = {}) {
  const clock = new FakeClock();
  const limiter = new RateLimiter({ ...options, clock });
  const sent: string[] = [];
  const refusals = new Map<string, number[]>();
  const done = new Set<string>();
  function call(
    label: string,
    data: Record<string, unknown>,
    args?: Parameters<RateLimiter['processRequest']>[3],
  ): Promise<string> {
    const result = limiter.processRequest(
      async () => {
        sent.push(label);
        const seconds = refusals.get(label)?.shift();
        if (seconds !== undefined) throw new RetryAfter(seconds);
        return label;
      },
      'sendMessage',
      data,
      args,
    );
    result.then(
      () => done.add(label),
      () => undefined,
    );
    return result;
  }
  function refuse(label: string, ...seconds: number[]): void {
    refusals.set(label, seconds);
  }
  return { clock, limiter, sent, done, call, refuse };
}

describe('RateLimiter', () => {
  it('holds calls naming a chat to the overall rate, with one timer and no polling', async () => {
    const { clock, sent, call } = harness({ overallMaxRate: 30 });
    const all = Array.from({ length: 40 }, (_, i) => call(`m${i}`, { chat_id: i + 1 }));
    await settle();
    assert.equal(sent.length, 30);
    assert.equal(clock.timers.size, 1, 'one timer waits for the window');
    await clock.advance(999);
    assert.equal(sent.length, 30);
    await clock.advance(1);
    assert.equal(sent.length, 40);
    assert.equal((await Promise.all(all)).length, 40);
    assert.equal(clock.timers.size, 0, 'nothing left scheduled');
  });

  it('holds a group to its own rate while other chats go on; @usernames count as groups', async () => {
    const { clock, sent, call } = harness({ groupMaxRate: 20, groupTimePeriod: 60 });
    for (let i = 0; i < 25; i++) void call(`g${i}`, { chat_id: -100 });
    for (let i = 0; i < 21; i++) void call(`c${i}`, { chat_id: '@news' });
    void call('private', { chat_id: '7' });
    await clock.advance(1000);
    assert.equal(sent.filter((s) => s.startsWith('g')).length, 20);
    assert.equal(sent.filter((s) => s.startsWith('c')).length, 20);
    assert.ok(sent.includes('private'), 'a private chat is not held by the groups');
    await clock.advance(58_999);
    assert.equal(sent.length, 41);
    await clock.advance(1);
    assert.equal(sent.length, 47);
  });

  it('turns a limit off with a rate or a period of 0, as PTB does', async () => {
    const { sent, call } = harness({ overallTimePeriod: 0, groupMaxRate: 0 });
    for (let i = 0; i < 100; i++) void call(`m${i}`, { chat_id: -100 - (i % 2) });
    await settle();
    assert.equal(sent.length, 100);
  });

  it('never holds calls that name no chat', async () => {
    const { sent, call } = harness({ overallMaxRate: 2 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => call(`x${i}`, {})));
    assert.equal(sent.length, 50);
  });

  it('counts allow_paid_broadcast calls against their own rate', async () => {
    const { sent, call } = harness({ overallMaxRate: 2, paidBroadcastMaxRate: 5 });
    for (let i = 0; i < 8; i++) void call(`p${i}`, { chat_id: i + 1, allow_paid_broadcast: true });
    for (let i = 0; i < 3; i++) void call(`n${i}`, { chat_id: i + 100 });
    await settle();
    assert.deepEqual(sent, ['p0', 'p1', 'p2', 'p3', 'p4', 'n0', 'n1']);
  });

  it('lets chats take turns: a busy chat does not starve a quiet one', async () => {
    const { clock, sent, call } = harness({ overallMaxRate: 10 });
    for (let i = 0; i < 50; i++) void call(`busy${i}`, { chat_id: 1 });
    const quiet = Array.from({ length: 5 }, (_, i) => call(`quiet${i}`, { chat_id: 2 }));
    await settle();
    assert.equal(sent.length, 10);
    await clock.advance(1000);
    assert.deepEqual(await Promise.all(quiet), ['quiet0', 'quiet1', 'quiet2', 'quiet3', 'quiet4']);
    assert.deepEqual(sent.slice(10, 14), ['busy10', 'quiet0', 'busy11', 'quiet1']);
  });

  it('waits out a RetryAfter in its own chat only, then retries in the chat order', async () => {
    const { clock, sent, done, call, refuse } = harness({ maxRetries: 1 });
    refuse('a1', 2);
    const a1 = call('a1', { chat_id: 1 });
    await settle();
    const a2 = call('a2', { chat_id: 1 });
    const b1 = call('b1', { chat_id: 2 });
    assert.equal(await b1, 'b1', 'another chat goes at once');
    assert.deepEqual(sent, ['a1', 'b1']);
    await clock.advance(2099);
    assert.deepEqual(sent, ['a1', 'b1'], 'the chat waits retry_after (and a tenth of a second)');
    await clock.advance(1);
    assert.deepEqual(await Promise.all([a1, a2]), ['a1', 'a2']);
    assert.deepEqual(sent, ['a1', 'b1', 'a1', 'a2']);
    assert.ok(done.has('a2'), 'the later call went after the retried one');
  });

  it('keeps the chat order when calls in flight fail out of order, sending one at a time until the queue is empty', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, maxRetries: 3 });
    const sent: string[] = [];
    const pending: Array<{ label: string; settle: (error?: Error) => void }> = [];
    const call = (label: string) =>
      limiter.processRequest(
        () =>
          new Promise<string>((resolve, reject) => {
            sent.push(label);
            pending.push({ label, settle: (error) => (error ? reject(error) : resolve(label)) });
          }),
        'sendMessage',
        { chat_id: 5 },
        undefined,
      );
    const calls = [call('m1'), call('m2')];
    await settle();
    assert.deepEqual(sent, ['m1', 'm2'], 'both are in flight');
    pending[1]?.settle(new RetryAfter(1));
    await settle();
    pending[0]?.settle(new RetryAfter(1));
    await settle();
    calls.push(call('m3'));
    await clock.advance(1100);
    assert.deepEqual(sent.slice(2), ['m1'], 'only the first goes until it is answered');
    pending[2]?.settle();
    await settle();
    assert.deepEqual(sent.slice(2), ['m1', 'm2']);
    pending[3]?.settle();
    await settle();
    assert.deepEqual(sent.slice(2), ['m1', 'm2', 'm3']);
    pending[4]?.settle();
    assert.deepEqual(await Promise.all(calls), ['m1', 'm2', 'm3']);
    // The queue emptied: the chat is back to sending calls side by side.
    void call('m4');
    void call('m5');
    await settle();
    assert.deepEqual(sent.slice(5), ['m4', 'm5']);
    for (const entry of pending.slice(5)) entry.settle();
  });

  it('gives up after maxRetries (default 0) with the RetryAfter, and the chat still waits', async () => {
    const { clock, sent, call, refuse } = harness();
    refuse('a1', 1);
    await assert.rejects(call('a1', { chat_id: 1 }), RetryAfter);
    const a2 = call('a2', { chat_id: 1 });
    await settle();
    assert.deepEqual(sent, ['a1']);
    await clock.advance(1100);
    assert.equal(await a2, 'a2');
  });

  it('takes maxRetries per call from rateLimitArgs', async () => {
    const { clock, sent, call, refuse } = harness({ maxRetries: 0 });
    refuse('a', 1, 1);
    const a = call('a', { chat_id: 1 }, { maxRetries: 2 });
    await clock.advance(1100);
    await clock.advance(1100);
    assert.equal(await a, 'a');
    assert.deepEqual(sent, ['a', 'a', 'a']);
  });

  it('pauses everything on a RetryAfter for a call naming no chat', async () => {
    const { clock, sent, call, refuse } = harness({ maxRetries: 1 });
    refuse('global', 1);
    const global = call('global', {});
    await settle();
    const chat = call('chat', { chat_id: 9 });
    await settle();
    assert.deepEqual(sent, ['global']);
    await clock.advance(1100);
    assert.deepEqual(await Promise.all([global, chat]), ['global', 'chat']);
  });

  it('sends low-priority calls only within their share and after ready normal calls', async () => {
    const { clock, sent, done, call } = harness({ overallMaxRate: 10, lowPriorityShare: 0.5 });
    for (let i = 0; i < 20; i++) void call(`low${i}`, { chat_id: 100 + i }, { priority: 'low' });
    await settle();
    assert.equal(sent.length, 5, 'broadcasts fill half the window');
    const reply = call('reply', { chat_id: 1 });
    await settle();
    assert.ok(done.has('reply'), 'a reply goes at once while the broadcast is throttled');
    for (let i = 0; i < 5; i++) void call(`n${i}`, { chat_id: 2 + i });
    await settle();
    assert.equal(sent.length, 10);
    await clock.advance(1000);
    assert.equal(sent[10], 'n4', 'the waiting normal call goes before the next broadcast');
    assert.deepEqual(sent.slice(11), ['low5', 'low6', 'low7', 'low8']);
    assert.equal(await reply, 'reply');
  });

  it('shutdown rejects waiting calls, waits for those in flight, and refuses new ones until initialize', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, groupMaxRate: 1 });
    let finish: (value: string) => void = () => undefined;
    const inFlight = limiter.processRequest(
      () =>
        new Promise<string>((resolve) => {
          finish = resolve;
        }),
      'sendMessage',
      { chat_id: -1 },
      undefined,
    );
    const waiting = limiter.processRequest(async () => 'never', 'sendPhoto', { chat_id: -1 }, undefined);
    await settle();
    let closed = false;
    const shutdown = limiter.shutdown().then(() => {
      closed = true;
    });
    await assert.rejects(waiting, (error: unknown) => {
      assert.ok(error instanceof RateLimiterShutDownError, 'the waiting call gets the shutdown error');
      assert.match(error.message, /sendPhoto/);
      return true;
    });
    await settle();
    assert.equal(closed, false, 'shutdown waits for the call in flight');
    assert.equal(clock.timers.size, 0, 'no timer is left');
    finish('sent');
    assert.equal(await inFlight, 'sent');
    await shutdown;
    await assert.rejects(
      limiter.processRequest(async () => 'late', 'sendMessage', {}, undefined),
      RateLimiterShutDownError,
    );
    await limiter.initialize();
    assert.equal(await limiter.processRequest(async () => 'again', 'sendMessage', {}, undefined), 'again');
  });

  it('rejects options that are no rate', () => {
    assert.throws(() => new RateLimiter({ overallMaxRate: -1 }), RangeError);
    assert.throws(() => new RateLimiter({ groupTimePeriod: -1 }), RangeError);
    assert.throws(() => new RateLimiter({ maxRetries: 1.5 }), RangeError);
    assert.throws(() => new RateLimiter({ lowPriorityShare: 0 }), RangeError);
  });

  it('passes errors other than RetryAfter to the caller untouched', async () => {
    const limiter = new RateLimiter({ maxRetries: 5 });
    const boom = new Error('boom');
    await assert.rejects(
      limiter.processRequest(
        async () => {
          throw boom;
        },
        'sendMessage',
        { chat_id: 1 },
        undefined,
      ),
      (error) => error === boom,
    );
  });
});
