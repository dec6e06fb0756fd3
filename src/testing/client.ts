/** A small HTTP client of the control API, shared by the TypeScript users API. */

/** An error answer of the control API. */
export class EmulatorError extends Error {
  readonly code: number;
  readonly description: string;
  constructor(code: number, description: string) {
    super(description);
    this.name = 'EmulatorError';
    this.code = code;
    this.description = description;
  }
}

/** A JSON value sent to or received from the control API. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue | undefined };

/** A chat as the Bot API shows it. */
export interface ChatJSON {
  readonly id: number;
  readonly type: string;
  readonly title?: string;
  readonly username?: string;
  readonly first_name?: string;
  readonly [field: string]: unknown;
}

/** A user (or bot) as the Bot API shows it. */
export interface UserJSON {
  readonly id: number;
  readonly is_bot: boolean;
  readonly first_name: string;
  readonly username?: string;
  readonly [field: string]: unknown;
}

/** One button of an inline keyboard. */
export interface InlineButtonJSON {
  readonly text: string;
  readonly callback_data?: string;
  readonly url?: string;
  readonly [field: string]: unknown;
}

/** A message as the Bot API shows it; fields the emulator fills are typed, the rest is open. */
export interface MessageJSON {
  readonly message_id: number;
  readonly date: number;
  readonly chat: ChatJSON;
  readonly from?: UserJSON;
  readonly text?: string;
  readonly caption?: string;
  readonly reply_markup?: { readonly inline_keyboard: readonly (readonly InlineButtonJSON[])[] };
  readonly [field: string]: unknown;
}

/** One line of a chat transcript, as the control API returns it. */
export interface TranscriptEntryJSON {
  readonly seq: number;
  readonly kind: 'message' | 'edit' | 'delete' | 'callback_answer' | 'chat_action';
  readonly from_id: number;
  readonly from_bot: boolean;
  readonly from_name: string;
  readonly message_id: number | null;
  readonly message: MessageJSON | null;
  readonly summary: string;
}

/** Talks to an emulator's control API at `origin` (e.g. `http://127.0.0.1:8081`). */
export class ControlClient {
  readonly origin: string;

  constructor(origin: string) {
    this.origin = origin.replace(/\/+$/, '');
  }

  /** Calls a control route; resolves to its `result` or throws {@link EmulatorError}. */
  async call<T>(
    verb: 'GET' | 'POST',
    route: string,
    params: Record<string, JsonValue | undefined> = {},
  ): Promise<T> {
    const defined: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(params)) if (value !== undefined) defined[key] = value;
    let response: Response;
    if (verb === 'GET') {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(defined)) {
        query.set(key, typeof value === 'string' ? value : JSON.stringify(value));
      }
      response = await fetch(`${this.origin}/_emulator/${route}?${query}`);
    } else {
      response = await fetch(`${this.origin}/_emulator/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(defined),
      });
    }
    const body = (await response.json()) as {
      ok: boolean;
      result?: T;
      error_code?: number;
      description?: string;
    };
    if (!body.ok)
      throw new EmulatorError(body.error_code ?? response.status, body.description ?? 'unknown error');
    return body.result as T;
  }
}
