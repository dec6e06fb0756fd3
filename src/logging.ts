/**
 * The logger the library writes to when given one (PTB logs to `telegram.Bot`, `telegram.ext.*`).
 * `console` fits, as do pino and winston loggers. Nothing is logged by default, and nothing logged
 * contains a token.
 */
export interface Logger {
  /** The most detailed level, for tracing what the library does. */
  debug(message: string, ...details: unknown[]): void;
  /** Normal events: started, stopped. */
  info(message: string, ...details: unknown[]): void;
  /** Something unexpected the library recovered from. */
  warn(message: string, ...details: unknown[]): void;
  /** A failure: an error no handler took, a request that failed. */
  error(message: string, ...details: unknown[]): void;
}
