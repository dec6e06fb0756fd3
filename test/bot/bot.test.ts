import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { inspect } from 'node:util';
import {
  Bot,
  ChatMemberAdministrator,
  EndPointNotFound,
  InputFile,
  InvalidArgumentError,
  InvalidToken,
  Message,
  MessageNotModified,
  TelegramError,
  Update,
  User,
} from '../../src/index.js';
import {
  type Exchange,
  FAKE_TOKEN,
  FakeApiServer,
  type RecordedRequest,
} from '../helpers/fake-api-server.js';
import { TINY_PNG } from '../helpers/images.js';
import { sampleOf } from '../helpers/samples.js';

const ME = { id: 123456789, is_bot: true, first_name: 'Echo', username: 'echo_bot', can_join_groups: true };
const MESSAGE = {
  message_id: 10,
  date: 1_700_000_000,
  chat: { id: 42, type: 'private', first_name: 'Alice' },
  text: 'hi',
};

function methodOf(r: RecordedRequest): string {
  return r.path.split('/').pop() ?? '';
}

function jsonBody(r: RecordedRequest): Record<string, unknown> {
  return JSON.parse(r.body?.toString('utf8') ?? '{}') as Record<string, unknown>;
}

/** What Telegram would answer for the few methods these tests call: [status, JSON]. */
function answerFor(method: string, body: Record<string, unknown>): [number, unknown] {
  const ok = (result: unknown): [number, unknown] => [200, { ok: true, result }];
  switch (method) {
    case 'getMe':
      return ok(ME);
    case 'sendMessage':
      return ok({ ...MESSAGE, text: body.text });
    case 'sendPhoto':
    case 'sendDocument':
      return ok(MESSAGE);
    case 'editMessageText':
      if (body.inline_message_id !== undefined) return ok(true);
      return [400, { ok: false, error_code: 400, description: 'Bad Request: message is not modified' }];
    case 'getUpdates':
      return ok([{ update_id: 5, message: MESSAGE }]);
    case 'getChatMember':
      return ok(sampleOf('ChatMemberAdministrator'));
    case 'getFile':
      return ok({ file_id: 'F', file_unique_id: 'U', file_path: 'voice/file_7.oga' });
    case 'brandNewMethod':
      return ok({ answer: 42 });
    default:
      return [404, { ok: false, error_code: 404, description: 'Not Found' }];
  }
}

function telegramLike(exchange: Exchange): void {
  if (exchange.recorded.path.startsWith('/file/')) {
    exchange.response.writeHead(200, { 'content-type': 'application/octet-stream' });
    exchange.response.end(Buffer.from('OggS-voice-bytes'));
    return;
  }
  const isJson = exchange.recorded.headers['content-type']?.startsWith('application/json') ?? false;
  const [status, answer] = answerFor(methodOf(exchange.recorded), isJson ? jsonBody(exchange.recorded) : {});
  exchange.json(status, answer);
}

