/**
 * Installs the derived properties, entity parsers, presets, class constants and shortcuts of the
 * modules below on the generated classes. Imported for its side effects only.
 */
import './business-hours.js';
import './chat.js';
import './class-constants.js';
import './entity-parsers.js';
import './message-properties.js';
import './misc.js';
import './user.js';
