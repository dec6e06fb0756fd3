/**
 * Telegram Passport's cryptography, on node:crypto: the RSA-OAEP (SHA-1) wrapped secret, and the
 * AES-256-CBC payloads whose key and IV come from SHA-512(secret + hash), checked against their
 * SHA-256 hash and stripped of their random leading padding.
 */
import {
  constants,
  createDecipheriv,
  createHash,
  type KeyObject,
  privateDecrypt,
  timingSafeEqual,
} from 'node:crypto';
import { PassportDecryptionError } from '../errors.js';

/** Decodes base64 (Telegram sends standard base64), failing with a decryption error on junk. */
export function fromBase64(value: string, what: string): Buffer {
  if (!/^[A-Za-z0-9+/\-_]*={0,2}$/.test(value)) {
    throw new PassportDecryptionError(`${what} is not base64`);
  }
  return Buffer.from(value, 'base64');
}

/** Unwraps the credentials secret (base64) with the bot's private key: RSA-OAEP with SHA-1. */
export function decryptSecret(privateKey: KeyObject, encryptedSecret: string): Buffer {
  const wrapped = fromBase64(encryptedSecret, 'the credentials secret');
  try {
    return privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      wrapped,
    );
  } catch (cause) {
    throw new PassportDecryptionError('the credentials secret cannot be decrypted with this private key', {
      cause,
    });
  }
}

/**
 * Decrypts one Passport payload (credentials, element data or a file): AES-256-CBC with the key
 * and IV taken from SHA-512(secret + hash), then checks SHA-256 of the plaintext against `hash`
 * and drops the padding, whose length is the plaintext's first byte.
 */
export function decryptPayload(secret: Uint8Array, hash: Uint8Array, data: Uint8Array): Buffer {
  const digest = createHash('sha512').update(secret).update(hash).digest();
  const key = digest.subarray(0, 32);
  const iv = digest.subarray(32, 48);
  if (data.length === 0 || data.length % 16 !== 0) {
    throw new PassportDecryptionError(
      `encrypted data of ${data.length} bytes is not a whole number of AES blocks`,
    );
  }
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);
  const actual = createHash('sha256').update(plain).digest();
  if (actual.length !== hash.length || !timingSafeEqual(actual, hash)) {
    throw new PassportDecryptionError('data hash mismatch: wrong secret or tampered data');
  }
  const padding = plain[0] ?? 0;
  if (padding === 0 || padding > plain.length) {
    throw new PassportDecryptionError(`invalid padding length ${padding}`);
  }
  return plain.subarray(padding);
}

/** {@link decryptPayload}, its plaintext parsed as a JSON object (`what` names it in errors). */
export function decryptJson(
  secret: Uint8Array,
  hash: Uint8Array,
  data: Uint8Array,
  what: string,
): Record<string, unknown> {
  const text = decryptPayload(secret, hash, data).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new PassportDecryptionError(`decrypted ${what} is not JSON`, { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PassportDecryptionError(`decrypted ${what} is not a JSON object`);
  }
  return parsed as Record<string, unknown>;
}
