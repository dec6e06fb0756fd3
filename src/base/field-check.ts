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
  for (let i = 0; i < value.length; i++) out[i] = convert(value[i], path, bot);
  return out;
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
