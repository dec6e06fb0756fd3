// typescript-telegram-bot, loaded from the repository's built dist/ (run `npm run build` first).

import {
  Application,
  CallbackQueryHandler,
  CommandHandler,
  ConversationHandler,
  filters,
  MessageHandler,
} from '../../dist/ext/index.js';
import { BaseRequest, Update } from '../../dist/index.js';
import { BOT_TOKEN, BOT_USER, sentMessage } from './updates.mjs';

// Answers as grammY's transformer gets them: already-parsed JSON (the Bot still builds its objects).
const CANNED = {
  getMe: BOT_USER,
  sendMessage: sentMessage(1000),
};
const TIMEOUTS = Object.freeze({
  readTimeout: 5,
  writeTimeout: 5,
  connectTimeout: 5,
  poolTimeout: 1,
  mediaWriteTimeout: 20,
});

/**
 * Answers every call in process at the layer where grammY's API transformer answers (issue 6:
 * "ours may answer at the same layer, just before HTTP"): `post` returns the canned result; the Bot
 * has validated and built the request, and still parses the result into its objects.
 */
export class CannedRequest extends BaseRequest {
  constructor(calls) {
    super();
    this.calls = calls;
  }
  get defaultTimeouts() {
    return TIMEOUTS;
  }
  async initialize() {}
  async shutdown() {}
  async post(_url, options) {
    const method = options.endpoint;
    if (method === 'sendMessage' || method === 'answerCallbackQuery') this.calls[method]++;
    else this.calls.other++;
    return CANNED[method] ?? true;
  }
  async doRequest() {
    throw new Error('the dispatch scenario answers in post(), before any HTTP');
  }
}

const noop = () => {};

/** Set by impl-ours-conv.mjs: a ConversationHandler first in the handler set. */
export const options = { conversation: false };

/**
 * An order conversation (/order, then a size, then a confirmation) that none of the benchmark's
 * updates enters: every update pays for its check, as in a bot where most messages are not part
 * of a conversation.
 */
function orderConversation() {
  const text = filters.TEXT.and(filters.COMMAND.not());
  return new ConversationHandler({
    entryPoints: [new CommandHandler('order', () => 'SIZE')],
    states: {
      SIZE: [new MessageHandler(text, () => 'CONFIRM')],
      CONFIRM: [new MessageHandler(text, () => ConversationHandler.END)],
    },
    fallbacks: [new CommandHandler('cancel', () => ConversationHandler.END)],
  });
}

/** The common handler set: /start, /help, a text echo and a callback-query answer. */
export function install(app, onReplied) {
  if (options.conversation) app.addHandler(orderConversation());
  app.addHandler(
    new CommandHandler('start', async (update) => {
      await update.message.replyText('Welcome! Send me any text.');
      onReplied();
    }),
  );
  app.addHandler(
    new CommandHandler('help', async (update) => {
      await update.message.replyText('Send text and I echo it.');
      onReplied();
    }),
  );
  app.addHandler(
    new MessageHandler(
      filters.UpdateType.MESSAGE.and(filters.TEXT).and(filters.COMMAND.not()),
      async (update) => {
        await update.message.replyText(update.message.text);
        onReplied();
      },
    ),
  );
  app.addHandler(
    new CallbackQueryHandler(async (update) => {
      await update.callback_query.answer();
    }),
  );
}

export const name = 'ours';

/** Builds an application with the handler set (cold start). */
export function build() {
  const app = Application.builder().token(BOT_TOKEN).build();
  install(app, noop);
  return app;
}

/** Dispatch: `count` plain updates (cycled from `pool`) through Update.fromJSON + processUpdate. */
export async function dispatchSetup() {
  const calls = { sendMessage: 0, answerCallbackQuery: 0, other: 0 };
  const app = Application.builder()
    .token(BOT_TOKEN)
    .request(new CannedRequest(calls))
    .getUpdatesRequest(new CannedRequest(calls))
    .build();
  install(app, noop);
  await app.initialize();
  return {
    calls,
    async run(pool, count) {
      const bot = app.bot;
      for (let i = 0; i < count; i++) await app.processUpdate(Update.fromJSON(pool[i % pool.length], bot));
    },
    async close() {
      await app.shutdown();
    },
  };
}

/** Parse: JSON text -> Update objects -> JSON text. */
export function parseSetup() {
  const app = Application.builder()
    .token(BOT_TOKEN)
    .request(new CannedRequest({ sendMessage: 0, answerCallbackQuery: 0, other: 0 }))
    .build();
  const bot = app.bot;
  return (text) => JSON.stringify(Update.fromJSON(JSON.parse(text), bot).toJSON());
}

/** Polling echo against the fake server until `count` replies were sent. */
export async function pollingEcho(baseUrl, count, concurrency) {
  let replied = 0;
  let resolveDone;
  const done = new Promise((resolve) => {
    resolveDone = resolve;
  });
  const builder = Application.builder().token(BOT_TOKEN).baseUrl(`${baseUrl}/bot`);
  // 'default': what a user gets without choosing (per-chat order, 256 at once); 1: one at a time.
  if (concurrency === 1) builder.concurrentUpdates(false);
  else if (typeof concurrency === 'number') builder.concurrentUpdates(concurrency);
  const app = builder.build();
  install(app, () => {
    if (++replied === count) resolveDone();
  });
  const start = performance.now();
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  await done;
  const elapsed = performance.now() - start;
  app.stopRunning();
  await running;
  return { elapsed, replied };
}
