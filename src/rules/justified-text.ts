/** `formatting/justified-text`: body paragraphs justified (aligned to both edges). */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'formatting/justified-text',
    category: 'formatting',
    severity: 'warning',
    pillar: 'support',
    groups: ['neurodivergent'],
    description: 'Body paragraphs that are justified (aligned to both margins).',
    note:
      'Justified text stretches the spaces between words unevenly, making “rivers” of white space that make lines hard to track — especially for people with dyslexia and people with sight loss.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Align text to the left, with a ragged right edge.',
    sources: ['British Dyslexia Association style guide (left-aligned, ragged right)', 'NHS service manual, “Aligning text”', 'RNIB clear print guidelines'],
    messages: { justified: 'This paragraph is justified: align it to the left, with a ragged right edge.' },
    examples: { flagged: [], passes: [] },
    fileExamples: {
      flagged: [{ file: 'fixtures/word/poor-structure.docx', what: 'a Word advert with a justified paragraph' }],
      passes: [{ file: 'fixtures/word/well-made.docx', what: 'a Word advert aligned left' }],
    },
    fixable: false,
    origin: 'src/rules/justified-text.ts',
  },
  check(context) {
    for (const block of context.doc.blocks) {
      if (block.kind === 'heading' || block.style?.alignment !== 'justify' || block.text.trim() === '') continue;
      context.report({ block, messageId: 'justified' });
    }
  },
};

export default rule;
