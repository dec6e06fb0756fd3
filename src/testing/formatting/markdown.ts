/**
 * `parse_mode: Markdown`, the legacy mode: `*bold*`, `_italic_`, `` `code` ``, ```` ``` ```` blocks
 * and `[text](url)`, never nested; inside an entity every character is literal.
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
import { checkedLink, mentionedUserId } from './links.js';

const MARKERS = '_*`[';

/** The entity a closed marker makes, or undefined when Telegram drops it (an unusable link). */
function linkEntity(url: string, offset: number, length: number): MessageEntityJSON | undefined {
  const userId = mentionedUserId(url);
  if (userId !== undefined) return { type: 'text_mention', offset, length, user: { id: userId } };
  const checked = checkedLink(url);
  return checked === undefined ? undefined : { type: 'text_link', offset, length, url: checked };
}

/**
 * Parses legacy `parse_mode: Markdown` text into plain text and entities.
 * @throws {EntityParseError} when an entity is not closed.
 */
export function parseMarkdown(input: string): FormattedText {
  let output = '';
  const entities: MessageEntityJSON[] = [];
  const size = input.length;
  for (let i = 0; i < size; i++) {
    const ch = input.charAt(i);
    if (ch === '\\' && MARKERS.includes(input.charAt(i + 1)) && i + 1 < size) {
      i++;
      output += input.charAt(i);
      continue;
    }
    if (!MARKERS.includes(ch)) {
      output += ch;
      continue;
    }

    const begin = i;
    const endMarker = ch === '[' ? ']' : ch;
    let isPre = false;
    let language = '';
    i++;
    if (ch === '`' && input.charAt(i) === '`' && input.charAt(i + 1) === '`') {
      i += 2;
      isPre = true;
      let languageEnd = i;
      while (!isSpaceCode(codeAt(input, languageEnd)) && codeAt(input, languageEnd) !== 0x60) languageEnd++;
      if (languageEnd !== i && languageEnd < size && codeAt(input, languageEnd) !== 0x60) {
        language = input.slice(i, languageEnd);
        i = languageEnd;
      }
      const first = codeAt(input, i);
      if (first === 0x0a || first === 0x0d) {
        const second = codeAt(input, i + 1);
        i += (second === 0x0a || second === 0x0d) && second !== first ? 2 : 1;
      }
    }

    const offset = output.length;
    while (
      i < size &&
      (input.charAt(i) !== endMarker ||
        (isPre && !(input.charAt(i + 1) === '`' && input.charAt(i + 2) === '`')))
    ) {
      output += input.charAt(i);
      i++;
    }
    if (i >= size) {
      parseFailure(`Can't find end of the entity starting at byte offset ${byteOffset(input, begin)}`);
    }

    const length = output.length - offset;
    if (length !== 0) {
      let entity: MessageEntityJSON | undefined;
      if (ch === '_') entity = { type: 'italic', offset, length };
      else if (ch === '*') entity = { type: 'bold', offset, length };
      else if (ch === '`' && !isPre) entity = { type: 'code', offset, length };
      else if (ch === '`') {
        entity = { type: 'pre', offset, length };
        if (language !== '') entity.language = language;
      } else {
        let url: string;
        if (input.charAt(i + 1) !== '(') {
          url = input.slice(begin + 1, i);
        } else {
          i += 2;
          const urlStart = i;
          while (i < size && input.charAt(i) !== ')') i++;
          url = input.slice(urlStart, i);
        }
        entity = linkEntity(url, offset, length);
      }
      if (entity !== undefined) entities.push(entity);
    }
    if (isPre) i += 2;
  }
  return { text: output, entities: sortEntities(entities) };
}
