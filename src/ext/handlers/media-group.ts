/**
 * Collects the messages of an album (one `media_group_id`, delivered as separate updates) and
 * calls back once with all of them.
 */
import { type Message, Update } from '../../generated/types.js';
import type { Application } from '../application.js';
import type { AnyContext, CallbackContext } from '../context.js';
import { BaseHandler, type HandlerCallback, type HandlerOptions } from './base.js';

/** What a {@link MediaGroupHandler} callback receives. */
export interface MediaGroup {
  readonly mediaGroupId: string;
  /** The album's messages, ordered by message id. */
  readonly messages: readonly Message[];
  /** The updates that carried them, in arrival order. */
  readonly updates: readonly Update[];
}

/** Options of {@link MediaGroupHandler}. */
export interface MediaGroupHandlerOptions extends HandlerOptions {
  /** Seconds to wait after the latest message of an album before calling back; default 0.5. */
  readonly wait?: number | undefined;
  /** Only albums whose (first) update passes this test. */
  readonly filter?: ((update: Update) => boolean) | undefined;
}

interface PendingGroup<C> {
  readonly mediaGroupId: string;
  readonly updates: Update[];
  readonly context: C;
  timer: NodeJS.Timeout | undefined;
}

function albumMessage(update: Update): Message | undefined {
  return update.message ?? update.channel_post ?? update.business_message ?? update.guest_message;
}

function byMessageId(a: Message, b: Message): number {
  return a.message_id - b.message_id;
}

/**
 * Handles new messages that belong to an album: the updates of one album are collected until
 * none arrived for `wait` seconds, then the callback runs once (as a task the application
 * tracks, so `stop()` waits for it) with every message. The context is the first update's.
 *
 * @example
 * ```ts
 * app.addHandler(new MediaGroupHandler(async (album, context) => {
 *   await context.bot.sendMessage(album.messages[0]!.chat.id, `Got ${album.messages.length} items`);
 * }, { wait: 1 }));
 * ```
 */
export class MediaGroupHandler<C extends AnyContext = CallbackContext, R = unknown> extends BaseHandler<
  MediaGroup,
  C,
  R,
  string
> {
  readonly wait: number;
  readonly #filter: ((update: Update) => boolean) | undefined;
  readonly #pending = new Map<string, PendingGroup<C>>();

  constructor(callback: HandlerCallback<MediaGroup, C, R>, options: MediaGroupHandlerOptions = {}) {
    super(callback, options);
    this.wait = options.wait ?? 0.5;
    if (!(this.wait >= 0)) throw new RangeError('MediaGroupHandler: wait must be a number of seconds >= 0');
    this.#filter = options.filter;
  }

  /** Albums being collected. */
  get pendingGroups(): number {
    return this.#pending.size;
  }

  checkUpdate(update: unknown): string | false {
    if (!(update instanceof Update)) return false;
    const message = albumMessage(update);
    const id = message?.media_group_id;
    if (message === undefined || id === undefined) return false;
    const key = `${message.chat.id}:${id}`;
    if (this.#filter !== undefined && !this.#pending.has(key) && !this.#filter(update)) return false;
    return key;
  }

  /** Adds the update to its album; the first one of an album schedules the callback. */
  override async handleUpdate(
    update: MediaGroup | Update,
    application: Application<C>,
    key: string,
    context: C,
  ): Promise<R> {
    const existing = this.#pending.get(key);
    if (existing !== undefined) {
      existing.updates.push(update as Update);
      existing.timer?.refresh();
      return undefined as R;
    }
    const first = update as Update;
    const group: PendingGroup<C> = {
      mediaGroupId: albumMessage(first)?.media_group_id ?? '',
      updates: [first],
      context,
      timer: undefined,
    };
    this.#pending.set(key, group);
    const done = new Promise<R>((resolve, reject) => {
      group.timer = setTimeout(() => {
        this.#pending.delete(key);
        const messages = group.updates.map((u) => albumMessage(u) as Message).sort(byMessageId);
        const album: MediaGroup = { mediaGroupId: group.mediaGroupId, messages, updates: group.updates };
        Promise.resolve()
          .then(() => this.callback(album, group.context))
          .then(resolve, reject);
      }, this.wait * 1000);
    });
    void application.createTask(done, { update: first });
    return undefined as R;
  }
}
