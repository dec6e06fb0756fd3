/** The Telegram Passport types the library adds to the Bot API's (exported from the package root). */
export {
  Credentials,
  DataCredentials,
  FileCredentials,
  SECURE_VALUE_TYPES,
  SecureData,
  SecureValue,
  type SecureValueInit,
  type SecureValueType,
} from './credentials.js';
export {
  IdDocumentData,
  type IdDocumentDataInit,
  PersonalDetails,
  type PersonalDetailsInit,
  ResidentialAddress,
  type ResidentialAddressInit,
} from './decrypted-data.js';
export {
  type DecryptedElementData,
  DecryptedPassportElement,
  type DecryptedPassportElementInit,
} from './element.js';
