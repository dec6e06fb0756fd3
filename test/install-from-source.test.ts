/**
 * The README's two ways into a project besides a tarball (test/pack-install.test.ts): a local path
 * to a checkout with dist/ built, and a git URL, for which npm clones the repository, installs its
 * dev dependencies, builds it through `prepare` and installs what `npm pack` would give. Both
 * offline where the npm cache allows. The git case installs the committed HEAD: changes not yet
 * committed are not in it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './helpers/spec.js';

const run = promisify(execFile);
const NAME = 'typescript-telegram-bot';
/** A git install downloads nothing new but runs a full build: minutes on a busy two-core machine. */
const GIT_TIMEOUT_MS = 9 * 60_000;

async function available(command: string): Promise<boolean> {
  return run(command, ['--version'], { timeout: 10_000 }).then(
    () => true,
    () => false,
  );
}

async function headCommit(): Promise<string | undefined> {
  return run('git', ['rev-parse', 'HEAD'], { cwd: PROJECT_ROOT, timeout: 10_000 }).then(
    ({ stdout }) => stdout.trim(),
    () => undefined,
  );
}

const npmMissing = (await available('npm')) ? undefined : 'npm is not available here';
const commit = (await available('git')) ? await headCommit() : undefined;
const gitMissing = npmMissing ?? (commit === undefined ? 'not a git checkout (or no git here)' : undefined);

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ttb-source-consumer-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
  );
  return dir;
}

/**
 * A bot that answers through the installed package, over its own emulator: what "it works" means
 * to someone who just installed it.
 */
const ECHO_CHECK = `
  import { Application, MessageHandler, filters } from '${NAME}/ext';
  import { Emulator } from '${NAME}/testing';
  const emu = await Emulator.start();
  const info = await emu.createBot({ username: 'installed_bot' });
  const app = Application.builder().token(info.token).baseUrl(emu.baseUrl).build();
  app.addHandler(new MessageHandler(filters.TEXT, (update) => update.effectiveMessage.replyText('pong')));
  const running = await emu.runApplication(app);
  const alice = await emu.createUser({ firstName: 'Alice' });
  await alice.sendMessage(info, 'ping');
  const reply = await alice.expectMessage({ timeoutMs: 5000 });
  await running.stop();
  await emu.stop();
  console.log(JSON.stringify({ reply: reply.text }));`;

async function echoThroughInstalledPackage(project: string): Promise<string | undefined> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', ECHO_CHECK], {
    cwd: project,
    timeout: 60_000,
  });
  return (JSON.parse(stdout) as { reply?: string }).reply;
}

test('a local path to a built checkout installs as a link and the bot it runs answers', {
  skip: npmMissing,
  timeout: 120_000,
}, async () => {
  assert.ok(existsSync(join(PROJECT_ROOT, 'dist/index.js')), 'dist/ is built (run npm run build)');
  const project = freshProject();
  await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--offline', PROJECT_ROOT], {
    cwd: project,
    timeout: 60_000,
  });
  const installed = join(project, 'node_modules', NAME);
  assert.ok(lstatSync(installed).isSymbolicLink(), 'npm links a local path: a rebuild there is seen here');
  assert.equal(realpathSync(installed), realpathSync(PROJECT_ROOT), 'the link leads to the checkout');
  assert.equal(await echoThroughInstalledPackage(project), 'pong', 'the bot answered through the package');
});

test('a git URL installs: npm builds the clone through prepare, and the bot it runs answers', {
  skip: gitMissing,
  timeout: GIT_TIMEOUT_MS + 60_000,
}, async () => {
  const project = freshProject();
  const url = `git+${pathToFileURL(PROJECT_ROOT).href}#${commit}`;
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', url], {
    cwd: project,
    timeout: GIT_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stderr?: string; message: string }) =>
    assert.fail(`npm install ${url} failed:\n${error.stderr ?? error.message}`),
  );
  const installed = join(project, 'node_modules', NAME);
  assert.ok(!lstatSync(installed).isSymbolicLink(), 'a git install is a copy, not a link');
  assert.ok(existsSync(join(installed, 'dist/ext/index.js')), 'prepare built dist/ in the clone');
  assert.ok(!existsSync(join(installed, 'src/index.ts')), 'only the packed files arrive, not the sources');
  assert.ok(!existsSync(join(installed, 'node_modules/typescript')), 'the dev dependencies stay behind');
  assert.equal(await echoThroughInstalledPackage(project), 'pong', 'the bot answered through the package');
});
