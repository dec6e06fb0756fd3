// Three real bot processes, each with a RedisRateLimiter, sending at once to one group and to
// many private chats of an emulator that enforces Telegram's flood limits (20 a minute per group,
// 30 a second per bot): every message arrives and no 429 reaches a caller. Once on the emulator's
// frozen clock, moved by the test with the processes following it (fast), once in real time with
// the Redis server's clock (the last group message waits out the minute).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { describe, it } from 'node:test';
import type { Redis } from 'ioredis';
import { Emulator } from '../../src/testing/index.js';
import { cleanUp, REDIS_URL, redisSkipReason, testClient, testPrefix } from './helpers.js';

const skip = await redisSkipReason();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

interface Summary {
  readonly ok: number;
  readonly retryAfter: number;
  readonly other: string[];
}

const PROCESSES = 3;
const GROUP_EACH = 7;
const PRIVATE_EACH = 12;

interface Drive {
  readonly emu: Emulator;
  readonly client: Redis;
  readonly prefix: string;
  /** Whether each sender printed its summary (and so exited). */
  readonly finished: boolean[];
}

/**
 * Starts the emulator and three senders, lets them go (following the test's time from
 * `clockStart` when given) and runs `drive` while they send.
 */
async function scenario(
  clockStart: number | undefined,
  drive: (context: Drive) => Promise<void>,
): Promise<{ summaries: Summary[]; groupMessages: number; elapsed: number }> {
  const prefix = testPrefix();
  const client = testClient();
  const emu = await Emulator.start({ floodLimits: true });
  const senders: Sender[] = [];
  try {
    if (clockStart !== undefined) await emu.freezeClock();
    const bot = await emu.createBot({ username: 'shared_limit_bot' });
    const users = [];
    for (let i = 0; i < PROCESSES * PRIVATE_EACH; i++) {
      const user = await emu.createUser({ firstName: `U${i}` });
      await user.sendMessage(bot, '/start');
      users.push(user);
    }
    const owner = users[0] as (typeof users)[number];
    const group = await emu.createGroup({ title: 'Busy', owner, bots: [bot] });
    for (let p = 0; p < PROCESSES; p++) {
      const chats = users.slice(p * PRIVATE_EACH, (p + 1) * PRIVATE_EACH).map((user) => user.id);
      senders.push(
        startSender({
          REDIS_URL,
          PREFIX: prefix,
          TOKEN: bot.token,
          BASE_URL: emu.baseUrl,
          GROUP: String(group.id),
          GROUP_COUNT: String(GROUP_EACH),
          PRIVATE_CHATS: chats.join(','),
          NAME: `p${p}`,
          ...(clockStart === undefined ? {} : { CLOCK_START: String(clockStart) }),
        }),
      );
    }
    for (const sender of senders) assert.equal(await sender.next(), 'ready', 'a sender started');
    const started = Date.now();
    for (const sender of senders) sender.child.stdin?.write('go\n');
    const finished = senders.map(() => false);
    const summaries = Promise.all(
      senders.map(async (sender, p) => {
        const summary = JSON.parse(await sender.next()) as Summary;
        finished[p] = true;
        return summary;
      }),
    );
    await drive({ emu, client, prefix, finished });
    const all = await summaries;
    const elapsed = Date.now() - started;
    const transcript = await emu.transcript(group);
    const groupMessages = transcript.entries.filter(
      (entry) => entry.kind === 'message' && entry.from_bot,
    ).length;
    return { summaries: all, groupMessages, elapsed };
  } finally {
    for (const sender of senders) {
      sender.lines.close();
      if (sender.child.exitCode === null) sender.child.kill('SIGKILL');
    }
    await emu.stop();
    await cleanUp(client, prefix);
  }
}

function assertWithinLimits(summaries: readonly Summary[], groupMessages: number): void {
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
  const each = GROUP_EACH + PRIVATE_EACH;
  assert.deepEqual(
    summaries.map((s) => s.ok),
    [each, each, each],
    'every message was sent',
  );
  assert.equal(groupMessages, PROCESSES * GROUP_EACH, 'the group got every message');
}

describe('RedisRateLimiter across processes', { skip }, () => {
  it('on the emulator’s clock: three processes stay within 20 a minute per group and 30 a second overall', {
    timeout: 120_000,
  }, async () => {
    const start = Date.UTC(2026, 0, 5, 12, 0, 0);
    let simulated = 0;
    const { summaries, groupMessages } = await scenario(start, async ({ emu, client, prefix, finished }) => {
      /** Waits until every sender still running heard `mark` and nothing is in flight. */
      const quiet = async (mark: string) => {
        let seen: unknown[] = [];
        for (let i = 0; i < 5000; i++) {
          const [busy, ...heard] = await client.mget(
            `${prefix}busy`,
            ...finished.map((_, p) => `${prefix}heard:p${p}`),
          );
          seen = [busy, ...heard];
          if (Number(busy ?? 0) === 0 && heard.every((h, p) => finished[p] || h === mark)) return;
          await sleep(2);
        }
        throw new Error(`the senders did not settle at ${mark}: busy and heard ${JSON.stringify(seen)}`);
      };
      await quiet('go');
      // 70 simulated seconds at most: the 21st group message is due after one minute.
      for (simulated = 0; simulated < 70_000 && !finished.every(Boolean); simulated += 250) {
        await emu.advanceClock(250);
        const now = String(start + simulated + 250);
        await client.publish(`${prefix}clock`, now);
        await quiet(now);
      }
    });
    assertWithinLimits(summaries, groupMessages);
    assert.ok(
      simulated >= 60_000,
      `the 21st group message waited out the minute (${simulated} ms simulated)`,
    );
  });

  it('in real time: three processes stay within the limits, no 429 reaches a caller', {
    timeout: 180_000,
  }, async () => {
    const { summaries, groupMessages, elapsed } = await scenario(undefined, async () => {});
    assertWithinLimits(summaries, groupMessages);
    assert.ok(elapsed >= 59_000, `the 21st group message waited out the minute (${elapsed} ms)`);
  });
});
