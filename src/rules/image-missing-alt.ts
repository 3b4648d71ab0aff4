/**
 * `document-structure/image-missing-alt`: an image, chart, diagram or shape with no alternative
 * text that is not marked as decorative; in a tagged PDF, a Figure with no alternative text.
 */
import type { Rule } from '../engine/rule.js';
import { pagePlace } from '../document/trackers.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'document-structure/image-missing-alt',
    category: 'document-structure',
    severity: 'error',
    pillar: 'support',
    groups: ['deaf', 'neurodivergent', 'everyone'],
    description: 'Images, charts and shapes with no alternative text that are not marked as decorative.',
    note:
      'People who use screen readers hear nothing for an image without alt text — or just “image”. If a logo, chart or poster carries information (the pay, the closing date, who to contact), they miss it.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Add alt text that says what the image tells the reader, or mark it as decorative (in Word: right-click › View Alt Text › Mark as decorative; in HTML: alt="").',
    sources: [
      'Microsoft Accessibility Checker: “All non-text content has alternative text” (error)',
      'PDF/UA-1 7.3 (Figure tags need alternative text; Matterhorn 13-004)',
      'NHS service manual, accessibility',
    ],
    messages: {
      image: 'Add alt text to this image, or mark it as decorative.',
      figure: 'Add alt text to the figure on page {page} in the source document, and export the PDF again.',
    },
    examples: { flagged: ['![](logo.png)'], passes: ['![Our team at the Lewisham hub](team.jpg)'] },
    fixable: false,
    origin: 'src/rules/image-missing-alt.ts',
  },
  check(context) {
    for (const block of context.doc.blocks) {
      block.images.forEach((image, index) => {
        if (image.alt !== null || image.decorative) return;
        context.report({ block, start: 0, end: 0, image: index, place: image.place, actual: image.url === '' ? null : image.url, messageId: 'image' });
      });
    }
    for (const figure of context.doc.meta.figures) {
      if (figure.alt !== null) continue;
      context.report({
        messageId: 'figure',
        data: { page: figure.page ?? '?' },
        place: pagePlace(figure.page),
      });
    }
  },
};

export default rule;
