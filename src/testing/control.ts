/**
 * The language-neutral control API under `/_emulator/`: create bots, users and chats, act as a
 * user, read transcripts and wait for a bot's messages. Every answer is `{ ok, result }` JSON.
 */
import type { ApiDispatcher } from './api.js';
import { badRequest, notFound } from './errors.js';
import { isPolling } from './methods/updates.js';
import { registerUrl } from './state/files.js';
import type { FloodLimits, ResolvedFloodLimits } from './state/flood.js';
import { resolveFloodLimits } from './state/flood.js';
import { keyboardFor } from './state/keyboards.js';
import type { BotRecord, Json, TranscriptEntry } from './state/records.js';
import { addBotToChat, migrateGroup, userJoin, userLeave, userRequestJoin } from './state/user-chats.js';
import type { ChatTarget } from './state/user-messages.js';
import {
  setBlocked,
  userChat,
  userDelete,
  userEdit,
  userPressKey,
  userReact,
  userSend,
  userWebAppData,
} from './state/user-messages.js';
import { setPassportKey, userSendPassport } from './state/user-passport.js';
import { userChooseResult, userClick, userInlineQuery, userPay, userVote } from './state/user-queries.js';
import type { World } from './state/world.js';
import { userJson } from './state/world.js';
import { canonicalPrefix, canonicalTarget } from './webhook-url.js';

/** The path prefix reserved for the control API. */
export const CONTROL_PREFIX = '/_emulator/';

const DEFAULT_WAIT_MS = 2000;
const MAX_WAIT_MS = 60_000;

