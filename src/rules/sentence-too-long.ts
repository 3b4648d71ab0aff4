/**
 * `readability/sentence-too-long`: sentences over the profile's limit (standard: a warning over
 * 25 words and information over 20; nhs: over 20; easy-read: over 15). Headings, “Label:”
 * prefixes and runs of fields (contact details) are not counted (see engine/prose.ts).
 */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'readability/sentence-too-long',
    category: 'readability',
    severity: 'warning',
    pillar: 'inform',
    groups: ['everyone'],
    description: 'Sentences longer than the limit (25 words by default).',
    note:
      'Long sentences are hard to follow for everyone, and hardest for people reading in a second language (including many migrants and Deaf BSL users), people with dyslexia or ADHD, and anyone reading on a phone. GOV.UK checks every sentence over 25 words.',
    seed: SEEDS.noJargon,
    fix: 'Split the sentence into two or more shorter ones. Aim for one idea per sentence.',
    sources: [
      'GOV.UK style guide, “Sentence length” (check sentences of more than 25 words)',
      'GDS blog, “Sentence length: why 25 words is our limit” (2014)',
      'NHS service manual, “How we write” (up to 20 words)',
      'GOV.UK Easy Read guidance (10 to 15 words)',
    ],
    messages: {
      tooLong: 'This sentence has {words} words: split it into sentences of {limit} words or fewer.',
    },
    examples: {
      flagged: [
        'You will be responsible for supporting the delivery of high quality person centred care to residents in line with their care plans and the policies and procedures of the home at all times.',
      ],
      passes: ['You will help residents with daily tasks. You will follow their care plans.'],
    },
    fixable: false,
    origin: 'src/rules/sentence-too-long.ts',
  },
  check(context) {
    const { sentenceWarnWords, sentenceInfoWords } = context.options;
    for (const block of context.doc.blocks) {
      if (block.kind === 'heading' || block.text === '') continue;
      for (const sentence of context.analysis.prose(block)) {
        const words = sentence.words.length;
        if (words <= Math.min(sentenceWarnWords, sentenceInfoWords)) continue;
        const warn = words > sentenceWarnWords;
        context.report({
          block,
          start: sentence.start,
          end: sentence.end,
          messageId: 'tooLong',
          data: { words, limit: warn ? sentenceWarnWords : sentenceInfoWords },
          severity: warn ? 'warning' : 'info',
        });
      }
    }
  },
};

export default rule;
