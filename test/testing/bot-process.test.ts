import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BotProcess, botCommand, botEnvironment } from '../../src/testing/bot-process.js';
import { Emulator } from '../../src/testing/index.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bot-process-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function script(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

test('botCommand: TypeScript through tsx, JavaScript through node, anything else as it is', () => {
  assert.deepEqual(botCommand('bot.ts'), { command: process.execPath, args: ['--import', 'tsx', 'bot.ts'] });
  assert.deepEqual(botCommand('bot.mjs'), { command: process.execPath, args: ['bot.mjs'] });
  assert.deepEqual(botCommand('./bot.py'), { command: './bot.py', args: [] });
});

test('botEnvironment: the token under both names, the two base URLs', async () => {
  await using emu = await Emulator.start();
  assert.deepEqual(botEnvironment(emu, '1:abc'), {
    BOT_TOKEN: '1:abc',
    TELEGRAM_BOT_TOKEN: '1:abc',
    BOT_API_BASE_URL: emu.baseUrl,
    BOT_API_FILE_URL: emu.fileBaseUrl,
  });
});

test('BotProcess: a bot that exits before polling rejects waitUntilReady with its output', async () => {
  await using emu = await Emulator.start();
  const info = await emu.createBot({ username: 'crash_bot' });
  const file = script('crash.mjs', "console.log('token', process.env.BOT_TOKEN); process.exit(4);\n");
  const bot = new BotProcess(file, { env: botEnvironment(emu, info.token) });
  await assert.rejects(
    bot.waitUntilReady(emu.control, info.id, 10_000),
    (error: Error) =>
      /exited before it started polling \(exit code 4\)/.test(error.message) &&
      error.message.includes(`token ${info.token}`),
  );
  assert.deepEqual(bot.exit, { code: 4, signal: null });
});

test('BotProcess: a bot deaf to SIGTERM is killed after the grace period', async () => {
  const file = script(
    'deaf.mjs',
    "process.on('SIGTERM', () => console.log('ignored')); console.log('up'); setInterval(() => {}, 1000);\n",
  );
  let output = '';
  const bot = new BotProcess(file, {
    env: {},
    onOutput: (text) => {
      output += text;
    },
  });
  const deadline = Date.now() + 10_000;
  while (!output.includes('up')) {
    assert.ok(Date.now() < deadline, 'the process starts');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const exit = await bot.stop(1000);
  assert.deepEqual(exit, { code: null, signal: 'SIGKILL' });
  assert.match(bot.output, /ignored/, 'it got SIGTERM first');
});
