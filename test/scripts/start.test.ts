/**
 * `npm start`, as a newcomer runs it: the offline demo of an example, run as a real child
 * process without any token, prints the chat and exits 0; an unknown example lists the others.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { Emulator } from '../../src/testing/index.js';
import { collectOutput, envWithoutToken } from '../helpers/child-output.js';
import { PROJECT_ROOT } from '../helpers/spec.js';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command in the project without any bot token; killed (and failing) after `limitMs`. */
function run(command: string, args: readonly string[], limitMs = 60_000): Promise<Run> {
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: envWithoutToken(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${command} ${args.join(' ')} still running after ${limitMs} ms:\n${output.stdout}\n${output.stderr}`,
        ),
      );
    }, limitMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, ...output });
    });
  });
}

const start = (...args: string[]): Promise<Run> =>
  run(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args]);

/** The chat lines of a demo's output, without the indentation. */
function chat(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('  '))
    .map((line) => line.slice(2));
}

// One demo at a time: each is two Node processes compiling TypeScript, which side by side on a
// small machine only slow each other down.
describe('npm start', () => {
  test('npm start (no token): the echo bot answers a simulated user, offline, and it exits 0', async () => {
    const result = await run('npm', ['start']);
    assert.equal(result.code, 0, `npm start exits 0; stderr:\n${result.stderr}`);
    assert.deepEqual(chat(result.stdout), [
      'Alice: /start',
      '@echo_bot: Hi Alice!',
      'Alice: Hello, bot! Can you hear me?',
      '@echo_bot: Hello, bot! Can you hear me?',
      'Alice: /help',
      '@echo_bot: Help!',
    ]);
    assert.match(
      result.stdout,
      /examples\/echobot\.ts runs against the built-in Telegram emulator \(no token\)/,
    );
    assert.match(result.stdout, /TELEGRAM_BOT_TOKEN=<token from @BotFather> npm start -- echobot/);
  });

  test('npm start -- inlinekeyboard: the keyboard is drawn, the press shown, the edit follows', async () => {
    const result = await start('inlinekeyboard');
    assert.equal(result.code, 0, `exit 0; stderr:\n${result.stderr}`);
    assert.deepEqual(chat(result.stdout), [
      'Alice: /start',
      '@inline_keyboard_bot: Please choose:',
      '                      [Option 1] [Option 2]',
      '                      [Option 3]',
      'Alice pressed [Option 2]',
      '@inline_keyboard_bot (edited): Selected option: 2',
      'Alice: /help',
      '@inline_keyboard_bot: Use /start to test this bot.',
    ]);
  });

  test('npm start -- conversationbot: the reply keyboard appears and goes, the conversation ends', async () => {
    const result = await start('conversationbot');
    assert.equal(result.code, 0, `exit 0; stderr:\n${result.stderr}`);
    const lines = chat(result.stdout);
    const at = (text: string): number => {
      const index = lines.findIndex((line) => line.includes(text));
      assert.ok(index >= 0, `the chat shows ${JSON.stringify(text)}:\n${lines.join('\n')}`);
      return index;
    };
    assert.ok(
      at('Are you a boy or a girl?') < at('  keyboard: [Boy] [Girl] [Other]'),
      'keyboard under the question',
    );
    assert.ok(at('Alice: Girl') < at('  keyboard removed'), 'the keyboard goes after the answer');
    assert.ok(at('Alice: [photo]') < at('Gorgeous!'), 'the photo is answered');
    assert.equal(lines.at(-1), '@professor_bot: Thank you! I hope we can talk again some day.');
  });

  test('npm start -- timerbot: the alarm set for one second rings', async () => {
    const result = await start('timerbot');
    assert.equal(result.code, 0, `exit 0; stderr:\n${result.stderr}`);
    const lines = chat(result.stdout);
    const set = lines.indexOf('Alice: /set 1');
    assert.ok(set >= 0, `the chat shows /set 1:\n${lines.join('\n')}`);
    assert.deepEqual(lines.slice(set, set + 3), [
      'Alice: /set 1',
      '@timer_bot: Timer successfully set!',
      '@timer_bot: Beep! 1 seconds are over!',
    ]);
  });

  test('npm start -- inlinekeyboard2: the menu walks to the goodbye', async () => {
    const result = await start('inlinekeyboard2');
    assert.equal(result.code, 0, `exit 0; stderr:\n${result.stderr}`);
    const lines = chat(result.stdout);
    assert.equal(lines.filter((line) => line.startsWith('Alice pressed')).length, 7, lines.join('\n'));
    assert.equal(lines.at(-1), '@inline_menu_bot (edited): See you next time!');
  });

  test('npm start -- <unknown>: exit code 2 and the list of examples', async () => {
    const result = await start('no_such_bot');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /there is no example "no_such_bot"/);
    assert.match(result.stderr, /Examples: .*echobot.*inlinekeyboard2.*timerbot/);
    assert.equal(result.stdout, '');
  });

  test('npm start -- passportbot (no offline demo): exit code 1, how to run it with a token', async () => {
    const result = await start('passportbot');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /passportbot has no offline demo/);
    assert.match(result.stderr, /TELEGRAM_BOT_TOKEN=<token> npm start -- passportbot/);
  });

  for (const [example, last] of [
    ['rawapibot', '@raw_api_bot: Echo this too'],
    ['webappbot', '  keyboard removed'],
    // Its provider token comes from the demo's own environment.
    ['paymentbot', '@shop_bot: Thank you for your payment.'],
  ] as const) {
    test(`npm start -- ${example}: the demo runs to its end`, async () => {
      const result = await start(example);
      assert.equal(result.code, 0, `exit 0; stderr:\n${result.stderr}`);
      const lines = chat(result.stdout);
      if (typeof last === 'string') assert.ok(lines.at(-1)?.endsWith(last.trim()), lines.join('\n'));
      else assert.match(lines.at(-1) ?? '', last);
    });
  }

  test('npm start with TELEGRAM_BOT_TOKEN runs the example with that token, no script, until SIGTERM', async () => {
    // "Telegram" here is an emulator the test owns, reached through BOT_API_BASE_URL as the example allows.
    await using emu = await Emulator.start();
    const info = await emu.createBot({ username: 'token_echo_bot' });
    const alice = await emu.createUser({ firstName: 'Alice' });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TELEGRAM_BOT_TOKEN: info.token,
      BOT_API_BASE_URL: emu.baseUrl,
    };
    delete env.BOT_TOKEN;
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', 'echobot'], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.resume();
    try {
      await alice.sendCommand(info, '/start');
      await alice.expectMessage({ text: 'Hi Alice!', timeoutMs: 30_000 });
      assert.match(stdout, /Running examples\/echobot\.ts against Telegram; Ctrl-C stops it\./);
      assert.doesNotMatch(stdout, /Offline demo/);
      const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      assert.equal(await exited, 0, 'SIGTERM stops the bot and npm start exits 0');
      clearTimeout(timer);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
