/**
 * The seed's conversationbot2: `/start` shows a reply keyboard of topics; choosing one (or typing
 * a custom category after "Something else...") asks for the fact, which is kept in the user's
 * data and listed back; "Done" lists everything learned and ends. With `conversationTimeout`
 * (seconds; `CONVERSATION_TIMEOUT` when run), a quiet user is told the conversation ended. Run it with
 * `BOT_TOKEN=<token> npx tsx examples/conversationbot2.ts` (add BOT_API_BASE_URL to run it
 * against the emulator).
 */
import { pathToFileURL } from 'node:url';
import { ReplyKeyboardMarkup, ReplyKeyboardRemove, Update } from 'typescript-telegram-bot';
import {
  Application,
  CommandHandler,
  type ContextTypes,
  ConversationHandler,
  filters,
  type JobQueue,
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

/** The facts told so far, one `key - value` line each, between blank lines. */
export function factsToString(userData: Record<string, unknown>): string {
  const facts = Object.entries(userData).map(([key, value]) => `${key} - ${String(value)}`);
  return `\n${facts.join('\n')}\n`;
}

/** `/start`: introduces the bot and shows the topics. */
export async function start(update: Update, _context: Context): Promise<State> {
  await update.message?.replyText(
    "Hi! My name is Doctor Botter. I will hold a more complex conversation with you. Why don't you tell me something about yourself?",
    { reply_markup: markup },
  );
  return State.CHOOSING;
}

/** A topic (or a custom category): remembered as the choice, then the fact is asked for. */
export async function regularChoice(update: Update, context: Context): Promise<State> {
  const text = update.message?.text ?? '';
  const userData = context.userData as Record<string, unknown>;
  userData.choice = text;
  await update.message?.replyText(`Your ${text.toLowerCase()}? Yes, I would love to hear about that!`);
  return State.TYPING_REPLY;
}

/** "Something else...": asks for the category first. */
export async function customChoice(update: Update, _context: Context): Promise<State> {
  await update.message?.replyText(
    'Alright, please send me the category first, for example "Most impressive skill"',
  );
  return State.TYPING_CHOICE;
}

/** The fact for the chosen category: stored, and everything told so far listed. */
export async function receivedInformation(update: Update, context: Context): Promise<State> {
  const userData = context.userData as Record<string, unknown>;
  const category = String(userData.choice);
  userData[category] = update.message?.text ?? '';
  delete userData.choice;
  await update.message?.replyText(
    `Neat! Just so you know, this is what you already told me:${factsToString(userData)}You can tell me more, or change your opinion on something.`,
    { reply_markup: markup },
  );
  return State.CHOOSING;
}

/** "Done": lists what was learned, forgets it and ends. */
export async function done(update: Update, context: Context): Promise<typeof END> {
  const userData = context.userData as Record<string, unknown>;
  delete userData.choice;
  await update.message?.replyText(
    `I learned these facts about you: ${factsToString(userData)}Until next time!`,
    {
      reply_markup: new ReplyKeyboardRemove(),
    },
  );
  for (const key of Object.keys(userData)) delete userData[key];
  return END;
}

/** The conversation timed out: says so (the handlers of the TIMEOUT state get the last update). */
export async function timedOut(update: Update, context: Context): Promise<void> {
  const userData = context.userData as Record<string, unknown>;
  delete userData.choice;
  await update.effectiveMessage?.replyText(
    'You were quiet for a while, so I stopped listening. Send /start to talk again.',
    {
      reply_markup: new ReplyKeyboardRemove(),
    },
  );
}

/** Options of {@link conversation} and {@link buildApplication}. */
export interface ConversationOptions {
  /** Seconds of silence after which the conversation ends (the application's job queue times it). */
  readonly conversationTimeout?: number | undefined;
}

const FREE_TEXT = filters.TEXT.and(filters.COMMAND.or(new filters.Regex(/^Done$/)).not());

/** The conversation: CHOOSING -> (TYPING_CHOICE ->) TYPING_REPLY -> CHOOSING, "Done" ends. */
export function conversation(options: ConversationOptions = {}): ConversationHandler<Context, State | -2> {
  return new ConversationHandler({
    entryPoints: [new CommandHandler('start', start)],
    states: {
      [State.CHOOSING]: [
        new MessageHandler(new filters.Regex(/^(Age|Favourite colour|Number of siblings)$/), regularChoice),
        new MessageHandler(new filters.Regex(/^Something else\.\.\.$/), customChoice),
      ],
      [State.TYPING_CHOICE]: [new MessageHandler(FREE_TEXT, regularChoice)],
      [State.TYPING_REPLY]: [new MessageHandler(FREE_TEXT, receivedInformation)],
      [ConversationHandler.TIMEOUT]: [new MessageHandler(filters.ALL, timedOut)],
    },
    fallbacks: [new MessageHandler(new filters.Regex(/^Done$/), done)],
    conversationTimeout: options.conversationTimeout,
  });
}

/** The application with the conversation, not yet running (`jobQueue`: e.g. one on a test clock). */
export function buildApplication(
  token: string,
  baseUrl?: string,
  options: ConversationOptions & { readonly jobQueue?: JobQueue } = {},
): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  if (options.jobQueue !== undefined) builder.jobQueue(options.jobQueue);
  const app = builder.build();
  app.addHandler(conversation(options));
  return app;
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const timeout = process.env.CONVERSATION_TIMEOUT;
  const app = buildApplication(token, process.env.BOT_API_BASE_URL, {
    conversationTimeout: timeout === undefined ? undefined : Number(timeout),
  });
  // Runs until Ctrl-C (SIGINT) or SIGTERM.
  await app.runPolling({ allowedUpdates: Update.ALL_TYPES });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
