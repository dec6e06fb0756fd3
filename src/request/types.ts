/**
 * Shapes shared by the request layer, the Bot and the generated code.
 * Timeouts are in seconds, as in python-telegram-bot; `null` means "wait forever",
 * `undefined` means "use the request object's default".
 */

/** Per-request timeouts in seconds. */
export interface RequestTimeouts {
  /** Longest wait for the server's answer (headers and body). */
  readonly readTimeout?: number | null | undefined;
  /** Longest wait for one chunk of the request body to be written. */
  readonly writeTimeout?: number | null | undefined;
  /** Longest wait for a TCP/TLS connection to be established. */
  readonly connectTimeout?: number | null | undefined;
  /** Longest wait for a free connection of the pool. */
  readonly poolTimeout?: number | null | undefined;
}

/**
 * The optional last argument of every Bot API method: timeouts for this call, a signal to abort
 * it, and extra raw parameters the library does not know yet (PTB's `api_kwargs`).
 */
export interface CallSettings extends RequestTimeouts {
  readonly signal?: AbortSignal | undefined;
  readonly apiKwargs?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Where files may appear inside a method's parameters. `true` marks a value that may be a file
 * (an `InputFile`, a local path, bytes, a stream, a file_id or a URL); an object maps field names
 * of a nested object to their own slots. Arrays are looked through transparently.
 */
export type FileSlot = true | { readonly [field: string]: FileSlot };

/** File slots of one method, keyed by parameter name. */
export type FileSlots = { readonly [parameter: string]: FileSlot };
