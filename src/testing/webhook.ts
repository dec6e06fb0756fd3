/**
 * Webhook delivery, on the model of Telegram's Bot API server: updates are split into queues by
 * chat (or by user for updates without a chat); each queue has at most one request in flight and
 * advances only when its head was answered 2xx; up to `max_connections` queues are served at
 * once. A failed update stays at the head of its queue and is retried with a growing, bounded
 * delay (or after the receiver's Retry-After); an update older than 24 hours is dropped instead.
 * A JSON answer naming a `method` is executed as a Bot API call, as Telegram does.
 */
import type { BotRecord, Json, QueuedUpdate, WebhookState } from './state/records.js';
import type { World } from './state/world.js';
import { destination } from './webhook-url.js';

/** Timing of webhook delivery. */
export interface WebhookTiming {
  /** First retry delay after a failed delivery, in ms. */
  readonly retryBaseMs: number;
  /** Longest retry delay, in ms (Retry-After answers are capped to it too). */
  readonly retryMaxMs: number;
  /** How long one delivery may take, in ms. */
  readonly requestTimeoutMs: number;
}

/** Runs a Bot API method for a bot (used for methods answered in a webhook response). */
export type MethodRunner = (bot: BotRecord, method: string, params: Json) => Promise<void>;

/** How long Telegram keeps an undelivered update. */
const UPDATE_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface Retry {
  failures: number;
  wakeAt: number;
}

interface BotDelivery {
  /** The webhook this state belongs to; a new setWebhook starts afresh. */
  readonly hook: WebhookState;
  /** Queue ids with a request in flight. */
  readonly busy: Set<string>;
  readonly retries: Map<number, Retry>;
  timer: NodeJS.Timeout | undefined;
  timerAt: number;
}

/**
 * The queue an update belongs to: its chat, else its user (a private chat's id is its user's id,
 * so a user's callback queries stay in order with their messages), else a queue of its own.
 */
export function queueId(update: QueuedUpdate): string {
  const payload = update.json[update.type];
  if (payload !== null && typeof payload === 'object') {
    const body = payload as Json;
    for (const field of ['chat', 'voter_chat', 'from', 'user']) {
      const holder = body[field];
      if (holder !== null && typeof holder === 'object') {
        const id = (holder as Json).id;
        if (typeof id === 'number' || typeof id === 'string') return String(id);
      }
    }
  }
  return `update:${update.update_id}`;
}

function connectionError(cause: unknown): string {
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'Connection timed out';
  return 'Webhook connection closed';
}

/** Delivers updates of bots that have a webhook. */
export class WebhookDeliverer {
  readonly #world: World;
  readonly #timing: WebhookTiming;
  readonly #run: MethodRunner;
  readonly #state = new Map<number, BotDelivery>();
  readonly #controllers = new Set<AbortController>();
  /** When the deliverer first saw each update (its age decides when it is dropped). */
  readonly #seen = new WeakMap<QueuedUpdate, number>();
  #stopped = false;

  constructor(world: World, timing: WebhookTiming, run: MethodRunner) {
    this.#world = world;
    this.#timing = timing;
    this.#run = run;
  }

