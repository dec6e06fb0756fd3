// Builders for the ConversationHandler unit tests: updates from users in chats, an application
// whose job queue runs on a test clock, and a recorder of the library's warnings.

import { Application } from '../../../src/ext/application.js';
import { JobQueue } from '../../../src/ext/job-queue/job-queue.js';
import { Update } from '../../../src/generated/types.js';
import '../../../src/ext/builder.js';
import { PTBUserWarning } from '../../../src/warnings.js';
import '../../../src/objects/update.js';
import { recordingLogger, TOKEN } from '../helpers.js';
import { TestClock } from '../job-queue/clock.js';

let nextId = 1000;

export interface Where {
  readonly chatId?: number;
  readonly userId?: number;
}

function chatJson(chatId: number): Record<string, unknown> {
  return chatId > 0
    ? { id: chatId, type: 'private', first_name: 'U' }
    : { id: chatId, type: 'group', title: 'G' };
}

function messageJson(
  text: string,
  where: Where,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const userId = where.userId ?? 1;
  const chatId = where.chatId ?? userId;
  return {
    message_id: nextId++,
    date: 1_700_000_000,
    chat: chatJson(chatId),
    from: { id: userId, is_bot: false, first_name: `User${userId}` },
    text,
    ...extra,
  };
}

/** A text message (a command when it starts with `/`). */
export function text(value: string, where: Where = {}): Update {
  const command = value.startsWith('/') ? (value.split(' ')[0] as string) : undefined;
  const extra =
    command === undefined ? {} : { entities: [{ type: 'bot_command', offset: 0, length: command.length }] };
  return Update.fromJSON({ update_id: nextId++, message: messageJson(value, where, extra) });
}

/** A button press under a message with id `messageId` (or an inline message). */
export function press(
  data: string,
  where: Where & { readonly messageId?: number; readonly inlineMessageId?: string } = {},
): Update {
  const userId = where.userId ?? 1;
  const query: Record<string, unknown> = {
    id: String(nextId++),
    from: { id: userId, is_bot: false, first_name: `User${userId}` },
    chat_instance: 'ci',
    data,
  };
  if (where.inlineMessageId !== undefined) query.inline_message_id = where.inlineMessageId;
  else query.message = { ...messageJson('buttons', where), message_id: where.messageId ?? 1 };
  return Update.fromJSON({ update_id: nextId++, callback_query: query });
}

/** A channel post. */
export function channelPost(value: string): Update {
  return Update.fromJSON({
    update_id: nextId++,
    channel_post: {
      message_id: nextId++,
      date: 1_700_000_000,
      chat: { id: -1009, type: 'channel', title: 'C' },
      text: value,
    },
  });
}

/** An inline query (a user, no chat). */
export function inlineQuery(query: string, userId = 1): Update {
  return Update.fromJSON({
    update_id: nextId++,
    inline_query: {
      id: String(nextId++),
      from: { id: userId, is_bot: false, first_name: 'U' },
      query,
      offset: '',
    },
  });
}

/** Records the PTBUserWarnings emitted while `run` runs (and the ticks after it). */
export async function warningsDuring(run: () => unknown): Promise<string[]> {
  const seen: string[] = [];
  const listener = (warning: Error): void => {
    if (warning instanceof PTBUserWarning) seen.push(warning.message);
  };
  process.on('warning', listener);
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listener);
  }
  return seen;
}

/** A promise with its resolve and reject. */
export function deferred<T = void>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** An application without network whose job queue runs on a clock the test moves. */
export function clockedApp(): {
  app: Application;
  clock: TestClock;
  jobQueue: JobQueue;
  logger: ReturnType<typeof recordingLogger>;
} {
  const clock = new TestClock(Date.UTC(2026, 0, 5, 12, 0, 0));
  const jobQueue = new JobQueue({ clock });
  const logger = recordingLogger();
  const app = Application.builder().token(TOKEN).updater(null).logger(logger).jobQueue(jobQueue).build();
  return { app, clock, jobQueue, logger };
}
