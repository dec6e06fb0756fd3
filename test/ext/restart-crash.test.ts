// Restarts that neither lose nor repeat (issue 17): a long-polling bot with a FilePersistence runs
// as a real child process; a burst of updates from several users changes user, chat and bot data
// and a persistent conversation's state; the bot is killed (SIGKILL) or stopped (SIGTERM) in the
// middle of it and started again on the same files. Checked against the log of handler runs and
// the texts the users sent: nothing lost, at most the update whose handler was running at the kill
// handled twice (none after SIGTERM), and the stored data is exactly what the handled updates made.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Bot } from '../../src/bot.js';
import { FilePersistence } from '../../src/ext/persistence/file-persistence.js';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/restart-bot.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const USERS = 3;
const PER_USER = 150;

interface Child {
  readonly process: ChildProcess;
  readonly exited: Promise<number>;
  output(): string;
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The handler runs logged so far: `[update_id, text]` in the order they started. */
function runs(file: string): [number, string][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const space = line.indexOf(' ');
      return [Number(line.slice(0, space)), line.slice(space + 1)];
    });
}

interface Scenario {
  readonly emu: Emulator;
  readonly bot: BotInfo;
  readonly users: SimulatedUser[];
  readonly dataFile: string;
  readonly runsFile: string;
  readonly concurrent: boolean;
}

async function startBot(s: Scenario, children: ChildProcess[]): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    cwd: ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: s.bot.token,
      BASE_URL: s.emu.baseUrl,
      DATA_FILE: s.dataFile,
      RUNS_FILE: s.runsFile,
      CONCURRENT: s.concurrent ? '1' : '0',
      HANDLER_MS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number>((resolve) => child.once('exit', () => resolve(Date.now())));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('READY')) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`the bot exited early:\n${output}`));
    });
  });
  return { process: child, exited, output: () => output };
}

/** Every user sends PER_USER texts `<user>-<n>`, a few at a time; resolves to the texts by user. */
async function burst(users: readonly SimulatedUser[], bot: BotInfo): Promise<Map<number, string[]>> {
  const sent = new Map<number, string[]>();
  await Promise.all(
    users.map(async (user, index) => {
      const texts: string[] = [];
      sent.set(user.id, texts);
      for (let n = 1; n <= PER_USER; n++) {
        const text = `u${index}-${n}`;
        await user.sendMessage(bot, text);
        texts.push(text);
      }
    }),
  );
  return sent;
}

/** Reads the stored data as a new process would, with a fresh FilePersistence. */
async function stored(dataFile: string, token: string) {
  const persistence = new FilePersistence<{ texts?: string[] }, { count?: number }, { total?: number }>({
    filepath: dataFile,
  });
  persistence.setBot(new Bot(token));
  return {
    users: await persistence.getUserData(),
    chats: await persistence.getChatData(),
    bot: await persistence.getBotData(),
    conversations: await persistence.getConversations('tally'),
    handled: new Set(await persistence.getHandledUpdates()),
  };
}

/** The data must be exactly what the updates recorded as handled made, in order, each once. */
async function assertDataMatchesRecorded(s: Scenario, what: string): Promise<Set<number>> {
  const data = await stored(s.dataFile, s.bot.token);
  const textOf = new Map(runs(s.runsFile));
  let total = 0;
  for (const user of s.users) {
    const texts = data.users.get(user.id)?.texts ?? [];
    total += texts.length;
    const recorded = [...data.handled]
      .filter((id) => textOf.get(id)?.startsWith(`u${s.users.indexOf(user)}-`))
      .sort((a, b) => a - b)
      .map((id) => textOf.get(id));
    assert.deepEqual(texts, recorded, `${what}: user ${user.id}'s texts are those of the recorded updates`);
    assert.equal(data.chats.get(user.id)?.count ?? 0, texts.length, `${what}: chat ${user.id}'s count`);
    assert.equal(
      data.conversations.get(`[${user.id},${user.id}]`),
      texts.length % 2 === 0 ? 'even' : 'odd',
      `${what}: user ${user.id}'s conversation state follows the recorded updates`,
    );
  }
  assert.equal(data.bot?.total ?? 0, total, `${what}: the bot total counts each recorded update once`);
  return data.handled;
}

async function scenario(emu: Emulator, dir: string, name: string, concurrent: boolean): Promise<Scenario> {
  const bot = await emu.createBot({ username: `${name}_bot` });
  const users: SimulatedUser[] = [];
  for (let i = 0; i < USERS; i++) users.push(await emu.createUser({ firstName: `${name}${i}` }));
  const runsFile = join(dir, `${name}-runs.txt`);
  writeFileSync(runsFile, '');
  return { emu, bot, users, dataFile: join(dir, `${name}.json`), runsFile, concurrent };
}

