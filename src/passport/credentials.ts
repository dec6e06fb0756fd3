/**
 * The decrypted Passport credentials (PTB's `Credentials`, `SecureData`, `SecureValue`,
 * `DataCredentials`, `FileCredentials`): for every element the user shared, the secrets and hashes
 * that decrypt its data and files, plus the bot's own nonce. These types are not in the Bot API;
 * Telegram defines them in its Passport documentation.
 */

import { checkObject, checkString, mapArray } from '../base/field-check.js';
import { TelegramObject } from '../base/telegram-object.js';

/** Element types whose values the credentials can hold (every type but phone number and email). */
export const SECURE_VALUE_TYPES = [
  'personal_details',
  'passport',
  'internal_passport',
  'driver_license',
  'identity_card',
  'address',
  'utility_bill',
  'bank_statement',
  'rental_agreement',
  'passport_registration',
  'temporary_registration',
] as const;

/** One of {@link SECURE_VALUE_TYPES}. */
export type SecureValueType = (typeof SECURE_VALUE_TYPES)[number];

/** The secret and hash that decrypt one element's `data` (JSON). */
export class DataCredentials extends TelegramObject {
  /** Base64 SHA-256 of the decrypted data, used with the secret to derive key and IV. */
  readonly data_hash: string;
  /** Base64 secret of the data. */
  readonly secret: string;

  constructor(init: { readonly data_hash: string; readonly secret: string }) {
    super();
    this.data_hash = init.data_hash;
    this.secret = init.secret;
    Object.freeze(this);
  }

  /** PTB's `hash`: the same value as {@link data_hash}. */
  get hash(): string {
    return this.data_hash;
  }

  /** Reads the JSON the decrypted credentials hold; throws on a wrong shape. */
  static fromJSON(data: unknown): DataCredentials {
    const json = checkObject(data, 'DataCredentials');
    return new DataCredentials({
      data_hash: checkString(json.data_hash, 'DataCredentials.data_hash'),
      secret: checkString(json.secret, 'DataCredentials.secret'),
    });
  }
}

/** The secret and hash that decrypt one Passport file. */
export class FileCredentials extends TelegramObject {
  /** Base64 SHA-256 of the decrypted file, used with the secret to derive key and IV. */
  readonly file_hash: string;
  /** Base64 secret of the file. */
  readonly secret: string;

  constructor(init: { readonly file_hash: string; readonly secret: string }) {
    super();
    this.file_hash = init.file_hash;
    this.secret = init.secret;
    Object.freeze(this);
  }

  /** PTB's `hash`: the same value as {@link file_hash}. */
  get hash(): string {
    return this.file_hash;
  }

  /** Reads the JSON the decrypted credentials hold; throws on a wrong shape. */
  static fromJSON(data: unknown): FileCredentials {
    const json = checkObject(data, 'FileCredentials');
    return new FileCredentials({
      file_hash: checkString(json.file_hash, 'FileCredentials.file_hash'),
      secret: checkString(json.secret, 'FileCredentials.secret'),
    });
  }
}

/** The fields of a {@link SecureValue}. */
export interface SecureValueInit {
  readonly data?: DataCredentials | undefined;
  readonly front_side?: FileCredentials | undefined;
  readonly reverse_side?: FileCredentials | undefined;
  readonly selfie?: FileCredentials | undefined;
  readonly files?: readonly FileCredentials[] | undefined;
  readonly translation?: readonly FileCredentials[] | undefined;
}

/** The credentials of one shared element: its data and each of its files, as far as it has them. */
export class SecureValue extends TelegramObject {
  declare readonly data?: DataCredentials;
  declare readonly front_side?: FileCredentials;
  declare readonly reverse_side?: FileCredentials;
  declare readonly selfie?: FileCredentials;
  declare readonly files?: readonly FileCredentials[];
  declare readonly translation?: readonly FileCredentials[];

  constructor(init: SecureValueInit) {
    super();
    assignDefined(this, init);
    Object.freeze(this);
  }

  /** Reads the JSON the decrypted credentials hold; throws on a wrong shape. */
  static fromJSON(data: unknown): SecureValue {
    const json = checkObject(data, 'SecureValue');
    const file = (key: string) => (json[key] === undefined ? undefined : FileCredentials.fromJSON(json[key]));
    const list = (key: string) =>
      json[key] === undefined
        ? undefined
        : mapArray(json[key], `SecureValue.${key}`, (item) => FileCredentials.fromJSON(item), undefined);
    return new SecureValue({
      data: json.data === undefined ? undefined : DataCredentials.fromJSON(json.data),
      front_side: file('front_side'),
      reverse_side: file('reverse_side'),
      selfie: file('selfie'),
      files: list('files'),
      translation: list('translation'),
    });
  }
}

/** The credentials of every element the user shared, by element type. */
export class SecureData extends TelegramObject {
  declare readonly personal_details?: SecureValue;
  declare readonly passport?: SecureValue;
  declare readonly internal_passport?: SecureValue;
  declare readonly driver_license?: SecureValue;
  declare readonly identity_card?: SecureValue;
  declare readonly address?: SecureValue;
  declare readonly utility_bill?: SecureValue;
  declare readonly bank_statement?: SecureValue;
  declare readonly rental_agreement?: SecureValue;
  declare readonly passport_registration?: SecureValue;
  declare readonly temporary_registration?: SecureValue;

  constructor(init: { readonly [K in SecureValueType]?: SecureValue | undefined }) {
    super();
    assignDefined(this, init);
    Object.freeze(this);
  }

  /** Reads the JSON the decrypted credentials hold; throws on a wrong shape. */
  static fromJSON(data: unknown): SecureData {
    const json = checkObject(data, 'SecureData');
    const init: { [K in SecureValueType]?: SecureValue } = {};
    for (const type of SECURE_VALUE_TYPES) {
      if (json[type] !== undefined) init[type] = SecureValue.fromJSON(json[type]);
    }
    return new SecureData(init);
  }
}

/** The decrypted credentials of a `PassportData`: the secrets of the shared elements and the nonce. */
export class Credentials extends TelegramObject {
  /** Credentials of the shared elements. */
  readonly secure_data: SecureData;
  /** The nonce the bot put into its authorization request; compare it to be sure the data answers it. */
  readonly nonce: string;

  constructor(init: { readonly secure_data: SecureData; readonly nonce: string }) {
    super();
    this.secure_data = init.secure_data;
    this.nonce = init.nonce;
    Object.freeze(this);
  }

  /** Reads the decrypted credentials JSON; throws on a wrong shape. */
  static fromJSON(data: unknown): Credentials {
    const json = checkObject(data, 'Credentials');
    return new Credentials({
      secure_data: SecureData.fromJSON(json.secure_data),
      nonce: checkString(json.nonce, 'Credentials.nonce'),
    });
  }
}

/** Copies the defined fields of `init` onto `target`, so absent ones stay absent (and out of JSON). */
export function assignDefined(target: object, init: object): void {
  for (const [key, value] of Object.entries(init)) {
    if (value !== undefined) Object.defineProperty(target, key, { value, enumerable: true });
  }
}
