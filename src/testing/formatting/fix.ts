/**
 * Telegram's repair of entity nesting: what the server does to entities that overlap, nest where
 * they may not, or split formatting, before it stores a message.
 */
import { type MessageEntityJSON, sortEntities } from './common.js';

const SPLITTABLE = ['bold', 'italic', 'underline', 'strikethrough', 'spoiler'] as const;
type SplittableType = (typeof SPLITTABLE)[number];

function isSplittable(type: string): type is SplittableType {
  return (SPLITTABLE as readonly string[]).includes(type);
}

function isBlockquote(type: string): boolean {
  return type === 'blockquote' || type === 'expandable_blockquote';
}

/** Entities that contain nothing else: monospace and dates. */
function isPreLike(type: string): boolean {
  return type === 'pre' || type === 'code' || type === 'date_time';
}

/** Entities that contain no entity other than formatting (links, mentions, custom emoji...). */
function isContinuous(type: string): boolean {
  return !isSplittable(type) && !isBlockquote(type) && !isPreLike(type);
}

const end = (entity: MessageEntityJSON): number => entity.offset + entity.length;

/** Whether the (sorted) entities already follow every nesting rule, so nothing needs fixing. */
function entitiesValid(entities: readonly MessageEntityJSON[]): boolean {
  const stack: MessageEntityJSON[] = [];
  const lastEnd = new Map<string, number>();
  for (const entity of entities) {
    while (stack.length > 0 && entity.offset >= end(stack.at(-1)!)) stack.pop();
    const parent = stack.at(-1);
    if (parent !== undefined) {
      if (end(entity) > end(parent)) return false;
      if (stack.some((open) => open.type === entity.type)) return false;
      if (isPreLike(parent.type)) return false;
      if (isPreLike(entity.type) && stack.some((open) => !isBlockquote(open.type))) return false;
      const inContinuous = stack.some((open) => isContinuous(open.type));
      if ((isContinuous(entity.type) || isBlockquote(entity.type)) && inContinuous) return false;
      if (isBlockquote(entity.type) && stack.some((open) => isBlockquote(open.type))) return false;
      if (stack.some((open) => isSplittable(open.type))) return false;
    }
    if (isSplittable(entity.type)) {
      const previousEnd = lastEnd.get(entity.type);
      if (previousEnd !== undefined && previousEnd >= entity.offset) return false;
      lastEnd.set(entity.type, end(entity));
    }
    stack.push(entity);
  }
  return true;
}

/** Keeps, in order, only entities that neither overlap nor nest in a kept one. */
function withoutIntersections(entities: readonly MessageEntityJSON[]): MessageEntityJSON[] {
  const kept: MessageEntityJSON[] = [];
  let lastEnd = 0;
  for (const entity of entities) {
    if (entity.offset >= lastEnd) {
      kept.push(entity);
      lastEnd = end(entity);
    }
  }
  return kept;
}

/**
 * Makes entities follow Telegram's nesting rules, the way Telegram repairs them: links, code and
 * the like may not overlap (later ones lose), quotations may not cut them, formatting of one type
 * is merged where it touches, cut at the bounds of other entities, and dropped inside code, pre
 * and dates. Returns a new sorted array.
 */
export function fixEntities(input: readonly MessageEntityJSON[]): MessageEntityJSON[] {
  const entities = sortEntities(input.filter((entity) => entity.length > 0).map((entity) => ({ ...entity })));
  if (entitiesValid(entities)) return entities;

  const quotes = withoutIntersections(entities.filter((entity) => isBlockquote(entity.type)));
  const others = withoutIntersections(
    entities.filter((entity) => !isSplittable(entity.type) && !isBlockquote(entity.type)),
  ).filter((entity) => {
    const quote = quotes.find((q) => q.offset < end(entity) && entity.offset < end(q));
    return quote === undefined || (quote.offset <= entity.offset && end(entity) <= end(quote));
  });
  const fixed = [...others, ...quotes];

  const merged = new Map<SplittableType, Array<[number, number]>>();
  for (const entity of entities) {
    if (!isSplittable(entity.type)) continue;
    const ranges = merged.get(entity.type) ?? [];
    const last = ranges.at(-1);
    if (last !== undefined && entity.offset <= last[1]) last[1] = Math.max(last[1], end(entity));
    else ranges.push([entity.offset, end(entity)]);
    merged.set(entity.type, ranges);
  }
  const cuts = new Set<number>();
  for (const ranges of merged.values()) for (const [start] of ranges) cuts.add(start);
  for (const entity of fixed) {
    cuts.add(entity.offset);
    cuts.add(end(entity));
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const monospace = others.filter((entity) => isPreLike(entity.type));
  for (const type of SPLITTABLE) {
    for (const [start, stop] of merged.get(type) ?? []) {
      const bounds = [start, ...sortedCuts.filter((cut) => cut > start && cut < stop), stop];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const from = bounds[k]!;
        const to = bounds[k + 1]!;
        if (monospace.some((code) => code.offset <= from && to <= end(code))) continue;
        fixed.push({ type, offset: from, length: to - from });
      }
    }
  }
  return sortEntities(fixed);
}
