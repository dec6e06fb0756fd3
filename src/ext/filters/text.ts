/**
 * Parametrised filters on a message's text, caption, entities, sender language and payment:
 * `Text`, `Caption`, `Command`, `Regex`, `CaptionRegex`, `Entity`, `CaptionEntity`, `Mention`,
 * `Language`, `SuccessfulPayment`, with their ready-made forms `TEXT`, `CAPTION`, `COMMAND` and
 * `SUCCESSFUL_PAYMENT`.
 */
import type { Message, MessageEntity, User } from '../../generated/types.js';
import { MessageFilter } from './base.js';
import type { FilterData, Has } from './types.js';

function listName(values: Iterable<unknown>): string {
  return `[${Array.from(values, (v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}]`;
}

/**
 * The strings a filter allows, or `undefined` for any. One string is that string, not a list of
 * its characters (`new Text('Start')` allows the text "Start").
 */
function stringSet(strings: string | Iterable<string> | undefined): ReadonlySet<string> | undefined {
  if (strings === undefined) return undefined;
  return new Set(typeof strings === 'string' ? [strings] : strings);
}

/**
 * Text messages; given strings, only messages whose whole text is one of them (e.g. the buttons
 * of a reply keyboard). Commands are text too: combine with `COMMAND.not()` to exclude them.
 *
 * @example new filters.Text(['Start', 'Settings'])
 */
export class Text extends MessageFilter<Has<'text'>> {
  /** The texts to allow, or `undefined` for any text. */
  readonly strings: ReadonlySet<string> | undefined;

  constructor(strings?: string | Iterable<string>) {
    const set = stringSet(strings);
    super({ name: set === undefined ? 'filters.TEXT' : `filters.Text(${listName(set)})` });
    this.strings = set;
  }

  filter(message: Message): boolean {
    const text = message.text;
    if (!text) return false;
    return this.strings === undefined || this.strings.has(text);
  }
}

/** Any text message (commands included). */
export const TEXT = new Text();

/**
 * Messages with a caption; given strings, only captions equal to one of them.
 *
 * @example new filters.Caption(['PTB rocks!'])
 */
export class Caption extends MessageFilter<Has<'caption'>> {
  /** The captions to allow, or `undefined` for any caption. */
  readonly strings: ReadonlySet<string> | undefined;

  constructor(strings?: string | Iterable<string>) {
    const set = stringSet(strings);
    super({ name: set === undefined ? 'filters.CAPTION' : `filters.Caption(${listName(set)})` });
    this.strings = set;
  }

  filter(message: Message): boolean {
    const caption = message.caption;
    if (!caption) return false;
    return this.strings === undefined || this.strings.has(caption);
  }
}

/** Any message with a caption. */
export const CAPTION = new Caption();

/**
 * Messages with a bot command: by default only those starting with one; `new Command(false)`
 * also passes commands anywhere in the text.
 */
export class Command extends MessageFilter<Has<'text' | 'entities'>> {
  /** Whether the command must open the message. */
  readonly onlyStart: boolean;

  constructor(onlyStart = true) {
    super({ name: onlyStart ? 'filters.COMMAND' : 'filters.Command(false)' });
    this.onlyStart = onlyStart;
  }

  filter(message: Message): boolean {
    const entities = message.entities;
    if (entities === undefined || entities.length === 0) return false;
    if (this.onlyStart) {
      const first = entities[0] as MessageEntity;
      return first.type === 'bot_command' && first.offset === 0;
    }
    return entities.some((e) => e.type === 'bot_command');
  }
}

/** Messages starting with a bot command. */
export const COMMAND = new Command();

/**
 * A pattern compiled once for repeated searching: a string becomes a RegExp; a global flag is
 * dropped so that searching keeps no state between messages (a sticky one is kept, anchored at
 * the start).
 */
export function compileSearchPattern(pattern: string | RegExp): RegExp {
  if (typeof pattern === 'string') return new RegExp(pattern);
  return pattern.global ? new RegExp(pattern.source, pattern.flags.replace('g', '')) : pattern;
}

/** Searches `text` anywhere (Python's `re.search`); `null` when absent or not found. */
export function searchPattern(pattern: RegExp, text: string | undefined): RegExpExecArray | null {
  if (!text) return null;
  if (pattern.sticky) pattern.lastIndex = 0;
  return pattern.exec(text);
}

/**
 * A data filter searching the message text with a regular expression; the match reaches
 * `context.matches` (with `.and()`/`.or()`, matches of several Regex filters are collected).
 *
 * @example new filters.Regex(/^order (\d+)$/i)
 */
export class Regex extends MessageFilter<Has<'text'>> {
  /** The compiled pattern. */
  readonly pattern: RegExp;

  constructor(pattern: string | RegExp) {
    const compiled = compileSearchPattern(pattern);
    super({ name: `filters.Regex(${compiled})`, dataFilter: true });
    this.pattern = compiled;
  }

