/** Parse decoded text of a text-based format into the document model. */
import type { DocModel } from '../document/model.js';
import type { Format } from '../types.js';
import { loadMarkdown } from './markdown.js';
import { loadText } from './text.js';

/** Parse `text` as `format`. */
export function parseText(text: string, format: Format): DocModel {
  return format === 'markdown' ? loadMarkdown(text) : loadText(text);
}
