// Telegraf (bench/node_modules): bot.handleUpdate for dispatch, launch() for polling (it handles each
// getUpdates batch concurrently; it has no sequential mode).
import { Telegraf, Telegram } from 'telegraf';
import { message } from 'telegraf/filters';
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
  bot.on(message('text'), async (ctx) => {
    await ctx.reply(ctx.message.text);
    onReplied();
  });
  bot.on('callback_query', async (ctx) => {
    await ctx.answerCbQuery();
  });
}

export const name = 'telegraf';

export function build() {
  const bot = new Telegraf(BOT_TOKEN);
  bot.botInfo = BOT_USER;
  install(bot, noop);
  return bot;
}

/**
 * Dispatch: Telegraf makes a new Telegram client per update, so the stub replaces callApi on the
 * Telegram prototype (in this child process only).
 */
export async function dispatchSetup() {
  const calls = { sendMessage: 0, answerCallbackQuery: 0, other: 0 };
  Telegram.prototype.callApi = async (method) => {
    if (method === 'sendMessage' || method === 'answerCallbackQuery') calls[method]++;
    else calls.other++;
    return CANNED[method] ?? true;
  };
  const bot = build();
  return {
    calls,
    async run(pool, count) {
      for (let i = 0; i < count; i++) await bot.handleUpdate(pool[i % pool.length]);
    },
    async close() {},
  };
}

/** Telegraf has no objects: plain JSON.parse / JSON.stringify. */
export function parseSetup() {
  return (text) => JSON.stringify(JSON.parse(text));
}

export async function pollingEcho(baseUrl, count) {
  let replied = 0;
  let resolveDone;
  const done = new Promise((resolve) => {
    resolveDone = resolve;
  });
  const bot = new Telegraf(BOT_TOKEN, { telegram: { apiRoot: baseUrl } });
  bot.botInfo = BOT_USER;
  install(bot, () => {
    if (++replied === count) resolveDone();
  });
  const start = performance.now();
  const running = bot.launch({ polling: { timeout: 1 } });
  await done;
  const elapsed = performance.now() - start;
  bot.stop('bench');
  await running;
  return { elapsed, replied };
}
