/**
 * `parse_mode: MarkdownV2` as Telegram's server reads it: nestable entities, mandatory escaping of
 * markup characters, `>` block quotations and the `||`-terminated expandable ones.
 */
import {
  byteOffset,
  codeAt,
  type FormattedText,
  isSpaceCode,
  type MessageEntityJSON,
  parseFailure,
  sortEntities,
} from './common.js';
import { checkedLink, customEmojiIdFromLink, dateTimeFromLink, mentionedUserId } from './links.js';

type Kind =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'spoiler'
  | 'text_link'
  | 'custom_emoji'
  | 'code'
  | 'pre'
  | 'blockquote';

/** An entity whose start marker was read and whose end is still ahead. */
interface OpenEntity {
  kind: Kind;
  /** Language of a `pre` block, '' when none. */
  language: string;
  /** UTF-16 offset in the output where the content starts. */
  offset: number;
  /** Index in the input of the first character of the start marker. */
  start: number;
}

/** Entity names as Telegram words them in "Can't find end of ... entity". */
function kindName(entity: OpenEntity): string {
  switch (entity.kind) {
    case 'bold':
      return 'Bold';
    case 'italic':
      return 'Italic';
    case 'underline':
      return 'Underline';
    case 'strikethrough':
      return 'Strikethrough';
    case 'spoiler':
      return 'Spoiler';
    case 'text_link':
      return 'TextUrl';
    case 'custom_emoji':
      return 'CustomEmoji';
    case 'code':
      return 'Code';
    case 'pre':
      return entity.language === '' ? 'Pre' : 'PreCode';
    case 'blockquote':
      return 'BlockQuote';
  }
}

const RESERVED = '_*[]()~`>#+-=|{}.!\n';

/** Whether the code unit after a `\` makes an escape: any character with code 1 to 126. */
function escapable(code: number): boolean {
  return code > 0 && code <= 126;
}

/** Parser state over one input; `parse()` runs it once. */
class MarkdownV2Parser {
  #output = '';
  readonly #entities: MessageEntityJSON[] = [];
  readonly #open: OpenEntity[] = [];
  #haveBlockquote = false;
  #canStartBlockquote = true;
  #i = 0;
  readonly #input: string;

  constructor(input: string) {
    this.#input = input;
  }

