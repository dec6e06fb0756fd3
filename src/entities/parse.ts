import type { EntityLike } from './types.js';

/**
 * The part of `text` that `entity` covers. Telegram counts offsets in UTF-16 code units, which is
 * how JavaScript strings are indexed, so an emoji before the entity shifts it by two.
 *
 * @example parseEntity('👍 hi', { type: 'bold', offset: 3, length: 2 }) // 'hi'
 */
export function parseEntity(text: string, entity: EntityLike): string {
  return text.slice(entity.offset, entity.offset + entity.length);
}

/**
 * Maps each entity (optionally only those whose type is in `types`) to the text it covers, as
 * PTB's `parse_entities`. Entities equal by type, offset and length count once: the first is kept.
 *
 * @example parseEntities(message.text, message.entities, ['url', 'text_link'])
 */
export function parseEntities<T extends EntityLike>(
  text: string,
  entities: readonly T[] | undefined,
  types?: string | readonly string[],
): Map<T, string> {
  const out = new Map<T, string>();
  if (entities === undefined || entities.length === 0) return out;
  const wanted = types === undefined ? undefined : new Set(typeof types === 'string' ? [types] : types);
  const seen = new Set<string>();
  for (const entity of entities) {
    if (wanted !== undefined && !wanted.has(entity.type)) continue;
    const key = `${entity.type}\u0000${entity.offset}\u0000${entity.length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.set(entity, parseEntity(text, entity));
  }
  return out;
}
