/**
 * The logger the library writes to when given one (PTB logs to `telegram.Bot`, `telegram.ext.*`).
 * `console` fits, as do pino and winston loggers. Nothing is logged by default, and nothing logged
 * contains a token.
 */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}
