/** Dispatches one Bot API call: token, method lookup, flood limit, validation, implementation. */
import type { MethodMeta } from '../generated/metadata.js';
import { METHODS, TYPES } from '../generated/metadata.js';
import { ApiError, notFound, tooManyRequests, unauthorized } from './errors.js';
import type { RequestInput } from './http/body.js';
import { currentMethodName } from './legacy.js';
import type { Call, Handler } from './methods/call.js';
import { handlers } from './methods/index.js';
import type { FloodRequest } from './state/flood.js';
import { rememberKeyboard } from './state/keyboards.js';
import type { BotRecord, ChatRecord, Json } from './state/records.js';
import type { World } from './state/world.js';
import { validateParams } from './validate.js';
import { makeValue } from './values.js';

const BY_LOWER_NAME = new Map<string, MethodMeta>(
  Object.values(METHODS).map((meta) => [meta.name.toLowerCase(), meta]),
);

const LOWER_HANDLERS = new Map<string, Handler>(
  Object.entries(handlers).map(([name, handler]) => [name.toLowerCase(), handler]),
);

/** The method's metadata by name (or a former name), matched case-insensitively as Telegram does. */
export function findMethod(name: string): MethodMeta | undefined {
  return BY_LOWER_NAME.get((currentMethodName(name) ?? name).toLowerCase());
}

/**
 * The methods flood limits count: those that create messages (send*, forward*, copy* returning
 * a Message or MessageId). Edits, chat actions, drafts and gifts create none and are not counted;
 * Telegram limits edits separately and more loosely.
 */
const FLOOD_COUNTED = new Set(
  Object.values(METHODS)
    .filter(
      (meta) =>
        /^(send|forward|copy)/.test(meta.name) &&
        meta.returns.some((type) => /^(Array of )?Message(Id)?$/.test(type)),
    )
    .map((meta) => meta.name),
);

/** How many messages a counted call creates: one, or one per item of an album or a batch. */
function messageCount(params: Json): number {
  for (const name of ['media', 'message_ids']) {
    const items = params[name];
    if (Array.isArray(items) && items.length > 0) return items.length;
  }
  return 1;
}

/** Runs Bot API calls against the world. */
export class ApiDispatcher {
  readonly #world: World;
  kickWebhook: (bot: BotRecord) => void = () => {};

  constructor(world: World) {
    this.#world = world;
  }

  /** The bot owning a token, or a 401. */
  botFor(token: string): BotRecord {
    const bot = this.#world.bots.get(token);
    if (bot === undefined) throw unauthorized();
    return bot;
  }

  /** Runs a method for a bot and returns its result; throws ApiError for error answers. */
  async run(bot: BotRecord, methodName: string, input: RequestInput, signal: AbortSignal): Promise<unknown> {
    const meta = findMethod(methodName);
    if (meta === undefined) throw notFound();
    const params = validateParams(meta, input);
    this.#checkFlood(bot, meta.name, params);
    const handler = LOWER_HANDLERS.get(meta.name.toLowerCase());
    if (handler === undefined) return this.#generic(bot, meta, params);
    const call: Call = {
      world: this.#world,
      bot,
      method: meta.name,
      params,
      signal,
      kickWebhook: this.kickWebhook,
    };
    const result = await handler(call);
    this.#rememberKeyboard(bot, params, result);
    return result;
  }

  /** Runs a method with already-decoded JSON parameters (a webhook answer). */
  async runJson(bot: BotRecord, method: string, params: Json): Promise<unknown> {
    return this.run(bot, method, { params, uploads: new Map() }, new AbortController().signal);
  }

  /**
   * Answers a method without specific behaviour: a well-formed value of its return type. A
   * `send*` method returning a Message posts one in the chat, its content field (`sendGame` ->
   * `game`) filled with a generated value; other methods returning a Message (edits) answer the
   * message they name unchanged, or True for inline messages.
   */
  #generic(bot: BotRecord, meta: MethodMeta, params: Json): unknown {
    const type = meta.returns[0] ?? 'Boolean';
    if (type === 'Boolean') return true;
    const me = { id: bot.id, is_bot: true, first_name: bot.firstName, username: bot.username };
    const hints = { now: this.#world.now(), user: me };
    if (type === 'String') return makeValue(type, hints, 'link');
    if (!meta.returns.includes('Message')) return makeValue(type, hints);
    if (params.inline_message_id !== undefined && meta.returns.includes('Boolean')) return true;
    if (params.chat_id === undefined) return makeValue(type, hints);
    const sending = meta.name.startsWith('send');
    const chat = this.#world.chatForBot(bot, params.chat_id, sending);
    if (!sending) return this.#world.message(chat, params.message_id).json;
    const field = meta.name
      .replace(/^send/, '')
      .replace(/[A-Z]/g, (c, at: number) => (at > 0 ? '_' : '') + c.toLowerCase());
    const slotType = TYPES.Message?.fields.find((item) => item.name === field)?.types[0];
    const content: Json = {};
    if (slotType !== undefined)
      content[field] = makeValue(slotType, { ...hints, chat: this.#world.chatJson(chat) });
    return this.#world.addMessage(chat, bot.id, content).json;
  }

  /** Keeps the custom keyboard a sent message showed (or removed), for the users API to press. */
  #rememberKeyboard(bot: BotRecord, params: Json, result: unknown): void {
    const markup = params.reply_markup as Json | undefined;
    if (markup === undefined || params.chat_id === undefined) return;
    if (!Array.isArray(markup.keyboard) && markup.remove_keyboard !== true) return;
    const chat = this.#world.chatForBot(bot, params.chat_id);
    const message = typeof result === 'object' && result !== null ? (result as Json) : undefined;
    rememberKeyboard(this.#world, chat, markup, message);
  }

  /** Counts a message-creating call against the flood limits, or refuses it with a 429. */
  #checkFlood(bot: BotRecord, method: string, params: Json): void {
    const world = this.#world;
    if (world.flood.limits === undefined || !FLOOD_COUNTED.has(method)) return;
    const chat = this.#reachableChat(bot, params.chat_id);
    const request: FloodRequest = {
      botId: bot.id,
      chatKey: chat?.key,
      chatType: chat === undefined ? undefined : chat.type === 'private' ? 'private' : 'group',
      messages: messageCount(params),
      paidBroadcast: params.allow_paid_broadcast === true,
    };
    const retryAfter = world.flood.admit(request, world.nowMs());
    if (retryAfter !== undefined) throw tooManyRequests(retryAfter);
  }

  /** The chat a call names, or undefined when the bot cannot reach it (its handler then says why). */
  #reachableChat(bot: BotRecord, chatId: unknown): ChatRecord | undefined {
    if (chatId === undefined) return undefined;
    try {
      return this.#world.chatForBot(bot, chatId);
    } catch (error) {
      if (error instanceof ApiError) return undefined;
      throw error;
    }
  }
}

/** The JSON body of an answer for a result or an error. */
export function answerBody(outcome: { result: unknown } | { error: unknown }): {
  status: number;
  body: Json;
} {
  if ('result' in outcome) return { status: 200, body: { ok: true, result: outcome.result } };
  const error = outcome.error;
  if (error instanceof ApiError) return { status: error.code, body: error.toJSON() };
  return {
    status: 500,
    body: { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` },
  };
}
