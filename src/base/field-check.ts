/**
 * Checks applied while building objects from incoming JSON. A malformed update (a required field
 * missing, a field of the wrong type) fails with an {@link InvalidFieldError} naming the field,
 * instead of producing an object that lies about its type.
 */

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return value.length > 40 ? 'a string' : `the string ${JSON.stringify(value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * What each error said: expected and actual value, and where (its path, or the element of an
 * array it was restated for), so an enclosing array can restate it with the element's index.
 */
interface Said {
  readonly place: string;
  readonly expected: string;
  readonly actual: unknown;
}
const said = new WeakMap<InvalidFieldError, Said>();

/** An incoming object does not have the shape the Bot API documents. */
export class InvalidFieldError extends TypeError {
  /** Where the problem is, as `Type.field`, e.g. `Message.chat`. */
  readonly path: string;

  constructor(path: string, expected: string, actual: unknown, missing = false) {
    super(
      missing ? `${path} is required but missing` : `${path} must be ${expected}, got ${describe(actual)}`,
    );
    this.name = 'InvalidFieldError';
    this.path = path;
    if (!missing) said.set(this, { place: path, expected, actual });
  }
}

export function checkInteger(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new InvalidFieldError(path, 'an integer', value);
}

export function checkNumber(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new InvalidFieldError(path, 'a number', value);
}

export function checkString(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  throw new InvalidFieldError(path, 'a string', value);
}

export function checkBoolean(value: unknown, path: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new InvalidFieldError(path, 'a boolean', value);
}

export function checkTrue(value: unknown, path: string): true {
  if (value === true) return true;
  throw new InvalidFieldError(path, 'true', value);
}

/** Unix seconds (or a Date given by the library's user) as a Date. */
export function toDate(value: unknown, path: string): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000);
  throw new InvalidFieldError(path, 'a Unix time', value);
}

/** Whether a value is a plain JSON-like object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkObject(value: unknown, path: string): Record<string, unknown> {
  if (isRecord(value)) return value;
  throw new InvalidFieldError(path, 'an object', value);
}

export function mapArray<T, B>(
  value: unknown,
  path: string,
  convert: (element: unknown, path: string, bot: B) => T,
  bot: B,
): readonly T[] {
  if (!Array.isArray(value)) throw new InvalidFieldError(path, 'an array', value);
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) {
    try {
      out[i] = convert(value[i], path, bot);
    } catch (error) {
      throw placedInArray(error, path, i, value[i]);
    }
  }
  return out;
}

const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;

/**
 * An element's own check names the array (`Type.field`) or the element's type (`ChatMember`); the
 * message is restated with the index, e.g. `result[0] must be a ChatMember object, got an array`
 * (`path` stays what the check said). Errors deeper inside the element name their field and pass
 * through.
 */
function placedInArray(error: unknown, path: string, index: number, element: unknown): unknown {
  if (!(error instanceof InvalidFieldError)) return error;
  const before = said.get(error);
  if (before === undefined) return error;
  const place = `${path}[${index}]`;
  if (before.place === path) return restated(error.path, { ...before, place, actual: element });
  // An element of a nested array, already placed by the inner call.
  if (before.place.startsWith(`${path}[`)) {
    return restated(error.path, { ...before, place: `${place}${before.place.slice(path.length)}` });
  }
  if (TYPE_NAME.test(before.place) && before.expected === 'an object') {
    const article = /^(?:[AEIO]|U(?!s|ni))/.test(before.place) ? 'an' : 'a';
    return restated(error.path, { place, expected: `${article} ${before.place} object`, actual: element });
  }
  return error;
}

function restated(path: string, what: Said): InvalidFieldError {
  const error = new InvalidFieldError(path, what.expected, what.actual);
  error.message = `${what.place} must be ${what.expected}, got ${describe(what.actual)}`;
  said.set(error, what);
  return error;
}

export function missingField(type: string, field: string): never {
  throw new InvalidFieldError(`${type}.${field}`, '', undefined, true);
}

/** The outer check of a nested object built on first read: an object, not an array or null. */
export function shallowObject(value: unknown, path: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidFieldError(path, 'an object', value);
}

/** The outer check of an array of objects built on first read. */
export function shallowArray(value: unknown, path: string): void {
  if (!Array.isArray(value)) throw new InvalidFieldError(path, 'an array', value);
}

/** The check of a Unix time whose `Date` is made on first read. */
export function shallowDate(value: unknown, path: string): void {
  if (!(typeof value === 'number' && Number.isFinite(value)) && !(value instanceof Date))
    throw new InvalidFieldError(path, 'a Unix time', value);
}
