/** `formatting/italic-text`: italic text — a warning for 4 words or more, information for less. */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';
import { mergeRanges } from './underline-not-link.js';

/** Italic passages this long (in words) are a warning. */
const LONG_WORDS = 4;

const rule: Rule = {
  meta: {
    id: 'formatting/italic-text',
    category: 'formatting',
    severity: 'warning',
    pillar: 'support',
    groups: ['neurodivergent'],
    description: 'Italic text: a warning for 4 words or more, information for shorter runs.',
    note: 'Italic letters lean and crowd together, which makes them harder to read for people with dyslexia and people with sight loss.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Do not use italics. For titles of documents use ‘single quotes’; for emphasis use plain words, or bold for a few words.',
    sources: ['GOV.UK style guide, “Italics”', 'NHS service manual, “Formatting”', 'British Dyslexia Association style guide'],
    messages: { italic: '“{text}” is in italics: use plain text instead.' },
    examples: { flagged: ['*Please read the whole job description first.*'], passes: ['Please read the whole job description first.'] },
    fixable: false,
    origin: 'src/rules/italic-text.ts',
  },
  check(context) {
    for (const block of context.doc.blocks) {
      const ranges = [...(block.style?.runs ?? []).filter((run) => run.italic), ...block.marks.filter((mark) => mark.kind === 'emphasis')];
      for (const range of mergeRanges(ranges, block.text)) {
        const text = block.text.slice(range.start, range.end);
        const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
        if (words === 0) continue;
        context.report({ ...range, block, messageId: 'italic', data: { text }, severity: words >= LONG_WORDS ? 'warning' : 'info' });
      }
    }
  },
};

export default rule;
