/**
 * `npm start -- --ui`: the offline demo runs as usual, then the emulator and the bot keep running
 * with the web chat until Ctrl-C, which stops both and exits 0.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { collectOutput, envWithoutToken } from '../helpers/child-output.js';
import { PROJECT_ROOT } from '../helpers/spec.js';

test('npm start -- inlinekeyboard --ui: the demo, then the web chat URL; the bot answers there; Ctrl-C exits 0', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', 'inlinekeyboard', '--ui'], {
    cwd: PROJECT_ROOT,
    env: envWithoutToken(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const exited = once(child, 'close') as Promise<[number | null]>;
  try {
    const deadline = Date.now() + 60_000;
    while (!/Web chat: (\S+)/.test(output.stdout)) {
      assert.ok(Date.now() < deadline, `no web chat URL printed:\n${output.stdout}\n${output.stderr}`);
      assert.equal(child.exitCode, null, `npm start exited early:\n${output.stdout}\n${output.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(output.stdout, /@inline_keyboard_bot \(edited\): Selected option: 2/, 'the demo ran first');
    const url = /Web chat: (\S+)/.exec(output.stdout)?.[1] ?? '';
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/ui\/$/);
    assert.equal((await fetch(url)).status, 200, 'the page is served');

    // The bot still runs: a message sent through the control API (as the page does) is answered.
    type State = { users: { id: number }[]; bots: { id: number }[] };
    const state = ((await (await fetch(`${url}api/state`)).json()) as { result: State }).result;
    const userId = state.users[0]?.id;
    const botId = state.bots[0]?.id;
    const origin = new URL(url).origin;
    const post = (name: string, body: object): Promise<Response> =>
      fetch(`${origin}/_emulator/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('send', { user_id: userId, bot_id: botId, text: '/help' });
    const answer = await post('wait', {
      user_id: userId,
      chat_id: userId,
      bot_id: botId,
      after_user_id: userId,
      timeout_ms: 10_000,
    });
    const entry = ((await answer.json()) as { result: { summary: string } | null }).result;
    assert.equal(entry?.summary, 'Use /start to test this bot.', 'the bot answers after the demo');

    child.kill('SIGINT');
    const [code] = await exited;
    assert.equal(code, 0, `Ctrl-C ends it with 0:\n${output.stderr}`);
    assert.equal(output.stderr, '', 'nothing went wrong');
    await assert.rejects(fetch(url), 'the emulator stopped');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
