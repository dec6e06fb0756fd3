/**
 * Type tests of persistence in the application: `.persistence(p)` takes a persistence of the
 * context types' data types, and `app.persistence` has them.
 * Only type-checked (`npm run typecheck`); each `@ts-expect-error` must stay an error.
 */
import type Database from 'better-sqlite3';
import {
  Application,
  type BasePersistence,
  type CallbackContext,
  ContextTypes,
  DictPersistence,
  type ExtBot,
  FilePersistence,
  SqlitePersistence,
} from '../../../src/ext/index.js';

type Visits = { visits: number };
type Ctx = CallbackContext<ExtBot, Visits, Record<string, unknown>, Record<string, unknown>>;
const types = new ContextTypes<Ctx>({ userData: () => ({ visits: 0 }) });

export function typed(): void {
  // Inferred from the builder: a DictPersistence<Visits, ...>.
  const app = Application.builder()
    .token('1:x')
    .contextTypes(types)
    .persistence(new DictPersistence())
    .build();
  const p: BasePersistence<Visits, Record<string, unknown>, Record<string, unknown>> | null = app.persistence;
  void p;
  Application.builder()
    .token('1:x')
    .persistence(new FilePersistence({ filepath: 'x.json' }))
    .build();
  Application.builder().token('1:x').persistence(null).build();
  const sqlite = Application.builder()
    .token('1:x')
    .contextTypes(types)
    .persistence(new SqlitePersistence({ filepath: 'bot.sqlite' }))
    .build();
  const q: BasePersistence<Visits, Record<string, unknown>, Record<string, unknown>> | null =
    sqlite.persistence;
  void q;
}

export function sqliteOptions(database: Database.Database): void {
  // An open better-sqlite3 Database fits the database option.
  new SqlitePersistence({ database, synchronous: 'normal' });
  // @ts-expect-error a filepath or a database, not neither
  new SqlitePersistence({ updateInterval: 5 });
  // @ts-expect-error not both
  new SqlitePersistence({ filepath: 'bot.sqlite', database });
}

export function mismatched(): void {
  const other = new DictPersistence<{ name: string }>();
  // @ts-expect-error the user data type differs from the context types'
  Application.builder().token('1:x').contextTypes(types).persistence(other);
  const builder = Application.builder().token('1:x');
  // @ts-expect-error not a persistence
  builder.persistence({ flush: async () => {} });
}
