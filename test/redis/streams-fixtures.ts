// Shared by the Redis Streams tests: a Bot API answered in process (getMe, sendMessage, and
// getUpdates from a list, honouring the offset as Telegram does), and the updates of the tests.
import { BaseRequest, type PostOptions } from '../../src/request/base.js';

export const STREAMS_TOKEN = '424242:streams-test-token-not-real';

const BOT_USER = { id: 424242, is_bot: true, first_name: 'Streams', username: 'streams_bot' };
const TIMEOUTS = Object.freeze({
  readTimeout: 5,
  writeTimeout: 5,
  connectTimeout: 5,
  poolTimeout: 1,
  mediaWriteTimeout: 20,
});

/** The JSON of a text message update in a private chat; `text` is what the order checks read. */
export function textUpdate(updateId: number, chatId: number, text: string): Record<string, unknown> {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_700_000_000,
      chat: { id: chatId, type: 'private', first_name: 'User' },
      from: { id: chatId, is_bot: false, first_name: 'User' },
      text,
    },
  };
}

/**
 * `count` updates over `chats` chats (round robin); update ids from 1, the text of each the
 * position of the update within its chat (`"3"`: the chat's fourth update).
 */
export function chatUpdates(count: number, chats: number, firstChat = 7000): Record<string, unknown>[] {
  const updates: Record<string, unknown>[] = [];
  const seq = new Map<number, number>();
  for (let index = 0; index < count; index++) {
    const chatId = firstChat + (index % chats);
    const position = seq.get(chatId) ?? 0;
    seq.set(chatId, position + 1);
    updates.push(textUpdate(index + 1, chatId, String(position)));
  }
  return updates;
}

/** Answers the Bot API in process; `updates` are served by getUpdates like Telegram does. */
export class InProcessApi extends BaseRequest {
  readonly calls = new Map<string, number>();
  readonly #updates: readonly Record<string, unknown>[];
  /** The highest offset a getUpdates confirmed (updates below it are forgotten). */
  confirmed = 0;

  constructor(updates: readonly Record<string, unknown>[] = []) {
    super();
    this.#updates = updates;
  }

  get defaultTimeouts(): typeof TIMEOUTS {
    return TIMEOUTS;
  }

  async initialize(): Promise<void> {}

  async shutdown(): Promise<void> {}

  async doRequest(): Promise<never> {
    throw new Error('InProcessApi answers in post()');
  }

  override async post(_url: string, options: PostOptions): Promise<unknown> {
    const method = options.endpoint;
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    switch (method) {
      case 'getMe':
        return BOT_USER;
      case 'sendMessage':
        return {
          message_id: 1,
          date: 1_700_000_000,
          chat: { id: 1, type: 'private', first_name: 'U' },
          text: 'ok',
        };
      case 'getUpdates': {
        const params = JSON.parse(options.payload?.jsonPayload() ?? '{}') as {
          offset?: number;
          timeout?: number;
        };
        const offset = params.offset ?? 0;
        this.confirmed = Math.max(this.confirmed, offset);
        const first = this.#updates.findIndex((update) => (update.update_id as number) >= offset);
        if (first === -1) {
          // Nothing new: hold briefly like a long poll, bounded so a stop is quick.
          await new Promise((resolve) => setTimeout(resolve, Math.min(200, (params.timeout ?? 0) * 1000)));
          return [];
        }
        return this.#updates.slice(first, first + 100);
      }
      default:
        return true;
    }
  }
}
