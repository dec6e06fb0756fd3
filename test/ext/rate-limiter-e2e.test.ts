// The rate limiter in an ExtBot against the emulator's flood limits: every call goes through it
// (with defaults and rateLimitArgs), getUpdates does not, the application starts and stops it,
// and real bursts reach Telegram without a single 429 reaching the caller.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/builder.js';
import { Defaults } from '../../src/ext/defaults.js';
import { ExtBot } from '../../src/ext/ext-bot.js';
import { BaseRateLimiter, type RateLimitArgs } from '../../src/ext/rate-limiter/base.js';
import { RateLimiter } from '../../src/ext/rate-limiter/rate-limiter.js';
import { Emulator } from '../../src/testing/index.js';
import type { BotInfo, SimulatedUser } from '../../src/testing/users.js';
import { recordingLogger } from './helpers.js';
import { CountingRequest, FakeClock, settle } from './rate-limiter-clock.js';

/** A limiter that records what reaches it and sends at once. */
class RecordingLimiter extends BaseRateLimiter {
  readonly seen: Array<{ endpoint: string; data: Readonly<Record<string, unknown>>; args?: RateLimitArgs }> =
    [];
  readonly lifecycle: string[] = [];
  async initialize(): Promise<void> {
    this.lifecycle.push('initialize');
  }
  async shutdown(): Promise<void> {
    this.lifecycle.push('shutdown');
  }
  processRequest<T>(
    callback: () => Promise<T>,
    endpoint: string,
    data: Readonly<Record<string, unknown>>,
    rateLimitArgs: RateLimitArgs | undefined,
  ): Promise<T> {
    this.seen.push(
      rateLimitArgs === undefined ? { endpoint, data } : { endpoint, data, args: rateLimitArgs },
    );
    return callback();
  }
}

async function startedUsers(emu: Emulator, bot: BotInfo, count: number): Promise<SimulatedUser[]> {
  const users: SimulatedUser[] = [];
  for (let i = 0; i < count; i++) {
    const user = await emu.createUser({ firstName: `U${i}` });
    await user.sendMessage(bot, '/start');
    users.push(user);
  }
  return users;
}

async function texts(emu: Emulator, user: SimulatedUser, bot: BotInfo): Promise<string[]> {
  const transcript = await emu.transcript(user.chatWith(bot));
  return transcript.entries
    .filter((entry) => entry.kind === 'message' && entry.from_bot)
    .map((entry) => entry.message?.text ?? '');
}

describe('ExtBot with a rate limiter', () => {
  let emu: Emulator;
  before(async () => {
    emu = await Emulator.start();
  });
  after(() => emu.stop());

  it('sends every call but getUpdates through the limiter, with defaults and rateLimitArgs; the application starts and stops it', async () => {
    const info = await emu.createBot({ username: 'limited_bot' });
    const [alice] = (await startedUsers(emu, info, 1)) as [SimulatedUser];
    const limiter = new RecordingLimiter();
    const app = Application.builder()
      .token(info.token)
      .baseUrl(emu.baseUrl)
      .defaults(new Defaults({ parseMode: 'HTML' }))
      .rateLimiter(limiter)
      .logger(recordingLogger())
      .updater(null)
      .build();
    assert.equal((app.bot as ExtBot).rateLimiter, limiter);
    await app.initialize();
    assert.deepEqual(limiter.lifecycle, ['initialize']);
    assert.deepEqual(
      limiter.seen.map((s) => s.endpoint),
      ['getMe'],
    );
    await app.bot.sendMessage(
      alice.id,
      '<b>hi</b>',
      {},
      { rateLimitArgs: { priority: 'low', maxRetries: 2 } },
    );
    await app.bot.callApi(
      'sendMessage',
      { chat_id: alice.id, text: 'raw' },
      { rateLimitArgs: { maxRetries: 1 } },
    );
    await app.bot.getUpdates({ timeout: 0 });
    assert.deepEqual(
      limiter.seen.slice(1).map((s) => [s.endpoint, s.data.chat_id, s.data.parse_mode, s.args]),
      [
        ['sendMessage', alice.id, 'HTML', { priority: 'low', maxRetries: 2 }],
        ['sendMessage', alice.id, 'HTML', { maxRetries: 1 }],
      ],
    );
    await app.shutdown();
    assert.deepEqual(limiter.lifecycle, ['initialize', 'shutdown']);
    assert.deepEqual(await texts(emu, alice, info), ['hi', 'raw']);
  });

  it('costs nothing without a limiter: .rateLimiter(null) builds a bot without one', () => {
    const app = Application.builder().token('1:x').rateLimiter(null).updater(null).build();
    assert.equal((app.bot as ExtBot).rateLimiter, undefined);
  });
});

