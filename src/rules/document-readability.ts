/**
 * Document-level readability: average sentence length, Flesch reading ease, Flesch–Kincaid
 * grade (with the UK reading age) and SMOG grade, over the prose of the document (paragraphs,
 * list items and quotes; not headings, table cells, web or email addresses or phone numbers).
 * None is reported on fewer than 100 words of prose: the formulas need enough text.
 */
import { fleschKincaidGrade, fleschReadingEase, gradeToReadingAge, smogGrade } from '../engine/metrics.js';
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

/** `readability/flesch-reading-ease`: Flesch reading ease below 60 (warning) or 70 (information). */
export const fleschReadingEaseRule: Rule = {
  meta: {
    ...common,
    id: 'readability/flesch-reading-ease',
    severity: 'warning',
    description: 'Flesch reading ease below 60 (warning) or 60 to 69 (information); easy-read warns below 70.',
    note: 'Flesch reading ease scores text from 0 (very hard) to 100 (very easy) by sentence length and syllables per word. Scores of 60 to 70 are plain English; below that, many applicants will struggle.',
    fix: 'Use shorter sentences and words with fewer syllables.',
    sources: ['Microsoft Support, “Get your document’s readability and level statistics” (aim for 60 to 70)', 'Flesch (1948), via words/flesch (MIT)'],
    messages: { low: 'Reading ease is {score} out of 100: aim for {target} or more with shorter sentences and shorter words.' },
    examples: PASSAGE_EXAMPLES,
    origin: 'src/rules/document-readability.ts',
  },
  check(context) {
    if (context.prose.words < context.options.minWordsForDocumentScores) return;
    const score = fleschReadingEase(context.prose);
    const { fleschWarnBelow, fleschInfoBelow } = context.options;
    if (score === null || score >= Math.max(fleschWarnBelow, fleschInfoBelow)) return;
    const warn = score < fleschWarnBelow;
    context.report({
      messageId: 'low',
      data: { score: round1(score), target: warn ? fleschWarnBelow : fleschInfoBelow },
      severity: warn ? 'warning' : 'info',
    });
  },
};

/** `readability/flesch-kincaid-grade`: a reading age above the profile's target. */
export const fleschKincaidGradeRule: Rule = {
  meta: {
    ...common,
    id: 'readability/flesch-kincaid-grade',
    severity: 'warning',
    description: 'Flesch–Kincaid grade above 8 (reading age 13; warning) or 6 (information); nhs warns above 6, easy-read above 4.',
    note: 'The Flesch–Kincaid grade turns sentence and word length into a school grade; add 5 for a UK reading age. GOV.UK aims for a reading age of 9 and the NHS for 9 to 11.',
    fix: 'Use shorter sentences and everyday words until the reading age is 11 to 13 or lower.',
    sources: ['Flesch–Kincaid grade, via words/flesch-kincaid (MIT)', 'GOV.UK, “Writing for GOV.UK” (reading age 9)', 'NHS service manual, “How we write” (9 to 11)'],
    messages: { high: 'This text needs a reading age of about {age} (grade {grade}): GOV.UK aims for 9 and the NHS for 9 to 11.' },
    examples: PASSAGE_EXAMPLES,
    origin: 'src/rules/document-readability.ts',
  },
  check(context) {
    if (context.prose.words < context.options.minWordsForDocumentScores) return;
    const grade = fleschKincaidGrade(context.prose);
    const { gradeWarnAbove, gradeInfoAbove } = context.options;
    if (grade === null || grade <= Math.min(gradeWarnAbove, gradeInfoAbove)) return;
    context.report({
      messageId: 'high',
      data: { age: round1(gradeToReadingAge(grade)), grade: round1(grade) },
      severity: grade > gradeWarnAbove ? 'warning' : 'info',
    });
  },
};

/** `readability/smog-grade`: many long words (SMOG grade above 8). */
export const smogGradeRule: Rule = {
  meta: {
    ...common,
    id: 'readability/smog-grade',
    severity: 'info',
    description: 'SMOG grade above 8: many words of three or more syllables.',
    note: 'SMOG counts words of three or more syllables. Many long words make a document hard for people reading in a second language and for people with dyslexia. It needs 30 sentences to be reliable, so on shorter documents treat it as a rough guide.',
    fix: 'Swap long words for shorter everyday ones: “help” not “facilitate”, “use” not “utilise”.',
    sources: ['McLaughlin (1969), SMOG grading, via words/smog-formula (MIT)'],
    messages: {
      high: 'SMOG grade is {grade}: many words have 3 or more syllables. Swap them for shorter everyday words.',
      highShort: 'SMOG grade is {grade}: many words have 3 or more syllables. Swap them for shorter everyday words. (With {sentences} sentences this is a rough guide; SMOG needs 30.)',
    },
    examples: PASSAGE_EXAMPLES,
    origin: 'src/rules/document-readability.ts',
  },
  check(context) {
    if (context.prose.words < context.options.minWordsForDocumentScores) return;
    const grade = smogGrade(context.prose);
    if (grade === null || grade <= 8) return;
    const { sentences } = context.prose;
    context.report({ messageId: sentences >= 30 ? 'high' : 'highShort', data: { grade: round1(grade), sentences } });
  },
};
