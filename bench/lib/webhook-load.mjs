// The load generator of the `webhook` scenario, run as its own process (so it does not share the
// bot's event loop): autocannon POSTs text updates — update_id and chat varying, taken in turn from
// 1000 echo updates — to the bot's webhook with the secret token.
//
// `fork('webhook-load.mjs')`; send `{ url, connections, duration?, amount?, secret }` and receive
// `{ result }`: requests answered and sent, 2xx and other answers, errors, req/s, latency p50/p99
// (ms), elapsed ms.
import autocannon from 'autocannon';
import { echoUpdates } from './updates.mjs';

function run({ url, connections, duration, amount, secret }) {
  const bodies = echoUpdates(1000).map((update) => JSON.stringify(update));
  let next = 0;
  const options = {
    url,
    connections,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    requests: [
      {
        setupRequest(request) {
          const body = bodies[next];
          next = (next + 1) % bodies.length;
          return { ...request, body };
        },
      },
    ],
  };
  if (amount !== undefined) options.amount = amount;
  else options.duration = duration;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    autocannon(options, (error, result) => {
      if (error) return reject(error);
      const elapsed = performance.now() - started;
      resolve({
        requests: result.requests.total,
        // Requests written, counting the ones still in flight when a timed run ends.
        sent: result.requests.sent,
        ok: result['2xx'],
        notOk: result.non2xx,
        errors: result.errors + result.timeouts,
        reqPerSec: (result['2xx'] / elapsed) * 1000,
        p50: result.latency.p50,
        p99: result.latency.p99,
        elapsed,
      });
    });
  });
}

process.once('message', async (message) => {
  try {
    process.send({ result: await run(message) });
  } catch (error) {
    process.send({ error: String(error?.stack ?? error) });
  }
  process.disconnect();
});
