// Telegram Passport: a simulated user's data reaches the bot encrypted for its registered RSA key,
// and the test unlocks it with the private key exactly as Telegram's docs tell a bot to.
import assert from 'node:assert/strict';
import type { KeyObject } from 'node:crypto';
import { constants, createDecipheriv, createHash, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { Emulator, EmulatorError } from '../../src/testing/index.js';
import { jpegImage } from '../helpers/images.js';
import { call, drain, fails, nextUpdate, ok } from './helpers.js';

type PassportFile = { file_id: string; file_unique_id: string; file_size: number; file_date: number };
type Element = {
  type: string;
  data?: string;
  phone_number?: string;
  email?: string;
  front_side?: PassportFile;
  reverse_side?: PassportFile;
  selfie?: PassportFile;
  hash: string;
};
type PassportData = { data: Element[]; credentials: { data: string; hash: string; secret: string } };
type Secret = { secret: string };
type Credentials = {
  nonce: string;
  secure_data: Record<
    string,
    {
      data?: Secret & { data_hash: string };
      front_side?: Secret & { file_hash: string };
      reverse_side?: Secret & { file_hash: string };
      selfie?: Secret & { file_hash: string };
    }
  >;
};

/** Telegram's decryption: key+iv from SHA-512(secret + hash), AES-256-CBC, hash check, padding strip. */
function decrypt(encrypted: Buffer, secret: Buffer, hash: Buffer): Buffer {
  const digest = createHash('sha512')
    .update(Buffer.concat([secret, hash]))
    .digest();
  const decipher = createDecipheriv('aes-256-cbc', digest.subarray(0, 32), digest.subarray(32, 48));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(encrypted), decipher.final()]);
  assert.equal(padded.length % 16, 0, 'padded data is a multiple of 16 bytes');
  assert.deepEqual(createHash('sha256').update(padded).digest(), hash, 'the hash matches the decrypted data');
  const padding = padded[0] ?? 0;
  assert.ok(padding >= 32 && padding <= 255, `padding length ${padding} within 32..255`);
  return padded.subarray(padding);
}

const b64 = (text: string): Buffer => Buffer.from(text, 'base64');

function decryptCredentials(privateKey: KeyObject, credentials: PassportData['credentials']): Credentials {
  const secret = privateDecrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    b64(credentials.secret),
  );
  const plain = decrypt(b64(credentials.data), secret, b64(credentials.hash));
  return JSON.parse(plain.toString('utf8')) as Credentials;
}

