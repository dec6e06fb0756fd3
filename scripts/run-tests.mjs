// Runs every test file under test/ with node's test runner, TypeScript loaded through tsx.
// Node 20's runner does not expand globs, so the file list is collected here.
// Files run in parallel, each in its own process: most of a test file's time is spent waiting on
// sockets and timers, so more files than cores keeps the machine busy. Node's own default (cores
// minus one) would run them one after another on a two-core machine. TEST_CONCURRENCY overrides.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

function collect(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...collect(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const filter = process.argv.slice(2);
const files = collect('test').filter((file) => filter.length === 0 || filter.some((f) => file.includes(f)));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const concurrency = Number(process.env.TEST_CONCURRENCY ?? Math.max(4, availableParallelism()));
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error('TEST_CONCURRENCY must be a positive whole number');
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec'];
const child = spawn(process.execPath, [...args, ...files], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
