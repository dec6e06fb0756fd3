import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';

test('tg-emulator prints the base URL and a working token, and stops on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/testing/cli.ts', '--port', '0', '--bot', 'cli_bot', '--user', 'Ann'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    let output = '';
    const deadline = Date.now() + 10_000;
    while (!/User Ann id: \d+/.test(output)) {
      if (Date.now() > deadline) throw new Error(`no startup output: ${output}`);
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      output += chunk.toString();
    }
    const baseUrl = /API base URL:\s+(\S+)/.exec(output)?.[1];
    const token = /token: (\S+)/.exec(output)?.[1];
    assert.ok(baseUrl?.startsWith('http://127.0.0.1:'));
    assert.match(token ?? '', /^\d+:[A-Za-z0-9_-]{35}$/);
    const me = (await (await fetch(`${baseUrl}${token}/getMe`)).json()) as { result: { username: string } };
    assert.equal(me.result.username, 'cli_bot');
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
