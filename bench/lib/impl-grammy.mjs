// grammY (bench/node_modules): bot.handleUpdate for dispatch, bot.start() and @grammyjs/runner for polling.
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import { BOT_TOKEN, BOT_USER, sentMessage } from './updates.mjs';

const CANNED = { getMe: BOT_USER, sendMessage: sentMessage(1000) };
const noop = () => {};

function install(bot, onReplied) {
  bot.command('start', async (ctx) => {
    await ctx.reply('Welcome! Send me any text.');
    onReplied();
  });
  bot.command('help', async (ctx) => {
    await ctx.reply('Send text and I echo it.');
    onReplied();
  });
  bot.on('message:text', async (ctx) => {
    await ctx.reply(ctx.message.text);
    onReplied();
  });
  bot.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery();
  });
}

export const name = 'grammy';

export function build() {
  const bot = new Bot(BOT_TOKEN, { botInfo: BOT_USER });
  install(bot, noop);
  return bot;
}

/** Dispatch: API calls answered by a transformer, before any HTTP. */
export async function dispatchSetup() {
  const calls = { sendMessage: 0, answerCallbackQuery: 0, other: 0 };
  const bot = new Bot(BOT_TOKEN, { botInfo: BOT_USER });
  bot.api.config.use(async (_prev, method) => {
    if (method === 'sendMessage' || method === 'answerCallbackQuery') calls[method]++;
    else calls.other++;
    return { ok: true, result: CANNED[method] ?? true };
  });
  install(bot, noop);
  return {
    calls,
    async run(pool, count) {
      for (let i = 0; i < count; i++) await bot.handleUpdate(pool[i % pool.length]);
    },
    async close() {},
  };
}

/** grammY has no objects: plain JSON.parse / JSON.stringify. */
export function parseSetup() {
  return (text) => JSON.stringify(JSON.parse(text));
}

export async function pollingEcho(baseUrl, count, concurrency) {
  let replied = 0;
  let resolveDone;
  const done = new Promise((resolve) => {
    resolveDone = resolve;
  });
  const bot = new Bot(BOT_TOKEN, { botInfo: BOT_USER, client: { apiRoot: baseUrl } });
  install(bot, () => {
    if (++replied === count) resolveDone();
  });
  const start = performance.now();
  // 'default' is bot.start(), grammY's own: one update at a time.
  if (typeof concurrency === 'number' && concurrency > 1) {
    const handle = run(bot, { runner: { fetch: { timeout: 1 } }, sink: { concurrency } });
    await done;
    const elapsed = performance.now() - start;
    await handle.stop();
    return { elapsed, replied };
  }
  const running = bot.start({ timeout: 1 });
  await done;
  const elapsed = performance.now() - start;
  await bot.stop();
  await running;
  return { elapsed, replied };
}
