/**
 * The seed's inlinebot: typing `@botname some text` in any chat offers the text in three styles
 * (upper case, bold, italic); picking one posts it. `/start` and `/help` answer in the bot's own
 * chat. Inline mode has to be switched on with @BotFather first. Run it with
 * `BOT_TOKEN=<token> npx tsx examples/inlinebot.ts` (add BOT_API_BASE_URL to run it against the
 * emulator).
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import {
  constants,
  escapeHtml,
  InlineQueryResultArticle,
  InputTextMessageContent,
  Update,
} from 'typescript-telegram-bot';
import {
  Application,
  CommandHandler,
  type ContextTypes,
  InlineQueryHandler,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** `/start`. */
export async function start(update: Update, _context: Context): Promise<void> {
  await update.message?.replyText('Hi!');
}

/** `/help`. */
export async function help(update: Update, _context: Context): Promise<void> {
  await update.message?.replyText('Help!');
}

/** The three styled versions of a query, each a result with a fresh random id. */
export function resultsFor(query: string): InlineQueryResultArticle[] {
  // The text goes into HTML markup, so `<`, `>` and `&` in it must be escaped.
  const escaped = escapeHtml(query);
  return [
    new InlineQueryResultArticle({
      type: 'article',
      id: randomUUID(),
      title: 'Caps',
      input_message_content: new InputTextMessageContent({ message_text: query.toUpperCase() }),
    }),
    new InlineQueryResultArticle({
      type: 'article',
      id: randomUUID(),
      title: 'Bold',
      input_message_content: new InputTextMessageContent({
        message_text: `<b>${escaped}</b>`,
        parse_mode: constants.ParseMode.HTML,
      }),
    }),
    new InlineQueryResultArticle({
      type: 'article',
      id: randomUUID(),
      title: 'Italic',
      input_message_content: new InputTextMessageContent({
        message_text: `<i>${escaped}</i>`,
        parse_mode: constants.ParseMode.HTML,
      }),
    }),
  ];
}

/** `@botname <query>` typed anywhere: answers with the styled versions of the query. */
export async function inlineQuery(update: Update, _context: Context): Promise<void> {
  const inline = update.inline_query;
  // Clients send an empty query as soon as the bot's name is typed; there is nothing to style yet.
  if (inline === undefined || inline.query === '') return;
  await inline.answer(resultsFor(inline.query));
}

/** The application with the inline bot's handlers, not yet running. */
export function buildApplication(token: string, baseUrl?: string): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  app.addHandler(new CommandHandler('start', start));
  app.addHandler(new CommandHandler('help', help));
  app.addHandler(new InlineQueryHandler(inlineQuery));
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