describe('RateLimiter against the emulator flood limits', () => {
  it('broadcasts on the low lane at the bot-wide rate with no 429, and a reply does not wait for them', async () => {
    // Both clocks are moved by the test: a loaded machine cannot bunch the calls into one window.
    await using emu = await Emulator.start({ floodLimits: { globalPerSecond: 5 } });
    await emu.freezeClock();
    const info = await emu.createBot({ username: 'broadcast_bot' });
    const users = await startedUsers(emu, info, 7);
    const [asker, ...subscribers] = users as [SimulatedUser, ...SimulatedUser[]];
    const clock = new FakeClock();
    // A period a little longer than the emulator's: a call at the edge of a window is not counted twice.
    const limiter = new RateLimiter({
      overallMaxRate: 5,
      overallTimePeriod: 1.1,
      lowPriorityShare: 0.6,
      clock,
    });
    const request = new CountingRequest();
    const bot = new ExtBot(info.token, { baseUrl: emu.baseUrl, request, rateLimiter: limiter });
    let second = 0;
    const finishedAt: number[] = [];
    const broadcast = subscribers.map((user, i) =>
      bot
        .sendMessage(user.id, `news ${i}`, {}, { rateLimitArgs: { priority: 'low' } })
        .then(() => finishedAt.push(second)),
    );
    await settle();
    let replyAt: number | undefined;
    const reply = bot.sendMessage(asker.id, 'answer').then(() => {
      replyAt = second;
    });
    for (; finishedAt.length < subscribers.length && second < 20; second++) {
      // The second's calls reach the emulator before its clock moves on.
      await settle();
      await request.quiet();
      await emu.advanceClock(1_000);
      await clock.advance(1_000);
    }
    await Promise.all([...broadcast, reply]);
    assert.equal(replyAt, 0, 'the reply went in the first second, before the waiting broadcast');
    assert.equal(
      finishedAt.filter((at) => at === 0).length,
      3,
      'broadcasts filled only their share (3 of 5) of the first second',
    );
    assert.ok(Math.max(...finishedAt) >= 1, 'the broadcast was spread over two windows');
    assert.equal(request.statuses.get(429) ?? 0, 0, 'Telegram never answered 429');
    for (const [i, user] of subscribers.entries())
      assert.deepEqual(await texts(emu, user, info), [`news ${i}`]);
    await bot.shutdown();
  });

  it('waits out 429s of one private chat and keeps its order while another chat is served', async () => {
    await using emu = await Emulator.start({ floodLimits: true });
    const info = await emu.createBot({ username: 'retry_bot' });
    const [alice, bob] = (await startedUsers(emu, info, 2)) as [SimulatedUser, SimulatedUser];
    const bot = new ExtBot(info.token, {
      baseUrl: emu.baseUrl,
      rateLimiter: new RateLimiter({ maxRetries: 3 }),
    });
    const started = Date.now();
    // Three pass at once in a private chat, then one a second: the fourth and fifth get 429.
    const toAlice = ['1', '2', '3', '4', '5'].map((text) => bot.sendMessage(alice.id, text));
    // By now the fourth and fifth have come back with 429 and wait a second.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const bobDone = await bot.sendMessage(bob.id, 'meanwhile').then(() => Date.now() - started);
    await Promise.all(toAlice);
    const aliceDone = Date.now() - started;
    assert.ok(bobDone < 900, `the other chat was not held (${bobDone} ms)`);
    assert.ok(aliceDone >= 1000, `the flooded chat waited (${aliceDone} ms)`);
    assert.deepEqual(await texts(emu, alice, info), ['1', '2', '3', '4', '5']);
    await bot.shutdown();
  });

  it('holds a group to its per-minute limit with no 429 (both clocks moved by the test)', async () => {
    await using emu = await Emulator.start({ floodLimits: { groupPerMinute: 3 } });
    await emu.freezeClock();
    const info = await emu.createBot({ username: 'group_bot' });
    const owner = await emu.createUser({ firstName: 'Owner' });
    const group = await emu.createGroup({ title: 'G', owner, bots: [info] });
    const clock = new FakeClock();
    const limiter = new RateLimiter({ groupMaxRate: 3, groupTimePeriod: 60, clock });
    const bot = new ExtBot(info.token, { baseUrl: emu.baseUrl, rateLimiter: limiter });
    let sent = 0;
    const all = ['a', 'b', 'c', 'd', 'e'].map((text) => bot.sendMessage(group.id, text).then(() => sent++));
    await Promise.all(all.slice(0, 3));
    await settle();
    assert.equal(sent, 3, 'the fourth waits for the window');
    await emu.advanceClock(60_000);
    await clock.advance(60_000);
    await Promise.all(all);
    const transcript = await emu.transcript(group);
    assert.deepEqual(
      transcript.entries.filter((e) => e.from_bot && e.kind === 'message').map((e) => e.message?.text),
      ['a', 'b', 'c', 'd', 'e'],
    );
    await bot.shutdown();
  });

  it('shutdown rejects the calls still waiting and lets the one in flight finish', async () => {
    await using emu = await Emulator.start();
    const info = await emu.createBot({ username: 'closing_bot' });
    const owner = await emu.createUser({ firstName: 'Owner' });
    const group = await emu.createGroup({ title: 'G', owner, bots: [info] });
    const limiter = new RateLimiter({ groupMaxRate: 1, groupTimePeriod: 60 });
    const bot = new ExtBot(info.token, { baseUrl: emu.baseUrl, rateLimiter: limiter });
    const first = bot.sendMessage(group.id, 'first');
    const second = assert.rejects(bot.sendMessage(group.id, 'second'), { name: 'RateLimiterShutDownError' });
    await bot.shutdown();
    await second;
    let firstDone = false;
    void first.then(() => {
      firstDone = true;
    });
    await settle();
    assert.ok(firstDone, 'the call in flight had finished when shutdown resolved');
    const transcript = await emu.transcript(group);
    assert.deepEqual(
      transcript.entries.filter((e) => e.from_bot && e.kind === 'message').map((e) => e.message?.text),
      ['first'],
    );
  });
});
