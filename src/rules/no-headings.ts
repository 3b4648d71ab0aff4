/** `document-structure/no-headings`: a document of more than 300 words with no real headings. */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

/** Documents shorter than this many words may do without headings. */
const MIN_WORDS = 300;

const rule: Rule = {
  meta: {
    id: 'document-structure/no-headings',
    category: 'document-structure',
    severity: 'warning',
    pillar: 'support',
    groups: ['neurodivergent', 'deaf', 'everyone'],
    description: 'A document of more than 300 words with no headings made with heading styles.',
    note:
      'Headings let people see at a glance what a document covers and jump to what they need — the pay, the hours, how to apply. Screen reader users move through a document by its headings; without them they must listen to everything.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Use heading styles (Heading 1, Heading 2) for section titles such as “About the job”, “Pay and hours” and “How to apply”.',
    sources: ['Microsoft Accessibility Checker: “Documents use heading styles”', 'NHS service manual, “Headings”'],
    messages: {
      none: 'This document has {words} words and no headings: add headings made with heading styles, such as “About the job” and “How to apply”.',
    },
    examples: { flagged: [], passes: ['# Support worker\n\nShort advert.'] },
    fileExamples: {
      flagged: [{ file: 'fixtures/word/no-headings.docx', what: 'a Word advert of more than 300 words with no headings' }],
      passes: [{ file: 'fixtures/word/well-made.docx', what: 'a Word advert with Heading 1 and Heading 2 styles' }],
    },
    fixable: false,
    origin: 'src/rules/no-headings.ts',
  },
  check(context) {
    const { doc } = context;
    // An untagged PDF is reported as untagged; its headings cannot be known.
    if (doc.format === 'pdf' && doc.meta.tagged !== true) return;
    const words = context.prose.words;
    if (words <= MIN_WORDS) return;
    const hasHeadings = doc.format === 'pdf' ? (doc.meta.headingLevels?.length ?? 0) > 0 : doc.blocks.some((block) => block.kind === 'heading');
    if (!hasHeadings) context.report({ messageId: 'none', data: { words } });
  },
};

export default rule;
