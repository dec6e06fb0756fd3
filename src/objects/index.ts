/**
 * Installs every piece of hand-written behaviour (derived properties, entity parsers, class
 * constants, shortcuts, downloads) on the generated classes. Imported for its side effects only,
 * and the one module to import for that: `src/bot.ts` imports it, so whatever gives a user a Bot
 * or an API object has brought the behaviour along.
 */
import './file.js';
import './passport.js';
import './properties.js';
import './shortcuts.js';
import './update.js';
