/** The Bot API spec the library is generated from (../shared/spec/bot-api.json), for tests that walk it. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, type Spec } from '../../codegen/spec.js';

export const PROJECT_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const SPEC_PATH = resolve(PROJECT_ROOT, '../shared/spec/bot-api.json');

let cached: Spec | undefined;
export function spec(): Spec {
  cached ??= loadSpec(SPEC_PATH);
  return cached;
}
