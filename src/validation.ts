/**
 * Checks a method's parameters against the spec before anything is sent, so a mistake surfaces
 * as a clear {@link InvalidArgumentError} at the call site, not as a round trip to Telegram.
 */
import { InvalidArgumentError } from './errors.js';
import type { FieldMeta, MethodMeta } from './generated/metadata.js';

function accepts(typeName: string, value: unknown, field: FieldMeta): boolean {
  if (typeName.startsWith('Array of ')) return Array.isArray(value);
  switch (typeName) {
    case 'Integer':
      return (
        (typeof value === 'number' && Number.isInteger(value)) ||
        (field.unixTime === true && value instanceof Date)
      );
    case 'Float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'String':
      // String fields that carry files also take InputFile, bytes and streams.
      return (
        typeof value === 'string' || (field.file === true && typeof value === 'object' && value !== null)
      );
    case 'Boolean':
      return typeof value === 'boolean';
    case 'True':
      return value === true;
    default:
      // InputFile and object types: the request layer serialises instances and plain literals alike.
      return typeof value === 'object' && value !== null;
  }
}

/** Whether any of the field's API types admits the value (a loop: no closure per call). */
function acceptsAny(field: FieldMeta, value: unknown): boolean {
  for (const typeName of field.types) if (accepts(typeName, value, field)) return true;
  return false;
}

function expected(field: FieldMeta): string {
  return field.types.join(' or ');
}

interface MethodIndex {
  readonly required: readonly FieldMeta[];
  readonly byName: ReadonlyMap<string, FieldMeta>;
}

const indexes = new WeakMap<MethodMeta, MethodIndex>();

/** The method's parameters by name and its required ones, computed once per method. */
function indexOf(meta: MethodMeta): MethodIndex {
  let index = indexes.get(meta);
  if (index === undefined) {
    index = {
      required: meta.params.filter((field) => field.required),
      byName: new Map(meta.params.map((field) => [field.name, field])),
    };
    indexes.set(meta, index);
  }
  return index;
}

function missing(meta: MethodMeta, field: FieldMeta): InvalidArgumentError {
  return new InvalidArgumentError(`${meta.name}: the required parameter '${field.name}' is missing`, {
    parameter: field.name,
    method: meta.name,
  });
}

/**
 * Throws on a missing required parameter or a value of the wrong kind; unknown extra keys pass
 * through. Costs one check per required parameter and one per given value.
 */
export function checkParameters(meta: MethodMeta, params: Readonly<Record<string, unknown>>): void {
  const { required, byName } = indexOf(meta);
  for (const field of required) {
    const value = params[field.name];
    if (value === undefined || value === null) throw missing(meta, field);
  }
  for (const name in params) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    const field = byName.get(name);
    if (field === undefined || meta.fileSlots[name] !== undefined) continue;
    if (acceptsAny(field, value)) continue;
    throw new InvalidArgumentError(
      `${meta.name}: '${field.name}' must be ${expected(field)}, got ${Array.isArray(value) ? 'an array' : typeof value}`,
      { parameter: field.name, method: meta.name },
    );
  }
}
