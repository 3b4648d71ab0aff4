/**
 * `readability/hard-sentence`: sentences that most readability formulas put above the target
 * reading age (standard 14, nhs 11, easy-read 9), judged per sentence as retext-readability
 * judges it (sentences of 5 words or more; flagged when 4 of its 7 formulas agree). A warning when
 * 6 or all 7 formulas agree, information when 4 or 5 do.
 */
import { formulasAbove } from '../engine/readability.js';
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

/** Formulas (of 7) that must agree before a sentence is reported, as in retext-readability. */
const MIN_AGREE = 4;
/** Formulas (of 7) that make it a warning rather than information. */
const WARN_AGREE = 6;

const rule: Rule = {
  meta: {
    id: 'readability/hard-sentence',
    category: 'readability',
    severity: 'warning',
    pillar: 'inform',
    groups: ['everyone'],
    description: 'Sentences that most readability formulas judge too hard for the target reading age (14 by default).',
    note:
      'Long words and long sentences together make text hard to read. GOV.UK writes for a reading age of 9 and the NHS for 9 to 11; people reading in a second language, people with dyslexia and people who are tired after a caring shift all read more easily at that level.',
    seed: SEEDS.noJargon,
    fix: 'Use shorter, everyday words and split the sentence.',
    sources: [
      'retext-readability (retextjs/retext-readability, MIT): 7 formulas per sentence',
      'GOV.UK, “Writing for GOV.UK” (reading age 9)',
      'NHS service manual, “How we write” (reading age 9 to 11)',
    ],
    messages: {
      hard: 'This sentence is hard to read: {agree} of 7 readability formulas put it above reading age {age}. Use shorter words and split it.',
    },
    examples: {
      flagged: [
        'Individuals demonstrating exceptional organisational capabilities and comprehensive understanding of multidisciplinary safeguarding methodologies are particularly encouraged.',
      ],
      passes: ['We would like to hear from people who are good at planning their day.'],
    },
    fixable: false,
    origin: 'src/rules/hard-sentence.ts',
  },
  check(context) {
    const age = context.options.readingAge;
    for (const block of context.doc.blocks) {
      if (block.kind === 'heading' || block.text === '') continue;
      for (const sentence of context.analysis.of(block).sentences) {
        const agree = formulasAbove(sentence.node, age);
        if (agree === null || agree < MIN_AGREE) continue;
        context.report({
          block,
          start: sentence.start,
          end: sentence.end,
          messageId: 'hard',
          data: { agree, age },
          severity: agree >= WARN_AGREE ? 'warning' : 'info',
        });
      }
    }
  },
};

export default rule;
