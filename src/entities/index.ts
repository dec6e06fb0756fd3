/** Message entities: extracting their text, rendering them as markup, moving them around. */
export { parseEntities, parseEntity } from './parse.js';
export { type RenderHtmlOptions, type RenderMarkdownOptions, renderHtml, renderMarkdown } from './render.js';
export type { EntityCopy, EntityLike } from './types.js';
export {
  adjustMessageEntitiesToUtf16,
  type ConcatenatePart,
  concatenate,
  shiftEntities,
} from './utils.js';
