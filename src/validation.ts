/**
 * Checks a method's parameters against the spec before anything is sent, so a mistake surfaces
 * as a clear {@link InvalidArgumentError} at the call site, not as a round trip to Telegram.
 */
import { InvalidArgumentError } from './errors.js';
import type { FieldMeta, MethodMeta } from './generated/metadata.js';

// What kinds of value a parameter admits, as bits: computed once per parameter from its API types.
const INTEGER = 1;
const FLOAT = 2;
const STRING = 4;
const BOOLEAN = 8;
const TRUE = 16;
const OBJECT = 32;
const ARRAY = 64;
const DATE = 128;
const FILE = 256;

function kindsOf(field: FieldMeta): number {
  let kinds = 0;
  for (const typeName of field.types) {
    if (typeName.startsWith('Array of ')) kinds |= ARRAY;
    else if (typeName === 'Integer') kinds |= INTEGER;
    else if (typeName === 'Float') kinds |= FLOAT;
    else if (typeName === 'String') kinds |= STRING;
    else if (typeName === 'Boolean') kinds |= BOOLEAN;
    else if (typeName === 'True') kinds |= TRUE;
    // InputFile and object types: the request layer serialises instances and plain literals alike.
    else kinds |= OBJECT;
  }
  if (field.unixTime === true) kinds |= DATE;
  // String fields that carry files also take InputFile, bytes and streams.
  if (field.file === true) kinds |= FILE;
  return kinds;
}

function admits(kinds: number, value: unknown): boolean {
  switch (typeof value) {
    case 'number':
      return (
        ((kinds & INTEGER) !== 0 && Number.isInteger(value)) ||
        ((kinds & FLOAT) !== 0 && Number.isFinite(value))
      );
    case 'string':
      return (kinds & STRING) !== 0;
    case 'boolean':
      return (kinds & BOOLEAN) !== 0 || ((kinds & TRUE) !== 0 && value);
    case 'object':
      if (value === null) return false;
      if (Array.isArray(value)) return (kinds & (ARRAY | OBJECT | FILE)) !== 0;
      if (value instanceof Date && (kinds & DATE) !== 0) return true;
      return (kinds & (OBJECT | FILE)) !== 0;
    default:
      return false;
  }
}

function expected(field: FieldMeta): string {
  return field.types.join(' or ');
}

interface ParameterIndex {
  readonly field: FieldMeta;
  readonly kinds: number;
  /** A file parameter: the request layer checks it. */
  readonly file: boolean;
}

interface MethodIndex {
  readonly required: readonly FieldMeta[];
  readonly byName: ReadonlyMap<string, ParameterIndex>;
}

const indexes = new WeakMap<MethodMeta, MethodIndex>();

/** The method's parameters by name and its required ones, computed once per method. */
function indexOf(meta: MethodMeta): MethodIndex {
  let index = indexes.get(meta);
  if (index === undefined) {
    index = {
      required: meta.params.filter((field) => field.required),
      byName: new Map(
        meta.params.map((field) => [
          field.name,
          { field, kinds: kindsOf(field), file: meta.fileSlots[field.name] !== undefined },
        ]),
      ),
    };
    indexes.set(meta, index);
  }
  return index;
}

/** A plain object literal (not an array, a Date, a file or an API object). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The message for a call made in the shape of another library, `bot.sendMessage({ chat_id, text })`:
 * a required parameter holds an object literal with keys that are this method's parameters.
 * Only computed once a check failed, so correct calls pay nothing for it.
 */
function optionsObjectHint(meta: MethodMeta, params: Readonly<Record<string, unknown>>): string | undefined {
  const { required, byName } = indexOf(meta);
  for (const field of required) {
    const value = params[field.name];
    // A parameter that takes objects (InputMedia, files, ...) may well hold one with such keys.
    if (((byName.get(field.name)?.kinds ?? OBJECT) & (OBJECT | FILE)) !== 0) continue;
    if (!isPlainObject(value) || !Object.keys(value).some((key) => byName.has(key))) continue;
    const positional = required.map((each) => each.name);
    if (required.length < meta.params.length) positional.push('options');
    return (
      `${meta.name} takes its required parameters in order, not in one object: ` +
      `bot.${meta.name}(${positional.join(', ')}); it got an object in place of '${field.name}'`
    );
  }
  return undefined;
}

function missing(
  meta: MethodMeta,
  field: FieldMeta,
  params: Readonly<Record<string, unknown>>,
): InvalidArgumentError {
  const hint = optionsObjectHint(meta, params);
  return new InvalidArgumentError(hint ?? `${meta.name}: the required parameter '${field.name}' is missing`, {
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
    if (value === undefined || value === null) throw missing(meta, field, params);
  }
  for (const name in params) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    const parameter = byName.get(name);
    if (parameter === undefined || parameter.file || admits(parameter.kinds, value)) continue;
    const field = parameter.field;
    throw new InvalidArgumentError(
      optionsObjectHint(meta, params) ??
        `${meta.name}: '${field.name}' must be ${expected(field)}, got ${Array.isArray(value) ? 'an array' : typeof value}`,
      { parameter: field.name, method: meta.name },
    );
  }
}
