/**
 * Collects the messages of an album (one `media_group_id`, delivered as separate updates) and
 * calls back once with all of them.
 */
import { type Message, Update } from '../../generated/types.js';
import type { Application } from '../application.js';
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { FilteredUpdate, Has } from '../filters/types.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';

/**
 * An update carrying one message of an album (a new message, channel post, business or guest
 * message with a `media_group_id`): what MediaGroupHandler takes and collects.
 *
 * @example
 * ```ts
 * const firstOfAlbum = (update: MediaGroupUpdate) => update.effectiveMessage.media_group_id;
 * ```
 */
export type MediaGroupUpdate = FilteredUpdate<Has<'media_group_id'>>;

/** What a {@link MediaGroupHandler} callback receives. */
export interface MediaGroup {
  readonly mediaGroupId: string;
  /** The album's messages, ordered by message id. */
  readonly messages: readonly Message[];
  /** The updates that carried them, in arrival order. */
  readonly updates: readonly MediaGroupUpdate[];
}

/**
 * The context a MediaGroupHandler callback sees: the first update's, `chatData` present.
 *
 * @example
 * ```ts
 * async function onAlbum(album: MediaGroup, context: MediaGroupContext): Promise<void> {
 *   context.chatData.albums = ((context.chatData.albums as number | undefined) ?? 0) + 1;
 * }
 * ```
 */
export type MediaGroupContext<C extends AnyContext = CallbackContext> = UpdateContext<MediaGroupUpdate, C>;

/** Options of {@link MediaGroupHandler}. */
export interface MediaGroupHandlerOptions extends HandlerOptions {
  /** Seconds to wait after the latest message of an album before calling back; default 0.5. */
  readonly wait?: number | undefined;
  /** Only albums whose (first) update passes this test. */
  readonly filter?: ((update: MediaGroupUpdate) => boolean) | undefined;
}

interface PendingGroup<C> {
  readonly mediaGroupId: string;
  readonly updates: MediaGroupUpdate[];
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
 * Unlike other handlers, the callback receives the album rather than an update, and handling an
 * update resolves at once to `undefined` (the callback runs later, and what it returns goes
 * nowhere), so the handler has no result type parameter.
 *
 * @example
 * ```ts
 * app.addHandler(new MediaGroupHandler(async (album, context) => {
 *   await context.bot.sendMessage(album.messages[0]!.chat.id, `Got ${album.messages.length} items`);
 * }, { wait: 1 }));
 * ```
 */
export class MediaGroupHandler<C extends AnyContext = CallbackContext> extends BaseHandler<
  MediaGroupUpdate,
  C,
  unknown,
  string,
  MediaGroupContext<C>,
  MediaGroup
> {
  readonly wait: number;
  readonly #filter: ((update: MediaGroupUpdate) => boolean) | undefined;
  readonly #pending = new Map<string, PendingGroup<C>>();

  constructor(
    callback: CallbackOf<MediaGroup, MediaGroupContext<C>, unknown>,
    options: MediaGroupHandlerOptions = {},
  ) {
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
    if (this.#filter !== undefined && !this.#pending.has(key) && !this.#filter(update as MediaGroupUpdate)) {
      return false;
    }
    return key;
  }

  /** Adds the update to its album; the first one of an album schedules the callback. */
  override async handleUpdate(
    update: MediaGroupUpdate,
    application: Application<C>,
    key: string,
    context: C,
  ): Promise<undefined> {
    const existing = this.#pending.get(key);
    if (existing !== undefined) {
      existing.updates.push(update);
      existing.timer?.refresh();
      return undefined;
    }
    const first = update;
    const group: PendingGroup<C> = {
      mediaGroupId: albumMessage(first)?.media_group_id ?? '',
      updates: [first],
      context,
      timer: undefined,
    };
    this.#pending.set(key, group);
    const done = new Promise<unknown>((resolve, reject) => {
      group.timer = setTimeout(() => {
        this.#pending.delete(key);
        const messages = group.updates.map((u) => albumMessage(u) as Message).sort(byMessageId);
        const album: MediaGroup = { mediaGroupId: group.mediaGroupId, messages, updates: group.updates };
        Promise.resolve()
          // The context becomes the callback's: it carries the first update's chat.
          .then(() => this.callback(album, group.context as MediaGroupContext<C>))
          .then(resolve, reject);
      }, this.wait * 1000);
    });
    void application.createTask(done, { update: first });
    return undefined;
  }
}
