// Three real bot processes, each with a RedisRateLimiter, sending at once to one group and to
// many private chats of an emulator that enforces Telegram's flood limits (20 a minute per group,
// 30 a second per bot): every message arrives and no 429 reaches a caller. Real time: the last
// group message waits out the minute.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { describe, it } from 'node:test';
import { Emulator } from '../../src/testing/index.js';
import { cleanUp, REDIS_URL, redisSkipReason, testClient, testPrefix } from './helpers.js';

const skip = await redisSkipReason();

interface Sender {
  readonly child: ChildProcess;
  readonly lines: Interface;
  next(): Promise<string>;
}

function startSender(env: Record<string, string>): Sender {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/redis/fixtures/rate-sender.ts'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const queue: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => {
    const take = waiting.shift();
    if (take !== undefined) take(line);
    else queue.push(line);
  });
  return {
    child,
    lines,
    next: () =>
      new Promise<string>((resolve, reject) => {
        const line = queue.shift();
        if (line !== undefined) return resolve(line);
        const timer = setTimeout(() => reject(new Error('a sender said nothing within 120 s')), 120_000);
        waiting.push((got) => {
          clearTimeout(timer);
          resolve(got);
        });
      }),
  };
}

describe('RedisRateLimiter across processes', { skip }, () => {
  it('three processes stay within 20 a minute per group and 30 a second overall: no 429 reaches a caller', {
    timeout: 180_000,
  }, async () => {
    const prefix = testPrefix();
    const client = testClient();
    const emu = await Emulator.start({ floodLimits: true });
    const senders: Sender[] = [];
    try {
      const bot = await emu.createBot({ username: 'shared_limit_bot' });
      const users = [];
      for (let i = 0; i < 36; i++) {
        const user = await emu.createUser({ firstName: `U${i}` });
        await user.sendMessage(bot, '/start');
        users.push(user);
      }
      const group = await emu.createGroup({
        title: 'Busy',
        owner: users[0] as (typeof users)[number],
        bots: [bot],
      });
      for (let p = 0; p < 3; p++) {
        senders.push(
          startSender({
            REDIS_URL,
            PREFIX: prefix,
            TOKEN: bot.token,
            BASE_URL: emu.baseUrl,
            GROUP: String(group.id),
            GROUP_COUNT: '7',
            PRIVATE_CHATS: users
              .slice(p * 12, p * 12 + 12)
              .map((user) => user.id)
              .join(','),
            NAME: `p${p}`,
          }),
        );
      }
      for (const sender of senders) assert.equal(await sender.next(), 'ready', 'a sender started');
      const started = Date.now();
      for (const sender of senders) sender.child.stdin?.write('go\n');
      const summaries = await Promise.all(
        senders.map(
          async (sender) =>
            JSON.parse(await sender.next()) as { ok: number; retryAfter: number; other: string[] },
        ),
      );
      const elapsed = Date.now() - started;
      assert.deepEqual(
        summaries.map((s) => s.retryAfter),
        [0, 0, 0],
        'no RetryAfter reached a caller in any process',
      );
      assert.deepEqual(
        summaries.map((s) => s.other),
        [[], [], []],
        'no other error either',
      );
      assert.deepEqual(
        summaries.map((s) => s.ok),
        [19, 19, 19],
        'every message was sent',
      );
      const transcript = await emu.transcript(group);
      const inGroup = transcript.entries.filter((entry) => entry.kind === 'message' && entry.from_bot);
      assert.equal(inGroup.length, 21, 'the group got all 21 messages');
      assert.ok(elapsed >= 59_000, `the 21st group message waited out the minute (${elapsed} ms)`);
    } finally {
      for (const sender of senders) {
        sender.lines.close();
        if (sender.child.exitCode === null) sender.child.kill('SIGKILL');
      }
      await emu.stop();
      await cleanUp(client, prefix);
    }
  });
});
