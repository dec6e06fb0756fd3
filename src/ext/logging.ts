/**
 * The framework's default logger: warnings and errors to the console, as Python's logging shows
 * them to a PTB bot that configured nothing. Pass `console` (or pino, winston) for the info lines:
 * started as @username, polling or webhook, stopped.
 */
import type { Logger } from '../logging.js';

function quiet(): void {}

/** Logs warnings and errors through `console`; pass your own {@link Logger} to the builder for more. */
export const defaultLogger: Logger = {
  debug: quiet,
  info: quiet,
  warn(message: string, ...details: unknown[]): void {
    console.warn(message, ...details);
  },
  error(message: string, ...details: unknown[]): void {
    console.error(message, ...details);
  },
};
