/**
 * Filters on dice, documents and stickers: `Dice` (by value and emoji), the `Document` group
 * (category, file extension, MIME type) and the `Sticker` group.
 */
import type {
  Message,
  Dice as TgDice,
  Document as TgDocument,
  File as TgFile,
  Sticker as TgSticker,
} from '../../generated/types.js';
import { MessageFilter } from './base.js';
import { FieldFilter } from './content.js';
import type { Has } from './types.js';

/** The emoji of each kind of animated dice. */
export const DiceEmoji = Object.freeze({
  DICE: '🎲',
  DARTS: '🎯',
  BASKETBALL: '🏀',
  FOOTBALL: '⚽',
  SLOT_MACHINE: '🎰',
  BOWLING: '🎳',
} as const);

/** A message with a dice of emoji `E`. */
export type WithDice<E extends string = string> = { readonly dice: TgDice & { readonly emoji: E } };

/** Dice messages, optionally only with the given values and emoji (see {@link Dice}). */
export class DiceFilter<E extends string = string> extends MessageFilter<WithDice<E>> {
  /** The values to allow, or `undefined` for any. */
  readonly values: ReadonlySet<number> | undefined;
  /** The emoji to allow, or `undefined` for any. */
  readonly emoji: E | undefined;

  constructor(name: string, values: number | Iterable<number> | undefined, emoji: E | undefined) {
    const list =
      values === undefined ? undefined : typeof values === 'number' ? [values] : Array.from(values);
    super({ name: list === undefined ? name : `${name}([${list.join(', ')}])` });
    this.values = list === undefined ? undefined : new Set(list);
    this.emoji = emoji;
  }

  filter(message: Message): boolean {
    const dice = message.dice;
    if (dice === undefined) return false;
    if (this.emoji !== undefined && dice.emoji !== this.emoji) return false;
    return this.values === undefined || this.values.size === 0 || this.values.has(dice.value);
  }
}

/** 🎲 dice showing one of the given values (`new filters.Dice.Dice(values)`). */
export class ClassicDice extends DiceFilter<'🎲'> {
  constructor(values: number | Iterable<number>) {
    super('filters.Dice.Dice', values, DiceEmoji.DICE);
  }
}

/** 🎯 dice showing one of the given values (`new filters.Dice.Darts(values)`). */
export class DartsDice extends DiceFilter<'🎯'> {
  constructor(values: number | Iterable<number>) {
    super('filters.Dice.Darts', values, DiceEmoji.DARTS);
  }
}

/** 🏀 dice showing one of the given values (`new filters.Dice.Basketball(values)`). */
export class BasketballDice extends DiceFilter<'🏀'> {
  constructor(values: number | Iterable<number>) {
    super('filters.Dice.Basketball', values, DiceEmoji.BASKETBALL);
  }
}

/** ⚽ dice showing one of the given values (`new filters.Dice.Football(values)`). */
export class FootballDice extends DiceFilter<'⚽'> {
  constructor(values: number | Iterable<number>) {
    super('filters.Dice.Football', values, DiceEmoji.FOOTBALL);
  }
}

/** 🎰 dice showing one of the given values (`new filters.Dice.SlotMachine(values)`). */
export class SlotMachineDice extends DiceFilter<'🎰'> {
  constructor(values: number | Iterable<number>) {
    super('filters.Dice.SlotMachine', values, DiceEmoji.SLOT_MACHINE);
  }
}

/** 🎳 dice showing one of the given values (`new filters.Dice.Bowling(values)`). */
export class BowlingDice extends DiceFilter<'🎳'> {
  constructor(values: number | Iterable<number>) {
    super('filters.Dice.Bowling', values, DiceEmoji.BOWLING);
  }
}

