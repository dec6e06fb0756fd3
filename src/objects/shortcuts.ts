/**
 * Installs the shortcuts on messages, queries, media objects and keyboards (imported for its side
 * effects only).
 */
import './keyboards.js';
import './media.js';
import './queries.js';
import './message-quote.js';
import './message-shortcuts.js';
import './callback-query.js';
