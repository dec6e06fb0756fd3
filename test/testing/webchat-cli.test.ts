// `tg-emulator --ui`: the web chat's address is printed, the page is served there, and Alice is
// created to chat as.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startCli, stopCli } from './cli-helpers.js';

test('tg-emulator --ui prints the web chat URL, serves the page there, and creates Alice', async () => {
  const { child, output } = await startCli(['--ui'], /User Alice id: \d+/);
  try {
    const url = /Web chat:\s+(\S+)/.exec(output)?.[1] ?? '';
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/ui\/$/, `the web chat URL is printed:\n${output}`);
    const page = await fetch(url);
    assert.equal(page.status, 200, 'the page is served');
    assert.match(await page.text(), /<title>[^<]*web chat/i);
    const state = (await (await fetch(`${url}api/state`)).json()) as {
      result: { users: { first_name: string }[]; bots: { username: string }[] };
    };
    assert.deepEqual(
      state.result.users.map((u) => u.first_name),
      ['Alice'],
    );
    assert.deepEqual(
      state.result.bots.map((b) => b.username),
      ['test_bot'],
    );
    assert.equal(await stopCli(child), 0, 'SIGTERM stops it with 0');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
