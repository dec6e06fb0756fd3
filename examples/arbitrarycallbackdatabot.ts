/**
 * The seed's arbitrarycallbackdatabot: inline buttons whose callback data is a tuple of a number
 * and the list chosen so far, not a string. `/start` shows buttons 1 to 5; each press appends its
 * number and shows the next keyboard. `/clear` empties the callback data cache, so that older
 * buttons answer "no longer valid". A FilePersistence keeps the cache, so buttons still work after
 * a restart. Run it with `BOT_TOKEN=<token> npx tsx examples/arbitrarycallbackdatabot.ts` (add
 * BOT_API_BASE_URL to run it against the emulator).
 */
import { pathToFileURL } from 'node:url';
import { InlineKeyboardMarkup, Update } from 'typescript-telegram-bot';
import {
  Application,
  CallbackQueryHandler,
  type CallbackQueryUpdate,
  CommandHandler,
  type CommandUpdate,
  type ContextTypes,
  callbackButton,
  callbackDataOf,
  FilePersistence,
  InvalidCallbackData,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** What each button carries: its number and the numbers chosen before. */
type ButtonData = readonly [number: number, chosen: readonly number[]];

/** Buttons 1 to 5 in a column, each with its number and the list so far as its data. */
export function buildKeyboard(chosen: readonly number[]): InlineKeyboardMarkup {
  return InlineKeyboardMarkup.fromColumn(
    [1, 2, 3, 4, 5].map((i) => callbackButton(String(i), [i, chosen] satisfies ButtonData)),
  );
}

/** `/start`: a fresh keyboard with nothing chosen yet. */
export async function start(update: CommandUpdate, _context: Context): Promise<void> {
  await update.effectiveMessage.replyText('Please choose:', { reply_markup: buildKeyboard([]) });
}

/** `/help`. */
export async function help(update: CommandUpdate, _context: Context): Promise<void> {
  await update.effectiveMessage.replyText(
    'Use /start to test this bot. Use /clear to clear the stored data so that you can see what happens, if the button data is not available. ',
  );
}

/** `/clear`: forgets every stored keyboard and callback query. */
export async function clear(update: CommandUpdate, context: Context): Promise<void> {
  context.bot.callbackDataCache?.clearCallbackData();
  context.bot.callbackDataCache?.clearCallbackQueries();
  await update.effectiveMessage.replyText('All clear!');
}

/** A press: append the button's number to its list and show the next keyboard. */
export async function listButton(update: CallbackQueryUpdate, context: Context): Promise<void> {
  const query = update.callback_query;
  await query.answer();
  // The data is what the button was made with; TypeScript sees `unknown`, so say what it is.
  const [number, chosen] = callbackDataOf(query) as ButtonData;
  const next = [...chosen, number];
  await query.editMessageText(`So far you've selected [${next.join(', ')}]. Choose the next item:`, {
    reply_markup: buildKeyboard(next),
  });
  // The old buttons are gone from the message, so their data may go too.
  context.dropCallbackData(query);
}

/** A press on a button whose data the cache no longer has (after /clear, or evicted). */
export async function handleInvalidButton(update: CallbackQueryUpdate, _context: Context): Promise<void> {
  const query = update.callback_query;
  await query.answer();
  await query.editMessageText(
    'Sorry, I could not process this button click 😕 Please send /start to get a new keyboard.',
  );
}

/** The application, not yet running; its callback data lives in `persistencePath` when given. */
export function buildApplication(token: string, baseUrl?: string, persistencePath?: string): Application {
  const builder = Application.builder().token(token).arbitraryCallbackData(true);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  // Persistence keeps the buttons working after the bot was restarted.
  if (persistencePath !== undefined) builder.persistence(new FilePersistence({ filepath: persistencePath }));
  const app = builder.build();
  app.addHandler(new CommandHandler('start', start));
  app.addHandler(new CommandHandler('help', help));
  app.addHandler(new CommandHandler('clear', clear));
  app.addHandler(new CallbackQueryHandler(handleInvalidButton, { pattern: InvalidCallbackData }));
  app.addHandler(new CallbackQueryHandler(listButton));
  return app;
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const app = buildApplication(token, process.env.BOT_API_BASE_URL, 'arbitrarycallbackdatabot');
  // Runs until Ctrl-C (SIGINT) or SIGTERM.
  await app.runPolling({ allowedUpdates: Update.ALL_TYPES });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
