/**
 * The seed's timerbot: an alarm clock on the JobQueue. `/set <seconds>` schedules a one-off job
 * that sends "Beep!" to the chat when the time is up (a new timer replaces the chat's old one),
 * `/unset` cancels it, `/start` and `/help` explain. Run it with
 * `BOT_TOKEN=<token> npx tsx examples/timerbot.ts` (add BOT_API_BASE_URL to run it against the
 * emulator).
 */
import { pathToFileURL } from 'node:url';
import { Update } from 'typescript-telegram-bot';
import {
  Application,
  type CommandContext,
  CommandHandler,
  type CommandUpdate,
  type ContextTypes,
  type JobQueue,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** `/start` and `/help`: how to use the bot. */
export async function start(update: CommandUpdate, _context: CommandContext): Promise<void> {
  await update.message?.replyText('Hi! Use /set <seconds> to set a timer');
}

/** The job: tells the chat its time is up. */
export async function alarm(context: Context): Promise<void> {
  const job = context.job;
  if (job?.chatId === undefined) return;
  await context.bot.sendMessage(job.chatId, `Beep! ${String(job.data)} seconds are over!`);
}

/** Removes the jobs called `name`; whether there were any. */
export function removeJobIfExists(name: string, context: Context): boolean {
  const current = context.jobQueue?.getJobsByName(name) ?? [];
  for (const job of current) job.scheduleRemoval();
  return current.length > 0;
}

/** `/set <seconds>`: schedules the alarm, named by the chat so that a chat has one timer. */
export async function setTimer(update: CommandUpdate, context: CommandContext): Promise<void> {
  const message = update.effectiveMessage;
  const chatId = message.chat.id;
  const given = context.args[0];
  const due = given === undefined || given.trim() === '' ? Number.NaN : Number(given);
  if (!Number.isFinite(due)) {
    await message.replyText('Usage: /set <seconds>');
    return;
  }
  if (due < 0) {
    await message.replyText('Sorry we can not go back to future!');
    return;
  }
  const jobQueue = context.jobQueue;
  if (jobQueue === null)
    throw new Error('timerbot needs the job queue (do not build it with .jobQueue(null))');
  const jobRemoved = removeJobIfExists(String(chatId), context);
  jobQueue.runOnce(alarm, due, { chatId, name: String(chatId), data: due });
  await message.replyText(
    jobRemoved ? 'Timer successfully set! Old one was removed.' : 'Timer successfully set!',
  );
}

/** `/unset`: cancels the chat's timer. */
export async function unset(update: CommandUpdate, context: CommandContext): Promise<void> {
  const jobRemoved = removeJobIfExists(String(update.effectiveMessage.chat.id), context);
  await update.message?.replyText(jobRemoved ? 'Timer successfully cancelled!' : 'You have no active timer.');
}

/**
 * The application with the timerbot's handlers, not yet running. Tests pass a job queue with a
 * clock of their own; by default the builder makes one on real time.
 */
export function buildApplication(token: string, baseUrl?: string, jobQueue?: JobQueue): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  if (jobQueue !== undefined) builder.jobQueue(jobQueue);
  const app = builder.build();
  app.addHandler(new CommandHandler(['start', 'help'], start));
  app.addHandler(new CommandHandler('set', setTimer));
  app.addHandler(new CommandHandler('unset', unset));
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