/**
 * Dice messages; given values, only dice showing one of them (any emoji). `Dice.ALL` passes any
 * dice, `Dice.DARTS` any 🎯, `new Dice.Darts([5, 6])` a 🎯 showing 5 or 6; likewise for
 * `DICE`/`Dice`, `BASKETBALL`/`Basketball`, `FOOTBALL`/`Football`, `SLOT_MACHINE`/`SlotMachine`
 * and `BOWLING`/`Bowling`. Dice messages have no text: combine with `TEXT` via `.or()`.
 *
 * @example new filters.Dice([3, 4])
 */
export class Dice extends DiceFilter {
  /** Any dice. */
  static readonly ALL = new DiceFilter('filters.Dice.ALL', undefined, undefined);
  /** 🎲 dice with any value. */
  static readonly DICE = new DiceFilter('filters.Dice.DICE', undefined, DiceEmoji.DICE);
  /** 🎯 darts with any value. */
  static readonly DARTS = new DiceFilter('filters.Dice.DARTS', undefined, DiceEmoji.DARTS);
  /** 🏀 basketball with any value. */
  static readonly BASKETBALL = new DiceFilter('filters.Dice.BASKETBALL', undefined, DiceEmoji.BASKETBALL);
  /** ⚽ football with any value. */
  static readonly FOOTBALL = new DiceFilter('filters.Dice.FOOTBALL', undefined, DiceEmoji.FOOTBALL);
  /** 🎰 slot machine with any value. */
  static readonly SLOT_MACHINE = new DiceFilter(
    'filters.Dice.SLOT_MACHINE',
    undefined,
    DiceEmoji.SLOT_MACHINE,
  );
  /** 🎳 bowling with any value. */
  static readonly BOWLING = new DiceFilter('filters.Dice.BOWLING', undefined, DiceEmoji.BOWLING);
  /** 🎲 dice showing one of the given values. */
  static readonly Dice = ClassicDice;
  /** 🎯 darts showing one of the given values. */
  static readonly Darts = DartsDice;
  /** 🏀 basketball showing one of the given values. */
  static readonly Basketball = BasketballDice;
  /** ⚽ football showing one of the given values. */
  static readonly Football = FootballDice;
  /** 🎰 slot machine showing one of the given values. */
  static readonly SlotMachine = SlotMachineDice;
  /** 🎳 bowling showing one of the given values. */
  static readonly Bowling = BowlingDice;

  constructor(values?: number | Iterable<number>) {
    super('filters.Dice', values, undefined);
  }
}

/** A message with a document whose `mime_type` is known. */
export type WithMimeType = { readonly document: TgDocument & { readonly mime_type: string } };

/**
 * Documents whose MIME type starts with a category, e.g. `'audio/'`. The MIME type is what the
 * sender's client claims, not a check of the content.
 */
export class DocumentCategory extends MessageFilter<WithMimeType> {
  constructor(readonly category: string) {
    super({ name: `filters.Document.Category('${category}')` });
  }

  filter(message: Message): boolean {
    const mime = message.document?.mime_type;
    return !!mime && mime.startsWith(this.category);
  }
}

/**
 * Documents by file name extension, given without the leading dot (`'jpg'` passes `photo.JPG`
 * unless `caseSensitive`); `null` passes file names without any dot.
 */
export class DocumentFileExtension extends MessageFilter<{
  readonly document: TgDocument & { readonly file_name: string };
}> {
  /** The suffix looked for (`.jpg`), or `null` for names without a dot. */
  readonly suffix: string | null;
  readonly caseSensitive: boolean;

  constructor(extension: string | null, caseSensitive = false) {
    const suffix =
      extension === null ? null : caseSensitive ? `.${extension}` : `.${extension}`.toLowerCase();
    super({
      name:
        extension === null
          ? 'filters.Document.FileExtension(null)'
          : caseSensitive
            ? `filters.Document.FileExtension('${extension}', caseSensitive)`
            : `filters.Document.FileExtension('${extension.toLowerCase()}')`,
    });
    this.suffix = suffix;
    this.caseSensitive = caseSensitive;
  }

  filter(message: Message): boolean {
    const fileName = message.document?.file_name;
    if (fileName === undefined) return false;
    if (this.suffix === null) return !fileName.includes('.');
    return (this.caseSensitive ? fileName : fileName.toLowerCase()).endsWith(this.suffix);
  }
}

