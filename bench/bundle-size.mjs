// What a user's bundler ships for a minimal echo bot (/start, and text echoed back) written with
// each library: esbuild --bundle --minify --platform=node --format=esm, the way a bot is bundled
// for a serverless function or a single-file deploy. Prints minified and gzip sizes as a markdown
// table with each size's ratio to ours, then the heaviest inputs of our bundle (its metafile), so
// the next thing to cut is visible.
//
//   node bench/bundle-size.mjs                 # ours, grammY, Telegraf + our top inputs
//   node bench/bundle-size.mjs --only ours     # just ours
//   node bench/bundle-size.mjs --json          # one JSON object per library (for the size test)
//   node bench/bundle-size.mjs --top 40        # more rows of the breakdown
//
// Ours is imported by its package names (`typescript-telegram-bot`, `typescript-telegram-bot/ext`),
// resolved through package.json "exports" to the built dist/ (run `npm run build` first), so the
// bundle is what a project that installed the package gets. The peers come from bench/node_modules
// (`npm ci --prefix bench`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The same bot in each library: /start greets, any other text comes back. */
const ECHO_BOTS = {
  ours: `
import { Application, CommandHandler, MessageHandler, filters } from 'typescript-telegram-bot/ext';
const app = Application.builder().token(process.env.BOT_TOKEN).build();
app.addHandler(new CommandHandler('start', async (update) => { await update.message?.replyText('Hi!'); }));
app.addHandler(new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), async (update) => {
  await update.message?.replyText(update.message.text);
}));
await app.runPolling();
`,
  grammY: `
import { Bot } from 'grammy';
const bot = new Bot(process.env.BOT_TOKEN);
bot.command('start', (ctx) => ctx.reply('Hi!'));
bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
await bot.start();
`,
  Telegraf: `
import { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
const bot = new Telegraf(process.env.BOT_TOKEN);
bot.start((ctx) => ctx.reply('Hi!'));
bot.on(message('text'), (ctx) => ctx.reply(ctx.message.text));
await bot.launch();
`,
};

/** Gives the bundled CommonJS modules the `require` they call Node's built-in modules with. */
const REQUIRE_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** Where each library's imports resolve from. */
const PACKAGE_DIRS = {
  ours: ROOT,
  grammY: join(BENCH, 'node_modules', 'grammy'),
  Telegraf: join(BENCH, 'node_modules', 'telegraf'),
};

/** Resolves `typescript-telegram-bot[/sub]` through our package.json "exports" to dist/, as an install would. */
const selfReference = {
  name: 'self-reference',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${PACKAGE.name}(/|$)`) }, (args) => {
      const subpath = `.${args.path.slice(PACKAGE.name.length)}`;
      const target = PACKAGE.exports[subpath];
      if (target === undefined)
        return { errors: [{ text: `${args.path} is not in package.json "exports"` }] };
      const file = join(ROOT, typeof target === 'string' ? target : target.default);
      if (!existsSync(file))
        return { errors: [{ text: `${relative(ROOT, file)} is missing: run npm run build` }] };
      return { path: file };
    });
  },
};

/**
 * How a bot is bundled into one file here (and by test/bundle-size.test.ts, which runs such a
 * bundle): minified ESM for Node, kept in memory.
 */
export const SINGLE_FILE_OPTIONS = {
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'silent',
  // An ESM bundle of CommonJS code (undici, Telegraf) runs only with a `require` in scope.
  banner: { js: REQUIRE_BANNER },
};

/** Bundles one library's echo bot; returns its sizes and esbuild's metafile. */
export async function bundleEchoBot(library) {
  const result = await build({
    ...SINGLE_FILE_OPTIONS,
    stdin: { contents: ECHO_BOTS[library], resolveDir: library === 'ours' ? ROOT : BENCH, loader: 'js' },
    metafile: true,
    plugins: library === 'ours' ? [selfReference] : [],
  });
  const code = result.outputFiles[0].contents;
  return {
    library,
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    metafile: result.metafile,
  };
}

/** The inputs that weigh most in the output, with the bytes each contributes after minification. */
export function topInputs(metafile, count) {
  const output = Object.values(metafile.outputs)[0];
  return Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function table(rows) {
  const ours = rows.find((row) => row.library === 'ours');
  const lines = [
    '| echo bot | minified | gzip | minified vs ours | gzip vs ours |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const ratio = (a, b) => (ours === undefined ? '-' : `${(a / b).toFixed(2)}x`);
    lines.push(
      `| ${row.library} | ${kb(row.minified)} | ${kb(row.gzip)} | ${ratio(row.minified, ours?.minified)} | ${ratio(row.gzip, ours?.gzip)} |`,
    );
  }
  return lines.join('\n');
}

function argument(name) {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main() {
  const only = argument('--only');
  const top = Number(argument('--top') ?? 20);
  const libraries = Object.keys(ECHO_BOTS).filter((library) => only === undefined || only === library);
  if (libraries.length === 0) throw new Error(`--only takes one of: ${Object.keys(ECHO_BOTS).join(', ')}`);
  const rows = [];
  for (const library of libraries) {
    if (!existsSync(PACKAGE_DIRS[library])) {
      console.error(`skipping ${library}: not installed (npm ci --prefix bench)`);
      continue;
    }
    rows.push(await bundleEchoBot(library));
  }
  if (process.argv.includes('--json')) {
    for (const { library, minified, gzip } of rows) console.log(JSON.stringify({ library, minified, gzip }));
    return;
  }
  console.log(table(rows));
  const ours = rows.find((row) => row.library === 'ours');
  if (ours === undefined) return;
  console.log(`\nHeaviest inputs of ours (bytes in the minified output, of ${kb(ours.minified)}):\n`);
  console.log('| input | minified bytes | share |\n| --- | ---: | ---: |');
  for (const { path, bytes } of topInputs(ours.metafile, top)) {
    console.log(`| ${path} | ${bytes} | ${((bytes / ours.minified) * 100).toFixed(1)}% |`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
