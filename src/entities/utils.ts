/**
 * Entity arithmetic (PTB's `MessageEntity` static helpers): converting offsets to UTF-16, shifting
 * entities, and joining formatted texts. Inputs are never changed; every result is a new plain object.
 */
import { TelegramObject } from '../base/telegram-object.js';
import type { EntityCopy, EntityLike } from './types.js';

/**
 * One piece for {@link concatenate}: a bare string (no entities), or a text with its entities and,
 * optionally, `true` when those entities count code points and must first be converted to UTF-16.
 */
export type ConcatenatePart<T extends EntityLike> =
  | string
  | readonly [text: string, entities: readonly T[] | undefined, adjustToUtf16?: boolean];

/**
 * A plain copy of `entity` at a new position. Fields are kept; for a library object, the fields it
 * did not know (`apiKwargs`) are kept too, as plain fields, which is how they go back to Telegram.
 */
function copyEntity<T extends EntityLike>(entity: T, offset: number, length: number): EntityCopy<T> {
  const copy: Record<string, unknown> = entity instanceof TelegramObject ? { ...entity.apiKwargs } : {};
  Object.assign(copy, entity);
  copy.offset = offset;
  copy.length = length;
  return copy as EntityCopy<T>;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Converts entities whose `offset` and `length` count Unicode code points (as Python strings or
 * `[...text]` do) into entities that count UTF-16 code units, the only form Telegram accepts.
 * Positions past the end of `text` end up at its end.
 *
 * @example
 * adjustMessageEntitiesToUtf16('𝄢 bold', [{ type: 'bold', offset: 2, length: 4 }])
 * // [{ type: 'bold', offset: 3, length: 4 }]
 */
export function adjustMessageEntitiesToUtf16<T extends EntityLike>(
  text: string,
  entities: readonly T[],
): EntityCopy<T>[] {
  return adjusted(text, entities, 0);
}

/** The entities converted to UTF-16 positions (see above) and then moved right by `shift`. */
function adjusted<T extends EntityLike>(
  text: string,
  entities: readonly T[],
  shift: number,
): EntityCopy<T>[] {
  const positions = new Set<number>();
  for (const entity of entities) {
    positions.add(entity.offset);
    positions.add(entity.offset + entity.length);
  }
  const toUnits = new Map<number, number>();
  let point = 0;
  let unit = 0;
  for (const position of [...positions].sort((a, b) => a - b)) {
    while (point < position && unit < text.length) {
      const pair =
        isHighSurrogate(text.charCodeAt(unit)) &&
        unit + 1 < text.length &&
        isLowSurrogate(text.charCodeAt(unit + 1));
      unit += pair ? 2 : 1;
      point++;
    }
    toUnits.set(position, unit);
  }
  return entities.map((entity) => {
    const start = toUnits.get(entity.offset)!;
    return copyEntity(entity, start + shift, toUnits.get(entity.offset + entity.length)! - start);
  });
}

/**
 * Moves entities right by `by` UTF-16 code units, or by the UTF-16 length of `by` when it is a
 * string — what text put in front of the entities' text needs.
 *
 * @example
 * const prefix = '👋 ';
 * bot.sendMessage({ chat_id, text: prefix + text, entities: shiftEntities(prefix, entities) });
 */
export function shiftEntities<T extends EntityLike>(
  by: string | number,
  entities: readonly T[],
): EntityCopy<T>[] {
  const shift = typeof by === 'number' ? by : by.length;
  return entities.map((entity) => copyEntity(entity, entity.offset + shift, entity.length));
}

/**
 * Joins texts with their entities into one text and one entity list, moving each part's entities
 * to where its text lands (PTB's `MessageEntity.concatenate`). A part `[text, entities, true]` has
 * its entities converted from code points to UTF-16 first.
 *
 * @example
 * const [text, entities] = concatenate(['👋 Hi ', [{ type: 'bold', offset: 3, length: 2 }]], name);
 */
export function concatenate<T extends EntityLike>(
  ...parts: readonly ConcatenatePart<T>[]
): [text: string, entities: EntityCopy<T>[]] {
  let text = '';
  const entities: EntityCopy<T>[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const [partText, partEntities, adjust] = part;
    if (partEntities !== undefined && partEntities.length > 0) {
      const shift = text.length;
      if (adjust === true) {
        entities.push(...adjusted(partText, partEntities, shift));
      } else {
        for (const entity of partEntities)
          entities.push(copyEntity(entity, entity.offset + shift, entity.length));
      }
    }
    text += partText;
  }
  return [text, entities];
}
