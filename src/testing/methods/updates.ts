/** Receiving updates: getMe, getUpdates, webhooks, logOut and close. */
import { UPDATE_TYPES } from '../../generated/metadata.js';
import { badRequest, conflict } from '../errors.js';
import type { BotRecord, Json } from '../state/records.js';
import { checkWebhookUrl } from '../webhook-url.js';
import type { Call, Handler } from './call.js';
import { int, str } from './call.js';

interface ActivePoll {
  readonly controller: AbortController;
  terminated: boolean;
}

const polls = new WeakMap<BotRecord, ActivePoll>();

function setAllowed(bot: BotRecord, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) throw badRequest("can't parse allowed updates");
  const known = new Set<string>(UPDATE_TYPES);
  bot.allowedUpdates = value.filter((item): item is string => typeof item === 'string' && known.has(item));
}

/** Drops acknowledged updates: everything before `offset`, or all but the last `-offset`. */
function acknowledge(bot: BotRecord, offset: number | undefined): void {
  if (offset === undefined || offset === 0) return;
  if (offset > 0) {
    const keepFrom = bot.queue.findIndex((update) => update.update_id >= offset);
    bot.queue.splice(0, keepFrom < 0 ? bot.queue.length : keepFrom);
  } else {
    bot.queue.splice(0, Math.max(0, bot.queue.length + offset));
  }
}

async function getUpdates(call: Call): Promise<unknown> {
  const { bot, world, params } = call;
  if (bot.webhook !== undefined) {
    throw conflict(
      "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
  }
  const previous = polls.get(bot);
  if (previous !== undefined) {
    previous.terminated = true;
    previous.controller.abort();
  }
  setAllowed(bot, params.allowed_updates);
  acknowledge(bot, int(params, 'offset'));
  const limit = Math.min(100, Math.max(1, int(params, 'limit') ?? 100));
  const timeout = Math.min(50, Math.max(0, int(params, 'timeout') ?? 0));
  const mine: ActivePoll = { controller: new AbortController(), terminated: false };
  polls.set(bot, mine);
  const onClientGone = (): void => mine.controller.abort();
  call.signal.addEventListener('abort', onClientGone, { once: true });
  try {
    await world.waitFor(
      () => (bot.queue.length > 0 ? true : undefined),
      timeout * 1000,
      mine.controller.signal,
    );
  } finally {
    call.signal.removeEventListener('abort', onClientGone);
    if (polls.get(bot) === mine) polls.delete(bot);
  }
  if (mine.terminated) {
    throw conflict('terminated by other getUpdates request; make sure that only one bot instance is running');
  }
  if (bot.webhook !== undefined) return [];
  return bot.queue.slice(0, limit).map((update) => update.json);
}

/** True while a getUpdates call of the bot is waiting for updates. */
export function isPolling(bot: BotRecord): boolean {
  return polls.has(bot);
}

/** Ends a bot's waiting getUpdates call (when a webhook is set or the emulator stops). */
export function endPoll(bot: BotRecord): void {
  polls.get(bot)?.controller.abort();
}

/** The update-receiving methods. */
export const updateMethods: Record<string, Handler> = {
  getMe: ({ bot }) => ({
    id: bot.id,
    is_bot: true,
    first_name: bot.firstName,
    username: bot.username,
    can_join_groups: bot.canJoinGroups,
    can_read_all_group_messages: bot.canReadAllGroupMessages,
    supports_inline_queries: bot.supportsInlineQueries,
    can_connect_to_business: false,
    has_main_web_app: false,
  }),
  getUpdates,
  setWebhook: (call) => {
    const { bot, params } = call;
    const url = str(params, 'url') ?? '';
    if (url === '') {
      bot.webhook = undefined;
      if (params.drop_pending_updates === true) bot.queue.length = 0;
      return true;
    }
    const ipAddress = str(params, 'ip_address');
    checkWebhookUrl(url, ipAddress);
    const secret = str(params, 'secret_token');
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw badRequest('secret token contains unallowed characters');
    }
    const maxConnections = int(params, 'max_connections') ?? 40;
    if (maxConnections < 1 || maxConnections > 100) throw badRequest('invalid max_connections specified');
    setAllowed(bot, params.allowed_updates);
    if (params.drop_pending_updates === true) bot.queue.length = 0;
    bot.webhook = {
      url,
      secretToken: secret,
      maxConnections,
      ipAddress: ipAddress === '' ? undefined : ipAddress,
      lastErrorDate: undefined,
      lastErrorMessage: undefined,
      inFlight: 0,
    };
    endPoll(bot);
    call.kickWebhook(bot);
    return true;
  },
  deleteWebhook: ({ bot, params }) => {
    bot.webhook = undefined;
    if (params.drop_pending_updates === true) bot.queue.length = 0;
    return true;
  },
  getWebhookInfo: ({ bot }) => {
    const hook = bot.webhook;
    const info: Json = {
      url: hook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: bot.queue.length,
    };
    if (hook === undefined) return info;
    info.max_connections = hook.maxConnections;
    if (hook.ipAddress !== undefined) info.ip_address = hook.ipAddress;
    if (hook.lastErrorDate !== undefined) info.last_error_date = hook.lastErrorDate;
    if (hook.lastErrorMessage !== undefined) info.last_error_message = hook.lastErrorMessage;
    if (bot.allowedUpdates !== undefined && bot.allowedUpdates.length > 0)
      info.allowed_updates = bot.allowedUpdates;
    return info;
  },
  logOut: () => true,
  close: () => true,
};
