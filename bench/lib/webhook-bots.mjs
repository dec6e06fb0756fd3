// The webhook echo bots of the `webhook` scenario, one per implementation, each a webhook endpoint
// on node:http at 127.0.0.1 (a free port) whose replies go to the fake Bot API server:
//
// - ours:       Application + Updater.startWebhook (the built-in server of runWebhook; runWebhook
//               itself only adds signal handling), with the default processing (per-chat order,
//               256 at once).
// - ours-fetch: Application.webhookHandler (the web-standard handler) behind node:http through a
//               minimal adapter: the body read into one Buffer, a Request built from it, the
//               Response written back (what @hono/node-server-style adapters do).
// - grammy:     webhookCallback(bot, 'http') on node:http.
// - telegraf:   bot.webhookCallback(path) on node:http, webhookReply off so that every reply is a
//               real sendMessage call, as for the others.
//
// Same handler set as lib/impl-*.mjs: /start, /help, a text echo, a callback-query answer. With
// `delayMs` every handler first awaits that long (the `webhook-slow` scenario: a slow database).
import { createServer } from 'node:http';
import { BOT_TOKEN, BOT_USER } from './updates.mjs';

export const WEBHOOK_PATH = '/telegram';
export const WEBHOOK_SECRET = 'bench_webhook_Secret-1';
export const WEBHOOK_CONNECTIONS = 50;
export const WEBHOOK_IMPLS = ['ours', 'ours-fetch', 'grammy', 'telegraf'];

function listen(server) {
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });
}

function closeServer(server) {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Runs `reply` after `delayMs` (at once for 0). */
function delayed(delayMs, reply) {
  if (delayMs === 0) return reply;
  return (ctx) => new Promise((resolve) => setTimeout(resolve, delayMs)).then(() => reply(ctx));
}

async function oursApplication(baseUrl, withUpdater, delayMs) {
  const { Application, CallbackQueryHandler, CommandHandler, filters, MessageHandler } = await import(
    '../../dist/ext/index.js'
  );
  const builder = Application.builder().token(BOT_TOKEN).baseUrl(`${baseUrl}/bot`);
  if (!withUpdater) builder.updater(null);
  const app = builder.build();
  app.addHandler(
    new CommandHandler(
      'start',
      delayed(delayMs, (update) => update.message.replyText('Welcome! Send me any text.')),
    ),
  );
  app.addHandler(
    new CommandHandler(
      'help',
      delayed(delayMs, (update) => update.message.replyText('Send text and I echo it.')),
    ),
  );
  app.addHandler(
    new MessageHandler(
      filters.UpdateType.MESSAGE.and(filters.TEXT).and(filters.COMMAND.not()),
      delayed(delayMs, (update) => update.message.replyText(update.message.text)),
    ),
  );
  app.addHandler(new CallbackQueryHandler(delayed(delayMs, (update) => update.callback_query.answer())));
  await app.initialize();
  return app;
}

async function ours(baseUrl, delayMs) {
  const app = await oursApplication(baseUrl, true, delayMs);
  await app.updater.startWebhook({
    listen: '127.0.0.1',
    port: 0,
    urlPath: WEBHOOK_PATH,
    secretToken: WEBHOOK_SECRET,
  });
  await app.start();
  return {
    port: app.updater.webhookAddress.port,
    async close() {
      await app.updater.stop();
      await app.stop();
      await app.shutdown();
    },
  };
}

async function oursFetch(baseUrl, delayMs) {
  const app = await oursApplication(baseUrl, false, delayMs);
  const handle = app.webhookHandler({ secretToken: WEBHOOK_SECRET });
  await app.start();
  const server = createServer((req, res) => {
    if (req.url !== WEBHOOK_PATH) {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers,
        body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
      });
      handle(request).then(
        async (response) => {
          res.writeHead(response.status);
          res.end(response.body === null ? undefined : Buffer.from(await response.arrayBuffer()));
        },
        () => res.destroy(),
      );
    });
  });
  const port = await listen(server);
  return {
    port,
    async close() {
      await closeServer(server);
      await app.stop();
      await app.shutdown();
    },
  };
}

async function grammy(baseUrl, delayMs) {
  const { Bot, webhookCallback } = await import('grammy');
  const bot = new Bot(BOT_TOKEN, { botInfo: BOT_USER, client: { apiRoot: baseUrl } });
  bot.command(
    'start',
    delayed(delayMs, (ctx) => ctx.reply('Welcome! Send me any text.')),
  );
  bot.command(
    'help',
    delayed(delayMs, (ctx) => ctx.reply('Send text and I echo it.')),
  );
  bot.on(
    'message:text',
    delayed(delayMs, (ctx) => ctx.reply(ctx.message.text)),
  );
  bot.on(
    'callback_query:data',
    delayed(delayMs, (ctx) => ctx.answerCallbackQuery()),
  );
  const callback = webhookCallback(bot, 'http', { secretToken: WEBHOOK_SECRET });
  const server = createServer((req, res) => {
    if (req.url !== WEBHOOK_PATH || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    callback(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const port = await listen(server);
  return { port, close: () => closeServer(server) };
}

async function telegraf(baseUrl, delayMs) {
  const { Telegraf } = await import('telegraf');
  const { message } = await import('telegraf/filters');
  const bot = new Telegraf(BOT_TOKEN, { telegram: { apiRoot: baseUrl, webhookReply: false } });
  bot.botInfo = BOT_USER;
  bot.command(
    'start',
    delayed(delayMs, (ctx) => ctx.reply('Welcome! Send me any text.')),
  );
  bot.command(
    'help',
    delayed(delayMs, (ctx) => ctx.reply('Send text and I echo it.')),
  );
  bot.on(
    message('text'),
    delayed(delayMs, (ctx) => ctx.reply(ctx.message.text)),
  );
  bot.on(
    'callback_query',
    delayed(delayMs, (ctx) => ctx.answerCbQuery()),
  );
  const callback = bot.webhookCallback(WEBHOOK_PATH, { secretToken: WEBHOOK_SECRET });
  const server = createServer((req, res) => {
    callback(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const port = await listen(server);
  return { port, close: () => closeServer(server) };
}

/**
 * Starts the webhook bot of `impl` against the fake Bot API at `baseUrl`, its handlers awaiting
 * `delayMs` first; resolves to `{ port, close }`.
 */
export function startWebhookBot(impl, baseUrl, delayMs = 0) {
  switch (impl) {
    case 'ours':
      return ours(baseUrl, delayMs);
    case 'ours-fetch':
      return oursFetch(baseUrl, delayMs);
    case 'grammy':
      return grammy(baseUrl, delayMs);
    case 'telegraf':
      return telegraf(baseUrl, delayMs);
    default:
      throw new Error(`no webhook bot for ${impl}`);
  }
}
