/**
 * The seed's webappbot on the framework: `/start` shows a reply-keyboard button that opens a
 * colour-picker web app; when the page sends the chosen colour back (`Telegram.WebApp.sendData`),
 * the bot answers with its hex and RGB values and removes the keyboard. Run it with
 * `BOT_TOKEN=<token> npx tsx examples/webappbot.ts` (add BOT_API_BASE_URL to run it against the
 * emulator). Web app buttons only show in private chats.
 */
import { pathToFileURL } from 'node:url';
import { ReplyKeyboardMarkup, ReplyKeyboardRemove, Update } from 'typescript-telegram-bot';
import {
  Application,
  CommandHandler,
  type ContextTypes,
  filters,
  MessageHandler,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** The static colour-picker page the PTB team hosts for this example (it needs no bot token). */
export const COLOR_PICKER_URL = 'https://python-telegram-bot.org/static/webappbot';

/** The text of the keyboard button that opens the picker. */
export const BUTTON_TEXT = 'Open the color picker!';

/** What the picker page sends: the colour as hex and as its red, green and blue parts. */
export interface PickedColor {
  readonly hex: string;
  readonly rgb: { readonly r: number; readonly g: number; readonly b: number };
}

/** Reads the page's JSON payload; undefined when it is not a colour the page would send. */
export function parseColor(data: string): PickedColor | undefined {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { hex, rgb } = value as { hex?: unknown; rgb?: unknown };
  if (typeof hex !== 'string' || typeof rgb !== 'object' || rgb === null) return undefined;
  const { r, g, b } = rgb as { r?: unknown; g?: unknown; b?: unknown };
  if (typeof r !== 'number' || typeof g !== 'number' || typeof b !== 'number') return undefined;
  return { hex, rgb: { r, g, b } };
}

/** Escapes the three characters HTML parse mode reserves. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `/start`: a one-button keyboard whose button opens the colour picker. */
export async function start(update: Update, _context: Context): Promise<void> {
  await update.message?.replyText('Please press the button below to choose a color via the WebApp.', {
    reply_markup: ReplyKeyboardMarkup.fromButton({ text: BUTTON_TEXT, web_app: { url: COLOR_PICKER_URL } }),
  });
}

/** The page sent its data: answer with the colour's hex and RGB values and drop the keyboard. */
export async function webAppData(update: Update, _context: Context): Promise<void> {
  const message = update.effectiveMessage;
  const data = message?.web_app_data?.data;
  if (message === undefined || data === undefined) return;
  const removeKeyboard = new ReplyKeyboardRemove();
  const color = parseColor(data);
  if (color === undefined) {
    await message.replyText('Sorry, I could not read the color the web app sent.', {
      reply_markup: removeKeyboard,
    });
    return;
  }
  const { r, g, b } = color.rgb;
  await message.replyHtml(
    `You selected the color with the HEX value <code>${escapeHtml(color.hex)}</code>. ` +
      `The corresponding RGB value is <code>(${r}, ${g}, ${b})</code>.`,
    { reply_markup: removeKeyboard },
  );
}

/** The application with the webappbot's handlers, not yet running. */
export function buildApplication(token: string, baseUrl?: string): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  app.addHandler(new CommandHandler('start', start));
  app.addHandler(new MessageHandler(filters.StatusUpdate.WEB_APP_DATA, webAppData));
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
