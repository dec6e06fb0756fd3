/**
 * Builds a well-formed value of any Bot API type from the generated metadata: every required
 * field filled with a plausible value, unions resolved to their first variant. Used to answer
 * methods the emulator has no specific behaviour for.
 */
import { TYPES } from '../generated/metadata.js';

/** Hints for the generated value: known values for some field names (ids, dates, users). */
export interface ValueHints {
  readonly now: number;
  readonly user?: Record<string, unknown>;
  readonly chat?: Record<string, unknown>;
}

function scalar(type: string, field: string, hints: ValueHints): unknown {
  switch (type) {
    case 'Integer':
      if (field.endsWith('date') || field.endsWith('_time')) return hints.now;
      return 0;
    case 'Float':
      return 0;
    case 'Boolean':
      return false;
    case 'True':
      return true;
    case 'String':
    case 'InputFile':
      if (field === 'file_id') return 'AgADAgADemulatorfile';
      if (field === 'file_unique_id') return 'AQADemulator';
      if (field === 'currency') return 'XTR';
      if (field.endsWith('link') || field.endsWith('url'))
        return `https://t.me/+emulated${hints.now.toString(36)}`;
      return field === 'type' ? 'default' : '';
    default:
      return undefined;
  }
}

const SCALARS = new Set(['Integer', 'Float', 'Boolean', 'True', 'String', 'InputFile']);

/**
 * How deep the smallest value of each type is (scalars and arrays: 0), computed once as a fixed
 * point over the metadata. Building a value always takes the shallowest choice, so recursive
 * types (rich text, nested blocks) end.
 */
const RANK: ReadonlyMap<string, number> = (() => {
  const rank = new Map<string, number>();
  const of = (type: string): number =>
    type.startsWith('Array of ') || SCALARS.has(type) ? 0 : (rank.get(type) ?? Number.POSITIVE_INFINITY);
  for (let changed = true; changed; ) {
    changed = false;
    for (const meta of Object.values(TYPES)) {
      const next =
        meta.subtypes !== undefined
          ? 1 + Math.min(...meta.subtypes.map(of))
          : 1 +
            Math.max(
              0,
              ...meta.fields
                .filter((field) => field.required && field.value === undefined)
                .map((field) => Math.min(...field.types.map(of))),
            );
      if (next < (rank.get(meta.name) ?? Number.POSITIVE_INFINITY)) {
        rank.set(meta.name, next);
        changed = true;
      }
    }
  }
  return rank;
})();

function rankOf(type: string): number {
  if (type.startsWith('Array of ') || SCALARS.has(type)) return 0;
  return RANK.get(type) ?? Number.POSITIVE_INFINITY;
}

function pickFinite(types: readonly string[]): string | undefined {
  let best = types[0];
  for (const type of types) if (best === undefined || rankOf(type) < rankOf(best)) best = type;
  return best;
}

/** A valid value of the API type `type` (e.g. `Message`, `Array of Update`, `Boolean`). */
export function makeValue(type: string, hints: ValueHints, field = '', depth = 0): unknown {
  if (type.startsWith('Array of ')) return [];
  const simple = scalar(type, field, hints);
  if (simple !== undefined) return simple;
  if (type === 'User' && hints.user !== undefined) return hints.user;
  if (type === 'Chat' && hints.chat !== undefined) return hints.chat;
  const meta = TYPES[type];
  if (meta === undefined || depth > 12) return {};
  const variant = meta.subtypes === undefined ? undefined : pickFinite(meta.subtypes);
  if (variant !== undefined) return makeValue(variant, hints, field, depth + 1);
  const out: Record<string, unknown> = {};
  for (const item of meta.fields) {
    if (!item.required) continue;
    if (item.value !== undefined) {
      out[item.name] = item.value;
      continue;
    }
    const first = pickFinite(item.types);
    if (first !== undefined) out[item.name] = makeValue(first, hints, item.name, depth + 1);
  }
  return out;
}

/** Checks a value against an API type; returns the path of the first mismatch, or undefined. */
export function conformsTo(value: unknown, type: string, path = '$'): string | undefined {
  if (type.startsWith('Array of ')) {
    if (!Array.isArray(value)) return path;
    const inner = type.slice('Array of '.length);
    for (const [index, item] of value.entries()) {
      const bad = conformsTo(item, inner, `${path}[${index}]`);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  switch (type) {
    case 'Integer':
      return Number.isInteger(value) ? undefined : path;
    case 'Float':
      return typeof value === 'number' ? undefined : path;
    case 'Boolean':
      return typeof value === 'boolean' ? undefined : path;
    case 'True':
      return value === true ? undefined : path;
    case 'String':
    case 'InputFile':
      return typeof value === 'string' ? undefined : path;
  }
  const meta = TYPES[type];
  if (meta === undefined) return undefined;
  if (meta.subtypes !== undefined) {
    const misses = meta.subtypes.map((variant) => conformsTo(value, variant, path));
    return misses.includes(undefined) ? undefined : misses[0];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return path;
  const object = value as Record<string, unknown>;
  for (const field of meta.fields) {
    const item = object[field.name];
    const where = `${path}.${field.name}`;
    if (item === undefined) {
      if (field.required) return where;
      continue;
    }
    if (field.value !== undefined && item !== field.value) return where;
    const misses = field.types.map((t) => conformsTo(item, t, where));
    if (!misses.includes(undefined)) return misses[0];
  }
  return undefined;
}
