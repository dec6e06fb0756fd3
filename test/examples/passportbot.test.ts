import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildApplication, NONCE } from '../../examples/passportbot.js';
import type { Logger } from '../../src/index.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

/** A logger that keeps its info lines (errors prefixed with ERROR). */
function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      debug: () => undefined,
      info: (message) => lines.push(message),
      warn: () => undefined,
      error: (...args) => lines.push(`ERROR ${args.join(' ')}`),
    },
  };
}

/** Resolves once `ready()` holds, checking every 20 ms for 5 s. */
async function waitUntil(ready: () => boolean, what: () => string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

test('passportbot: prints the decrypted details and saves the decrypted scans; ignores a foreign nonce', async () => {
  const info = await emu.createBot({ username: 'seed_passport_bot' });
  const alice = await emu.createUser({ firstName: 'Alice' });
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  await emu.setPassportKey(info, pair.publicKey);
  const dir = await mkdtemp(join(tmpdir(), 'ttb-passportbot-'));
  const log = recordingLogger();
  const app = buildApplication(info.token, {
    privateKey: pair.privateKey,
    baseUrl: emu.baseUrl,
    baseFileUrl: emu.fileBaseUrl,
    downloadDir: dir,
    logger: log.logger,
  });
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    // Not the bot's nonce: nothing is printed or saved.
    await alice.sendPassportData(info, 'someone-else', [{ type: 'email', email: 'eve@example.org' }]);
    const front = Buffer.from('identity card front');
    const reverse = Buffer.from('identity card back');
    const bill = Buffer.alloc(5000, 0x42);
    await alice.sendPassportData(info, NONCE, [
      { type: 'phone_number', phone_number: '447700900123' },
      { type: 'email', email: 'alice@example.org' },
      {
        type: 'identity_card',
        data: { document_no: 'ID-77', expiry_date: '31.12.2031' },
        front_side: front,
        reverse_side: reverse,
      },
      { type: 'utility_bill', files: [bill] },
    ]);
    // Three scans: the card's two sides and the bill, each logged once written.
    await waitUntil(
      () =>
        log.lines.filter((line) => line.startsWith('Saved ')).length === 3 ||
        log.lines.some((line) => line.startsWith('ERROR')),
      () => `three saved scans (log: ${log.lines.join(' | ')})`,
    );

    assert.ok(!log.lines.some((line) => line.includes('eve@example.org')), 'the foreign nonce is ignored');
    assert.ok(log.lines.includes('Phone: 447700900123'), 'the phone number');
    assert.ok(log.lines.includes('Email: alice@example.org'), 'the email');
    assert.ok(
      log.lines.includes('identity_card: {"document_no":"ID-77","expiry_date":"31.12.2031"}'),
      'the document',
    );
    const saved = await Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name))));
    const contents = saved.map((bytes) => bytes.toString('base64')).sort();
    assert.deepEqual(contents, [front, reverse, bill].map((bytes) => bytes.toString('base64')).sort());
    assert.ok(!log.lines.some((line) => line.startsWith('ERROR')), `no errors: ${log.lines.join(' | ')}`);
  } finally {
    app.stopRunning();
    await running;
    await rm(dir, { recursive: true, force: true });
  }
});
