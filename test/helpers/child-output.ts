/** Running the project's scripts as child processes, the way a user starts them in a shell. */
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/** What a child printed so far; the fields grow as its output arrives. */
export interface ChildOutput {
  stdout: string;
  stderr: string;
}

/** Collects the child's stdout and stderr (spawned with both piped) as they arrive. */
export function collectOutput(child: ChildProcessByStdio<null, Readable, Readable>): ChildOutput {
  const output: ChildOutput = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  return output;
}

/** This process's environment without a bot token or Bot API address, as a newcomer's shell has it. */
export function envWithoutToken(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.TELEGRAM_BOT_TOKEN;
  delete env.BOT_TOKEN;
  delete env.BOT_API_BASE_URL;
  return env;
}
