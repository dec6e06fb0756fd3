/**
 * What a person sees when a bot built on the published dist/ crashes: a few lines naming the
 * error, and stack lines that lead to readable code. (When dist/ was minified, Node printed the
 * whole 760 KB line of the throw: 82-636 KB of output for a wrong token or an offline machine.)
 * Real child processes against `npm run build`'s output, a Bot API emulator on loopback.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Emulator } from '../src/testing/index.js';
import { PROJECT_ROOT } from './helpers/spec.js';

const MAX_OUTPUT = 4096;
const LONGEST_READABLE_LINE = 300;
const UNKNOWN_TOKEN = '123456:AAAbbbCCCdddEEEfffGGGhhhIIIjjjKKKlll';

interface Crash {
  readonly code: number | null;
  readonly output: string;
}

/** Runs an ES module script with the package importable by name, bounded in time. */
function runScript(script: string, env: Record<string, string>, nodeOptions: string[] = []): Promise<Crash> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [...nodeOptions, '--input-type=module', '-e', script],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, timeout: 20_000, maxBuffer: 16 * 2 ** 20 },
      (error, stdout, stderr) => {
        if (error?.killed) {
          fail(new Error(`the script did not end within 20 s:\n${stdout}${stderr}`.slice(0, 2000)));
          return;
        }
        done({ code: error === null ? 0 : (error.code as number), output: `${stdout}${stderr}` });
      },
    );
  });
}

/** The dist/ files and line numbers the stack lines of `output` point at. */
function distFrames(output: string): { file: string; line: number }[] {
  const frames: { file: string; line: number }[] = [];
  for (const match of output.matchAll(/(file:\/\/\/[^\s()]+\/dist\/[^\s()]+\.js):(\d+):\d+/g)) {
    frames.push({ file: fileURLToPath(match[1] as string), line: Number(match[2]) });
  }
  return frames;
}

/** Asserts the shape of a crash report: short, the error named early, stack lines into readable dist/ lines. */
function assertReadableCrash(crash: Crash, errorName: string): void {
  const { output } = crash;
  assert.notEqual(crash.code, 0, `the process failed:\n${output}`);
  assert.ok(
    Buffer.byteLength(output) < MAX_OUTPUT,
    `under ${MAX_OUTPUT} bytes of output, got ${Buffer.byteLength(output)}:\n${output.slice(0, 1500)}`,
  );
  const firstLines = output.split('\n').slice(0, 8).join('\n');
  assert.ok(firstLines.includes(errorName), `${errorName} is named in the first lines:\n${firstLines}`);
  const frames = distFrames(output);
  assert.ok(frames.length > 0, `a stack line points into dist/:\n${output}`);
  for (const { file, line } of frames) {
    const text = readFileSync(file, 'utf8').split('\n')[line - 1];
    assert.ok(text !== undefined, `${file} has a line ${line}`);
    assert.ok(
      text.length <= LONGEST_READABLE_LINE,
      `${file}:${line} is a readable line (${text.length} characters)`,
    );
  }
}

const POLLING_BOT = `
import { Application } from 'typescript-telegram-bot/ext';
const app = Application.builder().token(process.env.BOT_TOKEN).baseUrl(process.env.BASE_URL).build();
await app.runPolling({ stopSignals: [] });
`;

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  await new Promise((closed) => server.close(closed));
  assert.ok(typeof address === 'object' && address !== null);
  return address.port;
}

describe('crash output of the built package', () => {
  let emu: Emulator;

  before(async () => {
    emu = await Emulator.start();
  });

  after(async () => {
    await emu.stop();
  });

  test('runPolling with a token the server refuses: InvalidToken in a few lines', async () => {
    const crash = await runScript(POLLING_BOT, { BOT_TOKEN: UNKNOWN_TOKEN, BASE_URL: emu.baseUrl });
    assertReadableCrash(crash, 'InvalidToken');
    assert.match(crash.output, /the server refused the bot token/);
    assert.ok(!crash.output.includes(UNKNOWN_TOKEN.slice(7)), 'the token is not printed');
  });

  test('an unawaited call that fails: the unhandled rejection names its error in a few lines', async () => {
    const bot = await emu.createBot({ username: 'crash_bot' });
    const script = `
import { Bot } from 'typescript-telegram-bot';
const bot = new Bot(process.env.BOT_TOKEN, { baseUrl: process.env.BASE_URL });
bot.sendMessage(424242, 'hello'); // no await, no catch
`;
    const crash = await runScript(script, { BOT_TOKEN: bot.token, BASE_URL: emu.baseUrl });
    assertReadableCrash(crash, 'ChatNotFound');
  });

  test('no server to connect to: a NetworkError saying what to check', async () => {
    const port = await closedPort();
    const crash = await runScript(POLLING_BOT, {
      BOT_TOKEN: UNKNOWN_TOKEN,
      BASE_URL: `http://127.0.0.1:${port}/bot`,
    });
    assertReadableCrash(crash, 'NetworkError');
    assert.match(crash.output, /ECONNREFUSED.*check the base URL and that the server runs/);
  });

  test('with --enable-source-maps the stack shows the TypeScript sources', async () => {
    const crash = await runScript(POLLING_BOT, { BOT_TOKEN: UNKNOWN_TOKEN, BASE_URL: emu.baseUrl }, [
      '--enable-source-maps',
    ]);
    assert.ok(Buffer.byteLength(crash.output) < MAX_OUTPUT, crash.output.slice(0, 1500));
    assert.match(crash.output, /InvalidToken/);
    assert.match(crash.output, /\bsrc\/request\/base\.ts:\d+:\d+/);
    assert.match(crash.output, /\bsrc\/ext\/application\.ts:\d+:\d+/);
  });

  test('the source maps carry their sources, for installs without src/', () => {
    const dir = resolve(PROJECT_ROOT, 'dist', 'chunks');
    const maps = readdirSync(dir).filter((name) => name.endsWith('.js.map'));
    assert.ok(maps.length > 0, 'dist/chunks has source maps');
    for (const name of maps) {
      const map = JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      assert.equal(map.sourcesContent?.length, map.sources.length, `${name} has sourcesContent`);
      assert.ok(
        map.sourcesContent.every((content) => typeof content === 'string' && content.length > 0),
        `${name}: every source has its content`,
      );
    }
  });
});
