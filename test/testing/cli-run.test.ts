/**
 * `tg-emulator --run <bot file>`: one terminal runs the emulator and the bot, and is the user's
 * chat with it. Run through the package's bin, as `npx tg-emulator` runs it.
 */
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../helpers/spec.js';

function start(...args: string[]): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  errors: () => string;
} {
  const env = { ...process.env };
  delete env.BOT_TOKEN;
  delete env.TELEGRAM_BOT_TOKEN;
  const child = spawn(process.execPath, ['bin/tg-emulator.js', '--port', '0', ...args], {
    cwd: PROJECT_ROOT,
    env,
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return { child, output: () => stdout, errors: () => stderr };
}

/** Waits (bounded) until the output matches. */
async function until(output: () => string, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function exitCode(child: ChildProcessWithoutNullStreams, timeoutMs = 15_000): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return code;
}

test('tg-emulator --run examples/echobot.ts: a typed line is answered, end of input stops both', async () => {
  const { child, output } = start('--run', 'examples/echobot.ts', '--bot', 'run_echo_bot');
  try {
    await until(output, /Type a message to @run_echo_bot as Alice/);
    child.stdin.write('hello from the terminal\n');
    await until(output, /^@run_echo_bot: hello from the terminal$/m);
    assert.match(output(), /^Alice: hello from the terminal$/m, 'the user line is part of the chat');
    child.stdin.end();
    assert.equal(await exitCode(child), 0, 'end of input stops the bot and the emulator, exit 0');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('tg-emulator --run: [text] presses an inline button; SIGTERM stops cleanly', async () => {
  const { child, output } = start('--run', 'examples/inlinekeyboard.ts', '--user', 'Bea');
  try {
    await until(output, /as Bea and press Enter/);
    child.stdin.write('/start\n[Option 3]\n');
    await until(output, /^Bea pressed \[Option 3\]\n@test_bot \(edited\): Selected option: 3$/m);
    assert.match(output(), /^@test_bot: Please choose:\n\s+\[Option 1\] \[Option 2\]\n\s+\[Option 3\]$/m);
    child.kill('SIGTERM');
    assert.equal(await exitCode(child), 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('tg-emulator --run: a bot that exits before polling is reported, exit code 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tg-run-'));
  const file = join(dir, 'broken-bot.mjs');
  writeFileSync(file, "console.error('no config for ' + process.env.BOT_API_BASE_URL); process.exit(3);\n");
  const { child, output, errors } = start('--run', file);
  try {
    assert.equal(await exitCode(child), 1);
    assert.doesNotMatch(output(), /Type a message/);
    assert.match(
      errors(),
      /^bot \| no config for http:\/\/127\.0\.0\.1:\d+\/bot$/m,
      "the bot's output, marked",
    );
    assert.match(errors(), /broken-bot\.mjs exited before it started polling \(exit code 3\)/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tg-emulator --run: a file that does not exist is refused at once', async () => {
  const { child, errors } = start('--run', 'examples/no-such-bot.ts');
  try {
    assert.equal(await exitCode(child), 1);
    assert.match(errors(), /--run examples\/no-such-bot\.ts: no such file/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('the tg-emulator bin runs dist/ where there are no sources (an installed package)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tg-installed-'));
  try {
    cpSync(join(PROJECT_ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
    const built = join(PROJECT_ROOT, 'dist');
    assert.ok(existsSync(join(built, 'testing/cli.js')), 'dist/testing/cli.js exists (run npm run build)');
    symlinkSync(built, join(dir, 'dist'));
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
    const child = spawn(process.execPath, [join(dir, 'bin/tg-emulator.js'), '--help']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    assert.equal(await exitCode(child as ChildProcessWithoutNullStreams), 0);
    assert.match(stdout, /^Usage: tg-emulator \[options\]/);
    assert.match(stdout, /--run <file>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
