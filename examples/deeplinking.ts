/**
 * The seed's deeplinking bot: a tour of Telegram's deep links (`t.me/<bot>?start=<payload>`),
 * see https://core.telegram.org/bots/features#deep-linking. Each step hands out a link whose
 * payload leads to the next step: a link that adds the bot to a group, a URL button, a link hidden
 * behind text, and a callback button answered with a link. `/start` with no known payload begins
 * the tour. Run it with `BOT_TOKEN=<token> npx tsx examples/deeplinking.ts` (add BOT_API_BASE_URL
 * to run it against the emulator).
 */
import { pathToFileURL } from 'node:url';
import { constants, createDeepLinkedUrl, InlineKeyboardMarkup, Update } from 'typescript-telegram-bot';
import {
  Application,
  CallbackQueryHandler,
  CommandHandler,
  type ContextTypes,
  filters,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

// The payloads of the tour, one per step.
export const CHECK_THIS_OUT = 'check-this-out';
export const USING_ENTITIES = 'using-entities-here';
export const USING_KEYBOARD = 'using-keyboard-here';
export const SO_COOL = 'so-cool';

/** The data of the button whose press is answered with the last step's link. */
export const KEYBOARD_CALLBACKDATA = 'keyboard-callback-data';

/** `/start` without a known payload: a link that adds the bot to a group and starts the tour there. */
export async function start(update: Update, context: Context): Promise<void> {
  const url = createDeepLinkedUrl(context.bot.username, CHECK_THIS_OUT, true);
  await update.message?.replyText(`Feel free to tell your friends about it:\n\n${url}`);
}

/** Step 1 (in the group): a URL button leading back to the private chat. */
export async function deepLinkedLevel1(update: Update, context: Context): Promise<void> {
  const url = createDeepLinkedUrl(context.bot.username, SO_COOL);
  await update.message?.replyText(
    "Awesome, you just accessed hidden functionality! Now let's get back to the private chat.",
    { reply_markup: InlineKeyboardMarkup.fromButton({ text: 'Continue here!', url }) },
  );
}

/** Step 2: the next link behind a piece of HTML text, without a link preview. */
export async function deepLinkedLevel2(update: Update, context: Context): Promise<void> {
  const url = createDeepLinkedUrl(context.bot.username, USING_ENTITIES);
  await update.message?.replyText(
    `You can also mask the deep-linked URLs as links: <a href="${url}">▶️ CLICK HERE</a>.`,
    {
      parse_mode: constants.ParseMode.HTML,
      link_preview_options: { is_disabled: true },
    },
  );
}

/** Step 3: a callback button; its press is answered with the next link. */
export async function deepLinkedLevel3(update: Update, _context: Context): Promise<void> {
  await update.message?.replyText('It is also possible to make deep-linking using InlineKeyboardButtons.', {
    reply_markup: InlineKeyboardMarkup.fromButton({
      text: 'Like this!',
      callback_data: KEYBOARD_CALLBACKDATA,
    }),
  });
}

/** The step 3 button: answering a callback query with a `t.me` start link makes the client open it. */
export async function deepLinkLevel3Callback(update: Update, context: Context): Promise<void> {
  const url = createDeepLinkedUrl(context.bot.username, USING_KEYBOARD);
  await update.callback_query?.answer({ url });
}

/** Step 4, the end: shows the payload, which reaches the handler as the command's arguments. */
export async function deepLinkedLevel4(update: Update, context: Context): Promise<void> {
  const payload = (context.args ?? []).join(' ');
  await update.message?.replyText(
    `Congratulations! This is as deep as it gets 👏🏻\n\nThe payload was: ${payload}`,
  );
}

/** The application with the deep-linking bot's handlers, not yet running. */
export function buildApplication(token: string, baseUrl?: string): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  // A deep link sends `/start <payload>`; one /start handler per payload, told apart by a filter on
  // the text. Handlers of a group are tried in order, so these come before the plain /start.
  app.addHandler(
    new CommandHandler('start', deepLinkedLevel1, { filters: new filters.Regex(CHECK_THIS_OUT) }),
  );
  app.addHandler(new CommandHandler('start', deepLinkedLevel2, { filters: new filters.Regex(SO_COOL) }));
  app.addHandler(
    new CommandHandler('start', deepLinkedLevel3, { filters: new filters.Regex(USING_ENTITIES) }),
  );
  app.addHandler(
    new CommandHandler('start', deepLinkedLevel4, { filters: new filters.Regex(USING_KEYBOARD) }),
  );
  app.addHandler(new CallbackQueryHandler(deepLinkLevel3Callback, { pattern: KEYBOARD_CALLBACKDATA }));
  app.addHandler(new CommandHandler('start', start));
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
