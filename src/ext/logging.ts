/**
 * The framework's default logger: errors to `console.error` (with their stack), nothing else.
 */
import type { Logger } from '../logging.js';

function quiet(): void {}

/** Logs errors only, through `console.error`; pass your own {@link Logger} to the builder for more. */
export const defaultLogger: Logger = {
  debug: quiet,
  info: quiet,
  warn: quiet,
  error(message: string, ...details: unknown[]): void {
    console.error(message, ...details);
  },
};
