/**
 * What the encrypted `data` of a Passport element holds once decrypted (PTB's `PersonalDetails`,
 * `ResidentialAddress`, `IdDocumentData`). Not Bot API types: Telegram's Passport documentation
 * defines them. Unknown fields the user's app sends are kept in `apiKwargs`.
 */
import { checkObject, checkString } from '../base/field-check.js';
import { TelegramObject } from '../base/telegram-object.js';
import { assignDefined } from './credentials.js';

/** Reads the string fields `required` and `optional` of `json`; others become `apiKwargs`. */
function readStrings(
  json: Record<string, unknown>,
  type: string,
  required: readonly string[],
  optional: readonly string[],
): { fields: Record<string, string>; extra: Record<string, unknown> | undefined } {
  const fields: Record<string, string> = {};
  for (const key of required) fields[key] = checkString(json[key], `${type}.${key}`);
  for (const key of optional) {
    if (json[key] !== undefined) fields[key] = checkString(json[key], `${type}.${key}`);
  }
  const unknown = Object.keys(json).filter((key) => !required.includes(key) && !optional.includes(key));
  const extra = unknown.length === 0 ? undefined : Object.fromEntries(unknown.map((key) => [key, json[key]]));
  return { fields, extra };
}

/** The fields of {@link PersonalDetails}. */
export interface PersonalDetailsInit {
  readonly first_name: string;
  readonly last_name: string;
  readonly middle_name?: string | undefined;
  /** Date of birth, `DD.MM.YYYY`. */
  readonly birth_date: string;
  /** `male` or `female`. */
  readonly gender: string;
  /** ISO 3166-1 alpha-2 code of citizenship. */
  readonly country_code: string;
  /** ISO 3166-1 alpha-2 code of residence. */
  readonly residence_country_code: string;
  readonly first_name_native?: string | undefined;
  readonly last_name_native?: string | undefined;
  readonly middle_name_native?: string | undefined;
  readonly apiKwargs?: Readonly<Record<string, unknown>> | undefined;
}

/** The user's name, birth date, gender and countries (a `personal_details` element). */
export class PersonalDetails extends TelegramObject {
  declare readonly first_name: string;
  declare readonly last_name: string;
  declare readonly middle_name?: string;
  declare readonly birth_date: string;
  declare readonly gender: string;
  declare readonly country_code: string;
  declare readonly residence_country_code: string;
  declare readonly first_name_native?: string;
  declare readonly last_name_native?: string;
  declare readonly middle_name_native?: string;

  constructor(init: PersonalDetailsInit) {
    super();
    const { apiKwargs, ...fields } = init;
    assignDefined(this, fields);
    this._finish(apiKwargs, undefined);
    Object.freeze(this);
  }

  /** Reads the decrypted JSON of a `personal_details` element; throws on a wrong shape. */
  static fromJSON(data: unknown): PersonalDetails {
    const { fields, extra } = readStrings(
      checkObject(data, 'PersonalDetails'),
      'PersonalDetails',
      ['first_name', 'last_name', 'birth_date', 'gender', 'country_code', 'residence_country_code'],
      ['middle_name', 'first_name_native', 'last_name_native', 'middle_name_native'],
    );
    return new PersonalDetails({ ...(fields as unknown as PersonalDetailsInit), apiKwargs: extra });
  }
}

/** The fields of {@link ResidentialAddress}. */
export interface ResidentialAddressInit {
  readonly street_line1: string;
  readonly street_line2: string;
  readonly city: string;
  readonly state: string;
  /** ISO 3166-1 alpha-2 country code. */
  readonly country_code: string;
  readonly post_code: string;
  readonly apiKwargs?: Readonly<Record<string, unknown>> | undefined;
}

/** The user's address (an `address` element). */
export class ResidentialAddress extends TelegramObject {
  declare readonly street_line1: string;
  declare readonly street_line2: string;
  declare readonly city: string;
  declare readonly state: string;
  declare readonly country_code: string;
  declare readonly post_code: string;

  constructor(init: ResidentialAddressInit) {
    super();
    const { apiKwargs, ...fields } = init;
    assignDefined(this, fields);
    this._finish(apiKwargs, undefined);
    Object.freeze(this);
  }

  /** Reads the decrypted JSON of an `address` element; throws on a wrong shape. */
  static fromJSON(data: unknown): ResidentialAddress {
    // Telegram's apps leave street_line2 and state empty rather than absent; accept both.
    const json = checkObject(data, 'ResidentialAddress');
    const { fields, extra } = readStrings(
      { street_line2: '', state: '', ...json },
      'ResidentialAddress',
      ['street_line1', 'street_line2', 'city', 'state', 'country_code', 'post_code'],
      [],
    );
    return new ResidentialAddress({ ...(fields as unknown as ResidentialAddressInit), apiKwargs: extra });
  }
}

/** The fields of {@link IdDocumentData}. */
export interface IdDocumentDataInit {
  readonly document_no: string;
  /** Expiry date, `DD.MM.YYYY`, when the document has one. */
  readonly expiry_date?: string | undefined;
  readonly apiKwargs?: Readonly<Record<string, unknown>> | undefined;
}

/** The number and expiry date of an identity document (passport, driver licence, ID card). */
export class IdDocumentData extends TelegramObject {
  declare readonly document_no: string;
  declare readonly expiry_date?: string;

  constructor(init: IdDocumentDataInit) {
    super();
    const { apiKwargs, ...fields } = init;
    assignDefined(this, fields);
    this._finish(apiKwargs, undefined);
    Object.freeze(this);
  }

  /** Reads the decrypted JSON of an identity document element; throws on a wrong shape. */
  static fromJSON(data: unknown): IdDocumentData {
    const { fields, extra } = readStrings(
      checkObject(data, 'IdDocumentData'),
      'IdDocumentData',
      ['document_no'],
      ['expiry_date'],
    );
    return new IdDocumentData({ ...(fields as unknown as IdDocumentDataInit), apiKwargs: extra });
  }
}
