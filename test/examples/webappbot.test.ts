import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BUTTON_TEXT, buildApplication, COLOR_PICKER_URL, parseColor } from '../../examples/webappbot.js';
import { conformsTo, Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

test('webappbot: /start opens the colour picker, the picked colour is described and the keyboard removed', async () => {
  const info = await emu.createBot({ username: 'seed_webapp_bot' });
  const alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
  const app = buildApplication(info.token, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await alice.sendCommand(info, '/start');
    await alice.expectMessage({
      text: 'Please press the button below to choose a color via the WebApp.',
      timeoutMs: 5000,
    });
    const keyboard = await alice.keyboard(info);
    assert.deepEqual(keyboard?.keyboard, [[{ text: BUTTON_TEXT, web_app: { url: COLOR_PICKER_URL } }]]);

    // What the picker page sends with Telegram.WebApp.sendData.
    const sent = await alice.sendWebAppData(
      BUTTON_TEXT,
      JSON.stringify({ hex: '#ff8000', rgb: { r: 255, g: 128, b: 0 } }),
      info,
    );
    assert.equal(conformsTo(sent, 'Message'), undefined);
    const reply = await alice.expectMessage({ timeoutMs: 5000 });
    assert.equal(
      reply.text,
      'You selected the color with the HEX value #ff8000. The corresponding RGB value is (255, 128, 0).',
    );
    const codes = (reply.entities as { type: string; offset: number; length: number }[]).map((entity) =>
      reply.text?.slice(entity.offset, entity.offset + entity.length),
    );
    assert.deepEqual(codes, ['#ff8000', '(255, 128, 0)']);
    assert.ok((reply.entities as { type: string }[]).every((entity) => entity.type === 'code'));
    assert.equal(await alice.keyboard(info), undefined, 'the reply removes the keyboard');
  } finally {
    app.stopRunning();
    await running;
  }
});

test('webappbot: data the page would not send gets a polite answer', async () => {
  const info = await emu.createBot({ username: 'seed_webapp_bad_bot' });
  const bob = await emu.createUser({ firstName: 'Bob' });
  const app = buildApplication(info.token, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await bob.sendCommand(info, '/start');
    await bob.expectMessage({ text: /choose a color/, timeoutMs: 5000 });
    await bob.sendWebAppData(BUTTON_TEXT, 'not json', info);
    await bob.expectMessage({ text: 'Sorry, I could not read the color the web app sent.', timeoutMs: 5000 });
    assert.equal(await bob.keyboard(info), undefined);
  } finally {
    app.stopRunning();
    await running;
  }
});

test('webappbot: parseColor accepts only the picker payload', () => {
  assert.deepEqual(parseColor('{"hex":"#000000","rgb":{"r":0,"g":0,"b":0}}'), {
    hex: '#000000',
    rgb: { r: 0, g: 0, b: 0 },
  });
  assert.equal(parseColor('{"hex":"#000000"}'), undefined);
  assert.equal(parseColor('{"hex":1,"rgb":{"r":0,"g":0,"b":0}}'), undefined);
  assert.equal(parseColor('null'), undefined);
  assert.equal(parseColor('{'), undefined);
});
