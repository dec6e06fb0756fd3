// What the update journal costs per update (issue 17): the same updates through an Application
// with a FilePersistence, with the journal (one synced line per update) and without it, one at a
// time and with per-chat parallel processing (records waiting for a sync share the next one).
// Usage: npm run build && node bench/journal-cost.mjs [updates=2000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Application, FilePersistence, MessageHandler } from '../dist/ext/index.js';

const count = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'ttb-journal-bench-'));

function update(id) {
  const user = 1 + (id % 50);
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 1_700_000_000,
      chat: { id: user, type: 'private', first_name: 'U' },
      from: { id: user, is_bot: false, first_name: 'U' },
      text: `hello ${id}`,
    },
  };
}

async function run(journal, concurrent, syncJournal = true) {
  const filepath = join(dir, `bot-${journal}-${concurrent}-${Math.random()}.json`);
  const builder = Application.builder()
    .token('123:bench')
    .updater(null)
    .persistence(new FilePersistence({ filepath, journal, syncJournal, updateInterval: 3600 }));
  const app = (concurrent ? builder : builder.concurrentUpdates(false)).build();
  Object.defineProperty(app.bot, 'initialize', { value: async () => undefined });
  app.addHandler(
    new MessageHandler(null, (u, context) => {
      const data = context.userData;
      data.count = (data.count ?? 0) + 1;
      data.last = u.message.text;
      context.botData.total = (context.botData.total ?? 0) + 1;
    }),
  );
  await app.initialize();
  await app.start();
  const started = process.hrtime.bigint();
  for (let id = 1; id <= count; id++) app.updateQueue.put(update(id));
  await app.updateQueue.join();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e3;
  await app.stop();
  await app.shutdown();
  return elapsed / count;
}

const rows = [];
for (const concurrent of [false, true]) {
  for (const [journal, sync] of [
    [false, false],
    [true, false],
    [true, true],
  ]) {
    const perUpdate = await run(journal, concurrent, sync);
    rows.push({
      processing: concurrent ? 'per-chat parallel' : 'one at a time',
      journal: journal ? (sync ? 'synced' : 'written, not synced') : 'none',
      'µs/update': perUpdate.toFixed(1),
    });
  }
}
console.table(rows);
rmSync(dir, { recursive: true, force: true });
