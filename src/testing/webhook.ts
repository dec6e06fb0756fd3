/**
 * Webhook delivery: POSTs each pending update to the bot's URL with the secret-token header,
 * keeps at most `max_connections` requests in flight, retries failures with exponential backoff
 * and records the last error for getWebhookInfo. A JSON answer naming a `method` is executed as a
 * Bot API call, as Telegram does.
 */
import type { BotRecord, Json, QueuedUpdate } from './state/records.js';
import type { World } from './state/world.js';

/** Timing of webhook delivery. */
export interface WebhookTiming {
  /** First retry delay after a failed delivery, in ms. */
  readonly retryBaseMs: number;
  /** Longest retry delay, in ms. */
  readonly retryMaxMs: number;
  /** How long one delivery may take, in ms. */
  readonly requestTimeoutMs: number;
}

/** Runs a Bot API method for a bot (used for methods answered in a webhook response). */
export type MethodRunner = (bot: BotRecord, method: string, params: Json) => Promise<void>;

interface BotDelivery {
  readonly inFlight: Set<number>;
  failures: number;
  retryTimer: NodeJS.Timeout | undefined;
}

/** Delivers updates of bots that have a webhook. */
export class WebhookDeliverer {
  readonly #world: World;
  readonly #timing: WebhookTiming;
  readonly #run: MethodRunner;
  readonly #state = new Map<number, BotDelivery>();
  readonly #controllers = new Set<AbortController>();
  #stopped = false;

  constructor(world: World, timing: WebhookTiming, run: MethodRunner) {
    this.#world = world;
    this.#timing = timing;
    this.#run = run;
  }

  /** Starts as many deliveries as the bot's queue and connection limit allow. */
  kick(bot: BotRecord): void {
    const hook = bot.webhook;
    if (hook === undefined || this.#stopped) return;
    let delivery = this.#state.get(bot.id);
    if (delivery === undefined) {
      delivery = { inFlight: new Set(), failures: 0, retryTimer: undefined };
      this.#state.set(bot.id, delivery);
    }
    if (delivery.retryTimer !== undefined) return;
    for (const update of bot.queue) {
      if (delivery.inFlight.size >= hook.maxConnections) break;
      if (delivery.inFlight.has(update.update_id)) continue;
      delivery.inFlight.add(update.update_id);
      void this.#deliver(bot, delivery, update);
    }
  }

  /** Stops delivering and aborts requests in flight. */
  stop(): void {
    this.#stopped = true;
    for (const controller of this.#controllers) controller.abort();
    for (const delivery of this.#state.values()) clearTimeout(delivery.retryTimer);
  }

  async #deliver(bot: BotRecord, delivery: BotDelivery, update: QueuedUpdate): Promise<void> {
    const hook = bot.webhook;
    if (hook === undefined) {
      delivery.inFlight.delete(update.update_id);
      return;
    }
    const controller = new AbortController();
    this.#controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), this.#timing.requestTimeoutMs);
    let error: string | undefined;
    let reply: Json | undefined;
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (hook.secretToken !== undefined) headers['x-telegram-bot-api-secret-token'] = hook.secretToken;
      const response = await fetch(hook.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(update.json),
        signal: controller.signal,
        redirect: 'manual',
      });
      const text = await response.text();
      if (response.status < 200 || response.status > 299) {
        error = `Wrong response from the webhook: ${response.status} ${response.statusText}`;
      } else if ((response.headers.get('content-type') ?? '').includes('application/json') && text !== '') {
        try {
          const parsed: unknown = JSON.parse(text);
          if (parsed !== null && typeof parsed === 'object' && typeof (parsed as Json).method === 'string') {
            reply = parsed as Json;
          }
        } catch {
          // Telegram ignores a body it cannot use.
        }
      }
    } catch (cause) {
      error = controller.signal.aborted ? 'Read timeout expired' : `Connection refused (${String(cause)})`;
    } finally {
      clearTimeout(timer);
      this.#controllers.delete(controller);
    }
    delivery.inFlight.delete(update.update_id);
    if (this.#stopped) return;
    if (error === undefined) {
      delivery.failures = 0;
      const index = bot.queue.findIndex((item) => item.update_id === update.update_id);
      if (index >= 0) bot.queue.splice(index, 1);
      this.#world.bump();
      if (reply !== undefined) {
        const { method, ...params } = reply;
        await this.#run(bot, String(method), params).catch(() => undefined);
      }
      this.kick(bot);
      return;
    }
    if (bot.webhook !== undefined) {
      bot.webhook.lastErrorDate = this.#world.now();
      bot.webhook.lastErrorMessage = error;
    }
    delivery.failures += 1;
    if (delivery.retryTimer === undefined) {
      const wait = Math.min(this.#timing.retryMaxMs, this.#timing.retryBaseMs * 2 ** (delivery.failures - 1));
      delivery.retryTimer = setTimeout(() => {
        delivery.retryTimer = undefined;
        this.kick(bot);
      }, wait);
      delivery.retryTimer.unref();
    }
  }
}
