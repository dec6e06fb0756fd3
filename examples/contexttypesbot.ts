/**
 * The seed's contexttypesbot on the framework: a context class of our own (with shortcuts to
 * the bot's data and to the click count of the message an update is about) and a chat data class
 * of our own, plugged in with `ContextTypes`. `/start` shows a button that counts its clicks per
 * message; `/print_users` lists everyone who used the bot. Run it with
 * `BOT_TOKEN=<token> npx tsx examples/contexttypesbot.ts` (add BOT_API_BASE_URL to run it against
 * the emulator).
 */
import { pathToFileURL } from 'node:url';
import { InlineKeyboardMarkup, Update } from 'typescript-telegram-bot';
import {
  Application,
  CallbackContext,
  CallbackQueryHandler,
  CommandHandler,
  type ContextConstructor,
  type ContextHost,
  ContextTypes,
  type ExtBot,
  TypeHandler,
} from 'typescript-telegram-bot/ext';

/** Per-chat data: how often the button under each message was clicked. */
export class ChatData {
  readonly clicksPerMessage = new Map<number, number>();
}

/** Our context: the usual one plus two shortcuts. */
export class CustomContext extends CallbackContext<ExtBot, Record<string, unknown>, ChatData> {
  /** The message the update is about, when it has one and a chat to keep data in. */
  #messageId: number | undefined = undefined;

  /** The ids of the users who used the bot, kept in `botData` (created on first use). */
  get botUserIds(): Set<number> {
    let ids = this.botData.userIds as Set<number> | undefined;
    if (ids === undefined) {
      ids = new Set();
      this.botData.userIds = ids;
    }
    return ids;
  }

  /** The click count of the message this context was made for, or undefined without a message. */
  get messageClicks(): number | undefined {
    if (this.#messageId === undefined) return undefined;
    return this.chatData?.clicksPerMessage.get(this.#messageId) ?? 0;
  }

  set messageClicks(value: number) {
    if (this.#messageId === undefined || this.chatData === undefined) {
      throw new Error('This context was not made for an update with a message.');
    }
    this.chatData.clicksPerMessage.set(this.#messageId, value);
  }

  /** As the default, and remembers the message of the update. */
  static override fromUpdate<T>(this: ContextConstructor<T>, update: unknown, application: ContextHost): T {
    // biome-ignore lint/complexity/noThisInStatic: `super` passes on `this`, so the base factory builds our class (or a subclass).
    const context = super.fromUpdate(update, application) as T;
    if (context instanceof CustomContext && context.chatData !== undefined && update instanceof Update) {
      context.#messageId = update.effectiveMessage?.message_id;
    }
    return context;
  }
}

function clickMarkup(): InlineKeyboardMarkup {
  return InlineKeyboardMarkup.fromButton({ text: 'Click me!', callback_data: 'button' });
}

/** `/start`: a message with a button. */
export async function start(update: Update, _context: CustomContext): Promise<void> {
  await update.message?.replyHtml('This button was clicked <i>0</i> times.', { reply_markup: clickMarkup() });
}

/** A click: count it for the message and show the new count. */
export async function countClick(update: Update, context: CustomContext): Promise<void> {
  context.messageClicks = (context.messageClicks ?? 0) + 1;
  await update.callback_query?.answer();
  await update.effectiveMessage?.editText(`This button was clicked <i>${context.messageClicks}</i> times.`, {
    reply_markup: clickMarkup(),
    parse_mode: 'HTML',
  });
}

/** `/print_users`: who used the bot. */
export async function printUsers(update: Update, context: CustomContext): Promise<void> {
  await update.message?.replyText(
    `The following user IDs have used this bot: ${[...context.botUserIds].join(', ')}`,
  );
}

/** Every update: remember its user, if it has one. */
export async function trackUsers(update: Update, context: CustomContext): Promise<void> {
  const user = update.effectiveUser;
  if (user !== undefined) context.botUserIds.add(user.id);
}

/** The application with the contexttypesbot's handlers and context types, not yet running. */
export function buildApplication(token: string, baseUrl?: string): Application<CustomContext> {
  const contextTypes = new ContextTypes({ context: CustomContext, chatData: ChatData });
  const builder = Application.builder().token(token).contextTypes(contextTypes);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  // Group -1 runs before the others and does not keep them from handling the update.
  app.addHandler(new TypeHandler(Update, trackUsers), -1);
  app.addHandler(new CommandHandler('start', start));
  app.addHandler(new CallbackQueryHandler(countClick));
  app.addHandler(new CommandHandler('print_users', printUsers));
  return app;
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const app = buildApplication(token, process.env.BOT_API_BASE_URL);
  await app.runPolling({ allowedUpdates: Update.ALL_TYPES });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
