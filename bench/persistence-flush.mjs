// What one application write of N changed users costs per persistence backend (issue 17):
// DictPersistence, FilePersistence (one file, and one file per kind), SqlitePersistence.
//
// `npm run bench -- --only persistence` runs it through run.mjs (a fresh process per run, size 10 000);
// `node bench/persistence-flush.mjs [--users N] [--rounds N] [--only dict,sqlite]` runs it standalone
// and prints a table. Either way it measures the built JavaScript of dist/ (`npm run build` first).
//
// In one process: an application (no network: getMe is answered in process) with the backend,
// N users with a small JSON record each, written once; then each round changes every user's record
// and times `app.updatePersistence()` (copy + update* of N users, and the backend's write) plus
// `persistence.flush()`. The value is the median round, in ms; µs per user is that / N. Then the
// same with only 10 of the N users changed (`fewMs`): what a typical interval write costs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, DictPersistence, FilePersistence, SqlitePersistence } from '../dist/ext/index.js';
import { BaseRequest } from '../dist/index.js';
import { BOT_TOKEN, BOT_USER } from './lib/updates.mjs';

export const BACKENDS = ['dict', 'file', 'file-per-kind', 'sqlite'];
const ROUNDS = 5;
/** Users changed in the second measurement, out of all those stored. */
const FEW = 10;

/** Answers getMe in process; the scenario makes no other call. */
class MeOnly extends BaseRequest {
  get defaultTimeouts() {
    return { readTimeout: 5, writeTimeout: 5, connectTimeout: 5, poolTimeout: 1, mediaWriteTimeout: 20 };
  }
  async initialize() {}
  async shutdown() {}
  async post(_url, options) {
    if (options.endpoint === 'getMe') return BOT_USER;
    throw new Error(`the persistence scenario makes no ${options.endpoint} call`);
  }
  async doRequest() {
    throw new Error('answered in post()');
  }
}

function makePersistence(backend, dir) {
  switch (backend) {
    case 'dict':
      return new DictPersistence();
    case 'file':
      return new FilePersistence({ filepath: join(dir, 'bot.json') });
    case 'file-per-kind':
      return new FilePersistence({ filepath: join(dir, 'bot'), singleFile: false });
    case 'sqlite':
      return new SqlitePersistence({ filepath: join(dir, 'bot.sqlite') });
    default:
      throw new Error(`unknown persistence backend ${backend}; one of ${BACKENDS.join(', ')}`);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One backend, `users` changed users per round: the median round in ms, and µs per user. */
export async function persistenceFlush(backend, users, rounds = ROUNDS) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-persistence-'));
  const persistence = makePersistence(backend, dir);
  const app = Application.builder()
    .token(BOT_TOKEN)
    .request(new MeOnly())
    .updater(null)
    .persistence(persistence)
    .build();
  try {
    await app.initialize();
    const change = (round, count = users) => {
      for (let id = 1; id <= count; id++) {
        const data = app.userDataFor(id);
        data.name = `user ${id}`;
        data.language = 'en';
        data.visits = round;
        data.lastText = `message number ${round} from user ${id}`;
        data.tags = ['a', 'b', String(round)];
      }
    };
    change(0);
    await app.updatePersistence(); // the first write inserts every user; rounds update them
    await persistence.flush();
    const times = [];
    for (let round = 1; round <= rounds; round++) {
      change(round);
      const start = performance.now();
      await app.updatePersistence();
      await persistence.flush();
      times.push(performance.now() - start);
    }
    const stored = (await persistence.getUserData()).get(users);
    if (stored?.visits !== rounds) throw new Error(`${backend}: the last round was not stored`);
    // The same write when only a few of the stored users changed: what a typical interval costs.
    const few = Math.min(FEW, users);
    const fewTimes = [];
    for (let round = rounds + 1; round <= 2 * rounds; round++) {
      change(round, few);
      const start = performance.now();
      await app.updatePersistence();
      await persistence.flush();
      fewTimes.push(performance.now() - start);
    }
    const ms = median(times);
    return {
      value: ms,
      unit: `ms per write of ${users} changed users`,
      usPerUser: (ms * 1000) / users,
      rounds: times,
      few,
      fewMs: median(fewTimes),
    };
  } finally {
    await app.shutdown();
    persistence.close?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = args.indexOf(name);
    return index === -1 ? fallback : args[index + 1];
  };
  const users = Number(option('--users', '10000'));
  const rounds = Number(option('--rounds', String(ROUNDS)));
  const only = option('--only', BACKENDS.join(',')).split(',');
  const few = Math.min(FEW, users);
  console.log(
    `| backend | ms per write of ${users} changed users | µs per user | rounds (ms) | ms per write of ${few} changed of ${users} stored |`,
  );
  console.log('| --- | --- | --- | --- | --- |');
  for (const backend of only) {
    const result = await persistenceFlush(backend, users, rounds);
    const list = result.rounds.map((ms) => ms.toFixed(1)).join(' ');
    console.log(
      `| ${backend} | ${result.value.toFixed(1)} | ${result.usPerUser.toFixed(2)} | ${list} | ${result.fewMs.toFixed(2)} |`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
