/**
 * The seed's inlinekeyboard2: an inline-keyboard menu driven by a ConversationHandler. `/start`
 * sends "Start handler, Choose a route" with buttons 1 and 2; each press edits that same message
 * into the next menu (1 -> buttons 3 and 4, 2 -> 1 and 3, 4 -> 2 and 3). Button 3 leads to the end
 * routes: "Yes, let's do it again!" shows the start menu again, "Nah, I've had enough ..." says
 * goodbye and ends the conversation. `/start` at any point sends a fresh start menu. Run it with
 * `BOT_TOKEN=<token> npx tsx examples/inlinekeyboard2.ts` (add BOT_API_BASE_URL to run it
 * against the emulator).
 */
import { pathToFileURL } from 'node:url';
import { InlineKeyboardButton, InlineKeyboardMarkup, Update } from 'typescript-telegram-bot';
import {
  Application,
  CallbackQueryHandler,
  type CallbackQueryUpdate,
  CommandHandler,
  type ContextTypes,
  ConversationHandler,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** The conversation's stages. */
export enum Stage {
  START_ROUTES,
  END_ROUTES,
}

/** The callback data of the buttons. */
export const Data = { ONE: '0', TWO: '1', THREE: '2', FOUR: '3' } as const;

const END = ConversationHandler.END;

/** A one-row keyboard of `[label, data]` buttons. */
function row(...buttons: [label: string, data: string][]): InlineKeyboardMarkup {
  return new InlineKeyboardMarkup([
    buttons.map(([label, data]) => new InlineKeyboardButton(label, { callback_data: data })),
  ]);
}

const START_MENU = 'Start handler, Choose a route';
const startKeyboard = (): InlineKeyboardMarkup => row(['1', Data.ONE], ['2', Data.TWO]);

/** `/start`: a new message with the start menu. */
export async function start(update: Update, _context: Context): Promise<Stage> {
  console.info(`User ${update.effectiveUser?.first_name} started the conversation.`);
  await update.message?.replyText(START_MENU, { reply_markup: startKeyboard() });
  return Stage.START_ROUTES;
}

/** "Yes, let's do it again!": the same message shows the start menu again. */
export async function startOver(update: CallbackQueryUpdate, _context: Context): Promise<Stage> {
  const query = update.callback_query;
  // Every press is answered, even without a notification: clients keep a spinner on the button
  // until it is.
  await query.answer();
  await query.editMessageText(START_MENU, { reply_markup: startKeyboard() });
  return Stage.START_ROUTES;
}

/** Button 1: offers 3 and 4. */
export async function one(update: CallbackQueryUpdate, _context: Context): Promise<Stage> {
  const query = update.callback_query;
  await query.answer();
  await query.editMessageText('First CallbackQueryHandler, Choose a route', {
    reply_markup: row(['3', Data.THREE], ['4', Data.FOUR]),
  });
  return Stage.START_ROUTES;
}

/** Button 2: offers 1 and 3. */
export async function two(update: CallbackQueryUpdate, _context: Context): Promise<Stage> {
  const query = update.callback_query;
  await query.answer();
  await query.editMessageText('Second CallbackQueryHandler, Choose a route', {
    reply_markup: row(['1', Data.ONE], ['3', Data.THREE]),
  });
  return Stage.START_ROUTES;
}

/** Button 3: asks whether to start over, moving to the end routes. */
export async function three(update: CallbackQueryUpdate, _context: Context): Promise<Stage> {
  const query = update.callback_query;
  await query.answer();
  await query.editMessageText('Third CallbackQueryHandler. Do want to start over?', {
    reply_markup: row(["Yes, let's do it again!", Data.ONE], ["Nah, I've had enough ...", Data.TWO]),
  });
  return Stage.END_ROUTES;
}

/** Button 4: offers 2 and 3. */
export async function four(update: CallbackQueryUpdate, _context: Context): Promise<Stage> {
  const query = update.callback_query;
  await query.answer();
  await query.editMessageText('Fourth CallbackQueryHandler, Choose a route', {
    reply_markup: row(['2', Data.TWO], ['3', Data.THREE]),
  });
  return Stage.START_ROUTES;
}

/** "Nah, I've had enough ...": goodbye, without buttons, and the conversation ends. */
export async function end(update: CallbackQueryUpdate, _context: Context): Promise<typeof END> {
  const query = update.callback_query;
  await query.answer();
  await query.editMessageText('See you next time!');
  return END;
}

const exactly = (data: string): RegExp => new RegExp(`^${data}$`);

/** The menu conversation: the same data means different things in the two stages. */
export function conversation(): ConversationHandler<Context, Stage> {
  return new ConversationHandler({
    entryPoints: [new CommandHandler('start', start)],
    states: {
      [Stage.START_ROUTES]: [
        new CallbackQueryHandler(one, { pattern: exactly(Data.ONE) }),
        new CallbackQueryHandler(two, { pattern: exactly(Data.TWO) }),
        new CallbackQueryHandler(three, { pattern: exactly(Data.THREE) }),
        new CallbackQueryHandler(four, { pattern: exactly(Data.FOUR) }),
      ],
      [Stage.END_ROUTES]: [
        new CallbackQueryHandler(startOver, { pattern: exactly(Data.ONE) }),
        new CallbackQueryHandler(end, { pattern: exactly(Data.TWO) }),
      ],
    },
    fallbacks: [new CommandHandler('start', start)],
  });
}

/** The application with the menu conversation, not yet running. */
export function buildApplication(token: string, baseUrl?: string): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  app.addHandler(conversation());
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
