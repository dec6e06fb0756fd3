/**
 * The shape of a message entity that the entity functions read. The library's `MessageEntity`
 * class fits it, and so does a plain object literal such as `{ type: 'bold', offset: 0, length: 4 }`.
 * Offsets and lengths count UTF-16 code units, as Telegram counts them.
 */
export interface EntityLike {
  /** The entity type: `bold`, `text_link`, `custom_emoji`, ... */
  readonly type: string;
  /** Start of the entity in UTF-16 code units. */
  readonly offset: number;
  /** Length of the entity in UTF-16 code units. */
  readonly length: number;
  /** Target of a `text_link`. */
  readonly url?: string;
  /** The user a `text_mention` points to. */
  readonly user?: { readonly id: number };
  /** Programming language of a `pre` block. */
  readonly language?: string;
  /** Sticker identifier of a `custom_emoji`. */
  readonly custom_emoji_id?: string;
  /** Moment of a `date_time` entity: Unix seconds or a `Date`. */
  readonly unix_time?: number | Date;
  /** Display format of a `date_time` entity. */
  readonly date_time_format?: string;
}

type DataKeys<T> = {
  [K in keyof T]-?: K extends 'apiKwargs' ? never : T[K] extends (...args: never[]) => unknown ? never : K;
}[keyof T];

/**
 * A plain copy of an entity of type `T`: its data fields without methods, as the entity utilities
 * return it. A copy of a library `MessageEntity` can be passed wherever the Bot API takes entities.
 */
export type EntityCopy<T extends EntityLike> = Pick<T, DataKeys<T>>;
