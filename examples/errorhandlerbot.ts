/**
 * The seed's errorhandlerbot: a custom error handler that logs every exception raised while
 * handling an update and reports it to a developer chat, with the update, the chat and user data
 * and the stack trace. `/bad_command` fails on purpose; `/start` tells you your chat id, the
 * value to give as DEVELOPER_CHAT_ID. Run it with
 * `BOT_TOKEN=<token> DEVELOPER_CHAT_ID=<id> npx tsx examples/errorhandlerbot.ts` (add
 * BOT_API_BASE_URL to run it against the emulator).
 */

import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { constants, escapeHtml, type Logger, Update } from 'typescript-telegram-bot';
import {
  Application,
  CommandHandler,
  type ContextTypes,
  type ErrorCallback,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** Options of {@link buildApplication}. */
export interface ErrorHandlerBotOptions {
  /** Where error reports go: your own user id, or a group or channel the bot can post in. */
  readonly developerChatId?: number | undefined;
  /** The application's logger (errors go to `console.error` by default). */
  readonly logger?: Logger | undefined;
}

/** How a value looks in the report: data as Node prints it, an `Update` as indented JSON. */
function show(value: unknown): string {
  return inspect(value, { depth: 4, breakLength: 80 });
}

/**
 * The report on an error, as HTML that fits in one message: when it would be longer than
 * Telegram allows, the end of the stack trace (the outermost frames) is cut.
 */
export function errorReport(update: unknown, context: Context): string {
  const error = context.error;
  const trace = error instanceof Error ? (error.stack ?? String(error)) : show(error);
  const updateText = update instanceof Update ? JSON.stringify(update.toDict(), null, 2) : show(update);
  const head =
    'An exception was raised while handling an update\n' +
    `<pre>update = ${escapeHtml(updateText)}</pre>\n\n` +
    `<pre>context.chat_data = ${escapeHtml(show(context.chatData))}</pre>\n\n` +
    `<pre>context.user_data = ${escapeHtml(show(context.userData))}</pre>\n\n`;
  // Measured on the markup, which is never shorter than the text Telegram counts.
  const room = constants.MessageLimit.MAX_TEXT_LENGTH - head.length - '<pre></pre>'.length;
  let escapedTrace = escapeHtml(trace);
  if (escapedTrace.length > room) {
    // Cut at a line end, and never inside an entity such as `&amp;`.
    const cut = escapedTrace.lastIndexOf('\n', Math.max(room - 4, 0));
    escapedTrace = `${escapedTrace.slice(0, Math.max(cut, 0))}\n...`;
  }
  return `${head}<pre>${escapedTrace}</pre>`;
}

/** An error handler that logs the error, then sends its report to `developerChatId`. */
export function reportTo(developerChatId: number): ErrorCallback<Context> {
  return async (update, context) => {
    // Logged first, so the error is seen even if the report cannot be sent.
    context.application.logger.error('Exception while handling an update:', context.error);
    await context.bot.sendMessage(developerChatId, errorReport(update, context), {
      parse_mode: constants.ParseMode.HTML,
    });
  };
}

/** `/bad_command`: calls a method the bot does not have, which throws a TypeError. */
export async function badCommand(_update: Update, context: Context): Promise<void> {
  const bot = context.bot as unknown as { wrongMethodName(): Promise<unknown> };
  await bot.wrongMethodName();
}

/** `/start`: explains how to cause an error, and shows the chat id to use as the developer chat. */
export async function start(update: Update, _context: Context): Promise<void> {
  const chat = update.effectiveChat;
  if (chat === undefined) return;
  await update.effectiveMessage?.replyHtml(
    `Use /bad_command to cause an error.\nYour chat id is <code>${chat.id}</code>.`,
  );
}

/**
 * The application with the error handler bot's handlers, not yet running. The developer chat is
 * `options.developerChatId`, else the DEVELOPER_CHAT_ID environment variable.
 */
export function buildApplication(
  token: string,
  baseUrl?: string,
  options: ErrorHandlerBotOptions = {},
): Application {
  const developerChatId = options.developerChatId ?? Number(process.env.DEVELOPER_CHAT_ID);
  if (!Number.isSafeInteger(developerChatId)) {
    throw new Error('Give the developer chat id (DEVELOPER_CHAT_ID): /start shows yours');
  }
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  if (options.logger !== undefined) builder.logger(options.logger);
  const app = builder.build();
  app.addHandler(new CommandHandler('start', start));
  app.addHandler(new CommandHandler('bad_command', badCommand));
  app.addErrorHandler(reportTo(developerChatId));
  return app;
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const app = buildApplication(token, process.env.BOT_API_BASE_URL);
  // Runs until Ctrl-C (SIGINT) or SIGTERM.
  await app.runPolling({ allowedUpdates: Update.ALL_TYPES });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
