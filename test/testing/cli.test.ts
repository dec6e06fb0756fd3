import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startCli, stopCli } from './cli-helpers.js';

test('tg-emulator prints the base URL and a working token, and stops on SIGTERM', async () => {
  const { child, output } = await startCli(['--bot', 'cli_bot', '--user', 'Ann'], /User Ann id: \d+/);
  try {
    const baseUrl = /API base URL:\s+(\S+)/.exec(output)?.[1];
    const token = /token: (\S+)/.exec(output)?.[1];
    assert.ok(baseUrl?.startsWith('http://127.0.0.1:'));
    assert.match(token ?? '', /^\d+:[A-Za-z0-9_-]{35}$/);
    const me = (await (await fetch(`${baseUrl}${token}/getMe`)).json()) as { result: { username: string } };
    assert.equal(me.result.username, 'cli_bot');
    assert.equal(await stopCli(child), 0, 'SIGTERM stops it with 0');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
