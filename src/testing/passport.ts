/**
 * Telegram Passport encryption, as Telegram applies it before a bot sees a user's documents.
 *
 * Every secret-bearing payload (an element's JSON data, a scan, the credentials) is sealed alike:
 * 1. prepend 32..255 random bytes so the total length is a multiple of 16; the first of them
 *    holds the padding's length;
 * 2. hash = SHA-256(padded);
 * 3. take a fresh random 32-byte secret; SHA-512(secret ‖ hash) gives the AES key (its first 32
 *    bytes) and IV (the next 16);
 * 4. encrypt `padded` with AES-256-CBC, no automatic padding.
 *
 * The hash and secret of each element's data and files go into the credentials JSON
 * (`{ secure_data, nonce }`), which is sealed the same way; its secret is then encrypted with the
 * bot's RSA public key (OAEP with SHA-1, as Telegram does). Only the bot's private key can unlock
 * the chain. phone_number and email elements carry their values in clear.
 */
import type { KeyObject } from 'node:crypto';
import {
  constants,
  createCipheriv,
  createHash,
  createPublicKey,
  publicEncrypt,
  randomBytes,
  randomInt,
} from 'node:crypto';

/** Element types a user can share (EncryptedPassportElement.type). */
export const PASSPORT_ELEMENT_TYPES = [
  'personal_details',
  'passport',
  'driver_license',
  'identity_card',
  'internal_passport',
  'address',
  'utility_bill',
  'bank_statement',
  'rental_agreement',
  'passport_registration',
  'temporary_registration',
  'phone_number',
  'email',
] as const;

/** One of {@link PASSPORT_ELEMENT_TYPES}. */
export type PassportElementType = (typeof PASSPORT_ELEMENT_TYPES)[number];

/** The parts of an element that can hold something; the rest of each element type stays empty. */
export type PassportPart =
  | 'data'
  | 'front_side'
  | 'reverse_side'
  | 'selfie'
  | 'files'
  | 'translation'
  | 'phone_number'
  | 'email';

const IDENTITY_DOCUMENT: readonly PassportPart[] = [
  'data',
  'front_side',
  'reverse_side',
  'selfie',
  'translation',
];
const ONE_SIDED_DOCUMENT: readonly PassportPart[] = ['data', 'front_side', 'selfie', 'translation'];
const PROOF_OF_ADDRESS: readonly PassportPart[] = ['files', 'translation'];

/** Which parts each element type has, per the Bot API's EncryptedPassportElement. */
export const PASSPORT_PARTS: Readonly<Record<PassportElementType, readonly PassportPart[]>> = {
  personal_details: ['data'],
  passport: ONE_SIDED_DOCUMENT,
  driver_license: IDENTITY_DOCUMENT,
  identity_card: IDENTITY_DOCUMENT,
  internal_passport: ONE_SIDED_DOCUMENT,
  address: ['data'],
  utility_bill: PROOF_OF_ADDRESS,
  bank_statement: PROOF_OF_ADDRESS,
  rental_agreement: PROOF_OF_ADDRESS,
  passport_registration: PROOF_OF_ADDRESS,
  temporary_registration: PROOF_OF_ADDRESS,
  phone_number: ['phone_number'],
  email: ['email'],
};

/** Whether a string names an element type. */
export function isPassportElementType(type: string): type is PassportElementType {
  return (PASSPORT_ELEMENT_TYPES as readonly string[]).includes(type);
}

/** A sealed payload: the ciphertext, the SHA-256 of the padded plaintext, and the secret. */
export interface SealedPayload {
  readonly encrypted: Buffer;
  readonly hash: Buffer;
  readonly secret: Buffer;
}

/** Prepends random padding: 32..255 bytes, the first holding the count, total a multiple of 16. */
export function padPassportPayload(plain: Buffer): Buffer {
  // The lengths in 32..255 that round the total up to a multiple of 16: 14 choices.
  const first = 32 + ((16 - ((plain.length + 32) % 16)) % 16);
  const length = first + 16 * randomInt(0, Math.floor((255 - first) / 16) + 1);
  const padding = randomBytes(length);
  padding[0] = length;
  return Buffer.concat([padding, plain]);
}

/** The AES-256 key and IV Telegram derives from a secret and a payload hash. */
export function passportKeyAndIv(secret: Buffer, hash: Buffer): { key: Buffer; iv: Buffer } {
  const digest = createHash('sha512').update(secret).update(hash).digest();
  return { key: digest.subarray(0, 32), iv: digest.subarray(32, 48) };
}

/** Pads and encrypts bytes under a fresh random secret. */
export function sealPassportPayload(plain: Buffer): SealedPayload {
  const padded = padPassportPayload(plain);
  const hash = createHash('sha256').update(padded).digest();
  const secret = randomBytes(32);
  const { key, iv } = passportKeyAndIv(secret, hash);
  const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return { encrypted: Buffer.concat([cipher.update(padded), cipher.final()]), hash, secret };
}

/**
 * Reads a bot's Passport public key (PEM: SPKI `PUBLIC KEY`, PKCS#1 `RSA PUBLIC KEY`, or a
 * private key, of which only the public half is kept). Telegram wants RSA of 2048 bits or more.
 */
export function parsePassportPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error('public_key_pem is not a PEM-encoded public key');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error('the Passport key must be an RSA key');
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048) throw new Error(`the Passport key must have at least 2048 bits, not ${bits}`);
  return key;
}

/** Credentials of one sealed payload, as the credentials JSON spells them. */
export interface DataCredentials {
  readonly data_hash: string;
  readonly secret: string;
}

/** Credentials of one sealed file. */
export interface FileCredentials {
  readonly file_hash: string;
  readonly secret: string;
}

/** The credentials of one element (SecureValue). */
export interface SecureValue {
  data?: DataCredentials;
  front_side?: FileCredentials;
  reverse_side?: FileCredentials;
  selfie?: FileCredentials;
  files?: FileCredentials[];
  translation?: FileCredentials[];
}

/** Credentials of a sealed data payload. */
export function dataCredentials(sealed: SealedPayload): DataCredentials {
  return { data_hash: sealed.hash.toString('base64'), secret: sealed.secret.toString('base64') };
}

/** Credentials of a sealed file. */
export function fileCredentials(sealed: SealedPayload): FileCredentials {
  return { file_hash: sealed.hash.toString('base64'), secret: sealed.secret.toString('base64') };
}

/** EncryptedCredentials as the bot receives it (every field base64). */
export interface EncryptedCredentialsJSON {
  readonly data: string;
  readonly hash: string;
  readonly secret: string;
}

/**
 * Seals `{ secure_data, nonce }` and encrypts its secret for the bot's key (RSA-OAEP, SHA-1).
 */
export function encryptCredentials(
  secureData: Readonly<Record<string, SecureValue>>,
  nonce: string,
  key: KeyObject,
): EncryptedCredentialsJSON {
  const sealed = sealPassportPayload(Buffer.from(JSON.stringify({ secure_data: secureData, nonce }), 'utf8'));
  const secret = publicEncrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    sealed.secret,
  );
  return {
    data: sealed.encrypted.toString('base64'),
    hash: sealed.hash.toString('base64'),
    secret: secret.toString('base64'),
  };
}

/**
 * The element's `hash` (for PassportElementErrorUnspecified). Telegram does not document how it
 * makes it; here it is the SHA-256 of the element's type and its payload hashes (or clear value).
 */
export function elementHash(type: PassportElementType, parts: readonly (Buffer | string)[]): string {
  const digest = createHash('sha256').update(type);
  for (const part of parts) digest.update(part);
  return digest.digest('base64');
}
