/**
 * A Bot wired to a loopback FakeApiServer for shortcut tests: every call is recorded as
 * (method, parameters) and answered with a result the test chose, or a plausible default.
 */
import { Bot } from '../../src/index.js';
import { FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';

/** One API call as it reached the server. */
export interface Call {
  readonly method: string;
  readonly params: Record<string, unknown>;
}

/** The JSON of a message Telegram would send back. */
export const SENT = {
  message_id: 500,
  date: 1_700_000_100,
  chat: { id: 1, type: 'private', first_name: 'A' },
};

function defaultResult(method: string): unknown {
  if (method === 'sendChatAction' || method === 'sendMessageDraft') return true;
  if (method === 'sendMediaGroup') return [SENT, { ...SENT, message_id: 501 }];
  if (/^(send|forward|editMessage|stopMessage)/.test(method)) return SENT;
  if (method === 'copyMessage') return { message_id: 77 };
  if (method === 'getFile') return { file_id: 'f', file_unique_id: 'u', file_path: 'photos/f.jpg' };
  if (method === 'getGameHighScores') {
    return [{ position: 1, score: 40, user: { id: 7, is_bot: false, first_name: 'G' } }];
  }
  if (method === 'stopPoll') {
    return {
      id: 'p',
      question: 'Q?',
      options: [],
      total_voter_count: 0,
      is_closed: true,
      is_anonymous: true,
      type: 'regular',
      allows_multiple_answers: false,
      allows_revoting: false,
      members_only: false,
    };
  }
  if (method === 'answerGuestQuery') return { inline_message_id: 'im' };
  return true;
}

/** The server, the bot and what reached the server. */
export class Harness {
  readonly calls: Call[] = [];
  readonly #results = new Map<string, unknown>();

  private constructor(
    readonly server: FakeApiServer,
    readonly bot: Bot,
  ) {}

  static async start(): Promise<Harness> {
    const server = await FakeApiServer.start();
    const bot = new Bot(FAKE_TOKEN, { baseUrl: `${server.origin}/bot` });
    const harness = new Harness(server, bot);
    server.setHandler((exchange) => {
      const method = exchange.recorded.path.split('/').pop() ?? '';
      const text = exchange.recorded.body?.toString('utf8') ?? '';
      const params = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      harness.calls.push({ method, params });
      const result = harness.#results.has(method) ? harness.#results.get(method) : defaultResult(method);
      exchange.json(200, { ok: true, result });
    });
    return harness;
  }

  /** Answers `method` with `result` from now on. */
  answer(method: string, result: unknown): void {
    this.#results.set(method, result);
  }

  /** The latest call; fails when there was none. */
  last(): Call {
    const call = this.calls.at(-1);
    if (call === undefined) throw new Error('no API call reached the server');
    return call;
  }

  async close(): Promise<void> {
    await this.bot.shutdown();
    await this.server.close();
  }
}
