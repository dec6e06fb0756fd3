/**
 * The user's side of Telegram Passport, for tests: encrypts data the way Telegram's documentation
 * describes, so the library's decryption can be checked against independently produced input.
 */
import {
  constants,
  createCipheriv,
  createHash,
  type KeyObject,
  publicEncrypt,
  randomBytes,
  randomInt,
} from 'node:crypto';

/** One payload sealed under its own secret: all three as raw bytes. */
export interface Sealed {
  readonly data: Buffer;
  readonly hash: Buffer;
  readonly secret: Buffer;
}

/**
 * Pads `plain` with 32..255 random bytes (the first holding their count, the total a multiple of
 * 16), hashes it (SHA-256) and encrypts it with AES-256-CBC, key and IV from SHA-512(secret + hash).
 */
export function seal(plain: Uint8Array): Sealed {
  let padding = 32 + ((16 - ((plain.length + 32) % 16)) % 16);
  padding += 16 * randomInt(0, Math.floor((255 - padding) / 16) + 1);
  const prefix = randomBytes(padding);
  prefix[0] = padding;
  const padded = Buffer.concat([prefix, plain]);
  const hash = createHash('sha256').update(padded).digest();
  const secret = randomBytes(32);
  const digest = createHash('sha512').update(secret).update(hash).digest();
  const cipher = createCipheriv(
    'aes-256-cbc',
    digest.subarray(0, 32),
    digest.subarray(32, 48),
  ).setAutoPadding(false);
  return { data: Buffer.concat([cipher.update(padded), cipher.final()]), hash, secret };
}

/** The scans and details of one element the test user shares. */
export interface ElementSpec {
  readonly type: string;
  readonly data?: Record<string, unknown>;
  readonly phone_number?: string;
  readonly email?: string;
  readonly front_side?: Uint8Array;
  readonly reverse_side?: Uint8Array;
  readonly selfie?: Uint8Array;
  readonly files?: readonly Uint8Array[];
  readonly translation?: readonly Uint8Array[];
}

/** A `PassportData` JSON and the encrypted bytes of its files by `file_id`. */
export interface SealedPassport {
  readonly passportData: { data: Record<string, unknown>[]; credentials: Record<string, string> };
  readonly files: Map<string, Buffer>;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** Builds the `PassportData` a bot with `publicKey` would receive for `elements` and `nonce`. */
export function sealPassport(
  publicKey: KeyObject,
  nonce: string,
  elements: readonly ElementSpec[],
): SealedPassport {
  const files = new Map<string, Buffer>();
  let counter = 0;
  const sealFile = (bytes: Uint8Array) => {
    const sealed = seal(bytes);
    const id = `passport-file-${++counter}`;
    files.set(id, sealed.data);
    const file = {
      file_id: id,
      file_unique_id: `u${counter}`,
      file_size: sealed.data.length,
      file_date: 1_700_000_000,
    };
    return { file, credentials: { file_hash: b64(sealed.hash), secret: b64(sealed.secret) } };
  };
  const secureData: Record<string, Record<string, unknown>> = {};
  const data = elements.map((spec) => {
    const element: Record<string, unknown> = { type: spec.type };
    const value: Record<string, unknown> = {};
    if (spec.phone_number !== undefined) element.phone_number = spec.phone_number;
    if (spec.email !== undefined) element.email = spec.email;
    if (spec.data !== undefined) {
      const sealed = seal(Buffer.from(JSON.stringify(spec.data)));
      element.data = b64(sealed.data);
      value.data = { data_hash: b64(sealed.hash), secret: b64(sealed.secret) };
    }
    for (const side of ['front_side', 'reverse_side', 'selfie'] as const) {
      const bytes = spec[side];
      if (bytes === undefined) continue;
      const { file, credentials } = sealFile(bytes);
      element[side] = file;
      value[side] = credentials;
    }
    for (const list of ['files', 'translation'] as const) {
      const scans = spec[list];
      if (scans === undefined) continue;
      const sealedScans = scans.map(sealFile);
      element[list] = sealedScans.map((scan) => scan.file);
      value[list] = sealedScans.map((scan) => scan.credentials);
    }
    element.hash = b64(createHash('sha256').update(JSON.stringify(element)).digest());
    if (spec.type !== 'phone_number' && spec.type !== 'email') secureData[spec.type] = value;
    return element;
  });
  const sealed = seal(Buffer.from(JSON.stringify({ secure_data: secureData, nonce })));
  const secret = publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    sealed.secret,
  );
  return {
    passportData: {
      data,
      credentials: { data: b64(sealed.data), hash: b64(sealed.hash), secret: b64(secret) },
    },
    files,
  };
}

/** A copy of base64 `value` with one bit of byte `index` flipped. */
export function flipByte(value: string, index = 0): string {
  const bytes = Buffer.from(value, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}
