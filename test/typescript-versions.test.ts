/**
 * The README's version promises, checked against the built package as a user's project sees it
 * (node_modules/typescript-telegram-bot leading to this checkout, so dist/ and "exports"):
 * - its declarations compile under TypeScript 5.4, the oldest version the README names (5.3
 *   lacks `NoInfer`), installed from the npm cache when it is there;
 * - a CommonJS project compiled by this repository's TypeScript imports it and runs on Node
 *   ^20.19 / >= 22.12, through `require()` of an ES module.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './helpers/spec.js';

const run = promisify(execFile);
const NAME = 'typescript-telegram-bot';
const OLDEST_TYPESCRIPT = '5.4';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh project folder with its package.json. */
function project(manifest: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ttb-ts-versions-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, ...manifest }));
  return dir;
}

/**
 * Puts the package (this checkout) and @types/node into the project's node_modules; after any
 * `npm install` there, which would remove them as extraneous.
 */
function linkPackage(dir: string): void {
  assert.ok(existsSync(resolve(PROJECT_ROOT, 'dist/index.d.ts')), 'dist/ is built (run npm run build)');
  mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
  symlinkSync(PROJECT_ROOT, join(dir, 'node_modules', NAME), 'dir');
  symlinkSync(
    resolve(PROJECT_ROOT, 'node_modules/@types/node'),
    join(dir, 'node_modules/@types/node'),
    'dir',
  );
}

const BOT = `import { Bot, InlineKeyboardMarkup } from '${NAME}';
import { Application, CommandHandler, ConversationHandler, filters, MessageHandler } from '${NAME}/ext';
import { Emulator } from '${NAME}/testing';

export function build(token: string, baseUrl: string): Application {
  const app = Application.builder().token(token).baseUrl(baseUrl).build();
  app.addHandler(
    new CommandHandler('start', async (update, context) => {
      const first: string | undefined = context.args[0];
      await update.effectiveMessage.replyText(first ?? 'Hi', {
        reply_markup: new InlineKeyboardMarkup([[{ text: 'Go', callback_data: 'go' }]]),
      });
      return ConversationHandler.END;
    }),
  );
  app.addHandler(new MessageHandler(filters.TEXT, async (update) => {
    await update.effectiveMessage.replyText(update.effectiveMessage.text ?? '');
  }));
  return app;
}

export async function check(): Promise<void> {
  await using emu = await Emulator.start();
  const info = await emu.createBot({ username: 'echo_bot' });
  await using _running = await emu.runApplication(build(info.token, emu.baseUrl));
  const bot = new Bot(info.token, { baseUrl: emu.baseUrl });
  await bot.sendMessage(1, '<b>hi</b>', { parse_mode: 'HTML' });
}
`;

const STRICT = {
  target: 'ES2022',
  lib: ['ES2023', 'ESNext.Disposable'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  types: ['node'],
  strict: true,
};

/** TypeScript 5.4 from the npm cache (offline), or why not. */
async function installOldestTypeScript(dir: string): Promise<string | undefined> {
  try {
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--offline',
        `typescript@${OLDEST_TYPESCRIPT}`,
      ],
      { cwd: dir, timeout: 60_000 },
    );
    return undefined;
  } catch (error) {
    return `typescript@${OLDEST_TYPESCRIPT} is not in this machine's npm cache (${(error as Error).message.split('\n')[0]})`;
  }
}

test(`the declarations compile under TypeScript ${OLDEST_TYPESCRIPT} with strict and full lib checking`, {
  timeout: 120_000,
}, async (t) => {
  const dir = project({ type: 'module' });
  const missing = await installOldestTypeScript(dir);
  if (missing !== undefined) {
    t.skip(missing);
    return;
  }
  linkPackage(dir);
  const version = (
    JSON.parse(readFileSync(join(dir, 'node_modules/typescript/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  assert.ok(version.startsWith(`${OLDEST_TYPESCRIPT}.`), `TypeScript ${version} is ${OLDEST_TYPESCRIPT}.x`);
  writeFileSync(join(dir, 'bot.ts'), BOT);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...STRICT, skipLibCheck: false, noEmit: true }, files: ['bot.ts'] }),
  );
  await run(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: dir,
    timeout: 100_000,
  }).catch((error: { stdout?: string; message: string }) =>
    assert.fail(`TypeScript ${version} rejects the package's types:\n${error.stdout || error.message}`),
  );
});

test('a CommonJS project imports the package (compiled to require() by tsc) and runs', {
  timeout: 120_000,
}, async () => {
  const dir = project({ type: 'commonjs' });
  linkPackage(dir);
  writeFileSync(
    join(dir, 'main.ts'),
    `import { Bot } from '${NAME}';
import { Application } from '${NAME}/ext';
const app = Application.builder().token('123:abc').build();
console.log(JSON.stringify({ bot: app.bot instanceof Bot, cjs: typeof module }));
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...STRICT, outDir: 'out', skipLibCheck: true }, files: ['main.ts'] }),
  );
  const tsc = resolve(PROJECT_ROOT, 'node_modules/typescript/bin/tsc');
  await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, timeout: 100_000 }).catch(
    (error: { stdout?: string; message: string }) =>
      assert.fail(`tsc rejects the CommonJS import:\n${error.stdout}`),
  );
  const compiled = readFileSync(join(dir, 'out/main.js'), 'utf8');
  assert.match(compiled, /require\("typescript-telegram-bot\/ext"\)/, 'tsc compiled the import to require()');
  const { stdout } = await run(process.execPath, ['--no-warnings', 'out/main.js'], {
    cwd: dir,
    timeout: 30_000,
  });
  assert.deepEqual(
    JSON.parse(stdout),
    { bot: true, cjs: 'object' },
    'the CommonJS module ran with the package',
  );
});
