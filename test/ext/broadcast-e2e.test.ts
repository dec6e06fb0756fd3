// broadcast() through the RateLimiter against the emulator holding Telegram's flood limits: 10 000
// users reached with no error reaching the caller and no 429 from "Telegram", progress reported,
// and a reply to a user sent in the middle of it without waiting for the broadcast. Both clocks
// (the emulator's and the limiter's) are moved by the test, so minutes of sending take seconds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BroadcastProgress, broadcast } from '../../src/ext/broadcast.js';
import { ExtBot } from '../../src/ext/ext-bot.js';
import { RateLimiter } from '../../src/ext/rate-limiter/rate-limiter.js';
import { Emulator } from '../../src/testing/index.js';
import type { BotInfo, SimulatedUser } from '../../src/testing/users.js';
import { CountingRequest, FakeClock, settle } from './rate-limiter-clock.js';

async function startedUsers(emu: Emulator, bot: BotInfo, count: number): Promise<SimulatedUser[]> {
  const users: SimulatedUser[] = [];
  const batch = 10;
  for (let first = 0; first < count; first += batch) {
    const created = await Promise.all(
      Array.from({ length: Math.min(batch, count - first) }, async (_, i) => {
        const user = await emu.createUser({ firstName: `Subscriber${first + i}` });
        await user.sendMessage(bot, '/start');
        return user;
      }),
    );
    users.push(...created);
  }
  return users;
}

describe('a broadcast within Telegram flood limits', () => {
  it('reaches 10 000 users with 0 errors and 0 429s, reports progress, and a reply to a user does not wait for it', async () => {
    await using emu = await Emulator.start({ floodLimits: true });
    await emu.freezeClock();
    const info = await emu.createBot({ username: 'news_bot' });
    const [asker, ...subscribers] = (await startedUsers(emu, info, 10_001)) as [
      SimulatedUser,
      ...SimulatedUser[],
    ];
    const clock = new FakeClock();
    const request = new CountingRequest();
    const bot = new ExtBot(info.token, {
      baseUrl: emu.baseUrl,
      request,
      rateLimiter: new RateLimiter({ clock }),
    });
    const reports: BroadcastProgress[] = [];
    let finished = false;
    const running = broadcast(
      subscribers.map((user) => user.id),
      (chatId, settings) => bot.sendMessage(chatId, 'Version 2 is out', {}, settings),
      { onProgress: (progress) => reports.push(progress) },
    ).finally(() => {
      finished = true;
    });

    let second = 0;
    let replyAt: number | undefined;
    let replyAsked: number | undefined;
    // 10 000 sends at most 30 a second take at least 334 seconds of the clocks; bounded loop.
    while (!finished && second < 1_000) {
      if (second === 100) {
        replyAsked = second;
        void bot.sendMessage(asker.id, 'an answer to you').then(() => {
          replyAt = second;
        });
      }
      // The second's sends reach the emulator before its clock moves on.
      await settle();
      await request.quiet();
      await emu.advanceClock(1_000);
      await clock.advance(1_000);
      second++;
    }
    const result = await running;

    assert.equal(result.sent, 10_000, 'every subscriber was sent the message');
    assert.deepEqual(result.failures, [], 'no error reached the caller');
    assert.equal(request.statuses.get(429) ?? 0, 0, 'Telegram never answered 429');
    assert.ok(second >= 334, `the broadcast kept to 30 messages a second (${second} s)`);
    assert.ok(
      replyAt !== undefined && replyAsked !== undefined && replyAt - replyAsked <= 1,
      `the reply went within a second of being asked (asked at ${replyAsked} s, sent at ${replyAt} s)`,
    );
    assert.equal(reports.length, 101, 'progress every 100 chats, and at the end');
    assert.deepEqual(reports.at(-1), { total: 10_000, done: 10_000, sent: 10_000, failed: 0 });
    for (const user of [subscribers[0], subscribers[4_999], subscribers.at(-1)]) {
      const transcript = await emu.transcript(user!.chatWith(info));
      assert.deepEqual(
        transcript.entries.filter((entry) => entry.from_bot).map((entry) => entry.message?.text),
        ['Version 2 is out'],
      );
    }
    await bot.shutdown();
  });
});

describe('the RateLimiter against Telegram flood limits, 200 sends', () => {
  /** Moves both clocks a second at a time until `done` (bounded), letting each second's sends land first. */
  async function driveClocks(
    emu: Emulator,
    clock: FakeClock,
    request: CountingRequest,
    done: () => boolean,
  ): Promise<number> {
    let seconds = 0;
    while (!done() && seconds < 2_000) {
      await settle();
      await request.quiet();
      await emu.advanceClock(1_000);
      await clock.advance(1_000);
      seconds++;
    }
    return seconds;
  }

  it('to one group: 20 a minute, each post once, 0 429s, 0 errors', async () => {
    await using emu = await Emulator.start({ floodLimits: true });
    await emu.freezeClock();
    const info = await emu.createBot({ username: 'group_news_bot' });
    const owner = await emu.createUser({ firstName: 'Owner' });
    const group = await emu.createSupergroup({ title: 'Readers', owner, bots: [info] });
    const clock = new FakeClock();
    const request = new CountingRequest();
    const bot = new ExtBot(info.token, {
      baseUrl: emu.baseUrl,
      request,
      rateLimiter: new RateLimiter({ clock }),
    });
    let finished = 0;
    const sends = Array.from({ length: 200 }, (_, i) =>
      bot.sendMessage(group.id, `post ${i}`).then(() => void finished++),
    );
    const seconds = await driveClocks(emu, clock, request, () => finished === 200);
    await Promise.all(sends);
    assert.equal(request.statuses.get(429) ?? 0, 0, 'Telegram never answered 429');
    assert.ok(seconds >= 540, `200 posts at 20 a minute took at least 9 minutes (${seconds} s)`);
    // Each post once; calls started together may land in any order, as with Telegram itself.
    const transcript = await emu.transcript(group);
    const posts = transcript.entries
      .filter((entry) => entry.from_bot)
      .map((entry) => entry.message?.text ?? '');
    const byNumber = (a: string, b: string): number => Number(a.slice(5)) - Number(b.slice(5));
    assert.deepEqual(
      posts.sort(byNumber),
      Array.from({ length: 200 }, (_, i) => `post ${i}`),
    );
    await bot.shutdown();
  });

  it('to 200 private chats: 30 a second overall, 0 429s, 0 errors', async () => {
    await using emu = await Emulator.start({ floodLimits: true });
    await emu.freezeClock();
    const info = await emu.createBot({ username: 'many_chats_bot' });
    const users = await startedUsers(emu, info, 200);
    const clock = new FakeClock();
    const request = new CountingRequest();
    const bot = new ExtBot(info.token, {
      baseUrl: emu.baseUrl,
      request,
      rateLimiter: new RateLimiter({ clock }),
    });
    let finished = 0;
    const sends = users.map((user) => bot.sendMessage(user.id, 'hello').then(() => void finished++));
    const seconds = await driveClocks(emu, clock, request, () => finished === 200);
    await Promise.all(sends);
    assert.equal(request.statuses.get(429) ?? 0, 0, 'Telegram never answered 429');
    assert.equal(request.statuses.get(200), 200, 'each message went once');
    assert.ok(seconds >= 6, `200 messages at 30 a second took at least 6 seconds (${seconds} s)`);
    await bot.shutdown();
  });
});
