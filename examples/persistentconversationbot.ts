/**
 * The seed's persistentconversationbot: the conversationbot2 conversation (topics on a reply
 * keyboard, a custom category after "Something else...", "Done" to finish), but the facts and
 * the conversation's state are kept in a FilePersistence, so a restarted bot remembers what it
 * was told and where each conversation stood. `/show_data` lists the facts at any time. Each
 * update is stored with its changes before Telegram is told it was handled, so even a killed bot
 * forgets nothing. Run it with `BOT_TOKEN=<token> npx tsx examples/persistentconversationbot.ts`
 * (PERSISTENCE_FILE chooses the file, default `conversationbot.json`; add BOT_API_BASE_URL to run
 * it against the emulator).
 */
import { pathToFileURL } from 'node:url';
import { ReplyKeyboardMarkup, ReplyKeyboardRemove, Update } from 'typescript-telegram-bot';
import {
  Application,
  CommandHandler,
  type ContextTypes,
  ConversationHandler,
  FilePersistence,
  filters,
  MessageHandler,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** The conversation's states. */
export enum State {
  CHOOSING,
  TYPING_REPLY,
  TYPING_CHOICE,
}

const END = ConversationHandler.END;

const markup = new ReplyKeyboardMarkup(
  [['Age', 'Favourite colour'], ['Number of siblings', 'Something else...'], ['Done']],
  { one_time_keyboard: true },
);

function factsOf(context: Context): Record<string, string> {
  return context.userData as Record<string, string>;
}

/** The facts told so far, one `key - value` line each, between blank lines. */
export function factsToString(userData: Record<string, string>): string {
  const facts = Object.entries(userData).map(([key, value]) => `${key} - ${value}`);
  return `\n${facts.join('\n')}\n`;
}

/** `/start`: greets, says what the bot already knows (from before a restart too), shows the topics. */
export async function start(update: Update, context: Context): Promise<State> {
  const facts = factsOf(context);
  const known = Object.keys(facts);
  let reply = 'Hi! My name is Doctor Botter.';
  reply +=
    known.length > 0
      ? ` You already told me your ${known.join(', ')}. Why don't you tell me something more about yourself? Or change anything I already know.`
      : " I will hold a more complex conversation with you. Why don't you tell me something about yourself?";
  await update.message?.replyText(reply, { reply_markup: markup });
  return State.CHOOSING;
}

/** A topic (or a custom category): remembered as the choice; what is known about it is said. */
export async function regularChoice(update: Update, context: Context): Promise<State> {
  const text = (update.message?.text ?? '').toLowerCase();
  const facts = factsOf(context);
  facts.choice = text;
  const known = Object.hasOwn(facts, text) ? facts[text] : undefined;
  await update.message?.replyText(
    known === undefined || known === ''
      ? `Your ${text}? Yes, I would love to hear about that!`
      : `Your ${text}? I already know the following about that: ${known}`,
  );
  return State.TYPING_REPLY;
}

/** "Something else...": asks for the category first. */
export async function customChoice(update: Update, _context: Context): Promise<State> {
  await update.message?.replyText(
    'Alright, please send me the category first, for example "Most impressive skill"',
  );
  return State.TYPING_CHOICE;
}

/** The fact for the chosen category: stored (lower case), and everything told so far listed. */
export async function receivedInformation(update: Update, context: Context): Promise<State> {
  const facts = factsOf(context);
  const category = facts.choice ?? '';
  facts[category] = (update.message?.text ?? '').toLowerCase();
  delete facts.choice;
  await update.message?.replyText(
    `Neat! Just so you know, this is what you already told me:${factsToString(facts)}You can tell me more, or change your opinion on something.`,
    { reply_markup: markup },
  );
  return State.CHOOSING;
}

/** `/show_data`, in or outside the conversation: lists the facts. */
export async function showData(update: Update, context: Context): Promise<void> {
  await update.message?.replyText(`This is what you already told me: ${factsToString(factsOf(context))}`);
}

/** "Done": lists what was learned (and keeps it for next time), and ends. */
export async function done(update: Update, context: Context): Promise<typeof END> {
  const facts = factsOf(context);
  delete facts.choice;
  await update.message?.replyText(
    `I learned these facts about you: ${factsToString(facts)}Until next time!`,
    { reply_markup: new ReplyKeyboardRemove() },
  );
  return END;
}

const FREE_TEXT = filters.TEXT.and(filters.COMMAND.or(new filters.Regex(/^Done$/)).not());

/** The persistent conversation, named `my_conversation` in the persistence. */
export function conversation(): ConversationHandler<Context, State> {
  return new ConversationHandler({
    entryPoints: [new CommandHandler('start', start)],
    states: {
      [State.CHOOSING]: [
        new MessageHandler(new filters.Regex(/^(Age|Favourite colour|Number of siblings)$/), regularChoice),
        new MessageHandler(new filters.Regex(/^Something else\.\.\.$/), customChoice),
      ],
      [State.TYPING_CHOICE]: [new MessageHandler(FREE_TEXT, regularChoice)],
      [State.TYPING_REPLY]: [new MessageHandler(FREE_TEXT, receivedInformation)],
    },
    fallbacks: [new MessageHandler(new filters.Regex(/^Done$/), done)],
    name: 'my_conversation',
    persistent: true,
  });
}

/** The application on a FilePersistence at `filepath`, not yet running. */
export function buildApplication(token: string, filepath: string, baseUrl?: string): Application {
  const builder = Application.builder().token(token).persistence(new FilePersistence({ filepath }));
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  app.addHandler(conversation());
  app.addHandler(new CommandHandler('show_data', showData));
  return app;
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const app = buildApplication(
    token,
    process.env.PERSISTENCE_FILE ?? 'conversationbot.json',
    process.env.BOT_API_BASE_URL,
  );
  // Runs until Ctrl-C (SIGINT) or SIGTERM; the data is written at the stop.
  await app.runPolling({ allowedUpdates: Update.ALL_TYPES });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
