import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Application, CommandHandler, filters, MessageHandler } from '../../src/ext/index.js';
import { Emulator, RunningApplication, runApplication } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

function echoApplication(token: string, baseUrl?: string): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  app.addHandler(
    new MessageHandler(filters.TEXT, async (update) => {
      await update.effectiveMessage.replyText(`echo: ${update.effectiveMessage.text}`);
    }),
  );
  return app;
}

async function isPolling(botId: number): Promise<boolean> {
  const state = await emu.control.call<{ polling?: boolean }>('GET', 'bot', { bot_id: botId });
  return state.polling === true;
}

test('emu.runApplication: the bot answers at once, and after stop() it polls no more', async () => {
  const info = await emu.createBot({ username: 'run_echo_bot' });
  const alice = await emu.createUser({ firstName: 'Alice' });
  const running = await emu.runApplication(echoApplication(info.token, emu.baseUrl));
  assert.ok(running instanceof RunningApplication, 'resolves to a RunningApplication');
  assert.equal(await isPolling(info.id), true, 'resolved only once the application polls');
  await alice.sendMessage(info, 'hello');
  await alice.expectMessage({ text: 'echo: hello', timeoutMs: 5000 });

  const started = Date.now();
  const stopping = running.stop();
  assert.equal(running.stop(), stopping, 'a second stop() returns the same promise');
  await stopping;
  assert.ok(
    Date.now() - started < 3000,
    `stop() takes at most about a poll timeout (${Date.now() - started} ms)`,
  );
  assert.equal(await isPolling(info.id), false, 'no long poll is left after stop()');
  await alice.sendMessage(info, 'anyone?');
  await alice.expectNoMessage({ timeoutMs: 300 });
});

test('await using stops the application at the end of the block', async () => {
  const info = await emu.createBot({ username: 'using_echo_bot' });
  const bob = await emu.createUser({ firstName: 'Bob' });
  {
    await using _running = await emu.runApplication(echoApplication(info.token, emu.baseUrl));
    await bob.sendMessage(info, 'ping');
    await bob.expectMessage({ text: 'echo: ping', timeoutMs: 5000 });
  }
  assert.equal(await isPolling(info.id), false, 'disposed: polling ended with the block');
});

test('runApplication(emu, app) is the same helper as a function; handlers in flight finish before stop resolves', async () => {
  const info = await emu.createBot({ username: 'slow_bot' });
  const carol = await emu.createUser({ firstName: 'Carol' });
  const app = Application.builder().token(info.token).baseUrl(emu.baseUrl).build();
  let finished = false;
  let entered: () => void = () => {};
  const handlerEntered = new Promise<void>((resolve) => {
    entered = resolve;
  });
  app.addHandler(
    new CommandHandler('slow', async (update) => {
      entered();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await update.effectiveMessage.replyText('done');
      finished = true;
    }),
  );
  const running = await runApplication(emu, app, { pollTimeout: 1 });
  await carol.sendCommand(info, '/slow');
  await handlerEntered;
  await running.stop();
  assert.equal(finished, true, 'the handler running at stop() finished before stop() resolved');
  await carol.expectMessage({ text: 'done', timeoutMs: 2000 });
});

test('an application not built with the emulator base URL is refused with what to write, without its token', async () => {
  const info = await emu.createBot({ username: 'misbuilt_bot' });
  const app = echoApplication(info.token);
  await assert.rejects(emu.runApplication(app), (error: Error) => {
    assert.match(error.message, /not to this emulator/);
    assert.match(error.message, /\.baseUrl\(emu\.baseUrl\)/, 'says what to write');
    assert.ok(!error.message.includes(info.token), 'the token is not in the message');
    return true;
  });
  assert.equal(await isPolling(info.id), false, 'nothing was started');
});

test('a token the emulator did not issue is refused before polling starts, without the token in the error', async () => {
  const app = echoApplication('999999:not-a-bot-of-this-emulator', emu.baseUrl);
  await assert.rejects(emu.runApplication(app, { startTimeoutMs: 5000 }), (error: Error) => {
    assert.match(error.message, /no bot with this token; use the token emu\.createBot\(\) returned/);
    assert.ok(!error.message.includes('not-a-bot-of-this-emulator'), 'the token is not in the message');
    return true;
  });
});
