/**
 * A Passport element with its data decrypted (what PTB's `PassportData.decrypted_data` lists):
 * `data` becomes a {@link PersonalDetails}, {@link ResidentialAddress} or {@link IdDocumentData},
 * and every `PassportFile` carries the {@link FileCredentials} that decrypt its download.
 */

import { TelegramObject } from '../base/telegram-object.js';
import type { Bot } from '../bot.js';
import { PassportDecryptionError } from '../errors.js';
import { type EncryptedPassportElement, PassportFile } from '../generated/types.js';
import { assignDefined, type Credentials, type FileCredentials, type SecureValue } from './credentials.js';
import { decryptJson, fromBase64 } from './crypto.js';
import { IdDocumentData, PersonalDetails, ResidentialAddress } from './decrypted-data.js';

/** What decrypted element data can be. */
export type DecryptedElementData = PersonalDetails | ResidentialAddress | IdDocumentData;

/** The element types whose data is an identity document's. */
const ID_DOCUMENT_TYPES: ReadonlySet<string> = new Set([
  'passport',
  'driver_license',
  'identity_card',
  'internal_passport',
]);

const credentialsByFile = new WeakMap<object, FileCredentials>();

/** The credentials that decrypt `file` (a `PassportFile` or `File`), if it has any. */
export function credentialsOfFile(file: object): FileCredentials | undefined {
  return credentialsByFile.get(file);
}

/** Gives `file` (a `PassportFile` or `File`) the credentials its download is decrypted with. */
export function attachFileCredentials(file: object, credentials: FileCredentials | undefined): void {
  if (credentials === undefined) credentialsByFile.delete(file);
  else credentialsByFile.set(file, credentials);
}

/** The fields of a {@link DecryptedPassportElement}. */
export interface DecryptedPassportElementInit {
  readonly type: EncryptedPassportElement['type'];
  readonly data?: DecryptedElementData | undefined;
  readonly phone_number?: string | undefined;
  readonly email?: string | undefined;
  readonly files?: readonly PassportFile[] | undefined;
  readonly front_side?: PassportFile | undefined;
  readonly reverse_side?: PassportFile | undefined;
  readonly selfie?: PassportFile | undefined;
  readonly translation?: readonly PassportFile[] | undefined;
  readonly hash: string;
}

/** One shared element, decrypted; its files download decrypted through `getFile()`. */
export class DecryptedPassportElement extends TelegramObject {
  declare readonly type: EncryptedPassportElement['type'];
  /** The decrypted data of types that have data (personal details, documents, address). */
  declare readonly data?: DecryptedElementData;
  declare readonly phone_number?: string;
  declare readonly email?: string;
  declare readonly files?: readonly PassportFile[];
  declare readonly front_side?: PassportFile;
  declare readonly reverse_side?: PassportFile;
  declare readonly selfie?: PassportFile;
  declare readonly translation?: readonly PassportFile[];
  declare readonly hash: string;

  constructor(init: DecryptedPassportElementInit, bot?: Bot) {
    super(bot);
    assignDefined(this, init);
    Object.freeze(this);
  }
}

function dataOf(type: string, json: Record<string, unknown>): DecryptedElementData | undefined {
  if (type === 'personal_details') return PersonalDetails.fromJSON(json);
  if (type === 'address') return ResidentialAddress.fromJSON(json);
  if (ID_DOCUMENT_TYPES.has(type)) return IdDocumentData.fromJSON(json);
  return undefined;
}

/** A copy of `file` holding `credentials` (the original is left as it was). */
function withCredentials(
  file: PassportFile | undefined,
  credentials: FileCredentials | undefined,
  bot: Bot | undefined,
  where: string,
): PassportFile | undefined {
  if (file === undefined) return undefined;
  if (credentials === undefined)
    throw new PassportDecryptionError(`the credentials hold no secret for ${where}`);
  const copy = PassportFile.fromJSON(file.toJSON(), bot);
  attachFileCredentials(copy, credentials);
  return copy;
}

function listWithCredentials(
  files: readonly PassportFile[] | undefined,
  credentials: readonly FileCredentials[] | undefined,
  bot: Bot | undefined,
  where: string,
): PassportFile[] | undefined {
  if (files === undefined) return undefined;
  return files.map((file, index) =>
    withCredentials(file, credentials?.[index], bot, `${where}[${index}]`),
  ) as PassportFile[];
}

/**
 * Decrypts one element with the credentials of its `PassportData`. Phone numbers and emails are
 * not encrypted and come back as they are.
 */
export function decryptElement(
  element: EncryptedPassportElement,
  credentials: Credentials,
  bot: Bot | undefined,
): DecryptedPassportElement {
  const { type } = element;
  if (type === 'phone_number' || type === 'email') {
    return new DecryptedPassportElement(
      { type, phone_number: element.phone_number, email: element.email, hash: element.hash },
      bot,
    );
  }
  const value: SecureValue | undefined = credentials.secure_data[type];
  if (value === undefined) throw new PassportDecryptionError(`the credentials hold no secrets for ${type}`);
  let data: DecryptedElementData | undefined;
  if (element.data !== undefined && element.data !== '') {
    if (value.data === undefined)
      throw new PassportDecryptionError(`the credentials hold no secret for ${type}.data`);
    const json = decryptJson(
      fromBase64(value.data.secret, `${type} data secret`),
      fromBase64(value.data.data_hash, `${type} data hash`),
      fromBase64(element.data, `${type} data`),
      `${type} data`,
    );
    try {
      data = dataOf(type, json);
    } catch (cause) {
      throw new PassportDecryptionError(`decrypted ${type} data has an unexpected shape`, { cause });
    }
  }
  return new DecryptedPassportElement(
    {
      type,
      data,
      files: listWithCredentials(element.files, value.files, bot, `${type}.files`),
      front_side: withCredentials(element.front_side, value.front_side, bot, `${type}.front_side`),
      reverse_side: withCredentials(element.reverse_side, value.reverse_side, bot, `${type}.reverse_side`),
      selfie: withCredentials(element.selfie, value.selfie, bot, `${type}.selfie`),
      translation: listWithCredentials(element.translation, value.translation, bot, `${type}.translation`),
      hash: element.hash,
    },
    bot,
  );
}
