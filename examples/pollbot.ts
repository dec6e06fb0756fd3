/**
 * The seed's pollbot on the framework: `/poll` sends a public poll whose answers the bot
 * announces, closing it after a few voters; `/quiz` sends a quiz closed after as many voters;
 * `/preview` asks the user for a poll of their own and answers with a closed copy of it.
 * Run it with `BOT_TOKEN=<token> npx tsx examples/pollbot.ts` (add BOT_API_BASE_URL to run it
 * against the emulator).
 */
import { pathToFileURL } from 'node:url';
import { KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update } from 'typescript-telegram-bot';
import {
  Application,
  CommandHandler,
  type ContextTypes,
  filters,
  MessageHandler,
  PollAnswerHandler,
  PollHandler,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** How many voters a poll or quiz takes before the bot closes it (the seed's value). */
export const TOTAL_VOTER_COUNT = 3;

/** What the bot remembers about a poll it sent, kept in `botData` under the poll's id. */
export interface SentPoll {
  readonly chatId: number;
  readonly messageId: number;
  /** The option texts (only for `/poll`, whose answers are announced). */
  readonly answersText?: readonly string[];
  /** How many answers were announced so far. */
  answers: number;
}

function sentPoll(context: Context, pollId: string): SentPoll | undefined {
  return context.botData[`poll:${pollId}`] as SentPoll | undefined;
}

function rememberPoll(context: Context, pollId: string, poll: SentPoll): void {
  context.botData[`poll:${pollId}`] = poll;
}

/** The number of voters after which polls close, configurable per application. */
function voterLimit(context: Context): number {
  return (context.botData.voterLimit as number | undefined) ?? TOTAL_VOTER_COUNT;
}

/** `/start`: what the bot can do. */
export async function start(update: Update, _context: Context): Promise<void> {
  await update.message?.replyText(
    'Please select /poll to get a Poll, /quiz to get a Quiz or /preview to generate a preview for your poll',
  );
}

/** `/poll`: a non-anonymous poll with several answers allowed. */
export async function poll(update: Update, context: Context): Promise<void> {
  const chat = update.effectiveChat;
  if (chat === undefined) return;
  const answersText = ['Good', 'Really good', 'Fantastic', 'Great'];
  const message = await context.bot.sendPoll(
    chat.id,
    'How are you?',
    answersText.map((text) => ({ text })),
    { is_anonymous: false, allows_multiple_answers: true },
  );
  if (message.poll === undefined) return;
  rememberPoll(context, message.poll.id, {
    chatId: chat.id,
    messageId: message.message_id,
    answersText,
    answers: 0,
  });
}

/** A vote in a `/poll` poll: announce it, and close the poll once enough people voted. */
export async function receivePollAnswer(update: Update, context: Context): Promise<void> {
  const answer = update.poll_answer;
  if (answer === undefined) return;
  const known = sentPoll(context, answer.poll_id);
  // Polls from before a restart, or quizzes, have no option texts to announce.
  if (known?.answersText === undefined) return;
  const texts = known.answersText;
  // A retracted vote has no options: nothing to announce.
  if (answer.option_ids.length === 0) return;
  const chosen = answer.option_ids.map((id) => texts[id] ?? '?').join(' and ');
  const who = update.effectiveUser?.mentionHtml() ?? 'Someone';
  await context.bot.sendMessage(known.chatId, `${who} feels ${chosen}!`, { parse_mode: 'HTML' });
  known.answers += 1;
  if (known.answers === voterLimit(context)) {
    await context.bot.stopPoll(known.chatId, known.messageId);
  }
}

/** `/quiz`: a quiz with one right answer. */
export async function quiz(update: Update, context: Context): Promise<void> {
  const message = update.effectiveMessage;
  if (message === undefined) return;
  const sent = await message.replyPoll(
    'How many eggs do you need for a cake?',
    ['1', '2', '4', '20'].map((text) => ({ text })),
    { type: 'quiz', correct_option_ids: [2] },
  );
  if (sent.poll === undefined) return;
  rememberPoll(context, sent.poll.id, { chatId: sent.chat.id, messageId: sent.message_id, answers: 0 });
}

/** A poll state update: close a quiz once enough people took it. */
export async function receiveQuizAnswer(update: Update, context: Context): Promise<void> {
  const state = update.poll;
  // Closed polls (ours, once stopped) report here as well.
  if (state === undefined || state.is_closed) return;
  if (state.total_voter_count !== voterLimit(context)) return;
  const known = sentPoll(context, state.id);
  // `/poll` polls are closed by receivePollAnswer; stopping them twice would fail.
  if (known === undefined || known.answersText !== undefined) return;
  await context.bot.stopPoll(known.chatId, known.messageId);
}

/** `/preview`: a keyboard button that lets the user compose a poll or a quiz. */
export async function preview(update: Update, _context: Context): Promise<void> {
  // No poll type on the button: the user chooses between a poll and a quiz.
  await update.effectiveMessage?.replyText(
    'Press the button to let the bot generate a preview for your poll',
    {
      reply_markup: new ReplyKeyboardMarkup([[new KeyboardButton('Press me!', { request_poll: {} })]], {
        one_time_keyboard: true,
      }),
    },
  );
}

/** A poll the user sent: answer with a closed poll of the same question and options. */
export async function receivePoll(update: Update, _context: Context): Promise<void> {
  const message = update.effectiveMessage;
  const received = message?.poll;
  if (message === undefined || received === undefined) return;
  await message.replyPoll(
    received.question,
    received.options.map((option) => ({ text: option.text })),
    { is_closed: true, reply_markup: new ReplyKeyboardRemove() },
  );
}

/** `/help`. */
export async function help(update: Update, _context: Context): Promise<void> {
  await update.message?.replyText('Use /quiz, /poll or /preview to test this bot.');
}

/** Options of {@link buildApplication}. */
export interface PollBotOptions {
  /** Voters after which a poll or quiz closes; {@link TOTAL_VOTER_COUNT} by default. */
  readonly voterLimit?: number;
}

/** The application with the pollbot's handlers, not yet running. */
export function buildApplication(token: string, baseUrl?: string, options: PollBotOptions = {}): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  if (options.voterLimit !== undefined) app.botData.voterLimit = options.voterLimit;
  app.addHandler(new CommandHandler('start', start));
  app.addHandler(new CommandHandler('poll', poll));
  app.addHandler(new CommandHandler('quiz', quiz));
  app.addHandler(new CommandHandler('preview', preview));
  app.addHandler(new CommandHandler('help', help));
  app.addHandler(new MessageHandler(filters.POLL, receivePoll));
  app.addHandler(new PollAnswerHandler(receivePollAnswer));
  app.addHandler(new PollHandler(receiveQuizAnswer));
  return app;
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const app = buildApplication(token, process.env.BOT_API_BASE_URL);
  // Poll answers and poll states are only delivered when asked for.
  await app.runPolling({ allowedUpdates: Update.ALL_TYPES });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
