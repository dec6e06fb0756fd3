import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication, errorReport } from '../../examples/errorhandlerbot.js';
import type { ContextTypes } from '../../src/ext/index.js';
import type { Logger } from '../../src/index.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

/** A logger that keeps what it is given instead of printing it. */
function recordingLogger(): Logger & { errors: [string, unknown[]][] } {
  const errors: [string, unknown[]][] = [];
  const quiet = () => {};
  return {
    errors,
    debug: quiet,
    info: quiet,
    warn: quiet,
    error: (message, ...details) => {
      errors.push([message, details]);
    },
  };
}

test('errorhandlerbot: /bad_command fails and the developer chat gets the report', async () => {
  const info = await emu.createBot({ username: 'seed_errorhandler_bot' });
  const dev = await emu.createUser({ firstName: 'Dev', username: 'dev' });
  const bob = await emu.createUser({ firstName: 'Bob', username: 'bob' });
  const logger = recordingLogger();
  // A private chat's id is the user's id.
  const app = buildApplication(info.token, emu.baseUrl, { developerChatId: dev.id, logger });
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    // /start shows the chat id, as a code entity.
    await dev.sendCommand(info, '/start');
    const intro = await dev.expectMessage({
      text: `Use /bad_command to cause an error.\nYour chat id is ${dev.id}.`,
      timeoutMs: 5000,
    });
    const idOffset = (intro.text as string).indexOf(String(dev.id));
    assert.deepEqual(intro.entities, [
      { type: 'bot_command', offset: 4, length: 12 },
      { type: 'code', offset: idOffset, length: String(dev.id).length },
    ]);

    // Bob's command fails; Bob hears nothing, the developer gets the report.
    await bob.sendCommand(info, '/bad_command');
    const report = await dev.expectMessage({
      text: /^An exception was raised while handling an update\n/,
      chat: dev.chatWith(info),
      timeoutMs: 5000,
    });
    await bob.expectNoMessage({ timeoutMs: 200 });

    const text = report.text as string;
    const entities = report.entities as { type: string; offset: number; length: number }[];
    assert.deepEqual(
      entities.map((entity) => entity.type),
      ['pre', 'pre', 'pre', 'pre'],
    );
    const blocks = entities.map((entity) => text.slice(entity.offset, entity.offset + entity.length));

    // The update as JSON, unescaped again by Telegram's HTML parsing.
    const updateBlock = blocks[0] ?? '';
    assert.ok(updateBlock.startsWith('update = '));
    const update = JSON.parse(updateBlock.slice('update = '.length)) as {
      update_id: number;
      message: { text: string; from: { id: number }; chat: { id: number } };
    };
    assert.equal(update.message.text, '/bad_command');
    assert.equal(update.message.from.id, bob.id);
    assert.equal(update.message.chat.id, bob.id);

    assert.equal(blocks[1], 'context.chat_data = {}');
    assert.equal(blocks[2], 'context.user_data = {}');

    // The stack trace names the error and the callback it came from.
    assert.match(blocks[3] ?? '', /^TypeError: .*wrongMethodName is not a function\n/);
    assert.match(blocks[3] ?? '', /\n +at \S*badCommand \(.*errorhandlerbot\.ts:\d+:\d+\)\n/);

    // The error was logged before the report was sent.
    assert.equal(logger.errors.length, 1);
    assert.equal(logger.errors[0]?.[0], 'Exception while handling an update:');
    assert.ok(logger.errors[0]?.[1][0] instanceof TypeError);
  } finally {
    app.stopRunning();
    await running;
  }
});

test('errorhandlerbot: without a developer chat id the application is not built', () => {
  const saved = process.env.DEVELOPER_CHAT_ID;
  delete process.env.DEVELOPER_CHAT_ID;
  try {
    assert.throws(() => buildApplication('1:token'), /DEVELOPER_CHAT_ID/);
  } finally {
    if (saved !== undefined) process.env.DEVELOPER_CHAT_ID = saved;
  }
});

test('errorhandlerbot: a report too long for one message loses the end of its stack trace', () => {
  const error = new Error('deep');
  error.stack = `Error: deep\n${Array.from({ length: 400 }, (_, i) => `    at frame${i} (a<b>.ts:${i}:1)`).join('\n')}`;
  const context = {
    error,
    chatData: { seen: 1 },
    userData: undefined,
  } as unknown as ContextTypes.DEFAULT_TYPE;
  const report = errorReport('not an update', context);
  assert.ok(report.length <= 4096, `${report.length} characters`);
  assert.ok(report.includes('<pre>update = &#x27;not an update&#x27;</pre>'));
  assert.ok(report.includes('<pre>context.chat_data = { seen: 1 }</pre>'));
  assert.ok(report.includes('<pre>context.user_data = undefined</pre>'));
  assert.ok(report.includes('<pre>Error: deep\n    at frame0 (a&lt;b&gt;.ts:0:1)\n'));
  assert.ok(report.endsWith(':1)\n...</pre>'), report.slice(-40));
});
