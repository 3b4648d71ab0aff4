/**
 * `formatting/font-size-small`: body text smaller than 12pt (14pt for Easy Read), reported once
 * per document at the first small paragraph, with how much of the document is affected.
 */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'formatting/font-size-small',
    category: 'formatting',
    severity: 'warning',
    pillar: 'support',
    groups: ['neurodivergent', 'everyone'],
    description: 'Body text smaller than 12pt (14pt in the easy-read profile).',
    note: 'Small print is hard to read for people with dyslexia, people with sight loss and anyone reading a printout. 12pt is the minimum for body text; 14pt reaches more people.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Use at least 12pt for body text (14pt for Easy Read), including in tables.',
    sources: ['British Dyslexia Association style guide (12–14pt)', 'RNIB clear print guidelines (minimum 12pt, 14pt recommended)', 'GOV.UK Easy Read guidance (14pt)'],
    messages: {
      small: 'Text in {count} of {total} paragraphs is smaller than {limit}pt (the smallest is {smallest}pt): use at least {limit}pt for body text.',
    },
    examples: { flagged: [], passes: [] },
    fileExamples: {
      flagged: [{ file: 'fixtures/word/poor-structure.docx', what: 'a Word advert with a paragraph in 9pt type' }],
      passes: [{ file: 'fixtures/word/well-made.docx', what: 'a Word advert in 12pt type' }],
    },
    fixable: false,
    origin: 'src/rules/font-size-small.ts',
  },
  check(context) {
    const limit = context.options.profile === 'easy-read' ? 14 : 12;
    let total = 0;
    let count = 0;
    let smallest = Number.POSITIVE_INFINITY;
    let first: { block: (typeof context.doc.blocks)[number]; start: number; end: number } | null = null;
    for (const block of context.doc.blocks) {
      if (block.kind === 'heading') continue;
      const runs = (block.style?.runs ?? []).filter((run) => run.sizePt !== null && block.text.slice(run.start, run.end).trim() !== '');
      if (runs.length === 0) continue;
      total++;
      const small = runs.filter((run) => (run.sizePt ?? limit) < limit);
      if (small.length === 0) continue;
      count++;
      for (const run of small) smallest = Math.min(smallest, run.sizePt ?? limit);
      first ??= { block, start: small[0]?.start ?? 0, end: small[0]?.end ?? 0 };
    }
    if (!first) return;
    context.report({ ...first, messageId: 'small', data: { count, total, limit, smallest } });
  },
};

export default rule;
