/**
 * The README's version promises, checked against the built package as a user's project sees it
 * (node_modules/typescript-telegram-bot leading to this checkout, so dist/ and "exports"):
 * - its declarations compile under TypeScript 5.4, the oldest version the README names (5.3
 *   lacks `NoInfer`), installed from the npm cache when it is there;
 * - a CommonJS project compiled by this repository's TypeScript imports it and runs on Node
 *   ^20.19 / >= 22.12, through `require()` of an ES module.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  compileProject,
  linkInstalled,
  linkThisPackage,
  PACKAGE_NAME as NAME,
  run,
  STRICT_COMPILER_OPTIONS,
  tempProject,
} from './helpers/consumer-project.js';

const OLDEST_TYPESCRIPT = '5.4';

/** A fresh project folder with its package.json. */
function project(manifest: Record<string, unknown>): string {
  return tempProject('ts-versions', { name: 'consumer', private: true, ...manifest });
}

/**
 * Puts the package (this checkout) and @types/node into the project's node_modules; after any
 * `npm install` there, which would remove them as extraneous.
 */
function linkPackage(dir: string): void {
  linkThisPackage(dir);
  linkInstalled(dir, ['@types/node']);
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
    JSON.stringify({
      compilerOptions: { ...STRICT_COMPILER_OPTIONS, skipLibCheck: false, noEmit: true },
      files: ['bot.ts'],
    }),
  );
  const errors = await compileProject(
    dir,
    'tsconfig.json',
    100_000,
    join(dir, 'node_modules/typescript/bin/tsc'),
  );
  assert.ok(errors === undefined, `TypeScript ${version} rejects the package's types:\n${errors}`);
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
    JSON.stringify({
      compilerOptions: { ...STRICT_COMPILER_OPTIONS, outDir: 'out', skipLibCheck: true },
      files: ['main.ts'],
    }),
  );
  const errors = await compileProject(dir, 'tsconfig.json', 100_000);
  assert.ok(errors === undefined, `tsc rejects the CommonJS import:\n${errors}`);
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
