import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PTBDeprecationWarning, PTBRuntimeWarning, PTBUserWarning, warn } from '../src/index.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Emits through `emit` and returns the warning the process reports. */
async function caught(emit: () => void): Promise<Error> {
  const seen = once(process, 'warning') as Promise<[Error]>;
  emit();
  const [warning] = await seen;
  return warning;
}

test('warn emits a PTBUserWarning by default, with the stack at the caller', async () => {
  function caller(): void {
    warn('careful');
  }
  const warning = await caught(caller);
  assert.ok(warning instanceof PTBUserWarning);
  assert.equal(warning.name, 'PTBUserWarning');
  assert.equal((warning as PTBUserWarning).code, 'PTBUserWarning');
  assert.equal(warning.message, 'careful');
  const firstFrame = warning.stack?.split('\n')[1] ?? '';
  assert.match(firstFrame, /caller/);
});

test('the category picks the class; runtime and deprecation warnings are user warnings', async () => {
  const runtime = await caught(() => warn('late', PTBRuntimeWarning));
  assert.ok(runtime instanceof PTBRuntimeWarning);
  assert.ok(runtime instanceof PTBUserWarning);
  assert.equal(runtime.name, 'PTBRuntimeWarning');
  const deprecation = await caught(() => warn('old', PTBDeprecationWarning));
  assert.ok(deprecation instanceof PTBDeprecationWarning);
  assert.ok(deprecation instanceof PTBUserWarning);
  assert.equal(deprecation.name, 'DeprecationWarning');
  assert.equal((deprecation as PTBDeprecationWarning).code, 'PTBDeprecationWarning');
});

test('a deprecation with a version says since when; a warning object is emitted as it is', async () => {
  const given = new PTBDeprecationWarning('use runPolling()', '0.2.0');
  assert.equal(given.version, '0.2.0');
  assert.equal(given.message, 'Deprecated since version 0.2.0: use runPolling()');
  assert.equal(await caught(() => warn(given)), given);
  assert.equal(new PTBDeprecationWarning('plain').message, 'plain');
});

test('process.noDeprecation silences deprecations only', async () => {
  const seen: Error[] = [];
  const listener = (warning: Error): void => {
    seen.push(warning);
  };
  process.on('warning', listener);
  process.noDeprecation = true;
  try {
    warn('gone', PTBDeprecationWarning);
    warn('kept', PTBRuntimeWarning);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.noDeprecation = false;
    process.off('warning', listener);
  }
  assert.deepEqual(
    seen.map((w) => w.message),
    ['kept'],
  );
});

/** Runs a script that emits one warning of each kind; returns what Node printed on stderr. */
async function stderrWith(flags: readonly string[]): Promise<string> {
  const script = [
    "import { warn, PTBUserWarning, PTBRuntimeWarning, PTBDeprecationWarning } from './src/warnings.ts';",
    "warn('user-one'); warn('runtime-one', PTBRuntimeWarning); warn('deprecated-one', PTBDeprecationWarning);",
  ].join('\n');
  const { stderr } = await run(
    process.execPath,
    ['--import', 'tsx', ...flags, '--input-type=module', '-e', script],
    { cwd: ROOT },
  );
  return stderr;
}

test('Node prints the warnings and its switches silence them', async () => {
  const all = await stderrWith([]);
  assert.match(all, /\[PTBUserWarning\] PTBUserWarning: user-one/);
  assert.match(all, /PTBRuntimeWarning: runtime-one/);
  assert.match(all, /\[PTBDeprecationWarning\] DeprecationWarning: deprecated-one/);
  const noUser = await stderrWith(['--disable-warning=PTBUserWarning']);
  assert.doesNotMatch(noUser, /user-one/);
  assert.match(noUser, /runtime-one/);
  const noDeprecation = await stderrWith(['--no-deprecation']);
  assert.doesNotMatch(noDeprecation, /deprecated-one/);
  assert.match(noDeprecation, /user-one/);
  const byCode = await stderrWith(['--disable-warning=PTBDeprecationWarning']);
  assert.doesNotMatch(byCode, /deprecated-one/);
  assert.equal(await stderrWith(['--no-warnings']), '');
});
