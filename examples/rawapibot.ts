/**
 * An echo bot on the raw API: no framework, just `Bot` and a getUpdates loop (the seed's
 * rawapibot). Run it with `BOT_TOKEN=<token> npx tsx examples/rawapibot.ts`; against the emulator,
 * set BOT_API_BASE_URL to its base URL as well.
 */
import { pathToFileURL } from 'node:url';
import { Bot, Forbidden, NetworkError, Update } from 'typescript-telegram-bot';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers every text message with the same text; resolves to the next offset to ask for. */
export async function echo(
  bot: Bot,
  offset: number | undefined,
  pollTimeout = 10,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const updates = await bot.getUpdates(
    { offset, timeout: pollTimeout, allowed_updates: Update.ALL_TYPES },
    signal === undefined ? {} : { signal },
  );
  let next = offset;
  for (const update of updates) {
    next = update.update_id + 1;
    const message = update.message;
    if (message?.text !== undefined) {
      console.log(`Found message ${message.text}!`);
      await message.replyText(message.text, { doQuote: true });
    }
  }
  return next;
}

/**
 * Polls until `signal` aborts (a long poll in flight is cut short); network errors are waited
 * out, blocked users skipped.
 */
export async function run(bot: Bot, signal: AbortSignal, pollTimeout = 10): Promise<void> {
  // The first pending update's id, so that an update whose sender blocked the bot can be skipped.
  let offset: number | undefined = (await bot.getUpdates())[0]?.update_id;
  console.log('listening for new messages...');
  while (!signal.aborted) {
    try {
      offset = await echo(bot, offset, pollTimeout, signal);
    } catch (error) {
      if (signal.aborted) break;
      if (error instanceof Forbidden) {
        offset = offset === undefined ? undefined : offset + 1; // the user removed or blocked the bot
      } else if (error instanceof NetworkError) {
        await pause(1000);
      } else {
        throw error;
      }
    }
  }
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const baseUrl = process.env.BOT_API_BASE_URL;
  await using bot = new Bot(token, baseUrl ? { baseUrl } : {});
  await bot.initialize();
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  await run(bot, stop.signal);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
