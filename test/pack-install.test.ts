/**
 * What a user gets from the registry: `npm pack` of the built package (`npm test` builds dist/
 * first), installed offline into a fresh project. Its three entry points load with `import` and
 * `require()`, its declarations type-check a small bot under `strict`, it carries no dev-only files,
 * and every relative link in the README leads to a file inside it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { before, test } from 'node:test';
import {
  compileProject,
  linkInstalled,
  PACKAGE_NAME as NAME,
  run,
  STRICT_COMPILER_OPTIONS,
  tempProject,
} from './helpers/consumer-project.js';
import { PROJECT_ROOT } from './helpers/spec.js';

const TIMEOUT_MS = 60_000;
const manifest = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  sideEffects: string[];
};

/** Files outside dist/ and bin/ that the package means to ship (npm adds package.json itself). */
const SHIPPED_DOCS = [
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'ARCHITECTURE.md',
  'FEATURES.md',
  'bench/RESULTS.md',
  'docs/scale-out.md',
  'src/testing/README.md',
  'docs/webchat.png',
];

async function npmAvailable(): Promise<string | undefined> {
  try {
    await run('npm', ['--version'], { timeout: 10_000 });
    return undefined;
  } catch (error) {
    return `npm is not available here (${(error as Error).message.split('\n')[0]})`;
  }
}

const skipReason = await npmAvailable();
const packDir = tempProject('pack');
const projectDir = tempProject('consumer', {
  name: 'consumer',
  version: '1.0.0',
  private: true,
  type: 'module',
});
let tarball = '';
let packed: string[] = [];

before(async () => {
  if (skipReason !== undefined) return;
  assert.ok(existsSync(resolve(PROJECT_ROOT, 'dist/index.js')), 'dist/ is built (run npm run build)');
  // --ignore-scripts: `prepare` would rebuild dist/ while other test files read it.
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
    cwd: PROJECT_ROOT,
    timeout: TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  assert.ok(info !== undefined, 'npm pack reported its tarball');
  tarball = join(packDir, info.filename);
  packed = info.files.map((file) => file.path);
});

