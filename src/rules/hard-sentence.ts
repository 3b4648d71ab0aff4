/**
 * `readability/hard-sentence`: sentences that the readability formulas put above the target
 * reading age (standard 14, nhs 11, easy-read 9), scored per sentence with retext-readability's
 * seven formulas. Only prose is judged: headings, “Label:” prefixes and runs of fields (contact
 * details) are left out (see engine/prose.ts), and so are sentences under `MIN_WORDS` words and
 * table cells without a clause (a person specification's criteria are not sentences).
 *
 * A sentence is hard when at least 5 of the 7 formulas put it `MARGIN` years or more above the
 * target: clearly too hard, not a borderline score. On a single sentence two of the formulas say
 * little (SMOG, as retext-readability converts it, stays near 8; Spache tops out near 14), and all
 * of them are noise on short sentences (“We welcome applications from everyone.” scored above
 * reading age 14 by five of them), hence `MIN_WORDS`.
 *
 * Calibrated on OneStopEnglish (189 articles, each at three levels; test/corpus): this flags 3.1%
 * of elementary, 7.3% of intermediate and 12.4% of advanced sentences, none of the bundled
 * plain-English advert and 3 of the 18 sentences of the jargon-filled one. retext-readability's
 * own defaults (4 of 7 above the target, 5 words or more) flag 36%, 49% and 57%.
 */
import { formulasAboveWords } from '../engine/readability.js';
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

/** Formulas (of 7) that must agree before a sentence is reported. */
const MIN_AGREE = 5;
/** How far above the target reading age those formulas must put it (years). */
const MARGIN = 3;
/** Sentences with fewer words than this are never judged: the formulas need a real sentence. */
const MIN_WORDS = 10;
/** A subject or a finite verb: what a criterion in a table cell lacks and a sentence has. */
const CLAUSE = /\b(?:you|we|they|he|she|is|are|was|were|will|would|can|could|may|might|must|shall|should|has|have|had|do|does|did)\b/iu;

const rule: Rule = {
  meta: {
    id: 'readability/hard-sentence',
    category: 'readability',
    severity: 'warning',
    pillar: 'inform',
    groups: ['everyone'],
    description: 'Sentences of 10 words or more that most readability formulas put well above the target reading age (14 by default).',
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
      hard: 'This sentence is hard to read: {agree} of 7 readability formulas put it above reading age {above}, well over the target of {age}. Use shorter, everyday words and split it.',
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
      for (const sentence of context.analysis.prose(block)) {
        // A table cell is usually a criterion, not a sentence: “Excellent IT skills; good
        // organisational skills”. Judge a cell only when it has a clause.
        if (block.cell && !CLAUSE.test(sentence.text)) continue;
        const agree = formulasAboveWords(sentence.formulaWords, age + MARGIN, MIN_WORDS);
        if (agree === null || agree < MIN_AGREE) continue;
        context.report({ block, start: sentence.start, end: sentence.end, messageId: 'hard', data: { agree, age, above: age + MARGIN } });
      }
    }
  },
};

export default rule;
