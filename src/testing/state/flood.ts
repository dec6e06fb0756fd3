/**
 * Telegram's sending limits as the emulator models them: a paced allowance per private chat, a
 * one-minute window per group, supergroup or channel, and a one-second window per bot overall.
 */

/** Limits for the methods that create messages; a field left out keeps Telegram's value. */
export interface FloodLimits {
  /** Messages per second a bot may keep sending to one private chat (Telegram: 1). */
  readonly privatePerSecond?: number | undefined;
  /** Messages a private chat accepts at once before that pace applies (3: Telegram tolerates short bursts). */
  readonly privateBurst?: number | undefined;
  /** Messages per minute a bot may send to one group, supergroup or channel (Telegram: 20). */
  readonly groupPerMinute?: number | undefined;
  /** Messages per second a bot may send in all its chats together (Telegram: 30). */
  readonly globalPerSecond?: number | undefined;
}

/** Limits with every field set. */
export interface ResolvedFloodLimits {
  readonly privatePerSecond: number;
  readonly privateBurst: number;
  readonly groupPerMinute: number;
  readonly globalPerSecond: number;
}

/** Telegram's documented limits, with the emulator's burst allowance for private chats. */
export const TELEGRAM_FLOOD_LIMITS: ResolvedFloodLimits = {
  privatePerSecond: 1,
  privateBurst: 3,
  groupPerMinute: 20,
  globalPerSecond: 30,
};

/** The overall pace of calls with `allow_paid_broadcast` (a paid lift of the per-bot limit). */
const PAID_BROADCAST_PER_SECOND = 1000;

/**
 * Fills in Telegram's value for every field left out; throws a description of the first field
 * that is not a positive number (the burst must be at least 1).
 */
export function resolveFloodLimits(limits: FloodLimits): ResolvedFloodLimits {
  const out: { -readonly [K in keyof ResolvedFloodLimits]: number } = { ...TELEGRAM_FLOOD_LIMITS };
  for (const key of Object.keys(out) as (keyof ResolvedFloodLimits)[]) {
    const value = limits[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0 || (key === 'privateBurst' && value < 1)) {
      throw new RangeError(`${key} must be a positive number`);
    }
    out[key] = value;
  }
  return out;
}

/** The limits an option asks for: `true` Telegram's, an object Telegram's with changes, `false` none. */
export function floodLimitsFor(option: boolean | FloodLimits | undefined): ResolvedFloodLimits | undefined {
  if (option === undefined || option === false) return undefined;
  return resolveFloodLimits(option === true ? {} : option);
}

/** What one counted call asks for. */
export interface FloodRequest {
  readonly botId: number;
  /** The chat's key in the world, or undefined when the call names no chat the bot can reach. */
  readonly chatKey: string | undefined;
  readonly chatType: 'private' | 'group' | undefined;
  /** How many messages the call creates (an album or a batch of copies counts each). */
  readonly messages: number;
  readonly paidBroadcast: boolean;
}

/** Counts in a sliding window: (time, how many) pairs younger than the window. */
class SlidingWindow {
  readonly #entries: { at: number; count: number }[] = [];
  readonly #spanMs: number;

  constructor(spanMs: number) {
    this.#spanMs = spanMs;
  }

  /** Milliseconds until the window has room for one more, 0 when it has now. */
  waitMs(limit: number, now: number): number {
    while (this.#entries.length > 0 && (this.#entries[0]?.at ?? 0) <= now - this.#spanMs)
      this.#entries.shift();
    let used = 0;
    for (const entry of this.#entries) used += entry.count;
    for (const entry of this.#entries) {
      if (used < limit) break;
      used -= entry.count;
      if (used < limit) return entry.at + this.#spanMs - now;
    }
    return 0;
  }

  record(count: number, now: number): void {
    this.#entries.push({ at: now, count });
  }
}

/**
 * A steady pace with a burst allowance (the generic cell rate algorithm): each message pushes a
 * theoretical arrival time one interval further; a call is refused while that time runs more than
 * `burst - 1` intervals ahead of now.
 */
class Pace {
  #theoretical = 0;

  waitMs(perSecond: number, burst: number, now: number): number {
    const interval = 1000 / perSecond;
    const ahead = Math.max(this.#theoretical, now) - now;
    return Math.max(0, ahead - (burst - 1) * interval);
  }

  record(perSecond: number, count: number, now: number): void {
    this.#theoretical = Math.max(this.#theoretical, now) + (count * 1000) / perSecond;
  }
}

/** The flood counters of one world, per bot and per chat; off until limits are set. */
export class FloodMeter {
  #limits: ResolvedFloodLimits | undefined;
  readonly #bots = new Map<number, SlidingWindow>();
  readonly #chats = new Map<string, Pace | SlidingWindow>();

  /** The limits in force, or undefined when the emulator does not limit sending. */
  get limits(): ResolvedFloodLimits | undefined {
    return this.#limits;
  }

  /** Sets the limits (undefined: none) and forgets what was counted so far. */
  setLimits(limits: ResolvedFloodLimits | undefined): void {
    this.#limits = limits;
    this.#bots.clear();
    this.#chats.clear();
  }

  /**
   * Admits a call and counts its messages, or returns the seconds to wait (rounded up, at least 1)
   * without counting anything. A call is admitted while there is room for one more message; a
   * call creating several uses room for each, which may delay the calls after it.
   */
  admit(request: FloodRequest, now: number): number | undefined {
    const limits = this.#limits;
    if (limits === undefined) return undefined;
    const overall = this.#bots.get(request.botId) ?? new SlidingWindow(1000);
    this.#bots.set(request.botId, overall);
    const perSecond = request.paidBroadcast ? PAID_BROADCAST_PER_SECOND : limits.globalPerSecond;
    let wait = overall.waitMs(perSecond, now);
    const chat = this.#chatCounter(request);
    if (chat instanceof Pace)
      wait = Math.max(wait, chat.waitMs(limits.privatePerSecond, limits.privateBurst, now));
    else if (chat !== undefined) wait = Math.max(wait, chat.waitMs(limits.groupPerMinute, now));
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    overall.record(request.messages, now);
    if (chat instanceof Pace) chat.record(limits.privatePerSecond, request.messages, now);
    else chat?.record(request.messages, now);
    return undefined;
  }

  #chatCounter(request: FloodRequest): Pace | SlidingWindow | undefined {
    if (request.chatKey === undefined || request.chatType === undefined) return undefined;
    const key = `${request.botId}|${request.chatKey}`;
    let counter = this.#chats.get(key);
    if (counter === undefined) {
      counter = request.chatType === 'private' ? new Pace() : new SlidingWindow(60_000);
      this.#chats.set(key, counter);
    }
    return counter;
  }
}