describe('Bot over loopback HTTP', () => {
  let server: FakeApiServer;
  let bot: Bot;

  before(async () => {
    server = await FakeApiServer.start(telegramLike);
    bot = new Bot(FAKE_TOKEN, { baseUrl: `${server.origin}/bot`, baseFileUrl: `${server.origin}/file/bot` });
    await bot.initialize();
  });
  after(async () => {
    await bot.shutdown();
    await server.close();
  });

  test('initialize caches getMe: id, username, link, name', () => {
    assert.equal(bot.id, ME.id);
    assert.equal(bot.username, 'echo_bot');
    assert.equal(bot.first_name, 'Echo');
    assert.equal(bot.can_join_groups, true);
    assert.equal(bot.supports_inline_queries, false);
    assert.equal(bot.link, 'https://t.me/echo_bot');
    assert.equal(bot.name, '@echo_bot');
    assert.ok(bot.botUser instanceof User);
    assert.equal(server.requests.filter((r) => methodOf(r) === 'getMe').length, 1);
  });

  test('methods send their parameters under API names and parse results into classes', async () => {
    const before = server.requests.length;
    const sent = await bot.sendMessage(42, 'hello', {
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] },
    });
    assert.ok(sent instanceof Message);
    assert.equal(sent.text, 'hello');
    assert.ok(sent.date instanceof Date);
    assert.equal(sent.getBot(), bot, 'parsed objects carry the bot for shortcuts');
    assert.equal(sent.chat.getBot(), bot);
    const request = server.requests[before] as RecordedRequest;
    assert.equal(request.path, `/bot${FAKE_TOKEN}/sendMessage`);
    assert.equal(request.method, 'POST');
    assert.match(String(request.headers['content-type']), /^application\/json/);
    assert.deepEqual(jsonBody(request), {
      chat_id: 42,
      text: 'hello',
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] },
    });
  });

  test('Message | true results and union results resolve', async () => {
    assert.equal(await bot.editMessageText({ inline_message_id: 'x', text: 't' }), true);
    const member = await bot.getChatMember(-100, 1);
    assert.ok(member instanceof ChatMemberAdministrator);
    const updates = await bot.getUpdates({ offset: 5 });
    assert.ok(updates[0] instanceof Update);
    assert.equal(updates[0]?.message?.text, 'hi');
  });

  test('errors by meaning carry method, code and description', async () => {
    const error = await bot
      .editMessageText({ chat_id: 1, message_id: 2, text: 'same' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof MessageNotModified);
    assert.equal(error.method, 'editMessageText');
    assert.equal(error.errorCode, 400);
    assert.equal(error.description, 'Bad Request: message is not modified');
  });

  test('callApi reaches methods the library does not know, and tells unknown endpoints apart', async () => {
    assert.deepEqual(await bot.callApi('brandNewMethod', { x: 1 }), { answer: 42 });
    const last = server.requests.at(-1) as RecordedRequest;
    assert.deepEqual(jsonBody(last), { x: 1 });
    await assert.rejects(bot.callApi('noSuchMethod'), EndPointNotFound);
    const msg = await bot.callApi('sendMessage', { chat_id: 1, text: 'raw' }, { returnType: Message });
    assert.ok(msg instanceof Message);
  });

  test('per-call apiKwargs add raw parameters', async () => {
    await bot.sendMessage(1, 'x', {}, { apiKwargs: { future_flag: true } });
    assert.deepEqual(jsonBody(server.requests.at(-1) as RecordedRequest), {
      chat_id: 1,
      text: 'x',
      future_flag: true,
    });
  });

  test('bad input is rejected before any request is sent', async () => {
    const before = server.requests.length;
    const send = bot.sendMessage as unknown as (...args: unknown[]) => Promise<unknown>;
    await assert.rejects(
      send.call(bot, 1),
      (e: unknown) => e instanceof InvalidArgumentError && e.parameter === 'text',
    );
    await assert.rejects(
      send.call(bot, {}, 'x'),
      (e: unknown) => e instanceof InvalidArgumentError && /chat_id/.test(e.message),
    );
    await assert.rejects(
      bot.sendPhoto(1, './no/such/photo.jpg'),
      (e: unknown) => e instanceof InvalidArgumentError && /no\/such\/photo\.jpg/.test(e.message),
    );
    assert.equal(server.requests.length, before);
  });

  test('uploads go as multipart, plain calls as JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ttb-'));
    try {
      const path = join(dir, 'pic.png');
      await writeFile(path, TINY_PNG);
      await bot.sendPhoto(7, path, { caption: 'c' });
      const upload = server.requests.at(-1) as RecordedRequest;
      assert.match(String(upload.headers['content-type']), /^multipart\/form-data; boundary=/);
      const body = upload.body?.toString('latin1') ?? '';
      assert.match(body, /name="photo"; filename="pic\.png"/);
      assert.match(body, /Content-Type: image\/png/);
      assert.ok(body.includes(TINY_PNG.toString('latin1')), 'the file goes as it is');
      await bot.sendDocument(7, new InputFile(Buffer.from('abc'), { filename: 'a.txt' }));
      assert.match(server.requests.at(-1)?.body?.toString() ?? '', /filename="a\.txt"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('File downloads: to drive, to memory, as bytes', async () => {
    const file = await bot.getFile('F');
    const dir = await mkdtemp(join(tmpdir(), 'ttb-'));
    try {
      const saved = await file.downloadToDrive(join(dir, 'v.oga'));
      assert.equal(await readFile(saved, 'utf8'), 'OggS-voice-bytes');
      assert.equal(Buffer.from(await file.downloadAsBytearray()).toString(), 'OggS-voice-bytes');
      const chunks: Buffer[] = [];
      await file.downloadToMemory(
        new Writable({
          write(chunk: Buffer, _enc, done) {
            chunks.push(chunk);
            done();
          },
        }),
      );
      assert.equal(Buffer.concat(chunks).toString(), 'OggS-voice-bytes');
      assert.equal(server.requests.at(-1)?.path, `/file/bot${FAKE_TOKEN}/voice/file_7.oga`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the token never shows in inspect, toString, JSON or errors', async () => {
    assert.ok(!inspect(bot, { depth: 5, showHidden: true }).includes(FAKE_TOKEN));
    assert.ok(!String(bot).includes(FAKE_TOKEN));
    assert.throws(() => JSON.stringify({ bot }), TypeError);
    const error = await bot.callApi('noSuchMethod').catch((e: unknown) => e);
    assert.ok(error instanceof TelegramError);
    assert.ok(!inspect(error, { depth: 8, showHidden: true }).includes(FAKE_TOKEN));
    assert.ok(!String(error.stack).includes(FAKE_TOKEN));
  });

  test('getUpdates uses its own request object with the read timeout extended by the poll timeout', async () => {
    const seen: (number | null | undefined)[] = [];
    const spy = new Bot(FAKE_TOKEN, { baseUrl: `${server.origin}/bot` });
    const original = spy.getUpdatesRequest.post.bind(spy.getUpdatesRequest);
    spy.getUpdatesRequest.post = (url, options) => {
      seen.push(options.timeouts?.readTimeout);
      return original(url, options);
    };
    try {
      await spy.getUpdates({ timeout: 3 });
      await spy.getUpdates({ timeout: 3 }, { readTimeout: 1 });
      assert.deepEqual(seen, [5 + 3, 1 + 3]);
    } finally {
      await spy.shutdown();
    }
  });
});

describe('Bot construction', () => {
  test('tokens are validated without being echoed', () => {
    assert.throws(() => new Bot(''), InvalidToken);
    const secret = 'not a token with spaces';
    assert.throws(
      () => new Bot(secret),
      (e: unknown) => e instanceof InvalidToken && !e.message.includes(secret),
    );
  });

  test('baseUrl: appended, {token} template, or a function', () => {
    assert.equal(new Bot(FAKE_TOKEN).baseUrl, `https://api.telegram.org/bot${FAKE_TOKEN}`);
    assert.equal(
      new Bot(FAKE_TOKEN, { baseUrl: 'http://h/b{token}/x' }).baseUrl,
      `http://h/b${FAKE_TOKEN}/x`,
    );
    assert.equal(
      new Bot(FAKE_TOKEN, { baseUrl: (t) => `http://h/${t.length}/` }).baseUrl,
      `http://h/${FAKE_TOKEN.length}`,
    );
    assert.equal(new Bot(FAKE_TOKEN).baseFileUrl, `https://api.telegram.org/file/bot${FAKE_TOKEN}`);
  });

  test('cached properties need initialize first', () => {
    assert.throws(() => new Bot(FAKE_TOKEN).id, /initialize/);
  });

  test('await using shuts the bot down', async () => {
    const server = await FakeApiServer.start((e) => e.json(200, { ok: true, result: ME }));
    let closed = 0;
    try {
      {
        await using bot = new Bot(FAKE_TOKEN, { baseUrl: `${server.origin}/bot` });
        const shutdown = bot.request.shutdown.bind(bot.request);
        bot.request.shutdown = async () => {
          closed++;
          await shutdown();
        };
        await bot.initialize();
        assert.equal(bot.username, 'echo_bot');
      }
      assert.equal(closed, 1);
    } finally {
      await server.close();
    }
  });

  test('a private key is loaded, a bad one rejected clearly', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.equal(new Bot(FAKE_TOKEN, { privateKey: pem }).privateKey?.asymmetricKeyType, 'rsa');
    assert.throws(() => new Bot(FAKE_TOKEN, { privateKey: 'garbage' }), InvalidArgumentError);
  });
});
