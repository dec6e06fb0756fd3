/**
 * What a bot's bundler ships: the minimal echo bot of bench/bundle-size.mjs (Application,
 * CommandHandler, MessageHandler, filters, imported by package name from the built dist/), bundled
 * and minified by esbuild for Node, stays under a budget. A size check, not a timing one: it fails
 * when a change makes every bot carry code it does not reach, e.g. a loop over all API classes at
 * the top of a module, or metadata tables written out in full again.
 *
 * Budgets: 2026-12-07 measured 976 KB minified, 227 KB gzip (bench/RESULTS.md, "Bundle size"; 1187
 * and 290 before undici's modules were imported one by one), plus about 10%. Lower them when the
 * bundle shrinks for good.
 *
 * dist/ is built without esbuild's `keepNames` (its static `__name` blocks kept every class in every
 * bundle), with the class names restored by scripts/bundle.mjs; the second test holds that.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { SINGLE_FILE_OPTIONS } from '../bench/bundle-size.mjs';
import { FAKE_TOKEN, FakeApiServer } from './helpers/fake-api-server.js';
import { PROJECT_ROOT } from './helpers/spec.js';

const run = promisify(execFile);

const MINIFIED_BUDGET = 1075 * 1024;
const GZIP_BUDGET = 250 * 1024;

interface Measurement {
  readonly library: string;
  readonly minified: number;
  readonly gzip: number;
}

test('the minified echo bot stays within its size budget', async () => {
  const { stdout } = await run(
    process.execPath,
    [resolve(PROJECT_ROOT, 'bench', 'bundle-size.mjs'), '--only', 'ours', '--json'],
    { cwd: PROJECT_ROOT },
  );
  const rows = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Measurement);
  const ours = rows.find((row) => row.library === 'ours');
  assert.ok(ours !== undefined, `bench/bundle-size.mjs measured our echo bot (printed: ${stdout})`);
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  // A bundle a tenth of the measured size would mean the echo bot no longer bundles what it runs.
  assert.ok(ours.minified > 100 * 1024, `the bundle holds the library (${kb(ours.minified)})`);
  assert.ok(
    ours.minified <= MINIFIED_BUDGET,
    `the minified echo bot is ${kb(ours.minified)}, over its budget of ${kb(MINIFIED_BUDGET)}: ` +
      'run `node bench/bundle-size.mjs` to see which inputs grew',
  );
  assert.ok(
    ours.gzip <= GZIP_BUDGET,
    `the gzipped echo bot is ${kb(ours.gzip)}, over its budget of ${kb(GZIP_BUDGET)}: ` +
      'run `node bench/bundle-size.mjs` to see which inputs grew',
  );
});

test('the built classes keep the names they have in the sources', async () => {
  // Every class exported by an entry point, and every Bot API class under its exported name (a
  // union's base class answers to `Name` and `NameBase`). A class that esbuild renamed would read
  // `_Message` in inspect output, error messages and `constructor.name`.
  const script = `
    const entries = await Promise.all(['typescript-telegram-bot', 'typescript-telegram-bot/ext', 'typescript-telegram-bot/testing'].map((s) => import(s)));
    const wrong = [];
    for (const [name, cls] of entries[0].apiClassEntries()) {
      if (cls.name !== name && cls.name !== name + 'Base') wrong.push(name + ' is named ' + cls.name);
    }
    let classes = 0;
    for (const entry of entries) {
      for (const [name, value] of Object.entries(entry)) {
        if (typeof value !== 'function' || !/^class[\\s{]/.test(Function.prototype.toString.call(value))) continue;
        classes++;
        if (value.name.startsWith('_') || /[0-9]$/.test(value.name) && !/[0-9]$/.test(name)) wrong.push(name + ' is named ' + value.name);
      }
    }
    console.log(JSON.stringify({ classes, wrong }));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT,
  });
  const { classes, wrong } = JSON.parse(stdout) as { classes: number; wrong: string[] };
  assert.ok(classes > 400, `the entry points export the API classes and more (found ${classes} classes)`);
  assert.deepEqual(wrong, [], 'no built class carries a name other than its own');
});

test('a bundled bot runs with no node_modules beside it', async () => {
  // The request layer imports undici's modules by path (src/request/undici-loader.ts) and keeps the
  // whole package only as a fallback a bundler does not follow; the bundle must hold all it needs.
  const server = await FakeApiServer.start((exchange) => {
    const method = exchange.recorded.path.slice(exchange.recorded.path.lastIndexOf('/') + 1);
    if (method === 'getMe') {
      exchange.json(200, {
        ok: true,
        result: { id: 1, is_bot: true, first_name: 'Bundled', username: 'bundled_bot' },
      });
    } else {
      exchange.json(200, {
        ok: true,
        result: { message_id: 7, date: 0, chat: { id: 42, type: 'private' }, text: 'sent from a bundle' },
      });
    }
  });
  const dir = mkdtempSync(join(tmpdir(), 'bundled-bot-'));
  try {
    const bot = `
      import { Bot } from ${JSON.stringify(resolve(PROJECT_ROOT, 'dist', 'index.js'))};
      const bot = new Bot(process.env.BOT_TOKEN, { baseUrl: process.env.BASE_URL });
      const me = await bot.getMe();
      const message = await bot.sendMessage(42, 'sent from a bundle');
      await bot.shutdown();
      console.log(JSON.stringify({ username: me.username, messageId: message.message_id }));`;
    const result = await build({
      ...SINGLE_FILE_OPTIONS,
      stdin: { contents: bot, resolveDir: PROJECT_ROOT, loader: 'js' },
    });
    const file = join(dir, 'bot.mjs');
    writeFileSync(file, result.outputFiles[0]?.contents ?? '');
    const { stdout } = await run(process.execPath, [file], {
      cwd: dir,
      env: { ...process.env, BOT_TOKEN: FAKE_TOKEN, BASE_URL: `${server.origin}/bot` },
    });
    assert.deepEqual(JSON.parse(stdout.trim()), { username: 'bundled_bot', messageId: 7 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
});
