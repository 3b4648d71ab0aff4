/**
 * Document-level readability: average sentence length and the UK reading age, over the prose of
 * the document (paragraphs, list items and quotes; not headings, table cells, labels, contact
 * fields, web or email addresses or phone numbers).
 * None is reported on fewer than 100 words of prose: the formulas need enough text.
 */
import { fleschKincaidGrade, fleschReadingEase, gradeToReadingAge } from '../engine/metrics.js';
import type { Rule, RuleMeta } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const common: Pick<RuleMeta, 'category' | 'pillar' | 'groups' | 'seed' | 'fixable'> = {
  category: 'readability',
  pillar: 'inform',
  groups: ['everyone'],
  seed: SEEDS.noJargon,
  fixable: false,
};

/** Examples long enough for the formulas (100 words or more): a hard passage and a plain one. */
const HARD_PASSAGE = [
  'The successful candidate will demonstrate a comprehensive understanding of organisational safeguarding responsibilities, contributing proactively to multidisciplinary interventions while maintaining accurate documentation consistent with statutory and regulatory requirements.',
  'Additionally, the postholder will be accountable for facilitating the implementation of individualised care programmes, collaborating with external organisations, and ensuring that all activities are undertaken in accordance with evidence-based professional practice.',
  'Consideration will be given to applicants possessing transferable competencies acquired through equivalent employment, voluntary participation or educational qualifications, provided that appropriate verification can be obtained prior to appointment.',
  'Remuneration is commensurate with experience and responsibilities.',
  'Shortlisted applicants will subsequently be invited to participate in a competency-based assessment incorporating situational judgement exercises and a structured interview.',
].join(' ');
const PLAIN_PASSAGE = [
  'You will help older people live well in their own homes.',
  'Each day you will visit four or five people.',
  'You will help them wash, dress and eat.',
  'You will go shopping with them, or cook a meal together.',
  'Some people need help to take their medicines.',
  'We will show you how to do this safely.',
  'You do not need to have done this work before.',
  'We will train you for two weeks, and you will work with a friendly team.',
  'You will get £12.60 an hour, and we pay for your bus fares between visits.',
  'If you have questions, email or text Amina.',
  'She will be happy to talk to you.',
].join(' ');
const PASSAGE_EXAMPLES = { flagged: [HARD_PASSAGE], passes: [PLAIN_PASSAGE] };

const round1 = (value: number): string => (Math.round(value * 10) / 10).toFixed(1);

/** `readability/average-sentence-length`: sentences over 20 words long on average. */
export const averageSentenceLength: Rule = {
  meta: {
    ...common,
    id: 'readability/average-sentence-length',
    severity: 'warning',
    description: 'Sentences that are over 20 words long on average (15 in easy-read).',
    note: 'Plain English guides aim for 15 to 20 words a sentence on average. Longer averages make the whole document tiring to read, most of all for people reading in a second language.',
    fix: 'Split long sentences, and cut words that add nothing.',
    sources: ['Plain English Campaign, “How to write in plain English” (keep sentences short)', 'Martin Cutts, Oxford Guide to Plain English: average 15–20 words'],
    messages: { tooLong: 'On average your sentences are {average} words long: aim for {limit} words or fewer.' },
    examples: PASSAGE_EXAMPLES,
    origin: 'src/rules/document-readability.ts',
  },
  check(context) {
    const { words, sentences } = context.prose;
    if (words < context.options.minWordsForDocumentScores || sentences === 0) return;
    const average = words / sentences;
    const limit = context.options.averageSentenceWarnWords;
    if (average > limit) context.report({ messageId: 'tooLong', data: { average: round1(average), limit } });
  },
};

/**
 * `readability/reading-age`: the document's UK reading age (Flesch–Kincaid grade + 5) above the
 * profile's target — the same target as `readability/hard-sentence` and the summary line
 * (standard 14, nhs 11, easy-read 9). One finding for the document: Flesch reading ease, the
 * Flesch–Kincaid grade and SMOG measure the same thing, so the message gives reading ease alongside
 * instead of a finding for each (they used to be three rules).
 */
export const readingAgeRule: Rule = {
  meta: {
    ...common,
    id: 'readability/reading-age',
    severity: 'warning',
    description: 'A document whose reading age (Flesch–Kincaid grade + 5) is above the target (14 by default; nhs 11, easy-read 9).',
    note: 'Reading age turns sentence length and word length into the age at which most people can read the text. GOV.UK writes for a reading age of 9 and the NHS for 9 to 11; people reading in a second language, people with dyslexia and people tired after a caring shift read more easily when the whole document is plain, not only a few sentences.',
    fix: 'Use shorter sentences and everyday words until the reading age is at the target or lower: “help” not “facilitate”, one idea a sentence.',
    sources: [
      'Flesch–Kincaid grade and Flesch reading ease, via words/flesch-kincaid and words/flesch (MIT)',
      'GOV.UK, “Writing for GOV.UK” (reading age 9)',
      'NHS service manual, “How we write” (reading age 9 to 11)',
    ],
    messages: {
      high: 'This document needs a reading age of about {age} (Flesch reading ease {ease} out of 100): aim for {target} or lower with shorter sentences and everyday words.',
    },
    examples: PASSAGE_EXAMPLES,
    origin: 'src/rules/document-readability.ts',
  },
  check(context) {
    if (context.prose.words < context.options.minWordsForDocumentScores) return;
    const grade = fleschKincaidGrade(context.prose);
    const ease = fleschReadingEase(context.prose);
    if (grade === null || ease === null) return;
    const age = gradeToReadingAge(grade);
    const target = context.options.readingAge;
    if (Math.round(age * 10) / 10 <= target) return;
    context.report({ messageId: 'high', data: { age: round1(age), ease: round1(ease), target } });
  },
};
