// Passport decryption in the core: data sealed here as Telegram's documentation describes is
// opened by the bot's private key through PassportData.decryptedCredentials / decryptedData, and
// its files download decrypted.
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import {
  Bot,
  Credentials,
  DataCredentials,
  DecryptedPassportElement,
  FileCredentials,
  IdDocumentData,
  InvalidArgumentError,
  PassportData,
  PassportDecryptionError,
  PassportFile,
  PersonalDetails,
  ResidentialAddress,
} from '../../src/index.js';
import { type Exchange, FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';
import { type ElementSpec, flipByte, type SealedPassport, sealPassport } from './seal.js';

const PERSONAL = {
  first_name: 'Alice',
  last_name: 'Liddell',
  birth_date: '04.05.1852',
  gender: 'female',
  country_code: 'GB',
  residence_country_code: 'GB',
  first_name_native: 'Алиса',
};
const ADDRESS = {
  street_line1: '1 Rabbit Hole',
  street_line2: '',
  city: 'Oxford',
  state: '',
  country_code: 'GB',
  post_code: 'OX1 1AA',
};
const FRONT = Buffer.from('front side scan \u00ff\u0000 bytes');
const SELFIE = Buffer.alloc(4000, 7);
const BILL = Buffer.from('utility bill page 1');
const TRANSLATION = Buffer.from('translated bill');

const ELEMENTS: readonly ElementSpec[] = [
  { type: 'personal_details', data: PERSONAL },
  {
    type: 'passport',
    data: { document_no: 'P123', expiry_date: '01.01.2030' },
    front_side: FRONT,
    selfie: SELFIE,
  },
  { type: 'address', data: ADDRESS },
  { type: 'utility_bill', files: [BILL], translation: [TRANSLATION] },
  { type: 'phone_number', phone_number: '447700900123' },
  { type: 'email', email: 'alice@example.org' },
];

function rsaPair(passphrase?: string): { publicKey: KeyObject; privatePem: string } {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding:
      passphrase === undefined
        ? { type: 'pkcs8', format: 'pem' }
        : { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase },
  });
  return { publicKey: createPublicKey(pair.publicKey), privatePem: pair.privateKey };
}