function num(params: Json, name: string): number | undefined {
  const value = params[name];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

function need(params: Json, name: string): number {
  const value = num(params, name);
  if (value === undefined) throw badRequest(`${name} is empty`);
  return value;
}

function text(params: Json, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

function bool(params: Json, name: string): boolean | undefined {
  const value = params[name];
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

function json(params: Json, name: string): unknown {
  const value = params[name];
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function object(params: Json, name: string): Json | undefined {
  const value = json(params, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${name} must be a JSON object`);
  return value as Json;
}

function target(params: Json): ChatTarget {
  return { botId: num(params, 'bot_id'), chatId: num(params, 'chat_id') };
}

function timeout(params: Json): number {
  return Math.min(MAX_WAIT_MS, Math.max(0, num(params, 'timeout_ms') ?? DEFAULT_WAIT_MS));
}

/** A transcript entry as control-API JSON. */
export function entryJson(entry: TranscriptEntry): Json {
  return {
    seq: entry.seq,
    kind: entry.kind,
    from_id: entry.fromId,
    from_bot: entry.fromBot,
    from_name: entry.fromName,
    message_id: entry.messageId ?? null,
    message: entry.message ?? null,
    summary: entry.summary,
  };
}

/** Flood limits as control-API JSON, null when off. */
function floodJson(limits: ResolvedFloodLimits | undefined): Json | null {
  if (limits === undefined) return null;
  return {
    private_per_second: limits.privatePerSecond,
    private_burst: limits.privateBurst,
    group_per_minute: limits.groupPerMinute,
    global_per_second: limits.globalPerSecond,
  };
}

/** The emulator's clock as control-API JSON. */
function clockJson(world: World): Json {
  return { now_ms: world.nowMs(), frozen: world.clockFrozen };
}

type Route = (params: Json) => unknown;

/** Serves the control API for one world. */
export class ControlApi {
  readonly #routes: Map<string, Route>;

  constructor(world: World, api: ApiDispatcher) {
    const w = world;
    this.#routes = new Map<string, Route>([
      [
        'POST bots',
        (p) => {
          const bot = w.createBot({
            username: text(p, 'username'),
            firstName: text(p, 'first_name'),
            canJoinGroups: bool(p, 'can_join_groups'),
            canReadAllGroupMessages: bool(p, 'can_read_all_group_messages'),
            supportsInlineQueries: bool(p, 'supports_inline_queries'),
          });
          return { id: bot.id, token: bot.token, username: bot.username, first_name: bot.firstName };
        },
      ],
      [
        'POST users',
        (p) =>
          userJson(
            w.createUser({
              firstName: text(p, 'first_name') ?? '',
              lastName: text(p, 'last_name'),
              username: text(p, 'username'),
              languageCode: text(p, 'language_code'),
              isPremium: bool(p, 'is_premium'),
            }),
          ),
      ],
      [
        'POST chats',
        (p) => {
          const type = text(p, 'type');
          if (type !== 'group' && type !== 'supergroup' && type !== 'channel') {
            throw badRequest('type must be group, supergroup or channel');
          }
          const members = json(p, 'member_ids');
          const chat = w.createChat({
            type,
            title: text(p, 'title') ?? type,
            username: text(p, 'username'),
            ownerId: num(p, 'owner_id'),
            memberIds: Array.isArray(members) ? members.map(Number) : undefined,
            isForum: bool(p, 'is_forum'),
          });
          return w.chatJson(chat);
        },
      ],
      [
        'POST chats/add_bot',
        (p) => {
          addBotToChat(
            w,
            need(p, 'chat_id'),
            need(p, 'bot_id'),
            num(p, 'by_user_id'),
            bool(p, 'admin') ?? false,
          );
          return true;
        },
      ],
      [
        'POST bots/passport_key',
        (p) => {
          const pem = text(p, 'public_key_pem');
          if (pem === undefined || pem === '') throw badRequest('public_key_pem is empty');
          setPassportKey(this.#bot(w, p), pem);
          return true;
        },
      ],
      [
        'POST passport',
        (p) => {
          const elements = json(p, 'elements');
          if (!Array.isArray(elements)) throw badRequest('elements must be a JSON array');
          return userSendPassport(w, need(p, 'user_id'), target(p), text(p, 'nonce') ?? '', elements).json;
        },
      ],
      ['GET passport_errors', (p) => this.#bot(w, p).passportErrors?.get(need(p, 'user_id')) ?? null],
      ['POST chats/migrate', (p) => w.chatJson(migrateGroup(w, need(p, 'chat_id'), num(p, 'by_user_id')))],
      [
        'POST files/register_url',
        (p) => {
          const url = text(p, 'url');
          const content = text(p, 'content_base64');
          if (url === undefined) throw badRequest('url is empty');
          if (content === undefined) throw badRequest('content_base64 is empty');
          registerUrl(w, url, { data: Buffer.from(content, 'base64'), contentType: text(p, 'content_type') });
          return true;
        },
      ],
      [
        'POST send',
        (p) => {
          const content: Json = {
            ...p,
            entities: json(p, 'entities'),
            caption_entities: json(p, 'caption_entities'),
          };
          const poll = object(p, 'poll');
          if (poll !== undefined) content.poll = poll;
          return userSend(w, need(p, 'user_id'), target(p), content).json;
        },
      ],
      [
        'POST press_key',
        (p) => userPressKey(w, need(p, 'user_id'), target(p), text(p, 'text') ?? '', object(p, 'poll')).json,
      ],
      [
        'POST web_app_data',
        (p) =>
          userWebAppData(
            w,
            need(p, 'user_id'),
            target(p),
            text(p, 'button_text') ?? '',
            text(p, 'data') ?? '',
          ).json,
      ],
      [
        'GET keyboard',
        (p) => {
          const userId = need(p, 'user_id');
          return keyboardFor(userChat(w, userId, target(p)), userId)?.markup ?? null;
        },
      ],
      [
        'GET keyboard_state',
        (p) => {
          const userId = need(p, 'user_id');
          const view = keyboardFor(userChat(w, userId, target(p)), userId);
          return view === undefined ? null : { keyboard: view.markup, collapsed: view.collapsed };
        },
      ],
      [
        'POST edit',
        (p) => userEdit(w, need(p, 'user_id'), target(p), num(p, 'message_id'), text(p, 'text') ?? ''),
      ],
      [
        'POST delete',
        (p) => {
          userDelete(w, need(p, 'user_id'), target(p), num(p, 'message_id'));
          return true;
        },
      ],
      [
        'POST react',
        (p) => {
          const emoji = json(p, 'emoji');
          userReact(
            w,
            need(p, 'user_id'),
            target(p),
            num(p, 'message_id'),
            Array.isArray(emoji) ? emoji.map(String) : [],
          );
          return true;
        },
      ],
      [
        'POST click',
        async (p) => {
          const outcome = await userClick(
            w,
            need(p, 'user_id'),
            target(p),
            num(p, 'message_id'),
            { text: text(p, 'text'), data: text(p, 'data') },
            timeout(p),
          );
          return {
            callback_query_id: outcome.queryId,
            answer: outcome.answer ?? null,
            url: outcome.url ?? null,
          };
        },
      ],
      [
        'POST inline_query',
        async (p) => {
          const outcome = await userInlineQuery(
            w,
            need(p, 'user_id'),
            need(p, 'bot_id'),
            text(p, 'query') ?? '',
            text(p, 'offset') ?? '',
            timeout(p),
          );
          return { inline_query_id: outcome.queryId, answer: outcome.answer ?? null };
        },
      ],
      [
        'POST choose_inline_result',
        (p) =>
          userChooseResult(
            w,
            need(p, 'user_id'),
            text(p, 'inline_query_id') ?? '',
            text(p, 'result_id') ?? '',
            target(p),
          ),
      ],
      [
        'POST vote',
        (p) => {
          const options = json(p, 'option_ids');
          let pollId = text(p, 'poll_id');
          if (pollId === undefined) {
            const chat = userChat(w, need(p, 'user_id'), target(p));
            const poll = w.message(chat, num(p, 'message_id')).json.poll as Json | undefined;
            if (poll === undefined) throw badRequest('the message has no poll');
            pollId = String(poll.id);
          }
          return userVote(w, need(p, 'user_id'), pollId, Array.isArray(options) ? options.map(Number) : []);
        },
      ],
      ['POST join', (p) => userJoin(w, need(p, 'user_id'), need(p, 'chat_id')) !== undefined],
      [
        'POST leave',
        (p) => {
          userLeave(w, need(p, 'user_id'), need(p, 'chat_id'));
          return true;
        },
      ],
      ['POST join_request', (p) => userRequestJoin(w, need(p, 'user_id'), need(p, 'chat_id'))],
      ['POST block', (p) => this.#block(w, p, true)],
      ['POST unblock', (p) => this.#block(w, p, false)],
      [
        'POST pay',
        (p) =>
          userPay(w, need(p, 'user_id'), target(p), num(p, 'message_id'), {
            orderInfo: object(p, 'order_info'),
            shippingOptionId: text(p, 'shipping_option_id'),
            timeoutMs: timeout(p),
          }),
      ],
      ['POST flood', (p) => floodJson(this.#setFlood(w, p))],
      ['GET flood', () => floodJson(w.flood.limits)],
      [
        'POST clock',
        (p) => {
          const frozen = bool(p, 'frozen');
          if (frozen !== undefined) w.freezeClock(frozen);
          w.advanceClock(num(p, 'advance_ms') ?? 0);
          return clockJson(w);
        },
      ],
      ['GET clock', () => clockJson(w)],
      ['GET transcript', (p) => w.chatByRef(need(p, 'chat_id'), num(p, 'bot_id')).transcript.map(entryJson)],
      [
        'POST webhook_routes',
        (p) => {
          const prefix = canonicalPrefix(text(p, 'url_prefix') ?? '');
          const target = text(p, 'target');
          if (target === undefined || target === '') w.webhookRoutes.delete(prefix);
          else w.webhookRoutes.set(prefix, canonicalTarget(target));
          for (const bot of w.botsById.values()) api.kickWebhook(bot);
          return true;
        },
      ],
      [
        'GET webhook_routes',
        () => [...w.webhookRoutes].map(([url_prefix, target]) => ({ url_prefix, target })),
      ],
      ['GET wait', (p) => this.#wait(w, p)],
      [
        'GET bot',
        (p) => {
          const bot = w.botsById.get(need(p, 'bot_id'));
          if (bot === undefined) throw badRequest('bot not found');
          return {
            id: bot.id,
            username: bot.username,
            pending_update_count: bot.queue.length,
            polling: isPolling(bot),
            webhook_url: bot.webhook?.url ?? null,
            allowed_updates: bot.allowedUpdates ?? null,
          };
        },
      ],
      [
        'GET updates',
        (p) => {
          const bot = w.botsById.get(need(p, 'bot_id'));
          if (bot === undefined) throw badRequest('bot not found');
          return bot.queue.map((update) => update.json);
        },
      ],
    ]);
  }

  #bot(world: World, params: Json): BotRecord {
    const bot = world.botsById.get(need(params, 'bot_id'));
    if (bot === undefined) throw badRequest('bot not found');
    return bot;
  }

  /** Runs one control request; `path` is the part after the prefix. */
  async handle(method: string, path: string, params: Json): Promise<unknown> {
    const verb = method.toUpperCase() === 'GET' ? 'GET' : 'POST';
    const name = path.replace(/\/+$/, '');
    const other = verb === 'GET' ? 'POST' : 'GET';
    const route = this.#routes.get(`${verb} ${name}`) ?? this.#routes.get(`${other} ${name}`);
    if (route === undefined) throw notFound();
    return await route(params);
  }

  /**
   * Sets the flood limits: `enabled=false` turns them off; otherwise Telegram's limits apply,
   * with any of `private_per_second`, `private_burst`, `group_per_minute`, `global_per_second`
   * given replacing Telegram's value.
   */
  #setFlood(world: World, params: Json): ResolvedFloodLimits | undefined {
    if (bool(params, 'enabled') === false) {
      world.flood.setLimits(undefined);
      return undefined;
    }
    // A value given but not a number is refused below rather than ignored.
    const given = (name: string): number | undefined =>
      params[name] === undefined ? undefined : (num(params, name) ?? Number.NaN);
    const limits: FloodLimits = {
      privatePerSecond: given('private_per_second'),
      privateBurst: given('private_burst'),
      groupPerMinute: given('group_per_minute'),
      globalPerSecond: given('global_per_second'),
    };
    try {
      world.flood.setLimits(resolveFloodLimits(limits));
    } catch (error) {
      if (error instanceof RangeError)
        throw badRequest(error.message.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
      throw error;
    }
    return world.flood.limits;
  }

  #block(world: World, params: Json, blocked: boolean): boolean {
    const bot = world.botsById.get(need(params, 'bot_id'));
    if (bot === undefined) throw badRequest('bot not found');
    setBlocked(world, bot, need(params, 'user_id'), blocked);
    return true;
  }

  /**
   * Waits for the next transcript entry after `after_seq` in a chat, by default a message from a
   * bot; resolves to the entry or null after `timeout_ms`.
   */
  async #wait(world: World, params: Json): Promise<unknown> {
    const chat = world.chatByRef(need(params, 'chat_id'), num(params, 'bot_id'));
    let after = num(params, 'after_seq') ?? 0;
    const userId = num(params, 'after_user_id');
    if (userId !== undefined) {
      // Only what came after this user's latest message: the answer to it, not older chatter.
      for (const item of chat.transcript) {
        if (item.fromId === userId && item.kind === 'message' && item.seq > after) after = item.seq;
      }
    }
    const from = text(params, 'from') ?? 'bot';
    const kinds = (text(params, 'kind') ?? 'message').split(',');
    const entry = await world.waitFor(
      () =>
        chat.transcript.find(
          (item) =>
            item.seq > after &&
            (kinds.includes('any') || kinds.includes(item.kind)) &&
            (from === 'any' || (from === 'bot') === item.fromBot),
        ),
      timeout(params),
    );
    return entry === undefined ? null : entryJson(entry);
  }
}
