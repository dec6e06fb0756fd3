// A minimal fake Bot API server for the polling benchmarks: serves `count` canned text updates through
// getUpdates (honouring offset, limit and timeout) and answers every other method at once. It does as
// little work per request as it can, so the clients are what gets measured.
//
// As a child process (`node fake-server.mjs <count>`, with an IPC channel) it sends `{ port }` when
// listening, answers `'stats'` with its counters and exits on `'close'`.
import { createServer } from 'node:http';
import { BOT_USER, echoUpdates, sentMessage } from './updates.mjs';

const TRUE_ANSWER = Buffer.from('{"ok":true,"result":true}');
const EMPTY_UPDATES = Buffer.from('{"ok":true,"result":[]}');
const GET_ME = Buffer.from(JSON.stringify({ ok: true, result: BOT_USER }));
const SENT = Buffer.from(JSON.stringify({ ok: true, result: sentMessage(1000) }));
const NOT_FOUND = Buffer.from('{"ok":false,"error_code":404,"description":"Not Found"}');
const MAX_HOLD_MS = 1000;

/** Reads the parameters of a call: JSON body, url-encoded body or query string. */
function paramsOf(url, contentType, body) {
  if (body.length > 0 && contentType?.startsWith('application/json'))
    return JSON.parse(body.toString('utf8'));
  const search = new URLSearchParams(body.length > 0 ? body.toString('utf8') : (url.split('?')[1] ?? ''));
  return Object.fromEntries(search);
}

/**
 * Starts the server on 127.0.0.1 (a free port). Resolves to `{ port, baseUrl, stats, close }`;
 * `stats()` gives `{ getUpdates, sendMessage, answerCallbackQuery, other, served, confirmed }`.
 */
export async function startFakeServer(count) {
  const serialized = echoUpdates(count).map((update) => JSON.stringify(update));
  const stats = { getUpdates: 0, sendMessage: 0, answerCallbackQuery: 0, other: 0, served: 0, confirmed: 0 };
  const held = new Set();

  function send(res, bytes, status = 200) {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length });
    res.end(bytes);
  }

  function answerUpdates(res, offset, limit) {
    const first = Math.max(0, offset - 1);
    stats.confirmed = Math.max(stats.confirmed, first);
    if (first >= serialized.length) return false;
    const batch = serialized.slice(first, Math.min(serialized.length, first + limit));
    stats.served = Math.max(stats.served, first + batch.length);
    send(res, Buffer.from(`{"ok":true,"result":[${batch.join(',')}]}`));
    return true;
  }

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      const method = url.slice(url.lastIndexOf('/') + 1).split('?')[0];
      switch (method) {
        case 'sendMessage':
          stats.sendMessage++;
          send(res, SENT);
          return;
        case 'getUpdates': {
          stats.getUpdates++;
          const params = paramsOf(url, req.headers['content-type'], Buffer.concat(chunks));
          const offset = Number(params.offset ?? 0);
          const limit = Math.min(100, Number(params.limit ?? 100)) || 100;
          if (answerUpdates(res, offset, limit)) return;
          const timeoutMs = Math.min(MAX_HOLD_MS, Number(params.timeout ?? 0) * 1000);
          if (timeoutMs <= 0) {
            send(res, EMPTY_UPDATES);
            return;
          }
          const entry = { res, timer: undefined };
          entry.timer = setTimeout(() => {
            held.delete(entry);
            if (!res.destroyed) send(res, EMPTY_UPDATES);
          }, timeoutMs);
          held.add(entry);
          res.on('close', () => {
            clearTimeout(entry.timer);
            held.delete(entry);
          });
          return;
        }
        case 'getMe':
          stats.other++;
          send(res, GET_ME);
          return;
        case 'answerCallbackQuery':
          stats.answerCallbackQuery++;
          send(res, TRUE_ANSWER);
          return;
        case 'deleteWebhook':
        case 'setWebhook':
        case 'close':
        case 'logOut':
        case 'setMyCommands':
          stats.other++;
          send(res, TRUE_ANSWER);
          return;
        default:
          stats.other++;
          send(res, NOT_FOUND, 404);
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    stats: () => ({ ...stats }),
    async close() {
      for (const entry of held) {
        clearTimeout(entry.timer);
        if (!entry.res.destroyed) send(entry.res, EMPTY_UPDATES);
      }
      held.clear();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** CPU time this process has used so far, user plus system, in microseconds. */
function cpuMicros() {
  const { user, system } = process.cpuUsage();
  return user + system;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()) && process.send) {
  const count = Number(process.argv[2] ?? 0);
  const fake = await startFakeServer(count);
  process.on('message', async (message) => {
    if (message === 'stats') process.send({ stats: { ...fake.stats(), cpuMicros: cpuMicros() } });
    else if (message === 'close') {
      await fake.close();
      process.disconnect();
    }
  });
  process.on('disconnect', () => {
    void fake.close();
  });
  process.send({ port: fake.port });
}
