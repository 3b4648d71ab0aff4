/**
 * `document-structure/alt-text-is-filename`: alt text that is a file name, a path or a web
 * address (an error), or that says nothing — “image”, “picture”, “IMG_1234”, Word's automatic
 * “A picture containing…” (a warning).
 */
import type { Rule } from '../engine/rule.js';
import { pagePlace } from '../document/trackers.js';
import { SEEDS } from './seeds.js';

const FILE_NAME = /\.(?:png|jpe?g|gif|bmp|svg|tiff?|emf|wmf|webp|heic|pict?)$/i;
const PATH_OR_URL = /^(?:[a-z]:\\|\\\\|\/|https?:\/\/|www\.)/i;
const CAMERA = /^(?:img|dsc|dscn|pxl|photo|image|screenshot|scan)[-_ ]?\d+/i;
const MEANINGLESS = /^(?:image|picture|photo|photograph|graphic|logo|icon|img|pic|figure|chart|diagram|placeholder|untitled|spacer|blank|alt|alt text)\s*\d*$/i;
const AUTOMATIC = /^(?:a picture containing|a close up of|a screenshot of|a group of|a person|diagram description automatically generated|.*description automatically generated)/i;

/** How bad an alt text is: `file` (a file name, path or address), `empty-words`, or null when it may be fine. */
export function altTextProblem(alt: string): 'file' | 'empty-words' | null {
  const text = alt.trim();
  if (FILE_NAME.test(text) || PATH_OR_URL.test(text)) return 'file';
  if (CAMERA.test(text) || MEANINGLESS.test(text) || AUTOMATIC.test(text)) return 'empty-words';
  return null;
}

const rule: Rule = {
  meta: {
    id: 'document-structure/alt-text-is-filename',
    category: 'document-structure',
    severity: 'error',
    pillar: 'support',
    groups: ['deaf', 'neurodivergent', 'everyone'],
    description: 'Alt text that is a file name or web address, or generic words like “image” or Word’s automatic “A picture containing…”.',
    note:
      'A screen reader reads the alt text aloud. “IMG_1234.jpg” or “A picture containing text” tells the listener nothing about what the image shows or why it is there.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Replace it with a short description written by a person: what the image shows and why it matters here.',
    sources: ['Microsoft Accessibility Checker: alt text must not contain image names or file extensions; review suggested alt text'],
    messages: {
      file: 'The alt text “{alt}” is a file name or address: describe what the image shows instead.',
      emptyWords: 'The alt text “{alt}” says nothing about the image: describe what it shows, or mark it as decorative.',
    },
    examples: { flagged: ['![IMG_1234.jpg](team.jpg)', '![image](logo.png)'], passes: ['![Our team at the Lewisham hub](team.jpg)'] },
    fixable: false,
    origin: 'src/rules/alt-text-is-filename.ts',
  },
  check(context) {
    for (const block of context.doc.blocks) {
      block.images.forEach((image, index) => {
        if (image.alt === null || image.decorative) return;
        const problem = altTextProblem(image.alt);
        if (!problem) return;
        context.report({
          block,
          start: 0,
          end: 0,
          image: index,
          place: image.place,
          actual: image.alt,
          messageId: problem === 'file' ? 'file' : 'emptyWords',
          data: { alt: image.alt },
          severity: problem === 'file' ? 'error' : 'warning',
        });
      });
    }
    for (const figure of context.doc.meta.figures) {
      if (figure.alt === null) continue;
      const problem = altTextProblem(figure.alt);
      if (!problem) continue;
      context.report({
        messageId: problem === 'file' ? 'file' : 'emptyWords',
        data: { alt: figure.alt },
        actual: figure.alt,
        severity: problem === 'file' ? 'error' : 'warning',
        place: pagePlace(figure.page),
      });
    }
  },
};

export default rule;
