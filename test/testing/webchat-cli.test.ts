// `tg-emulator --ui`: the web chat's address is printed, the page is served there, and Alice is
// created to chat as.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';

test('tg-emulator --ui prints the web chat URL, serves the page there, and creates Alice', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/cli.ts', '--port', '0', '--ui'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let output = '';
    const deadline = Date.now() + 15_000;
    while (!/User Alice id: \d+/.test(output)) {
      if (Date.now() > deadline) throw new Error(`no startup output: ${output}`);
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      output += chunk.toString();
    }
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
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
