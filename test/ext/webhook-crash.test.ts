// Webhooks lose nothing: a real child process running runWebhook is killed (SIGKILL) or stopped
// (SIGTERM) under load, and every update it answered 2xx must have been handled; an overloaded
// server keeps at most maxInFlight updates pending and answers every request it accepted.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Bot } from '../../src/bot.js';
import { Application, TypeHandler } from '../../src/ext/index.js';
import { UpdateQueue } from '../../src/ext/updater/update-queue.js';
import { webhookHandler } from '../../src/ext/updater/webhook-handler.js';
import { webhookListener } from '../../src/ext/updater/webhook-listener.js';
import { WebhookServer } from '../../src/ext/updater/webhook-server.js';
import { Update } from '../../src/generated/types.js';
import { Emulator } from '../../src/testing/index.js';

const SECRET = 'crash_test_secret';
const FIXTURE = fileURLToPath(new URL('./fixtures/webhook-crash-bot.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function updateJson(id: number): string {
  const chat = 100 + (id % 25);
  return JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: 1_700_000_000,
      chat: { id: chat, type: 'private', first_name: 'U' },
      from: { id: chat, is_bot: false, first_name: 'U' },
      text: `m${id}`,
    },
  });
}

/** POSTs one update; resolves with the status, or 0 when the connection failed. */
function post(agent: Agent, port: number, id: number): Promise<number> {
  const body = updateJson(id);
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/hook',
        method: 'POST',
        agent,
        timeout: 20_000,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'x-telegram-bot-api-secret-token': SECRET,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', () => resolve(0));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

interface Load {
  readonly answered: Set<number>;
  sent: number;
  readonly done: Promise<void>;
  stop(): void;
}

/** `connections` workers POST updates 1..total until done, stopped, or the server is gone. */
function load(port: number, total: number, connections: number): Load {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  let next = 1;
  let stopped = false;
  const state: Load = {
    answered: new Set(),
    sent: 0,
    done: Promise.resolve(),
    stop: () => {
      stopped = true;
    },
  };
  const worker = async (): Promise<void> => {
    while (!stopped && next <= total) {
      const id = next++;
      state.sent++;
      const status = await post(agent, port, id);
      if (status >= 200 && status < 300) state.answered.add(id);
      else if (status === 0) return; // the server is gone
    }
  };
  const workers = Array.from({ length: connections }, worker);
  (state as { done: Promise<void> }).done = Promise.all(workers).then(() => agent.destroy());
  return state;
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Child {
  readonly process: ChildProcess;
  readonly port: number;
  readonly exited: Promise<number>;
  readonly handledFile: string;
}

async function startBot(emu: Emulator, dir: string, name: string, handlerMs: number): Promise<Child> {
  const bot = await emu.createBot({ username: `${name}_bot` });
  const handledFile = join(dir, `${name}.txt`);
  writeFileSync(handledFile, '');
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    cwd: ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: bot.token,
      BASE_URL: emu.baseUrl,
      SECRET,
      HANDLED_FILE: handledFile,
      HANDLER_MS: String(handlerMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number>((resolve) => child.once('exit', () => resolve(Date.now())));
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the bot exited early:\n${output}`));
    });
  });
  return { process: child, port, exited, handledFile };
}

function handledIds(file: string): Set<number> {
  const ids = new Set<number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) if (line !== '') ids.add(Number(line));
  return ids;
}

describe('webhook bot in a child process under load', { timeout: 120_000 }, () => {
  let emu: Emulator;
  let dir: string;
  const children: ChildProcess[] = [];
  before(async () => {
    emu = await Emulator.start();
    dir = mkdtempSync(join(tmpdir(), 'webhook-crash-'));
  });
  after(async () => {
    for (const child of children)
      if (child.exitCode === null && child.pid !== undefined) child.kill('SIGKILL');
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('SIGKILL under load: no update answered 2xx is lost', async () => {
    const child = await startBot(emu, dir, 'killed', 15);
    children.push(child.process);
    const traffic = load(child.port, 2000, 50);
    await waitFor(() => traffic.answered.size >= 300, 30_000, '300 answered updates');
    child.process.kill('SIGKILL');
    await child.exited;
    traffic.stop();
    await traffic.done;
    const handled = handledIds(child.handledFile);
    const lost = [...traffic.answered].filter((id) => !handled.has(id));
    assert.deepEqual(lost, [], `${lost.length} updates answered 2xx and never handled`);
    assert.ok(traffic.answered.size >= 300, 'the load was answered before the kill');
    assert.ok(traffic.answered.size < 2000, 'the kill happened under load, not after it');
  });

  test('SIGTERM under load: nothing lost, in-flight updates answered, exit soon after the slowest handler', async () => {
    const handlerMs = 200;
    const child = await startBot(emu, dir, 'terminated', handlerMs);
    children.push(child.process);
    const traffic = load(child.port, 2000, 50);
    await waitFor(() => traffic.answered.size >= 200, 30_000, '200 answered updates');
    const signalled = Date.now();
    child.process.kill('SIGTERM');
    const exitedAt = await child.exited;
    traffic.stop();
    await traffic.done;
    assert.equal(child.process.exitCode, 0, 'the bot exits cleanly');
    const elapsed = exitedAt - signalled;
    assert.ok(elapsed < handlerMs + 1500, `the bot took ${elapsed} ms to stop`);
    const handled = handledIds(child.handledFile);
    const lost = [...traffic.answered].filter((id) => !handled.has(id));
    assert.deepEqual(lost, [], `${lost.length} updates answered 2xx and never handled`);
    const unanswered = [...handled].filter((id) => !traffic.answered.has(id));
    assert.deepEqual(unanswered, [], 'every update handled during the stop was answered');
    assert.ok(traffic.answered.size < 2000, 'the stop happened under load');
  });
});

describe('an overloaded webhook server', { timeout: 60_000 }, () => {
  test('at most maxInFlight updates pending, every accepted request answered', async () => {
    await using emu = await Emulator.start();
    const account = await emu.createBot({ username: 'overload_bot' });
    const app = Application.builder()
      .token(account.token)
      .baseUrl(emu.baseUrl)
      .concurrentUpdates(256)
      .build();
    let handledCount = 0;
    app.addHandler(
      new TypeHandler(Update, async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        handledCount++;
      }),
    );
    await app.initialize();
    const updater = app.updater as NonNullable<typeof app.updater>;
    await updater.startWebhook({ port: 0, urlPath: 'hook', secretToken: SECRET, maxInFlight: 16 });
    await app.start();
    try {
      const address = updater.webhookAddress;
      assert.ok(typeof address === 'object' && address !== undefined, 'the server listens on a port');
      let most = 0;
      const sampler = setInterval(() => {
        most = Math.max(most, app.updateQueue.unfinished);
      }, 1);
      const traffic = load(address.port, 1_000_000, 64);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      traffic.stop();
      await traffic.done;
      clearInterval(sampler);
      assert.ok(most <= 16, `${most} updates were pending at once (bound 16)`);
      assert.ok(most >= 8, `the server was loaded (${most} pending at most)`);
      assert.equal(traffic.answered.size, traffic.sent, 'every request sent was answered 2xx');
      assert.equal(handledCount, traffic.sent, 'every answered update was handled before its answer');
    } finally {
      await updater.stop();
      await app.stop();
      await app.shutdown();
    }
  });

  test('a handler slower than ackTimeout gets its update answered while it goes on, logged once', async () => {
    const bot = new Bot('1:a', { baseUrl: 'http://127.0.0.1:9/bot' });
    const queue = new UpdateQueue();
    queue.consumerAcknowledges = true;
    const warnings: string[] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => warnings.push(message),
      error: () => undefined,
    };
    const server = new WebhookServer(bot, queue, {
      path: '/hook',
      secretToken: SECRET,
      ackTimeout: 150,
      logger,
    });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const port = (server.address as { port: number }).port;
    const agent = new Agent({ keepAlive: false });
    try {
      const started = Date.now();
      const answer = post(agent, port, 41);
      const item = await queue.get();
      assert.equal(await answer, 200, 'answered while the update is still being handled');
      const waited = Date.now() - started;
      assert.ok(waited >= 140 && waited < 2000, `answered after ${waited} ms (ackTimeout 150)`);
      assert.equal(warnings.length, 1, 'one warning for the slow update');
      assert.match(warnings[0] as string, /update 41/);
      assert.equal(server.pendingRequests, 1, 'the update still counts as in flight');
      queue.taskDone(item);
      await waitFor(() => server.pendingRequests === 0, 2000, 'the slot to be freed');
      assert.equal(warnings.length, 1, 'still one warning');
    } finally {
      agent.destroy();
      await server.stop();
    }
  });
});

describe('webhookHandler and webhookListener answer once handled, bounded', () => {
  function target(): { bot: Bot; updateQueue: UpdateQueue; running: boolean } {
    const updateQueue = new UpdateQueue();
    updateQueue.consumerAcknowledges = true;
    return { bot: new Bot('1:a', { baseUrl: 'http://127.0.0.1:9/bot' }), updateQueue, running: true };
  }
  function webRequest(id: number): Request {
    return new Request('http://127.0.0.1/hook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: updateJson(id),
    });
  }

  test('webhookHandler: 200 only after taskDone, the request past maxInFlight waits unread', async () => {
    const sink = target();
    const handle = webhookHandler(sink, { secretToken: SECRET, maxInFlight: 2 });
    const settled: number[] = [];
    const answers = [1, 2, 3].map((id) =>
      handle(webRequest(id)).then((response) => {
        settled.push(id);
        return response.status;
      }),
    );
    const first = await sink.updateQueue.get();
    const second = await sink.updateQueue.get();
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(settled, [], 'nothing answered before it was handled');
    assert.equal(sink.updateQueue.size, 0, 'the third request is held, not queued');
    sink.updateQueue.taskDone(first);
    const third = await sink.updateQueue.get();
    assert.equal((third as Update).update_id, 3, 'the held request goes on once a slot frees');
    sink.updateQueue.taskDone(second);
    sink.updateQueue.taskDone(third);
    assert.deepEqual(await Promise.all(answers), [200, 200, 200]);
  });

  test('webhookListener: 200 only after taskDone, the request past maxInFlight waits unread', async () => {
    const sink = target();
    const server = createServer(webhookListener(sink, { secretToken: SECRET, maxInFlight: 1 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const agent = new Agent({ keepAlive: false });
    try {
      const settled: number[] = [];
      const answers = [7, 8].map((id) =>
        post(agent, port, id).then((status) => {
          settled.push(id);
          return status;
        }),
      );
      const first = await sink.updateQueue.get();
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(settled, [], 'nothing answered before it was handled');
      assert.equal(sink.updateQueue.size, 0, 'the second request is held, not queued');
      sink.updateQueue.taskDone(first);
      const second = await sink.updateQueue.get();
      sink.updateQueue.taskDone(second);
      assert.deepEqual(await Promise.all(answers), [200, 200]);
    } finally {
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
