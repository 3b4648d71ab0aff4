/**
 * `readability/paragraph-too-long`: paragraphs with too many sentences or words (information
 * over 3 sentences, or 2 in easy-read; a warning over 5 sentences or 100 words). Runs of fields
 * (contact details) are not sentences, and labels are not counted (see engine/prose.ts).
 */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'readability/paragraph-too-long',
    category: 'readability',
    severity: 'warning',
    pillar: 'inform',
    groups: ['neurodivergent', 'deaf', 'migrants'],
    description: 'Paragraphs of more than 3 sentences (information) or more than 5 sentences or 100 words (warning).',
    note:
      'A wall of text is hard to scan and easy to lose your place in. Short paragraphs help people with dyslexia or ADHD, people reading in a second language, and Deaf people for whom English is a second language to BSL.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Break the paragraph up: no more than 3 sentences each, or turn a list of points into bullet points.',
    sources: [
      'NHS service manual, “How we write” (short paragraphs of up to 3 sentences)',
      'ONS Style.ONS, “Write clearly and in plain language” (at most 3 sentences per paragraph)',
    ],
    messages: {
      tooLong: 'This paragraph has {sentences} sentences and {words} words: break it into paragraphs of {limit} sentences or fewer.',
    },
    examples: {
      flagged: [
        'We are a friendly team. We support older people at home. We visit people every day. We help with meals and medicines. We also help people get out and about. We cover Lewisham and Greenwich.',
      ],
      passes: ['We are a friendly team. We support older people at home.'],
    },
    fixable: false,
    origin: 'src/rules/paragraph-too-long.ts',
  },
  check(context) {
    const { paragraphInfoSentences, paragraphWarnSentences, paragraphWarnWords } = context.options;
    for (const block of context.doc.blocks) {
      if (block.kind !== 'paragraph' && block.kind !== 'quote') continue;
      const sentences = context.analysis.prose(block);
      const words = sentences.reduce((total, sentence) => total + sentence.words.length, 0);
      const warn = sentences.length > paragraphWarnSentences || words > paragraphWarnWords;
      if (!warn && sentences.length <= paragraphInfoSentences) continue;
      context.report({
        block,
        messageId: 'tooLong',
        data: { sentences: sentences.length, words, limit: paragraphInfoSentences },
        severity: warn ? 'warning' : 'info',
      });
    }
  },
};

export default rule;
