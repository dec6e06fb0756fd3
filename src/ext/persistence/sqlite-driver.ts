/**
 * The SQLite driver of SqlitePersistence: the optional peer dependency `better-sqlite3` (12.x),
 * loaded on first use so bots that never use SqlitePersistence need not install it, and the part
 * of its API the persistence uses (declared here, so the library's types do not need its typings).
 */
import { createRequire } from 'node:module';

/** What `run` reports. */
export interface SqliteRunResult {
  readonly changes: number;
}

/** A prepared statement (better-sqlite3's `Statement`, the part SqlitePersistence uses). */
export interface SqliteStatement {
  /** Executes the statement with these parameters. */
  run(...params: unknown[]): SqliteRunResult;
  /** Every row the statement returns. */
  all(...params: unknown[]): unknown[];
  /** The first row the statement returns, `undefined` for none. */
  get(...params: unknown[]): unknown;
  /** Makes the statement return integers as `bigint`, so 64-bit ids keep every digit. */
  safeIntegers(toggleState?: boolean): this;
}

/** An open database (better-sqlite3's `Database`, the part SqlitePersistence uses). */
export interface SqliteDatabase {
  /** The file name the database was opened with. */
  readonly name: string;
  readonly open: boolean;
  /** Compiles one SQL statement. */
  prepare(source: string): SqliteStatement;
  /** Runs SQL text, possibly several statements, without parameters. */
  exec(source: string): unknown;
  /** Runs a `PRAGMA`, e.g. `journal_mode = WAL`. */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  /** Wraps `fn` so that calling the result runs it in one transaction. */
  transaction(fn: () => void): () => void;
  /** Closes the database. */
  close(): unknown;
}

/** better-sqlite3's default export: `new Database(filename)`. */
export type SqliteDatabaseConstructor = new (filename: string) => SqliteDatabase;

/** The install line the errors give. */
export const SQLITE_INSTALL = 'npm install better-sqlite3@12';

let loaded: SqliteDatabaseConstructor | undefined;

function defaultLoad(): unknown {
  return createRequire(import.meta.url)('better-sqlite3');
}

/**
 * better-sqlite3's `Database` class, required on the first call. `load` replaces the `require`
 * (tests give one that fails, to see the error a user without the package gets).
 *
 * @example
 * ```ts
 * const Database = loadBetterSqlite3();
 * const db = new Database('bot.sqlite');
 * ```
 */
export function loadBetterSqlite3(load: () => unknown = defaultLoad): SqliteDatabaseConstructor {
  const custom = load !== defaultLoad;
  if (loaded !== undefined && !custom) return loaded;
  let module: unknown;
  try {
    module = load();
  } catch (error) {
    const missing =
      (error as { code?: unknown }).code === 'MODULE_NOT_FOUND' &&
      String((error as Error).message).includes('better-sqlite3');
    throw new Error(
      missing
        ? `SqlitePersistence needs better-sqlite3: ${SQLITE_INSTALL}`
        : `SqlitePersistence could not load better-sqlite3 (${(error as Error).message}); reinstall it: ${SQLITE_INSTALL}`,
      { cause: error },
    );
  }
  const Database = (module as { default?: unknown }).default ?? module;
  if (typeof Database !== 'function') {
    throw new Error(
      `SqlitePersistence: the installed better-sqlite3 exports no Database class; reinstall it: ${SQLITE_INSTALL}`,
    );
  }
  if (!custom) loaded = Database as SqliteDatabaseConstructor;
  return Database as SqliteDatabaseConstructor;
}
