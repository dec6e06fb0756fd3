// End to end: a simulated user shares Telegram Passport data with a bot whose public key the
// emulator holds; the library's Bot, holding the private key, decrypts what arrives.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  Bot,
  IdDocumentData,
  PassportData,
  PassportDecryptionError,
  PassportElementErrorDataField,
  PassportElementErrorFrontSide,
  PersonalDetails,
  ResidentialAddress,
} from '../../src/index.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

function pemPair(): { publicPem: string; privatePem: string } {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hunter2' },
  });
  return { publicPem: pair.publicKey, privatePem: pair.privateKey };
}

test('a user shares Passport data; the bot decrypts details, documents and scans', async () => {
  const info = await emu.createBot({ username: 'passport_core_bot' });
  const alice = await emu.createUser({ firstName: 'Alice' });
  const keys = pemPair();
  await emu.setPassportKey(info, keys.publicPem);
  const bot = new Bot(info.token, {
    baseUrl: emu.baseUrl,
    baseFileUrl: emu.fileBaseUrl,
    privateKey: keys.privatePem,
    privateKeyPassword: 'hunter2',
  });
  try {
    const front = Buffer.from('licence front');
    const reverse = Buffer.from('licence back');
    const statement = Buffer.alloc(70_000, 0xab);
    await alice.sendPassportData(info, 'nonce-e2e', [
      {
        type: 'personal_details',
        data: {
          first_name: 'Alice',
          last_name: 'Liddell',
          birth_date: '04.05.1852',
          gender: 'female',
          country_code: 'GB',
          residence_country_code: 'GB',
        },
      },
      { type: 'driver_license', data: { document_no: 'DL-9' }, front_side: front, reverse_side: reverse },
      {
        type: 'address',
        data: {
          street_line1: 'Christ Church',
          street_line2: '',
          city: 'Oxford',
          state: '',
          country_code: 'GB',
          post_code: 'OX1 1DP',
        },
      },
      { type: 'bank_statement', files: [statement] },
      { type: 'email', email: 'alice@example.org' },
    ]);
    const updates = await bot.getUpdates({ timeout: 0 });
    const passportData = updates.at(-1)?.message?.passport_data;
    assert.ok(passportData !== undefined, 'the bot received passport_data');
    assert.equal(passportData.decryptedCredentials.nonce, 'nonce-e2e');

    const [personal, licence, address, bank, email] = passportData.decryptedData;
    assert.ok(personal?.data instanceof PersonalDetails, 'personal details');
    assert.equal(personal.data.last_name, 'Liddell');
    assert.ok(licence?.data instanceof IdDocumentData, 'licence data');
    assert.equal(licence.data.document_no, 'DL-9');
    assert.equal(licence.data.expiry_date, undefined);
    assert.ok(address?.data instanceof ResidentialAddress, 'address');
    assert.equal(address.data.post_code, 'OX1 1DP');
    assert.equal(email?.email, 'alice@example.org');

    const frontFile = await licence.front_side?.getFile();
    assert.deepEqual(Buffer.from((await frontFile?.downloadAsBytearray()) ?? []), front);
    const reverseFile = await licence.reverse_side?.getFile();
    assert.deepEqual(Buffer.from((await reverseFile?.downloadAsBytearray()) ?? []), reverse);
    const statementFile = await bank?.files?.[0]?.getFile();
    assert.deepEqual(Buffer.from((await statementFile?.downloadAsBytearray()) ?? []), statement);

    // The bot reports problems against the hashes the credentials hold (PassportElementError*).
    const licenceSecrets = passportData.decryptedCredentials.secure_data.driver_license;
    const dataHash = licenceSecrets?.data?.data_hash ?? '';
    const fileHash = licenceSecrets?.front_side?.file_hash ?? '';
    assert.equal(
      await bot.setPassportDataErrors(alice.id, [
        new PassportElementErrorDataField({
          source: 'data',
          type: 'driver_license',
          field_name: 'document_no',
          data_hash: dataHash,
          message: 'The number is unreadable',
        }),
        new PassportElementErrorFrontSide({
          source: 'front_side',
          type: 'driver_license',
          file_hash: fileHash,
          message: 'Blurred scan',
        }),
      ]),
      true,
    );
    assert.deepEqual(await emu.passportErrors(info, alice), [
      {
        source: 'data',
        type: 'driver_license',
        field_name: 'document_no',
        data_hash: dataHash,
        message: 'The number is unreadable',
      },
      { source: 'front_side', type: 'driver_license', file_hash: fileHash, message: 'Blurred scan' },
    ]);

    // Another bot's key opens nothing.
    const stranger = new Bot(info.token, { privateKey: pemPair().privatePem, privateKeyPassword: 'hunter2' });
    const foreign = updates.at(-1)?.message?.toJSON().passport_data;
    assert.throws(() => PassportData.fromJSON(foreign, stranger).decryptedData, PassportDecryptionError);
  } finally {
    await bot.shutdown();
  }
});
