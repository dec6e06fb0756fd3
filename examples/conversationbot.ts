/**
 * The seed's conversationbot: `/start` begins a conversation that asks for a gender (reply
 * keyboard), a photo (or `/skip`), a location (or `/skip`) and a short bio; `/cancel` ends it at
 * any step. Run it with `BOT_TOKEN=<token> npx tsx examples/conversationbot.ts` (add
 * BOT_API_BASE_URL and BOT_API_FILE_URL to run it against the emulator).
 */
import { pathToFileURL } from 'node:url';
import { ReplyKeyboardMarkup, ReplyKeyboardRemove, Update } from 'typescript-telegram-bot';
import {
  Application,
  CommandHandler,
  type ContextTypes,
  ConversationHandler,
  filters,
  MessageHandler,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** The conversation's states. */
export enum State {
  GENDER,
  PHOTO,
  LOCATION,
  BIO,
}

const END = ConversationHandler.END;

/** `/start`: introduces the bot and asks for the gender. */
export async function start(update: Update, _context: Context): Promise<State> {
  await update.message?.replyText(
    'Hi! My name is Professor Bot. I will hold a conversation with you. ' +
      'Send /cancel to stop talking to me.\n\nAre you a boy or a girl?',
    {
      reply_markup: new ReplyKeyboardMarkup([['Boy', 'Girl', 'Other']], {
        one_time_keyboard: true,
        input_field_placeholder: 'Boy or Girl?',
      }),
    },
  );
  return State.GENDER;
}

/** The gender: asks for a photo. */
export async function gender(update: Update, _context: Context): Promise<State> {
  console.info(`Gender of ${update.effectiveUser?.first_name}: ${update.message?.text}`);
  await update.message?.replyText(
    "I see! Please send me a photo of yourself, so I know what you look like, or send /skip if you don't want to.",
    { reply_markup: new ReplyKeyboardRemove() },
  );
  return State.PHOTO;
}

/** A photo: downloads its largest size, asks for the location. */
export async function photo(update: Update, _context: Context): Promise<State> {
  const largest = update.message?.photo?.at(-1);
  if (largest !== undefined) {
    const bytes = await (await largest.getFile()).downloadAsBytearray();
    console.info(`Photo of ${update.effectiveUser?.first_name}: ${bytes.length} bytes`);
  }
  await update.message?.replyText(
    "Gorgeous! Now, send me your location please, or send /skip if you don't want to.",
  );
  return State.LOCATION;
}

/** `/skip` instead of a photo. */
export async function skipPhoto(update: Update, _context: Context): Promise<State> {
  console.info(`User ${update.effectiveUser?.first_name} did not send a photo.`);
  await update.message?.replyText('I bet you look great! Now, send me your location please, or send /skip.');
  return State.LOCATION;
}

/** A location: asks for the bio. */
export async function location(update: Update, _context: Context): Promise<State> {
  const where = update.message?.location;
  console.info(`Location of ${update.effectiveUser?.first_name}: ${where?.latitude} / ${where?.longitude}`);
  await update.message?.replyText(
    'Maybe I can visit you sometime! At last, tell me something about yourself.',
  );
  return State.BIO;
}

/** `/skip` instead of a location. */
export async function skipLocation(update: Update, _context: Context): Promise<State> {
  console.info(`User ${update.effectiveUser?.first_name} did not send a location.`);
  await update.message?.replyText('You seem a bit paranoid! At last, tell me something about yourself.');
  return State.BIO;
}

/** The bio ends the conversation. */
export async function bio(update: Update, _context: Context): Promise<typeof END> {
  console.info(`Bio of ${update.effectiveUser?.first_name}: ${update.message?.text}`);
  await update.message?.replyText('Thank you! I hope we can talk again some day.');
  return END;
}

/** `/cancel`, at any step. */
export async function cancel(update: Update, _context: Context): Promise<typeof END> {
  console.info(`User ${update.effectiveUser?.first_name} canceled the conversation.`);
  await update.message?.replyText('Bye! I hope we can talk again some day.', {
    reply_markup: new ReplyKeyboardRemove(),
  });
  return END;
}

/** The conversation: GENDER -> PHOTO -> LOCATION -> BIO, with /skip and /cancel. */
export function conversation(): ConversationHandler<Context, State> {
  return new ConversationHandler({
    entryPoints: [new CommandHandler('start', start)],
    states: {
      [State.GENDER]: [new MessageHandler(new filters.Regex(/^(Boy|Girl|Other)$/), gender)],
      [State.PHOTO]: [new MessageHandler(filters.PHOTO, photo), new CommandHandler('skip', skipPhoto)],
      [State.LOCATION]: [
        new MessageHandler(filters.LOCATION, location),
        new CommandHandler('skip', skipLocation),
      ],
      [State.BIO]: [new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), bio)],
    },
    fallbacks: [new CommandHandler('cancel', cancel)],
  });
}

/** The application with the conversation, not yet running. */
export function buildApplication(token: string, baseUrl?: string, baseFileUrl?: string): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  if (baseFileUrl !== undefined) builder.baseFileUrl(baseFileUrl);
  const app = builder.build();
  app.addHandler(conversation());
  return app;
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const app = buildApplication(token, process.env.BOT_API_BASE_URL, process.env.BOT_API_FILE_URL);
  // Runs until Ctrl-C (SIGINT) or SIGTERM.
  await app.runPolling({ allowedUpdates: Update.ALL_TYPES });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