  filter(message: Message): FilterData | false {
    const match = searchPattern(this.pattern, message.text);
    return match === null ? false : { matches: [match] };
  }
}

/** {@link Regex} on the caption of media messages instead of the text. */
export class CaptionRegex extends MessageFilter<Has<'caption'>> {
  /** The compiled pattern. */
  readonly pattern: RegExp;

  constructor(pattern: string | RegExp) {
    const compiled = compileSearchPattern(pattern);
    super({ name: `filters.CaptionRegex(${compiled})`, dataFilter: true });
    this.pattern = compiled;
  }

  filter(message: Message): FilterData | false {
    const match = searchPattern(this.pattern, message.caption);
    return match === null ? false : { matches: [match] };
  }
}

/**
 * Messages with an entity of the given type in their text.
 *
 * @example new filters.Entity('hashtag')
 */
export class Entity extends MessageFilter<Has<'text' | 'entities'>> {
  constructor(readonly entityType: string) {
    super({ name: `filters.Entity(${entityType})` });
  }

  filter(message: Message): boolean {
    return message.entities?.some((e) => e.type === this.entityType) ?? false;
  }
}

/** Messages with an entity of the given type in their caption. */
export class CaptionEntity extends MessageFilter<Has<'caption' | 'caption_entities'>> {
  constructor(readonly entityType: string) {
    super({ name: `filters.CaptionEntity(${entityType})` });
  }

  filter(message: Message): boolean {
    return message.caption_entities?.some((e) => e.type === this.entityType) ?? false;
  }
}

function stripAt(name: string): string {
  return name.replace(/^@+/, '');
}

/**
 * Messages mentioning one of the given users or chats: a user id (matched against text mentions),
 * a username (with or without `@`, matched against `@mentions`) or a User (either way).
 *
 * @example new filters.Mention(['@someone', 123456])
 */
export class Mention extends MessageFilter<Has<'text' | 'entities'>> {
  readonly #mentions: ReadonlySet<number | string | User>;

  constructor(mentions: number | string | User | Iterable<number | string | User>) {
    const list =
      typeof mentions === 'number' || typeof mentions === 'string' || !(Symbol.iterator in mentions)
        ? [mentions]
        : Array.from(mentions);
    super({ name: `filters.Mention(${listName(list)})` });
    this.#mentions = new Set(list.map((m) => (typeof m === 'string' ? stripAt(m) : m)));
  }

  filter(message: Message): boolean {
    const entities = message.entities;
    const text = message.text;
    if (entities === undefined || entities.length === 0 || text === undefined) return false;
    for (const entity of entities) {
      const user = entity.user;
      const named = entity.type === 'mention' || entity.type === 'text_mention';
      const shown = named ? stripAt(text.slice(entity.offset, entity.offset + entity.length)) : undefined;
      for (const wanted of this.#mentions) {
        if (typeof wanted === 'number') {
          if (user?.id === wanted) return true;
        } else if (typeof wanted === 'string') {
          if (shown === wanted) return true;
        } else if (
          user?.id === wanted.id ||
          (wanted.username !== undefined && (user?.username === wanted.username || shown === wanted.username))
        ) {
          return true;
        }
      }
    }
    return false;
  }
}

/**
 * Messages from users whose language code starts with one of the given codes (`'en'` passes
 * `'en-US'`). Telegram does not always send a language code.
 */
export class Language extends MessageFilter<{ readonly from: User & { readonly language_code: string } }> {
  /** The language code prefixes to allow. */
  readonly languages: readonly string[];

  constructor(languages: string | Iterable<string>) {
    const list = typeof languages === 'string' ? [languages] : Array.from(languages);
    super({ name: `filters.Language(${listName(list)})` });
    this.languages = list;
  }

  filter(message: Message): boolean {
    const code = message.from?.language_code;
    return !!code && this.languages.some((prefix) => code.startsWith(prefix));
  }
}

/**
 * Service messages about a successful payment; given invoice payloads, only payments for one of
 * them.
 */
export class SuccessfulPayment extends MessageFilter<Has<'successful_payment'>> {
  /** The payloads to allow, or `undefined` for any. */
  readonly invoicePayloads: ReadonlySet<string> | undefined;

  constructor(invoicePayloads?: string | Iterable<string>) {
    const set = stringSet(invoicePayloads);
    super({
      name: set === undefined ? 'filters.SUCCESSFUL_PAYMENT' : `filters.SuccessfulPayment(${listName(set)})`,
    });
    this.invoicePayloads = set;
  }

  filter(message: Message): boolean {
    const payment = message.successful_payment;
    if (payment === undefined) return false;
    return this.invoicePayloads === undefined || this.invoicePayloads.has(payment.invoice_payload);
  }
}

/** Any successful payment. */
export const SUCCESSFUL_PAYMENT = new SuccessfulPayment();
