/**
 * SqlitePersistence's tables: checking that a database is one of ours (or empty of our tables),
 * creating them, and the prepared statements that read and write them.
 */
import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

export const SQLITE_FORMAT = 'typescript-telegram-bot/sqlite-persistence';
export const SQLITE_SCHEMA_VERSION = 1;

/** The table holding the format marker and the schema version. */
const META = 'persistence_meta';
/** Our tables besides {@link META}; a database holding one of them without our marker is foreign. */
const TABLES = [
  'user_data',
  'chat_data',
  'bot_data',
  'callback_data',
  'conversations',
  'jobs',
  'handled_updates',
] as const;

// Values are the codec's JSON text. `state` has no declared type, so SQLite keeps a string state
// as TEXT and a number state as a number ('5' and 5 stay different). `handled_updates.seq` orders
// the journal by recording time, whatever the update ids.
const CREATE = `
CREATE TABLE ${META} (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE user_data (id INTEGER PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE chat_data (id INTEGER PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE bot_data (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL);
CREATE TABLE callback_data (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL);
CREATE TABLE conversations (name TEXT NOT NULL, key TEXT NOT NULL, state NOT NULL, PRIMARY KEY (name, key)) WITHOUT ROWID;
CREATE TABLE jobs (id TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE handled_updates (seq INTEGER PRIMARY KEY, update_id INTEGER NOT NULL);
`;

/** An upsert that leaves a row alone when its value is unchanged (so it is not written at all). */
function upsert(table: string, keys: readonly string[], column: string): string {
  const names = [...keys, column];
  return (
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ` +
    `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${column} = excluded.${column} ` +
    `WHERE ${column} IS NOT excluded.${column}`
  );
}

/** The prepared statements SqlitePersistence runs. */
export interface SqliteStatements {
  readonly allUsers: SqliteStatement;
  readonly putUser: SqliteStatement;
  readonly dropUser: SqliteStatement;
  readonly allChats: SqliteStatement;
  readonly putChat: SqliteStatement;
  readonly dropChat: SqliteStatement;
  readonly getBot: SqliteStatement;
  readonly putBot: SqliteStatement;
  readonly getCallbackData: SqliteStatement;
  readonly putCallbackData: SqliteStatement;
  readonly conversations: SqliteStatement;
  readonly putConversation: SqliteStatement;
  readonly dropConversation: SqliteStatement;
  readonly allJobs: SqliteStatement;
  readonly putJob: SqliteStatement;
  readonly dropJob: SqliteStatement;
  readonly addHandled: SqliteStatement;
  readonly handled: SqliteStatement;
  readonly pruneHandled: SqliteStatement;
}

function prepareAll(db: SqliteDatabase): SqliteStatements {
  const p = (sql: string) => db.prepare(sql).safeIntegers(false);
  return {
    allUsers: p('SELECT id, value FROM user_data'),
    putUser: p(upsert('user_data', ['id'], 'value')),
    dropUser: p('DELETE FROM user_data WHERE id = ?'),
    allChats: p('SELECT id, value FROM chat_data'),
    putChat: p(upsert('chat_data', ['id'], 'value')),
    dropChat: p('DELETE FROM chat_data WHERE id = ?'),
    getBot: p('SELECT value FROM bot_data WHERE id = 1'),
    putBot: p(upsert('bot_data', ['id'], 'value')),
    getCallbackData: p('SELECT value FROM callback_data WHERE id = 1'),
    putCallbackData: p(upsert('callback_data', ['id'], 'value')),
    conversations: p('SELECT key, state FROM conversations WHERE name = ?'),
    putConversation: p(upsert('conversations', ['name', 'key'], 'state')),
    dropConversation: p('DELETE FROM conversations WHERE name = ? AND key = ?'),
    allJobs: p('SELECT id, value FROM jobs'),
    putJob: p(upsert('jobs', ['id'], 'value')),
    dropJob: p('DELETE FROM jobs WHERE id = ?'),
    addHandled: p('INSERT INTO handled_updates (update_id) VALUES (?)'),
    handled: p('SELECT update_id FROM handled_updates ORDER BY seq DESC'),
    pruneHandled: p('DELETE FROM handled_updates WHERE seq <= (SELECT max(seq) FROM handled_updates) - ?'),
  };
}

/**
 * Checks that `db` holds our tables (or none of them), creates them when missing, turns on WAL and
 * the sync level, and prepares the statements. Throws an Error (without the file name, which the
 * caller adds) for a database that is not ours or is of a newer schema; writes nothing then.
 */
export function openSchema(db: SqliteDatabase, synchronous: 'full' | 'normal'): SqliteStatements {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as Array<{
    name: string;
  }>;
  const tables = new Set(rows.map((row) => row.name));
  if (tables.has(META)) {
    const meta = new Map(
      (db.prepare(`SELECT key, value FROM ${META}`).all() as Array<{ key: string; value: string }>).map(
        (row) => [row.key, row.value],
      ),
    );
    if (meta.get('format') !== SQLITE_FORMAT) {
      throw new Error(`its ${META} table is not SqlitePersistence's; it was left untouched`);
    }
    const version = Number(meta.get('version'));
    if (version !== SQLITE_SCHEMA_VERSION) {
      throw new Error(
        `it has schema version ${String(meta.get('version'))}, this library reads version ${SQLITE_SCHEMA_VERSION}`,
      );
    }
    const missing = TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) {
      throw new Error(`it lacks the tables ${missing.join(', ')}; it was left untouched`);
    }
  } else {
    const taken = TABLES.filter((table) => tables.has(table));
    if (taken.length > 0) {
      throw new Error(
        `it has tables SqlitePersistence did not create (${taken.join(', ')}); it was left untouched: use another file`,
      );
    }
  }
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
  if (!tables.has(META)) {
    db.transaction(() => {
      db.exec(CREATE);
      const put = db.prepare(`INSERT INTO ${META} (key, value) VALUES (?, ?)`);
      put.run('format', SQLITE_FORMAT);
      put.run('version', String(SQLITE_SCHEMA_VERSION));
    })();
  }
  return prepareAll(db);
}