describe('Passport decryption', () => {
  let keys: { publicKey: KeyObject; privatePem: string };
  let sealed: SealedPassport;
  let server: FakeApiServer;
  let bot: Bot;

  before(async () => {
    keys = rsaPair();
    sealed = sealPassport(keys.publicKey, 'nonce-42', ELEMENTS);
    server = await FakeApiServer.start((exchange: Exchange) => answer(exchange, sealed));
    bot = new Bot(FAKE_TOKEN, {
      baseUrl: `${server.origin}/bot`,
      baseFileUrl: `${server.origin}/file/bot`,
      privateKey: keys.privatePem,
    });
  });
  after(async () => {
    await bot.shutdown();
    await server.close();
  });

  /** getFile answers a path per file_id; the file URL serves the encrypted bytes. */
  function answer(exchange: Exchange, passport: SealedPassport): void {
    const path = exchange.recorded.path;
    if (path.endsWith('/getFile')) {
      const { file_id } = JSON.parse(exchange.recorded.body?.toString('utf8') ?? '{}') as { file_id: string };
      const bytes = passport.files.get(file_id);
      if (bytes === undefined) {
        exchange.json(400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
        return;
      }
      exchange.json(200, {
        ok: true,
        result: {
          file_id,
          file_unique_id: `u-${file_id}`,
          file_size: bytes.length,
          file_path: `passport/${file_id}.jpg`,
        },
      });
      return;
    }
    const match = /\/file\/bot[^/]+\/passport\/(.+)\.jpg$/.exec(path);
    const bytes = match === null ? undefined : passport.files.get(match[1] ?? '');
    if (bytes === undefined) {
      exchange.json(404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    exchange.response.writeHead(200, { 'content-type': 'application/octet-stream' });
    exchange.response.end(bytes);
  }

  const passportOf = (json: unknown, owner: Bot = bot) => PassportData.fromJSON(json, owner);

  test('decryptedCredentials: the nonce and a secret per element and file', () => {
    const data = passportOf(sealed.passportData);
    const credentials = data.decryptedCredentials;
    assert.ok(credentials instanceof Credentials, 'a Credentials');
    assert.equal(credentials.nonce, 'nonce-42');
    assert.equal(data.credentials.decryptedData, credentials, 'the same object through EncryptedCredentials');
    assert.equal(data.credentials.decryptedSecret.length, 32, 'the unwrapped secret is 32 bytes');
    const passport = credentials.secure_data.passport;
    assert.ok(passport?.data instanceof DataCredentials, 'passport data credentials');
    assert.equal(passport.data.hash, passport.data.data_hash, 'hash is an alias of data_hash');
    assert.ok(passport.front_side instanceof FileCredentials, 'front side credentials');
    assert.equal(passport.front_side.hash, passport.front_side.file_hash);
    assert.equal(passport.reverse_side, undefined);
    assert.equal(credentials.secure_data.utility_bill?.files?.length, 1);
    assert.equal(credentials.secure_data.driver_license, undefined);
    assert.deepEqual(Object.keys(credentials.secure_data.toJSON()).sort(), [
      'address',
      'passport',
      'personal_details',
      'utility_bill',
    ]);
  });

  test('decryptedData: personal details, document data and address decrypted; phone and email as sent', () => {
    const data = passportOf(sealed.passportData);
    const elements = data.decryptedData;
    assert.equal(data.decryptedData, elements, 'computed once and kept');
    assert.deepEqual(
      elements.map((element) => element.type),
      ['personal_details', 'passport', 'address', 'utility_bill', 'phone_number', 'email'],
    );
    assert.ok(
      elements.every((element) => element instanceof DecryptedPassportElement),
      'decrypted elements',
    );
    const [personal, passport, address, bill, phone, email] = elements;
    assert.ok(personal?.data instanceof PersonalDetails, 'PersonalDetails');
    assert.equal(personal.data.first_name, 'Alice');
    assert.equal(personal.data.first_name_native, 'Алиса');
    assert.equal(personal.data.middle_name, undefined);
    assert.deepEqual(personal.data.toJSON(), PERSONAL);
    assert.ok(passport?.data instanceof IdDocumentData, 'IdDocumentData');
    assert.equal(passport.data.document_no, 'P123');
    assert.equal(passport.data.expiry_date, '01.01.2030');
    assert.ok(address?.data instanceof ResidentialAddress, 'ResidentialAddress');
    assert.deepEqual(address.data.toJSON(), ADDRESS);
    assert.equal(bill?.data, undefined);
    assert.equal(bill?.files?.length, 1);
    assert.equal(bill?.translation?.length, 1);
    assert.equal(phone?.phone_number, '447700900123');
    assert.equal(email?.email, 'alice@example.org');
    assert.equal(passport.hash, data.data[1]?.hash, 'the element hash is kept');
    const front = passport.front_side;
    assert.ok(front instanceof PassportFile, 'front side is a PassportFile');
    assert.equal(front.file_id, data.data[1]?.front_side?.file_id);
    assert.equal(
      front.credentials?.secret,
      data.decryptedCredentials.secure_data.passport?.front_side?.secret,
      'the file carries its credentials',
    );
    assert.equal(data.data[1]?.front_side?.credentials, undefined, 'the encrypted element is left as it was');
  });

  test('PassportFile.getFile() hands its credentials to the File, whose downloads are decrypted', async () => {
    const [, passport, , bill] = passportOf(sealed.passportData).decryptedData;
    const front = await passport?.front_side?.getFile();
    assert.ok(front?.credentials instanceof FileCredentials, 'the File has the credentials');
    assert.deepEqual(Buffer.from(await front.downloadAsBytearray()), FRONT);

    const selfie = await passport?.selfie?.getFile();
    const chunks: Buffer[] = [];
    await selfie?.downloadToMemory(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    assert.deepEqual(Buffer.concat(chunks), SELFIE);

    const dir = await mkdtemp(join(tmpdir(), 'ttb-passport-'));
    try {
      const billFile = await bill?.files?.[0]?.getFile();
      const saved = await billFile?.downloadToDrive(join(dir, 'bill.jpg'));
      assert.equal(saved, join(dir, 'bill.jpg'));
      assert.deepEqual(await readFile(join(dir, 'bill.jpg')), BILL);
      const translation = await bill?.translation?.[0]?.getFile();
      assert.deepEqual(Buffer.from((await translation?.downloadAsBytearray()) ?? []), TRANSLATION);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // The encrypted element's own PassportFile has no credentials: its download is the ciphertext.
    const raw = await passportOf(sealed.passportData).data[1]?.front_side?.getFile();
    assert.equal(raw?.credentials, undefined);
    const fileId = raw?.file_id ?? '';
    assert.deepEqual(Buffer.from((await raw?.downloadAsBytearray()) ?? []), sealed.files.get(fileId));
    // setCredentials by hand does what getFile does.
    raw?.setCredentials(front.credentials);
    assert.deepEqual(Buffer.from((await raw?.downloadAsBytearray()) ?? []), FRONT);
    raw?.setCredentials(undefined);
    assert.equal(raw?.credentials, undefined);
  });

  test('a wrong private key fails with PassportDecryptionError', () => {
    const other = new Bot(FAKE_TOKEN, { privateKey: rsaPair().privatePem });
    const data = passportOf(sealed.passportData, other);
    assert.throws(
      () => data.decryptedCredentials,
      (error: unknown) => error instanceof PassportDecryptionError && /private key/.test(error.message),
    );
    assert.throws(() => data.decryptedData, PassportDecryptionError);
  });

  test('a bot without a private key cannot decrypt', () => {
    const data = passportOf(sealed.passportData, new Bot(FAKE_TOKEN));
    assert.throws(
      () => data.decryptedCredentials,
      (error: unknown) => error instanceof PassportDecryptionError && /no private key/.test(error.message),
    );
  });

  test('tampered credentials, element data or file fail the hash check', async () => {
    const { passportData } = sealed;
    const credentials = {
      ...passportData.credentials,
      data: flipByte(passportData.credentials.data ?? '', 3),
    };
    assert.throws(
      () => passportOf({ ...passportData, credentials }).decryptedCredentials,
      (error: unknown) => error instanceof PassportDecryptionError && /hash/.test(error.message),
    );

    const data = passportData.data.map((element, index) =>
      index === 0 ? { ...element, data: flipByte(String(element.data), 40) } : element,
    );
    const tampered = passportOf({ ...passportData, data });
    assert.equal(tampered.decryptedCredentials.nonce, 'nonce-42', 'the credentials themselves are intact');
    assert.throws(
      () => tampered.decryptedData,
      (error: unknown) => error instanceof PassportDecryptionError && /hash/.test(error.message),
    );

    const front = await passportOf(passportData).decryptedData[1]?.front_side?.getFile();
    const fileId = front?.file_id ?? '';
    const original = sealed.files.get(fileId) ?? Buffer.alloc(0);
    const flipped = Buffer.from(original);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 0x80;
    sealed.files.set(fileId, flipped);
    try {
      await assert.rejects(front?.downloadAsBytearray() ?? Promise.resolve(), PassportDecryptionError);
    } finally {
      sealed.files.set(fileId, original);
    }
  });

  test('a private key protected by a password', () => {
    const locked = rsaPair('s3cret');
    const passport = sealPassport(locked.publicKey, 'locked-nonce', [{ type: 'email', email: 'a@b.c' }]);
    const owner = new Bot(FAKE_TOKEN, { privateKey: locked.privatePem, privateKeyPassword: 's3cret' });
    const data = passportOf(passport.passportData, owner);
    assert.equal(data.decryptedCredentials.nonce, 'locked-nonce');
    assert.equal(data.decryptedData[0]?.email, 'a@b.c');
    assert.throws(
      () => new Bot(FAKE_TOKEN, { privateKey: locked.privatePem, privateKeyPassword: 'wrong' }),
      InvalidArgumentError,
    );
    assert.throws(() => new Bot(FAKE_TOKEN, { privateKey: locked.privatePem }), InvalidArgumentError);
  });
});
