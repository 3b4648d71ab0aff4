/** Parse decoded text of a text-based format into the document model. */
import type { DocModel } from '../document/model.js';
import type { Format } from '../types.js';
import { loadHtml } from './html.js';
import { loadMarkdown } from './markdown.js';
import { loadAllGfmFeatures } from './markdown-syntax.js';
import { loadText } from './text.js';

export { LoadRefusal } from './limits.js';

// Synchronous parsing cannot wait for the syntax a text needs, so load it all up front.
await loadAllGfmFeatures();

/** The formats that are text on disk. */
export type TextFormat = Extract<Format, 'markdown' | 'text' | 'html'>;

/** Parse `text` as `format`. A file nested too deeply throws a `LoadRefusal` (code “too-deep”). */
export function parseText(text: string, format: TextFormat): DocModel {
  if (format === 'markdown') return loadMarkdown(text);
  if (format === 'html') return loadHtml(text);
  return loadText(text);
}
