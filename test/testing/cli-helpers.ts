/** The tg-emulator command line (src/testing/cli.ts) run as a child process, for the tests of its options. */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';

/** A running tg-emulator and what it printed up to the line the test waited for. */
export interface StartedCli {
  readonly child: ChildProcessByStdio<null, Readable, null>;
  readonly output: string;
}

/**
 * Starts `tg-emulator --port 0 ...args` and reads its stdout until `ready` matches it; a child
 * that exits or prints nothing matching within `limitMs` is killed and the call fails with what
 * it printed.
 */
export async function startCli(
  args: readonly string[],
  ready: RegExp,
  limitMs = 15_000,
): Promise<StartedCli> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/cli.ts', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + limitMs;
  while (!ready.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`tg-emulator did not print ${ready} (exit code ${child.exitCode}): ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, output };
}

/** Sends SIGTERM and resolves with the exit code. */
export async function stopCli(child: StartedCli['child']): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = once(child, 'exit') as Promise<[number | null]>;
  child.kill('SIGTERM');
  const [code] = await exited;
  return code;
}
