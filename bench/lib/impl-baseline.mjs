// The physical limit: no framework, undici's request() on a keep-alive Pool, JSON in and out.
import { Pool } from 'undici';
import { BOT_TOKEN } from './updates.mjs';

const HEADERS = { 'content-type': 'application/json' };

export const name = 'baseline';

export async function pollingEcho(baseUrl, count, requested) {
  // Without a framework's defaults to follow, the loop does its best: a batch's updates at once.
  const concurrency = requested === 'default' ? 100 : requested;
  const pool = new Pool(baseUrl, { connections: Math.max(2, Math.min(concurrency, 128)), pipelining: 1 });
  const prefix = `/bot${BOT_TOKEN}/`;
  async function call(method, params) {
    const { statusCode, body } = await pool.request({
      path: prefix + method,
      method: 'POST',
      headers: HEADERS,
      body: JSON.stringify(params),
    });
    const data = await body.json();
    if (statusCode !== 200 || data.ok !== true) throw new Error(`${method} failed with ${statusCode}`);
    return data.result;
  }
  async function echo(update) {
    const msg = update.message;
    if (msg?.text === undefined) return 0;
    await call('sendMessage', { chat_id: msg.chat.id, text: msg.text });
    return 1;
  }
  let replied = 0;
  let offset = 0;
  const start = performance.now();
  // Bounded: every poll returns at least one update until `count` were served.
  for (let polls = 0; replied < count && polls < count + 10; polls++) {
    const updates = await call('getUpdates', { offset, timeout: 1 });
    if (updates.length === 0) continue;
    offset = updates[updates.length - 1].update_id + 1;
    if (concurrency > 1) {
      const results = await Promise.all(updates.map(echo));
      for (const r of results) replied += r;
    } else {
      for (const update of updates) replied += await echo(update);
    }
  }
  const elapsed = performance.now() - start;
  await call('getUpdates', { offset, timeout: 0 });
  await pool.close();
  return { elapsed, replied };
}
