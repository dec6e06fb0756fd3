/**
 * The seed's echobot on the framework: `/start` greets the user by a mention and asks for a reply,
 * `/help` helps, any other text is echoed. Run it with `BOT_TOKEN=<token> npx tsx examples/echobot.ts`
 * (add BOT_API_BASE_URL to run it against the emulator).
 */
import { pathToFileURL } from 'node:url';
import { ForceReply, Update } from 'typescript-telegram-bot';
import {
  Application,
  CommandHandler,
  type ContextTypes,
  filters,
  MessageHandler,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** `/start`: a greeting that mentions the user, with a forced reply. */
export async function start(update: Update, _context: Context): Promise<void> {
  const user = update.effectiveUser;
  if (user === undefined) return;
  await update.message?.replyHtml(`Hi ${user.mentionHtml()}!`, {
    reply_markup: new ForceReply({ force_reply: true, selective: true }),
  });
}

/** `/help`. */
export async function help(update: Update, _context: Context): Promise<void> {
  await update.message?.replyText('Help!');
}

/** Any text that is not a command comes back as it was sent. */
export async function echo(update: Update, _context: Context): Promise<void> {
  const message = update.message;
  if (message?.text !== undefined) await message.replyText(message.text);
}

/** The application with the echobot's handlers, not yet running. */
export function buildApplication(token: string, baseUrl?: string): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  app.addHandler(new CommandHandler('start', start));
  app.addHandler(new CommandHandler('help', help));
  app.addHandler(new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), echo));
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