describe('Telegram Passport', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  let privateKey: KeyObject;
  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'passport_bot' });
    alice = await emu.createUser({ firstName: 'Alice' });
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateKey = pair.privateKey;
    await emu.setPassportKey(bot, pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  });
  after(() => emu.stop());

  async function download(fileId: string): Promise<Buffer> {
    const file = await ok(emu, bot.token, 'getFile', { file_id: fileId });
    const response = await fetch(`${emu.fileBaseUrl}${bot.token}/${file.file_path as string}`);
    assert.equal(response.status, 200, `download of ${file.file_path} failed`);
    return Buffer.from(await response.arrayBuffer());
  }

  test('the bot decrypts the shared elements, scans and nonce with its private key', async () => {
    await drain(emu, bot.token);
    const details = { first_name: 'Alice', last_name: 'Liddell', birth_date: '04.05.1852', gender: 'female' };
    const document = { document_no: 'P1234567', expiry_date: '01.01.2030' };
    const front = jpegImage(640, 400);
    const selfie = jpegImage(300, 400);
    const sent = await alice.sendPassportData(bot, 'nonce-42', [
      { type: 'personal_details', data: details },
      { type: 'passport', data: document, front_side: front, selfie },
      { type: 'phone_number', phone_number: '15551234567' },
      { type: 'email', email: 'alice@example.org' },
    ]);
    assert.ok(sent.passport_data !== undefined, 'the sent message carries passport_data');

    const message = await nextUpdate(emu, bot.token, 'message');
    assert.equal((message.from as { id: number }).id, alice.id);
    assert.deepEqual(message.chat, { id: alice.id, type: 'private', first_name: 'Alice' });
    const passport = message.passport_data as PassportData;
    assert.deepEqual(
      passport.data.map((element) => element.type),
      ['personal_details', 'passport', 'phone_number', 'email'],
    );
    const [personal, doc, phone, email] = passport.data as [Element, Element, Element, Element];
    assert.equal(phone.phone_number, '15551234567');
    assert.equal(email.email, 'alice@example.org');
    assert.equal(phone.data, undefined, 'phone numbers travel in clear');
    for (const element of passport.data) assert.equal(b64(element.hash).length, 32, `${element.type} hash`);

    const credentials = decryptCredentials(privateKey, passport.credentials);
    assert.equal(credentials.nonce, 'nonce-42');
    assert.deepEqual(Object.keys(credentials.secure_data).sort(), ['passport', 'personal_details']);

    const personalCredentials = credentials.secure_data.personal_details?.data;
    assert.ok(personalCredentials !== undefined, 'personal_details has data credentials');
    const personalPlain = decrypt(
      b64(personal.data ?? ''),
      b64(personalCredentials.secret),
      b64(personalCredentials.data_hash),
    );
    assert.deepEqual(JSON.parse(personalPlain.toString('utf8')), details);

    const passportCredentials = credentials.secure_data.passport;
    assert.ok(passportCredentials?.data !== undefined, 'passport has data credentials');
    const documentPlain = decrypt(
      b64(doc.data ?? ''),
      b64(passportCredentials.data.secret),
      b64(passportCredentials.data.data_hash),
    );
    assert.deepEqual(JSON.parse(documentPlain.toString('utf8')), document);
    assert.equal(doc.reverse_side, undefined, 'a passport has no reverse side');

    for (const [part, original] of [
      ['front_side', front],
      ['selfie', selfie],
    ] as const) {
      const file = doc[part];
      const fileCredentials = passportCredentials[part];
      assert.ok(file !== undefined && fileCredentials !== undefined, `the passport has a ${part}`);
      assert.ok(Math.abs(file.file_date - Date.now() / 1000) < 60, `${part} file_date is now`);
      const encrypted = await download(file.file_id);
      assert.equal(encrypted.length, file.file_size, `${part} file_size`);
      assert.equal(encrypted.includes(original.subarray(0, 64)), false, `${part} is stored encrypted`);
      const plain = decrypt(encrypted, b64(fileCredentials.secret), b64(fileCredentials.file_hash));
      assert.deepEqual(plain, original, `${part} decrypts to the scan sent`);
    }
    assert.notEqual(doc.front_side?.file_id, doc.selfie?.file_id);
    const transcript = await emu.transcript(alice.chatWith(bot));
    assert.equal(transcript.entries.at(-1)?.summary, '[passport_data]', 'the transcript names the content');
  });

  test('each payload gets its own secret and fresh padding', async () => {
    await drain(emu, bot.token);
    const data = { first_name: 'Alice' };
    await alice.sendPassportData(bot, 'n1', [{ type: 'personal_details', data }]);
    await alice.sendPassportData(bot, 'n1', [{ type: 'personal_details', data }]);
    const updates = await drain(emu, bot.token);
    const sent = updates.map((update) => (update.message as { passport_data: PassportData }).passport_data);
    assert.equal(sent.length, 2);
    const [first, second] = sent as [PassportData, PassportData];
    assert.notEqual(first.credentials.secret, second.credentials.secret);
    assert.notEqual(first.data[0]?.data, second.data[0]?.data);
    const one = decryptCredentials(privateKey, first.credentials).secure_data.personal_details?.data;
    const two = decryptCredentials(privateKey, second.credentials).secure_data.personal_details?.data;
    assert.notEqual(one?.secret, two?.secret);
  });

  test('setPassportDataErrors is recorded for the control API', async () => {
    const errors = [
      {
        source: 'data',
        type: 'personal_details',
        field_name: 'first_name',
        data_hash: 'aGFzaA==',
        message: 'Typo',
      },
    ];
    assert.equal(await emu.passportErrors(bot, alice), undefined);
    assert.equal(await ok(emu, bot.token, 'setPassportDataErrors', { user_id: alice.id, errors }), true);
    assert.deepEqual(await emu.passportErrors(bot, alice), errors);
    await alice.sendPassportData(bot, 'n2', [{ type: 'email', email: 'alice@example.org' }]);
    assert.equal(await emu.passportErrors(bot, alice), undefined, 'sending again clears the errors');
    const unknown = await fails(emu, bot.token, 'setPassportDataErrors', { user_id: 999_999_999, errors });
    assert.equal(unknown.body.error_code, 400);
  });

  test('a bot without a registered key is refused with a clear error', async () => {
    const keyless = await emu.createBot({ username: 'keyless_bot' });
    await assert.rejects(
      alice.sendPassportData(keyless, 'n', [{ type: 'email', email: 'alice@example.org' }]),
      (error: unknown) =>
        error instanceof EmulatorError && /keyless_bot has no Passport public key/.test(error.message),
    );
    const answer = await call(emu, keyless.token, 'getUpdates', { timeout: 0 });
    assert.deepEqual(answer.body.result, [], 'nothing reached the bot');
  });

  test('keys that are not RSA public keys of 2048 bits or more are refused', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const cases: [string, RegExp][] = [
      [small.export({ type: 'spki', format: 'pem' }).toString(), /at least 2048 bits/],
      [ec.export({ type: 'spki', format: 'pem' }).toString(), /must be an RSA key/],
      ['not a key', /not a PEM-encoded public key/],
    ];
    for (const [pem, message] of cases) {
      await assert.rejects(
        emu.setPassportKey(bot, pem),
        (error: unknown) => error instanceof EmulatorError && message.test(error.message),
      );
    }
  });

  test('elements are checked against their type', async () => {
    const refused: [Parameters<SimulatedUser['sendPassportData']>[2], RegExp][] = [
      [[], /elements is empty/],
      [[{ type: 'utility_bill', files: [] }], /non-empty list/],
      [
        [
          { type: 'email', email: 'a@example.org' },
          { type: 'email', email: 'b@example.org' },
        ],
        /given twice/,
      ],
    ];
    for (const [elements, message] of refused) {
      await assert.rejects(
        alice.sendPassportData(bot, 'n', elements),
        (error: unknown) => error instanceof EmulatorError && message.test(error.message),
        String(message),
      );
    }
    await assert.rejects(
      alice.sendPassportData(bot, '', [{ type: 'email', email: 'a@example.org' }]),
      /nonce is empty/,
    );
    // What the TypeScript types rule out, the control API checks for clients in other languages.
    const scan = { data_base64: jpegImage(8, 8).toString('base64') };
    const raw: [unknown[], RegExp][] = [
      [
        [{ type: 'passport', data: {}, front_side: scan, reverse_side: scan }],
        /passport element has no reverse_side/,
      ],
      [[{ type: 'passport', data: {} }], /passport element needs front_side/],
      [[{ type: 'id_document', data: {} }], /unknown Passport element type "id_document"/],
      [[{ type: 'personal_details', data: 'Alice' }], /must be a JSON object/],
      [[{ type: 'email', email: '' }], /email must be a non-empty string/],
    ];
    for (const [elements, message] of raw) {
      await assert.rejects(
        emu.control.call('POST', 'passport', {
          user_id: alice.id,
          bot_id: bot.id,
          nonce: 'n',
          elements,
        } as never),
        (error: unknown) => error instanceof EmulatorError && message.test(error.message),
        String(message),
      );
    }
  });

  test('proof-of-address files and translations are listed with their credentials', async () => {
    await drain(emu, bot.token);
    const pages = [jpegImage(100, 140), jpegImage(100, 141)];
    const translated = [jpegImage(100, 142)];
    await alice.sendPassportData(bot, 'n3', [
      { type: 'utility_bill', files: pages, translation: translated },
    ]);
    const message = await nextUpdate(emu, bot.token, 'message');
    const passport = message.passport_data as PassportData;
    const bill = passport.data[0] as Element & { files: PassportFile[]; translation: PassportFile[] };
    const secure = decryptCredentials(privateKey, passport.credentials).secure_data.utility_bill as {
      files: (Secret & { file_hash: string })[];
      translation: (Secret & { file_hash: string })[];
    };
    assert.equal(bill.data, undefined);
    for (const [files, credentials, originals] of [
      [bill.files, secure.files, pages],
      [bill.translation, secure.translation, translated],
    ] as const) {
      assert.equal(files.length, originals.length);
      for (const [index, file] of files.entries()) {
        const creds = credentials[index];
        assert.ok(creds !== undefined, `credentials of file ${index}`);
        const plain = decrypt(await download(file.file_id), b64(creds.secret), b64(creds.file_hash));
        assert.deepEqual(plain, originals[index]);
      }
    }
  });
});
