/**
 * Checks of numeric options shared by ext and the Redis scale-out, so the same mistake reads the
 * same everywhere: the option's name, what it must be, and the value given.
 */

/** `value` if it is a positive integer, `fallback` if it is `undefined`; else a RangeError. */
export function positiveIntegerOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/** `value` if it is a finite number of seconds >= 0, `fallback` if it is `undefined`; else a RangeError. */
export function secondsOption<F extends number | undefined>(
  name: string,
  value: number | undefined,
  fallback: F,
): number | F {
  if (value === undefined) return fallback;
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a number of seconds >= 0, got ${String(value)}`);
  }
  return value;
}