/** Documents with exactly the given MIME type (as claimed by the sender). */
export class DocumentMimeType extends MessageFilter<WithMimeType> {
  constructor(readonly mimeType: string) {
    super({ name: `filters.Document.MimeType('${mimeType}')` });
  }

  filter(message: Message): boolean {
    return message.document?.mime_type === this.mimeType;
  }
}

/**
 * Filters on documents (a group, not a filter itself): `Document.ALL`, categories
 * (`APPLICATION`, `AUDIO`, `IMAGE`, `VIDEO`, `TEXT`, or `new Document.Category(prefix)`), file
 * extensions (`new Document.FileExtension('pdf')`) and MIME types (`PDF`, `ZIP`, ... or
 * `new Document.MimeType(type)`).
 */
export const Document = Object.freeze({
  /** Messages with any document. */
  ALL: new FieldFilter<Has<'document'>>('filters.Document.ALL', (m) => m.document),
  Category: DocumentCategory,
  FileExtension: DocumentFileExtension,
  MimeType: DocumentMimeType,
  APPLICATION: new DocumentCategory('application/'),
  AUDIO: new DocumentCategory('audio/'),
  IMAGE: new DocumentCategory('image/'),
  VIDEO: new DocumentCategory('video/'),
  TEXT: new DocumentCategory('text/'),
  APK: new DocumentMimeType('application/vnd.android.package-archive'),
  DOC: new DocumentMimeType('application/msword'),
  DOCX: new DocumentMimeType('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  EXE: new DocumentMimeType('application/octet-stream'),
  MP4: new DocumentMimeType('video/mp4'),
  GIF: new DocumentMimeType('image/gif'),
  JPG: new DocumentMimeType('image/jpeg'),
  MP3: new DocumentMimeType('audio/mpeg'),
  PDF: new DocumentMimeType('application/pdf'),
  PY: new DocumentMimeType('text/x-python'),
  SVG: new DocumentMimeType('image/svg+xml'),
  TXT: new DocumentMimeType('text/plain'),
  TARGZ: new DocumentMimeType('application/x-compressed-tar'),
  WAV: new DocumentMimeType('audio/x-wav'),
  XML: new DocumentMimeType('text/xml'),
  ZIP: new DocumentMimeType('application/zip'),
});

/** A message with a sticker that also satisfies `S`. */
export type WithSticker<S extends object = object> = { readonly sticker: TgSticker & S };

/** Filters on stickers (a group, not a filter itself). */
export const Sticker = Object.freeze({
  /** Messages with any sticker. */
  ALL: new FieldFilter<WithSticker>('filters.Sticker.ALL', (m) => m.sticker),
  /** Animated (.tgs) stickers. */
  ANIMATED: new FieldFilter<WithSticker<{ readonly is_animated: true }>>(
    'filters.Sticker.ANIMATED',
    (m) => m.sticker?.is_animated,
  ),
  /** Static stickers: neither animated nor video. */
  STATIC: new FieldFilter<WithSticker<{ readonly is_animated: false; readonly is_video: false }>>(
    'filters.Sticker.STATIC',
    (m) => m.sticker !== undefined && !m.sticker.is_animated && !m.sticker.is_video,
  ),
  /** Video (.webm) stickers. */
  VIDEO: new FieldFilter<WithSticker<{ readonly is_video: true }>>(
    'filters.Sticker.VIDEO',
    (m) => m.sticker?.is_video,
  ),
  /** Premium stickers (with a premium animation). */
  PREMIUM: new FieldFilter<WithSticker<{ readonly premium_animation: TgFile }>>(
    'filters.Sticker.PREMIUM',
    (m) => m.sticker?.premium_animation,
  ),
});
