// What the decrypted Passport API promises to the compiler.
import type {
  Credentials,
  DecryptedPassportElement,
  File,
  FileCredentials,
  IdDocumentData,
  PassportData,
  PassportFile,
  PersonalDetails,
  ResidentialAddress,
} from '../../src/index.js';

declare const passportData: PassportData;
declare const file: File;
declare const scan: PassportFile;

export const credentials: Credentials = passportData.decryptedCredentials;
export const nonce: string = passportData.decryptedCredentials.nonce;
export const elements: readonly DecryptedPassportElement[] = passportData.decryptedData;
export const details: PersonalDetails | ResidentialAddress | IdDocumentData | undefined = elements[0]?.data;
export const secret: Uint8Array = passportData.credentials.decryptedSecret;
export const carried: FileCredentials | undefined = scan.credentials;
export const fetched: Promise<File> = scan.getFile();
file.setCredentials(scan.credentials);
file.setCredentials(undefined);

// @ts-expect-error -- decrypted data is an object, not the encrypted base64 string
export const text: string = elements[0]?.data;
// @ts-expect-error -- credentials are FileCredentials, not a secret string
file.setCredentials('secret');
// @ts-expect-error -- the decrypted elements cannot be replaced
passportData.decryptedData = [];
// @ts-expect-error -- element types are the API's
export const kind: DecryptedPassportElement['type'] = 'id_document';