  /** Starts every delivery the bot's queues, retry delays and connection limit allow. */
  kick(bot: BotRecord): void {
    const hook = bot.webhook;
    if (hook === undefined || this.#stopped) return;
    let delivery = this.#state.get(bot.id);
    if (delivery === undefined || delivery.hook !== hook) {
      if (delivery !== undefined) clearTimeout(delivery.timer);
      delivery = { hook, busy: new Set(), retries: new Map(), timer: undefined, timerAt: 0 };
      this.#state.set(bot.id, delivery);
    }
    const now = Date.now();
    const heads = new Set<string>();
    let nextWake = Number.POSITIVE_INFINITY;
    // Like Telegram, only the oldest 2 x max_connections pending updates are considered at a time.
    const window = Math.min(bot.queue.length, hook.maxConnections * 2);
    for (let index = 0; index < window; index++) {
      const update = bot.queue[index] as QueuedUpdate;
      if (!this.#seen.has(update)) this.#seen.set(update, now);
      const queue = queueId(update);
      if (heads.has(queue)) continue;
      heads.add(queue);
      if (delivery.busy.has(queue)) continue;
      const retry = delivery.retries.get(update.update_id);
      if (retry !== undefined && retry.wakeAt > now) {
        nextWake = Math.min(nextWake, retry.wakeAt);
        continue;
      }
      if (delivery.busy.size >= hook.maxConnections) break;
      delivery.busy.add(queue);
      void this.#deliver(bot, delivery, update, queue);
    }
    hook.inFlight = delivery.busy.size;
    if (nextWake !== Number.POSITIVE_INFINITY) this.#wakeAt(bot, delivery, nextWake);
  }

  /** Stops delivering and aborts requests in flight. */
  stop(): void {
    this.#stopped = true;
    for (const controller of this.#controllers) controller.abort();
    for (const delivery of this.#state.values()) clearTimeout(delivery.timer);
  }

  #wakeAt(bot: BotRecord, delivery: BotDelivery, at: number): void {
    if (delivery.timer !== undefined && delivery.timerAt <= at) return;
    clearTimeout(delivery.timer);
    delivery.timerAt = at;
    delivery.timer = setTimeout(
      () => {
        delivery.timer = undefined;
        this.kick(bot);
      },
      Math.max(0, at - Date.now()),
    );
    delivery.timer.unref();
  }

  /** One POST of an update; resolves to an error message in Telegram's words, or the answer. */
  async #post(
    hook: WebhookState,
    update: QueuedUpdate,
  ): Promise<{ error?: string; reply?: Json; retryAfter?: number }> {
    const target = destination(hook.url, hook.ipAddress, this.#world.webhookRoutes);
    if ('error' in target) return { error: target.error };
    const controller = new AbortController();
    this.#controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), this.#timing.requestTimeoutMs);
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (hook.secretToken !== undefined) headers['x-telegram-bot-api-secret-token'] = hook.secretToken;
      const response = await fetch(target.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(update.json),
        signal: controller.signal,
        redirect: 'manual',
      });
      const text = await response.text();
      if (response.status < 200 || response.status > 299) {
        const seconds = Number(response.headers.get('retry-after'));
        return {
          error: `Wrong response from the webhook: ${response.status} ${response.statusText}`,
          ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfter: seconds * 1000 } : {}),
        };
      }
      if (!(response.headers.get('content-type') ?? '').includes('application/json') || text === '')
        return {};
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed !== null && typeof parsed === 'object' && typeof (parsed as Json).method === 'string') {
          return { reply: parsed as Json };
        }
      } catch {
        // Telegram ignores a body it cannot use.
      }
      return {};
    } catch (cause) {
      return { error: controller.signal.aborted ? 'Read timeout expired' : connectionError(cause) };
    } finally {
      clearTimeout(timer);
      this.#controllers.delete(controller);
    }
  }

  async #deliver(bot: BotRecord, delivery: BotDelivery, update: QueuedUpdate, queue: string): Promise<void> {
    const result = await this.#post(delivery.hook, update);
    delivery.busy.delete(queue);
    delivery.hook.inFlight = delivery.busy.size;
    if (this.#stopped) return;
    if (result.error === undefined) {
      delivery.retries.delete(update.update_id);
      const index = bot.queue.indexOf(update);
      if (index >= 0) bot.queue.splice(index, 1);
      this.#world.bump();
      if (result.reply !== undefined) await this.#answer(bot, result.reply);
      this.kick(bot);
      return;
    }
    delivery.hook.lastErrorDate = this.#world.now();
    delivery.hook.lastErrorMessage = result.error;
    const retry = delivery.retries.get(update.update_id) ?? { failures: 0, wakeAt: 0 };
    retry.failures += 1;
    const backoff = Math.min(this.#timing.retryMaxMs, this.#timing.retryBaseMs * 2 ** (retry.failures - 1));
    const wait =
      result.retryAfter === undefined ? backoff : Math.min(this.#timing.retryMaxMs, result.retryAfter);
    const now = Date.now();
    if (now + wait > (this.#seen.get(update) ?? now) + UPDATE_LIFETIME_MS) {
      // Too old to keep trying: Telegram gives the update up.
      delivery.retries.delete(update.update_id);
      const index = bot.queue.indexOf(update);
      if (index >= 0) bot.queue.splice(index, 1);
      this.#world.bump();
    } else {
      retry.wakeAt = now + wait;
      delivery.retries.set(update.update_id, retry);
    }
    this.kick(bot);
  }

  /** Runs a method the receiver answered with; Telegram skips getters and webhook changes. */
  async #answer(bot: BotRecord, reply: Json): Promise<void> {
    const { method, ...params } = reply;
    const name = String(method).toLowerCase();
    if (name.startsWith('get') || ['setwebhook', 'deletewebhook', 'close', 'logout'].includes(name)) return;
    await this.#run(bot, String(method), params).catch(() => undefined);
  }
}
