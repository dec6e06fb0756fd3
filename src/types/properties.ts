/**
 * Installs the derived properties, entity parsers, presets and shortcuts of the modules below on
 * the generated classes. Imported for its side effects only.
 */
import './chat.js';
import './user.js';
