import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BOT_API_VERSION, constants, VERSION, VERSION_INFO, versionReport } from '../src/index.js';
import { parseVersion } from '../src/version.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface PackageJson {
  readonly version: string;
  readonly bin: Readonly<Record<string, string>>;
}

async function packageJson(): Promise<PackageJson> {
  return JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;
}

test('VERSION is the version package.json states', async () => {
  assert.equal(VERSION, (await packageJson()).version);
});

test('VERSION_INFO splits the version into numbers', () => {
  assert.equal(`${VERSION_INFO.major}.${VERSION_INFO.minor}.${VERSION_INFO.patch}`, VERSION.split('-')[0]);
  assert.deepEqual(parseVersion('2.10.3-beta.1+build.5'), {
    major: 2,
    minor: 10,
    patch: 3,
    prerelease: 'beta.1',
  });
  assert.throws(() => parseVersion('v1.2'), TypeError);
});

test('BOT_API_VERSION is the one the generated code implements', () => {
  assert.match(BOT_API_VERSION, /^\d+\.\d+$/);
  assert.equal(BOT_API_VERSION, constants.BOT_API_VERSION);
});

test('versionReport names the library, Bot API and Node.js versions', () => {
  assert.deepEqual(versionReport().split('\n'), [
    `typescript-telegram-bot ${VERSION}`,
    `Bot API ${BOT_API_VERSION}`,
    `Node.js ${process.version} (${process.platform} ${process.arch})`,
  ]);
});

test('package.json declares the typescript-telegram-bot bin at the built cli', async () => {
  assert.equal((await packageJson()).bin['typescript-telegram-bot'], 'dist/cli.js');
});

test('the cli prints the versions for --version, -v and no argument', async () => {
  for (const args of [['--version'], ['-v'], []]) {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT });
    assert.equal(stdout, `${versionReport()}\n`);
  }
});

test('the cli shows its usage for --help and refuses unknown options', async () => {
  const help = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--help'], { cwd: ROOT });
  assert.match(help.stdout, /^Usage: typescript-telegram-bot/);
  await assert.rejects(
    run(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--frobnicate'], { cwd: ROOT }),
    (error: { code?: unknown; stderr?: unknown }) => {
      assert.equal(error.code, 2);
      assert.match(String(error.stderr), /frobnicate/);
      assert.match(String(error.stderr), /Usage:/);
      return true;
    },
  );
});
