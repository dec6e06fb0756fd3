/**
 * The seed's inlinekeyboard bot: `/start` shows a message with three inline buttons, and pressing
 * one turns that message into "Selected option: <n>". `/help` says how to use it. Run it with
 * `BOT_TOKEN=<token> npx tsx examples/inlinekeyboard.ts` (add BOT_API_BASE_URL to run it against
 * the emulator).
 */
import { pathToFileURL } from 'node:url';
import { InlineKeyboardButton, InlineKeyboardMarkup, Update } from 'typescript-telegram-bot';
import {
  Application,
  CallbackQueryHandler,
  type CallbackQueryUpdate,
  CommandHandler,
  type CommandUpdate,
  type ContextTypes,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** `/start`: two buttons on the first row, one on the second; each carries its number as data. */
export async function start(update: CommandUpdate, _context: Context): Promise<void> {
  const keyboard = new InlineKeyboardMarkup([
    [
      new InlineKeyboardButton('Option 1', { callback_data: '1' }),
      new InlineKeyboardButton('Option 2', { callback_data: '2' }),
    ],
    [new InlineKeyboardButton('Option 3', { callback_data: '3' })],
  ]);
  await update.effectiveMessage.replyText('Please choose:', { reply_markup: keyboard });
}

/** A pressed button: stop the client's spinner, then replace the message text with the choice. */
export async function button(update: CallbackQueryUpdate, _context: Context): Promise<void> {
  const query = update.callback_query;
  // Every callback query should be answered, even without a notification: clients keep showing
  // a progress indicator on the button until it is.
  await query.answer();
  await query.editMessageText(`Selected option: ${query.data}`);
}

/** `/help`. */
export async function help(update: CommandUpdate, _context: Context): Promise<void> {
  await update.effectiveMessage.replyText('Use /start to test this bot.');
}

/** The application with the inline keyboard bot's handlers, not yet running. */
export function buildApplication(token: string, baseUrl?: string): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  app.addHandler(new CommandHandler('start', start));
  app.addHandler(new CallbackQueryHandler(button));
  app.addHandler(new CommandHandler('help', help));
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