  #fail(reason: string): never {
    return parseFailure(reason);
  }

  #unclosed(entity: OpenEntity): never {
    return this.#fail(
      `Can't find end of ${kindName(entity)} entity at byte offset ${byteOffset(this.#input, entity.start)}`,
    );
  }

  #reserved(ch: string): never {
    return this.#fail(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);
  }

  #next(distance = 1): string {
    return this.#input.charAt(this.#i + distance);
  }

  parse(): FormattedText {
    const input = this.#input;
    for (this.#i = 0; this.#i < input.length; this.#i++) {
      const ch = input.charAt(this.#i);
      if (ch === '\\' && escapable(codeAt(input, this.#i + 1))) {
        this.#i++;
        const escaped = input.charAt(this.#i);
        this.#output += escaped;
        if (escaped !== '\r') this.#canStartBlockquote = escaped === '\n';
        continue;
      }
      const top = this.#open.at(-1);
      const reserved = top !== undefined && (top.kind === 'code' || top.kind === 'pre') ? '`' : RESERVED;
      if (!reserved.includes(ch)) {
        this.#output += ch;
        if (ch !== '\r') this.#canStartBlockquote = false;
        continue;
      }
      if (top !== undefined && this.#endsEntity(ch, top)) this.#closeEntity(ch, top);
      else this.#startEntity(ch);
    }
    this.#finish();
    return { text: this.#output, entities: sortEntities(this.#entities) };
  }

  /** Whether the reserved character `ch` at the current position ends the innermost entity. */
  #endsEntity(ch: string, top: OpenEntity): boolean {
    if (this.#haveBlockquote && ch === '\n' && this.#next() !== '>') return true;
    switch (top.kind) {
      case 'bold':
        return ch === '*';
      case 'italic':
        return ch === '_' && this.#next() !== '_';
      case 'underline':
        return ch === '_' && this.#next() === '_';
      case 'strikethrough':
        return ch === '~';
      case 'spoiler':
        return ch === '|' && this.#next() === '|';
      case 'code':
        return ch === '`';
      case 'pre':
        return ch === '`' && this.#next() === '`' && this.#next(2) === '`';
      case 'text_link':
      case 'custom_emoji':
        return ch === ']';
      case 'blockquote':
        return false;
    }
  }

  /** Reads a start marker (or a line break / quote continuation) at the current position. */
  #startEntity(ch: string): void {
    const start = this.#i;
    let kind: Kind;
    let language = '';
    switch (ch) {
      case '_':
        if (this.#next() === '_') {
          this.#i++;
          kind = 'underline';
        } else {
          kind = 'italic';
        }
        break;
      case '*':
        kind = 'bold';
        break;
      case '~':
        kind = 'strikethrough';
        break;
      case '|':
        if (this.#next() !== '|') this.#reserved(ch);
        this.#i++;
        kind = 'spoiler';
        break;
      case '[':
        kind = 'text_link';
        break;
      case '!':
        if (this.#next() !== '[') this.#reserved(ch);
        this.#i++;
        kind = 'custom_emoji';
        break;
      case '`':
        if (this.#next() === '`' && this.#next(2) === '`') {
          kind = 'pre';
          language = this.#readPreHeader();
        } else {
          kind = 'code';
        }
        break;
      case '\n':
        this.#output += '\n';
        this.#canStartBlockquote = true;
        return;
      case '>':
        if (!this.#canStartBlockquote) this.#reserved(ch);
        if (this.#haveBlockquote) return;
        this.#haveBlockquote = true;
        kind = 'blockquote';
        break;
      default:
        this.#reserved(ch);
    }
    this.#open.push({ kind, language, offset: this.#output.length, start });
  }

  /**
   * Skips the opening ```` ``` ````, an optional language up to the first whitespace and one line
   * break; leaves the position on the last skipped character. Returns the language ('' if none).
   */
  #readPreHeader(): string {
    const input = this.#input;
    let i = this.#i + 3;
    let language = '';
    let languageEnd = i;
    while (!isSpaceCode(codeAt(input, languageEnd)) && codeAt(input, languageEnd) !== 0x60) languageEnd++;
    if (languageEnd !== i && languageEnd < input.length && codeAt(input, languageEnd) !== 0x60) {
      language = input.slice(i, languageEnd);
      i = languageEnd;
    }
    const first = codeAt(input, i);
    if (first === 0x0a || first === 0x0d) {
      const second = codeAt(input, i + 1);
      i += (second === 0x0a || second === 0x0d) && second !== first ? 2 : 1;
    }
    this.#i = i - 1;
    return language;
  }

  /** Reads the `(...)` part after `]`, honouring escapes; the position ends on the `)`. */
  #readUrl(): string {
    const input = this.#input;
    this.#i += 2;
    const begin = this.#i;
    let url = '';
    while (this.#i < input.length && input.charAt(this.#i) !== ')') {
      if (input.charAt(this.#i) === '\\' && escapable(codeAt(input, this.#i + 1))) {
        url += input.charAt(this.#i + 1);
        this.#i += 2;
        continue;
      }
      url += input.charAt(this.#i);
      this.#i++;
    }
    if (input.charAt(this.#i) !== ')') {
      this.#fail(`Can't find end of a URL at byte offset ${byteOffset(input, begin)}`);
    }
    return url;
  }

  /** Closes the innermost entity on its end marker (or the line break ending a quotation). */
  #closeEntity(ch: string, entity: OpenEntity): void {
    let closing = entity;
    let kind: Kind | 'expandable_blockquote' = entity.kind;
    if (ch === '\n' && kind !== 'blockquote') {
      const prev = this.#output.at(-1);
      const spoilerEndsLine =
        kind === 'spoiler' &&
        (entity.start === this.#i - 2 || (entity.start === this.#i - 3 && prev === '\r'));
      if (!spoilerEndsLine) this.#unclosed(entity);
      this.#open.pop();
      const quote = this.#open.at(-1);
      if (quote === undefined || quote.kind !== 'blockquote') this.#unclosed(quote ?? entity);
      closing = quote;
      kind = 'expandable_blockquote';
    }
    let skip = this.#output.length === closing.offset;
    const made: Omit<MessageEntityJSON, 'offset' | 'length'> = { type: kind };
    switch (kind) {
      case 'underline':
      case 'spoiler':
        this.#i++;
        break;
      case 'pre':
        this.#i += 2;
        if (closing.language !== '') made.language = closing.language;
        break;
      case 'text_link': {
        const url = this.#next() === '(' ? this.#readUrl() : this.#output.slice(closing.offset);
        const userId = mentionedUserId(url);
        if (userId !== undefined) {
          made.type = 'text_mention';
          made.user = { id: userId };
        } else {
          const checked = checkedLink(url);
          if (checked === undefined) skip = true;
          else made.url = checked;
        }
        break;
      }
      case 'custom_emoji': {
        if (this.#next() !== '(') this.#fail('The entity must contain a tg://emoji or tg://time URL');
        const url = this.#readUrl();
        const emoji = customEmojiIdFromLink(url);
        if ('id' in emoji) {
          made.custom_emoji_id = emoji.id;
          break;
        }
        const time = dateTimeFromLink(url);
        if ('error' in time) this.#fail('Invalid tg://emoji or tg://time URL specified');
        made.type = 'date_time';
        made.unix_time = time.unixTime;
        made.date_time_format = time.format;
        break;
      }
      case 'blockquote':
      case 'expandable_blockquote':
        this.#haveBlockquote = false;
        this.#output += '\n';
        this.#canStartBlockquote = true;
        skip = false;
        break;
      default:
        break;
    }
    if (!skip) {
      const { type, ...rest } = made;
      this.#entities.push({
        type,
        offset: closing.offset,
        length: this.#output.length - closing.offset,
        ...rest,
      });
    }
    this.#open.pop();
  }

  /** End of input: closes a quotation still open, then fails on any other unclosed entity. */
  #finish(): void {
    if (this.#haveBlockquote) {
      let type = 'blockquote';
      const top = this.#open.at(-1);
      if (top !== undefined && top.kind === 'spoiler' && top.start === this.#input.length - 2) {
        this.#open.pop();
        type = 'expandable_blockquote';
      }
      const quote = this.#open.at(-1);
      if (quote !== undefined && quote.kind === 'blockquote') {
        this.#haveBlockquote = false;
        const length = this.#output.length - quote.offset;
        if (length !== 0) this.#entities.push({ type, offset: quote.offset, length });
        this.#open.pop();
      }
    }
    const unclosed = this.#open.at(-1);
    if (unclosed !== undefined) this.#unclosed(unclosed);
  }
}

/**
 * Parses `parse_mode: MarkdownV2` text into plain text and entities.
 * @throws {EntityParseError} for unescaped reserved characters and unclosed entities or URLs.
 */
export function parseMarkdownV2(input: string): FormattedText {
  return new MarkdownV2Parser(input).parse();
}
