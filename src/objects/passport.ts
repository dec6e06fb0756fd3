/**
 * Telegram Passport decryption on the API objects, as PTB offers it: `PassportData.decryptedData`
 * and `decryptedCredentials`, `EncryptedCredentials.decryptedData`/`decryptedSecret`, and
 * `PassportFile.getFile()` handing its credentials to the `File` so the download is decrypted.
 * Everything is computed on first read, with the bot's private key, and kept.
 */
import type { KeyObject } from 'node:crypto';
import { PassportDecryptionError } from '../errors.js';
import { EncryptedCredentials, type File, PassportData, PassportFile } from '../generated/types.js';
import { Credentials, type FileCredentials } from '../passport/credentials.js';
import { decryptJson, decryptSecret, fromBase64 } from '../passport/crypto.js';
import {
  attachFileCredentials,
  credentialsOfFile,
  type DecryptedPassportElement,
  decryptElement,
} from '../passport/element.js';
import type { CallSettings } from '../request/types.js';
import { defineBehaviour } from './behaviour.js';

declare module '../generated/types.js' {
  interface EncryptedCredentials {
    /**
     * The secret of the credentials, unwrapped with the bot's private key (RSA-OAEP, SHA-1).
     * Throws a `PassportDecryptionError` when the key does not fit.
     */
    readonly decryptedSecret: Uint8Array;
    /**
     * The decrypted credentials: the nonce and the secrets of every shared element. Throws a
     * `PassportDecryptionError` on a wrong key or tampered data.
     */
    readonly decryptedData: Credentials;
  }
  interface PassportData {
    /** `credentials.decryptedData`: check its `nonce` before trusting the data. */
    readonly decryptedCredentials: Credentials;
    /**
     * Every element with its data decrypted and its files ready to download decrypted. Throws a
     * `PassportDecryptionError` on a wrong key or tampered data.
     *
     * @example for (const element of passportData.decryptedData) console.log(element.type, element.data);
     */
    readonly decryptedData: readonly DecryptedPassportElement[];
  }
  interface PassportFile {
    /** The credentials that decrypt this file: set on the files of `PassportData.decryptedData`. */
    readonly credentials: FileCredentials | undefined;
    /**
     * Asks Telegram for this file's download path (`bot.getFile(this.file_id)`); a file of
     * `PassportData.decryptedData` gives its credentials to the `File`, whose downloads are then
     * decrypted.
     */
    getFile(settings?: CallSettings): Promise<File>;
  }
}

const secrets = new WeakMap<EncryptedCredentials, Uint8Array>();
const credentials = new WeakMap<EncryptedCredentials, Credentials>();
const elements = new WeakMap<PassportData, readonly DecryptedPassportElement[]>();

function privateKeyOf(object: EncryptedCredentials): KeyObject {
  const key = object.getBot().privateKey;
  if (key === undefined) {
    throw new PassportDecryptionError('the bot has no private key: pass privateKey when creating the Bot');
  }
  return key;
}

defineBehaviour(EncryptedCredentials, {
  get decryptedSecret(): Uint8Array {
    let secret = secrets.get(this);
    if (secret === undefined) {
      secret = decryptSecret(privateKeyOf(this), this.secret);
      secrets.set(this, secret);
    }
    return secret;
  },

  get decryptedData(): Credentials {
    let result = credentials.get(this);
    if (result === undefined) {
      const json = decryptJson(
        this.decryptedSecret,
        fromBase64(this.hash, 'the credentials hash'),
        fromBase64(this.data, 'the credentials data'),
        'credentials',
      );
      try {
        result = Credentials.fromJSON(json);
      } catch (cause) {
        throw new PassportDecryptionError('decrypted credentials have an unexpected shape', { cause });
      }
      credentials.set(this, result);
    }
    return result;
  },
});

defineBehaviour(PassportData, {
  get decryptedCredentials(): Credentials {
    return this.credentials.decryptedData;
  },

  get decryptedData(): readonly DecryptedPassportElement[] {
    let result = elements.get(this);
    if (result === undefined) {
      const secrets = this.decryptedCredentials;
      const bot = this.getBot();
      result = Object.freeze(this.data.map((element) => decryptElement(element, secrets, bot)));
      elements.set(this, result);
    }
    return result;
  },
});

defineBehaviour(PassportFile, {
  get credentials(): FileCredentials | undefined {
    return credentialsOfFile(this);
  },

  async getFile(settings) {
    const file = await this.getBot().getFile(this.file_id, settings);
    const secrets = credentialsOfFile(this);
    if (secrets !== undefined) attachFileCredentials(file, secrets);
    return file;
  },
});
