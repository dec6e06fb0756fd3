// The element input of SimulatedUser.sendPassportData takes only the parts each element type has.
import type { PassportElementInput } from '../../src/testing/index.js';

const scan = new Uint8Array([1, 2, 3]);

export const accepted: PassportElementInput[] = [
  { type: 'personal_details', data: { first_name: 'Alice' } },
  { type: 'identity_card', data: {}, front_side: scan, reverse_side: scan, selfie: scan },
  { type: 'passport', data: {}, front_side: scan, translation: [scan] },
  { type: 'bank_statement', files: [scan, scan] },
  { type: 'phone_number', phone_number: '15551234567' },
];

type P = PassportElementInput;
const s = scan;

// @ts-expect-error -- a passport has no reverse side
export const reverse: P = { type: 'passport', data: {}, front_side: s, reverse_side: s };
// @ts-expect-error -- an identity document needs its front side
export const frontless: P = { type: 'driver_license', data: {} };
// @ts-expect-error -- an email element carries the address, not data
export const email: P = { type: 'email', data: {} };
// @ts-expect-error -- id_document is a request scope, not an element type
export const scope: P = { type: 'id_document', data: {} };