test('the tarball holds the built package and its documents, nothing dev-only', { skip: skipReason }, () => {
  const unexpected = packed.filter(
    (path) =>
      !(
        path.startsWith('dist/') ||
        path.startsWith('bin/') ||
        path === 'package.json' ||
        SHIPPED_DOCS.includes(path)
      ),
  );
  assert.deepEqual(unexpected, [], 'only dist/, bin/, package.json and the shipped documents are packed');
  for (const path of packed) {
    assert.ok(!path.endsWith('.tsbuildinfo'), `${path}: no build cache is packed`);
    assert.ok(!/(^|\/)(test|node_modules|scripts|codegen|examples)\//.test(path), `${path} is not dev-only`);
    assert.ok(!/\.test\.(js|d\.ts)$/.test(path), `${path} is not a test`);
  }
  const webChat = ['dist/testing/ui/index.html', 'dist/testing/ui/app.js', 'dist/testing/ui/app.css'];
  for (const doc of [
    ...SHIPPED_DOCS,
    'dist/index.js',
    'dist/ext/index.js',
    'dist/testing/index.js',
    ...webChat,
  ]) {
    assert.ok(packed.includes(doc), `${doc} is packed`);
  }
});

test('every relative link in README.md leads to a file in the tarball', { skip: skipReason }, () => {
  const readme = readFileSync(resolve(PROJECT_ROOT, 'README.md'), 'utf8');
  const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0] ?? '');
  assert.ok(targets.length > 0, 'the README has relative links to check');
  const dead = targets.filter((target) => !packed.includes(target.replace(/^\.\//, '')));
  assert.deepEqual(dead, [], 'README links whose target is not packed');
});

function sideEffectPatterns(): RegExp[] {
  return manifest.sideEffects.map(
    (glob) => new RegExp(`^${glob.replace(/^\.\//, '').replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(resolve(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(`${dir}/${entry.name}`)
      : entry.name.endsWith('.ts')
        ? [`${dir}/${entry.name}`]
        : [],
  );
}

test('sideEffects keeps every module imported for its effects, in src/ and in the bundle', {
  skip: skipReason,
}, () => {
  const patterns = sideEffectPatterns();
  // esbuild reads this package.json while bundling src/: a bare import of a module outside
  // sideEffects is silently dropped, and the shortcuts it installs are missing from dist/.
  const bare = sourceFiles('src').flatMap((file) =>
    [...readFileSync(resolve(PROJECT_ROOT, file), 'utf8').matchAll(/^import '(\.[^']+)\.js';$/gm)].map(
      (match) => posix.join(posix.dirname(file), `${match[1]}.ts`),
    ),
  );
  assert.ok(bare.length > 0, 'src/ has modules imported for their effects');
  for (const path of bare) {
    assert.ok(
      patterns.some((pattern) => pattern.test(path)),
      `${path} is imported bare and must match sideEffects`,
    );
  }
  const installers = packed.filter(
    (path) =>
      path.endsWith('.js') && /^\/\/ src\/objects\//m.test(readFileSync(resolve(PROJECT_ROOT, path), 'utf8')),
  );
  assert.ok(installers.length > 0, 'the bundle marks where the modules of src/objects/ went');
  for (const path of installers) {
    assert.ok(
      patterns.some((pattern) => pattern.test(path)),
      `${path} holds src/objects/ modules (installed on import) and must match package.json sideEffects`,
    );
  }
});

const BOT = `import { Bot, InlineKeyboardMarkup, type Message } from '${NAME}';
import { Application, CommandHandler, type ContextTypes, filters, MessageHandler } from '${NAME}/ext';
import { Emulator } from '${NAME}/testing';

type Context = ContextTypes.DEFAULT_TYPE;

const app = Application.builder().token('123:abc').build();
app.addHandler(
  new CommandHandler('start', async (update, _context: Context) => {
    const sent: Message | undefined = await update.message?.replyText('Hi', {
      reply_markup: new InlineKeyboardMarkup([[{ text: 'Go', callback_data: 'go' }]]),
    });
    sent?.date.getTime();
  }),
);
app.addHandler(new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), async (update) => {
  const text: string | undefined = update.message?.text;
  if (text !== undefined) await update.message?.replyText(text);
}));

export async function check(): Promise<void> {
  await using emu = await Emulator.start();
  const info = await emu.createBot({ username: 'echo_bot' });
  const bot = new Bot(info.token, { baseUrl: emu.baseUrl });
  await bot.sendMessage(1, '<b>hi</b>', { parse_mode: 'HTML' });
}
`;

const TSCONFIG = {
  compilerOptions: {
    ...STRICT_COMPILER_OPTIONS,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    skipLibCheck: false,
    noEmit: true,
  },
};

test('a fresh project installs the tarball offline, loads every entry point and type-checks a bot under strict', {
  skip: skipReason,
  timeout: TIMEOUT_MS,
}, async () => {
  const install = ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball];
  try {
    await run('npm', [...install, '--offline'], { cwd: projectDir, timeout: TIMEOUT_MS });
  } catch {
    // undici may be absent from this machine's npm cache; then the registry fills the gap.
    await run('npm', [...install, '--prefer-offline'], { cwd: projectDir, timeout: TIMEOUT_MS });
  }
  const installed = join(projectDir, 'node_modules', NAME);
  assert.ok(existsSync(join(installed, 'dist/index.js')), 'the package is installed');
  assert.ok(
    existsSync(join(projectDir, 'node_modules/undici/package.json')),
    'its dependency undici is installed',
  );

  const load = `
      const names = {};
      for (const s of ['${NAME}', '${NAME}/ext', '${NAME}/testing']) names[s] = Object.keys(await import(s));
      const { Message, User } = await import('${NAME}');
      names.installed = [typeof Message.prototype.replyText, typeof User.prototype.mentionHtml];
      const { createRequire } = await import('node:module');
      const required = createRequire(import.meta.url)('${NAME}/ext');
      names.required = Object.keys(required);
      console.log(JSON.stringify(names));`;
  const { stdout } = await run(process.execPath, ['--no-warnings', '--input-type=module', '-e', load], {
    cwd: projectDir,
    timeout: TIMEOUT_MS,
  });
  const names = JSON.parse(stdout) as Record<string, string[]>;
  assert.ok(names[NAME]?.includes('Bot'), `${NAME} exports Bot`);
  assert.ok(names[`${NAME}/ext`]?.includes('Application'), `${NAME}/ext exports Application`);
  assert.ok(names[`${NAME}/testing`]?.includes('Emulator'), `${NAME}/testing exports Emulator`);
  assert.ok(names.required?.includes('Application'), 'require() of the ESM package works');

  // The user's own @types/node, as `npm install -D @types/node` would give it.
  linkInstalled(projectDir, ['@types/node']);
  writeFileSync(join(projectDir, 'bot.ts'), BOT);
  writeFileSync(join(projectDir, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, files: ['bot.ts'] }));
  const errors = await compileProject(projectDir, 'tsconfig.json', TIMEOUT_MS);
  assert.ok(errors === undefined, `the bot type-checks against the package:\n${errors}`);

  // The declarations are precise, not `any`: a misspelt parse mode is an error.
  writeFileSync(join(projectDir, 'bad.ts'), BOT.replace("parse_mode: 'HTML'", "parse_mode: 'HTLM'"));
  writeFileSync(join(projectDir, 'tsconfig.bad.json'), JSON.stringify({ ...TSCONFIG, files: ['bad.ts'] }));
  const bad = (await compileProject(projectDir, 'tsconfig.bad.json', TIMEOUT_MS)) ?? '';
  assert.match(bad, /bad\.ts.*HTLM/s, 'tsc rejects a parse_mode the API does not have');
});
