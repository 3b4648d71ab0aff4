/**
 * `document-structure/heading-level-skipped`: a heading more than one level below the one before
 * it (a warning); a first heading that is not level 1, or more than one level-1 heading
 * (information).
 */
import type { Block } from '../document/model.js';
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'document-structure/heading-level-skipped',
    category: 'document-structure',
    severity: 'warning',
    pillar: 'support',
    groups: ['neurodivergent', 'deaf'],
    description: 'Heading levels that skip (Heading 1 then Heading 3), a first heading that is not level 1, or several level-1 headings.',
    note:
      'Screen readers announce heading levels and list them as an outline. A skipped level makes it look as if a section is missing, and several top-level headings make it unclear what the document is.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Follow Heading 1 with Heading 2, then Heading 3; use one Heading 1 for the title.',
    sources: ['NHS service manual, “Headings” (correct nesting, one h1)', 'PDF/UA-1 7.4.2 (Matterhorn checkpoint 14)'],
    messages: {
      skipped: 'This heading jumps from level {from} to level {to}: use level {expected}.',
      firstNotTop: 'The first heading is level {level}: start with a level 1 heading.',
      severalTop: 'This is level-1 heading number {count}: use one level-1 heading for the title, and level 2 for sections.',
      pdfSkipped: 'The PDF’s headings jump from level {from} to level {to}: fix the heading levels in the source document and export it again.',
      pdfFirstNotTop: 'The PDF’s first heading is level {level}: start with a level 1 heading in the source document and export it again.',
    },
    examples: {
      flagged: ['# Job\n\n### Pay', '## About the job'],
      passes: ['# Job\n\n## Pay\n\n### Extras\n\n## Hours'],
    },
    fixable: false,
    origin: 'src/rules/heading-level-skipped.ts',
  },
  check(context) {
    const { doc } = context;
    if (doc.format === 'pdf') {
      const levels = (doc.meta.headingLevels ?? []).filter((level) => level > 0);
      if (levels.length > 0 && levels[0] !== 1) context.report({ messageId: 'pdfFirstNotTop', data: { level: levels[0] ?? 0 }, severity: 'info' });
      for (let index = 1; index < levels.length; index++) {
        const from = levels[index - 1] ?? 1;
        const to = levels[index] ?? 1;
        if (to > from + 1) context.report({ messageId: 'pdfSkipped', data: { from, to } });
      }
      return;
    }
    const headings = doc.blocks.filter((block): block is Block & { depth: number } => block.kind === 'heading' && block.depth !== null);
    let previous: number | null = null;
    let topLevel = 0;
    for (const heading of headings) {
      if (previous === null && heading.depth !== 1) {
        context.report({ block: heading, messageId: 'firstNotTop', data: { level: heading.depth }, severity: 'info' });
      } else if (previous !== null && heading.depth > previous + 1) {
        context.report({ block: heading, messageId: 'skipped', data: { from: previous, to: heading.depth, expected: previous + 1 } });
      }
      if (heading.depth === 1 && ++topLevel > 1) {
        context.report({ block: heading, messageId: 'severalTop', data: { count: topLevel }, severity: 'info' });
      }
      previous = heading.depth;
    }
  },
};

export default rule;