/** Runs a burst, interrupts the bot with `signal` a third of the way in, restarts it, and checks. */
async function interruptedBurst(s: Scenario, signal: 'SIGKILL' | 'SIGTERM', children: ChildProcess[]) {
  const first = await startBot(s, children);
  for (const user of s.users) await user.sendCommand(s.bot, '/start');
  await waitFor(() => runs(s.runsFile).length >= USERS, 30_000, 'the /start of every user');
  const sending = burst(s.users, s.bot);
  const total = USERS * (PER_USER + 1);
  await waitFor(
    () => runs(s.runsFile).length >= USERS + (USERS * PER_USER) / 3,
    60_000,
    'a third of the burst',
  );
  const signalled = Date.now();
  first.process.kill(signal);
  const exitedAt = await first.exited;
  const runsAtStop = runs(s.runsFile).length;
  assert.ok(
    runsAtStop < total,
    `the ${signal} came in the middle of the burst (${runsAtStop} of ${total} ran)`,
  );
  if (signal === 'SIGTERM') {
    assert.equal(first.process.exitCode, 0, `the bot exits cleanly:\n${first.output()}`);
    assert.ok(first.output().includes('EXITED'), 'runPolling returned');
    assert.ok(exitedAt - signalled < 3000, `the bot took ${exitedAt - signalled} ms to stop`);
  }
  assert.ok(!first.output().includes('ERROR'), `no error reached the error handlers:\n${first.output()}`);
  const recordedAtStop = await assertDataMatchesRecorded(s, `after the ${signal}`);
  assert.ok(recordedAtStop.size > USERS, 'updates were recorded before the stop');

  const sent = await sending;
  const second = await startBot(s, children);
  await waitFor(
    () => new Set(runs(s.runsFile).map(([, text]) => text)).size >= total - USERS + 1,
    60_000,
    'every text handled after the restart',
  );
  // Every update was handled at least once; stop gracefully and check what is stored.
  await waitFor(
    () => {
      const texts = runs(s.runsFile).map(([, text]) => text);
      return texts.filter((text) => text !== '/start').length >= USERS * PER_USER;
    },
    60_000,
    'all runs',
  );
  const idleSignalled = Date.now();
  second.process.kill('SIGTERM');
  const idleStopMs = (await second.exited) - idleSignalled;
  assert.equal(second.process.exitCode, 0, `the restarted bot exits cleanly:\n${second.output()}`);
  assert.ok(!second.output().includes('ERROR'), `no error reached the error handlers:\n${second.output()}`);

  const handled = await assertDataMatchesRecorded(s, 'after the restart');
  const data = await stored(s.dataFile, s.bot.token);
  for (const user of s.users) {
    assert.deepEqual(
      data.users.get(user.id)?.texts,
      sent.get(user.id),
      `user ${user.id}: every text sent is in the data once, in order (0 lost, none counted twice)`,
    );
  }
  const counts = new Map<number, number>();
  for (const [id] of runs(s.runsFile)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  const lost = [...counts.keys()].filter((id) => !handled.has(id));
  assert.deepEqual(lost, [], 'every update that ran is recorded');
  assert.equal(counts.size, total, `every update ran (${counts.size} of ${total})`);
  return { repeated, runsAtStop, stopMs: exitedAt - signalled, idleStopMs };
}

describe('restarts with a FilePersistence: a child process killed or stopped mid-burst', {
  timeout: 240_000,
}, () => {
  let emu: Emulator;
  let dir: string;
  const children: ChildProcess[] = [];
  before(async () => {
    emu = await Emulator.start();
    dir = mkdtempSync(join(tmpdir(), 'restart-crash-'));
  });
  after(async () => {
    for (const child of children)
      if (child.exitCode === null && child.pid !== undefined) child.kill('SIGKILL');
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('SIGKILL, one update at a time: 0 lost, at most 1 handled twice, data exactly the recorded updates', async (t) => {
    const s = await scenario(emu, dir, 'killed', false);
    const { repeated, runsAtStop } = await interruptedBurst(s, 'SIGKILL', children);
    t.diagnostic(`killed after ${runsAtStop} handler runs; ran twice: ${repeated.length}`);
    assert.ok(
      repeated.length <= 1,
      `at most the update running at the kill ran twice, got ${repeated.join(', ')}`,
    );
  });

  test('SIGKILL, per-chat parallel: 0 lost, at most one update per chat handled twice', async (t) => {
    const s = await scenario(emu, dir, 'killedparallel', true);
    const { repeated, runsAtStop } = await interruptedBurst(s, 'SIGKILL', children);
    t.diagnostic(`killed after ${runsAtStop} handler runs; ran twice: ${repeated.length}`);
    assert.ok(
      repeated.length <= USERS,
      `at most the ${USERS} updates running at the kill ran twice, got ${repeated.length}`,
    );
  });

  test('SIGTERM: in-flight handlers finish, 0 lost, 0 handled twice, a quick exit', async (t) => {
    const s = await scenario(emu, dir, 'terminated', true);
    const { repeated, runsAtStop, stopMs, idleStopMs } = await interruptedBurst(s, 'SIGTERM', children);
    t.diagnostic(`stopped after ${runsAtStop} handler runs, exited ${stopMs} ms after the SIGTERM`);
    t.diagnostic(`with idle handlers, the restarted bot exited ${idleStopMs} ms after its SIGTERM`);
    assert.ok(idleStopMs < 3000, `an idle bot stops quickly (took ${idleStopMs} ms)`);
    assert.deepEqual(repeated, [], 'no update ran twice');
  });
});
