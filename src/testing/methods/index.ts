/** Every method the emulator implements with specific behaviour, by API name. */
import type { Handler } from './call.js';
import { editMethods } from './edit.js';
import { memberMethods } from './members.js';
import { miscMethods } from './misc.js';
import { passportMethods } from './passport.js';
import { pollMethods } from './polls.js';
import { queryMethods } from './queries.js';
import { sendMethods } from './send.js';
import { topicMethods } from './topics.js';
import { updateMethods } from './updates.js';

/** Implementations by method name; methods missing here answer a generic value of their return type. */
export const handlers: Readonly<Record<string, Handler>> = {
  ...updateMethods,
  ...sendMethods,
  ...editMethods,
  ...queryMethods,
  ...pollMethods,
  ...memberMethods,
  ...miscMethods,
  ...passportMethods,
  ...topicMethods,
};
