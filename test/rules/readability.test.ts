import { describe, expect, it } from 'vitest';
import { check, ruleTable } from '../helpers.js';

const LONG =
  'You will be responsible for supporting the delivery of high quality person centred care to residents in line with their care plans and the policies and procedures of the home at all times.';
const MEDIUM = 'You will support residents with their meals, their medicines and their daily walks around the garden and the local park each day.';

ruleTable('readability/sentence-too-long', {
  valid: [
    'You will help residents with daily tasks. You will follow their care plans.',
    '# You will be responsible for supporting the delivery of high quality person centred care to residents in line with their care plans at all times',
    {
      text: 'You will support residents with their meals, their medicines and their daily walks around the garden and the park.',
      options: { profile: 'easy-read', sentenceWarnWords: 30, sentenceInfoWords: 30 },
    },
  ],
  invalid: [
    { text: LONG, flagged: [LONG], severity: 'warning', message: 'This sentence has 33 words: split it into sentences of 25 words or fewer.' },
    { text: MEDIUM, flagged: [MEDIUM], severity: 'info', message: 'This sentence has 22 words: split it into sentences of 20 words or fewer.' },
    { text: MEDIUM, options: { profile: 'nhs' }, flagged: [MEDIUM], severity: 'warning' },
    { text: 'You will cook and clean and shop and talk with people and help them go out every day.', options: { profile: 'easy-read' }, flagged: ['You will cook and clean and shop and talk with people and help them go out every day.'] },
    { text: `- ${LONG}`, flagged: [LONG] },
  ],
});

ruleTable('readability/hard-sentence', {
  valid: ['We would like to hear from people who are good at planning their day.', 'Short words help.'],
  invalid: [
    {
      text: 'Organisational responsibilities necessitate comprehensive multidisciplinary collaboration throughout operational activities.',
      flagged: ['Organisational responsibilities necessitate comprehensive multidisciplinary collaboration throughout operational activities.'],
      severity: 'warning',
      message: 'This sentence is hard to read: 6 of 7 readability formulas put it above reading age 14. Use shorter words and split it.',
    },
    {
      text: 'Prior to commencement you must complete mandatory training.',
      flagged: ['Prior to commencement you must complete mandatory training.'],
      severity: 'info',
    },
    {
      text: 'You must tell us about your experience of supporting adults.',
      options: { profile: 'easy-read' },
      flagged: ['You must tell us about your experience of supporting adults.'],
    },
  ],
});

ruleTable('readability/paragraph-too-long', {
  valid: ['We are a friendly team. We support older people at home. We visit every day.', '- One. Two. Three. Four. Five. Six. Seven.'],
  invalid: [
    {
      text: 'We are a friendly team. We support older people. We visit every day. We help with meals.',
      flagged: ['We are a friendly team. We support older people. We visit every day. We help with meals.'],
      severity: 'info',
      message: 'This paragraph has 4 sentences and 17 words: break it into paragraphs of 3 sentences or fewer.',
    },
    {
      text: 'One. Two. Three. Four. Five. Six.',
      flagged: ['One. Two. Three. Four. Five. Six.'],
      severity: 'warning',
    },
    { text: `${'word '.repeat(101).trim()}.`, flagged: [`${'word '.repeat(101).trim()}.`], severity: 'warning' },
    { text: 'We help. We cook. We shop.', options: { profile: 'easy-read' }, flagged: ['We help. We cook. We shop.'], severity: 'info' },
  ],
});

ruleTable('readability/list-too-long', {
  valid: ['- one\n- two\n- three\n- four\n- five\n- six', 'one\ntwo'],
  invalid: [
    { text: '- one\n- two\n- three\n- four\n- five\n- six\n- seven', flagged: ['one'], message: 'This list has 7 items: keep lists to 6 items or fewer, and group related points under subheadings.' },
    { text: '1. one\n2. two\n3. three\n4. four\n5. five\n6. six\n7. seven\n8. eight\n', flagged: ['one'] },
    { text: 'You will:\n• a\n• b\n• c\n• d\n• e\n• f\n• g\n', format: 'text', flagged: ['a'] },
  ],
});

const HARD = Array.from({ length: 12 }, () => 'Organisational responsibilities necessitate comprehensive multidisciplinary collaboration throughout operational activities.').join(' ');
const EASY = Array.from({ length: 20 }, () => 'You will help people at home. We will train you.').join(' ');
const LONG_AVERAGE = Array.from({ length: 5 }, () => 'You will help people at home with cooking and cleaning and shopping and going out to see friends and family every day.').join(' ');
const MIDDLING = Array.from({ length: 10 }, () => 'You will support people who live in their own homes across the borough.').join(' ');
const SHORT_HARD = 'Organisational responsibilities necessitate comprehensive collaboration.';
/** Reading ease in the 60s: plain English for the standard profile, too hard for Easy Read. */
const SIXTIES = Array.from({ length: 5 }, () => 'You will support older residents who live independently in the borough. You will support older residents who live on their own at home in the area.').join(' ');
const SEVENTEEN_WORDS = Array.from({ length: 8 }, () => 'You will support older people who live in their own homes and help them get out and about.').join(' ');

ruleTable('readability/average-sentence-length', {
  valid: [EASY, SHORT_HARD, MIDDLING, SEVENTEEN_WORDS],
  invalid: [
    { text: LONG_AVERAGE, flagged: ['(document)'], severity: 'warning', message: 'On average your sentences are 22.0 words long: aim for 20 words or fewer.' },
    { text: SEVENTEEN_WORDS, options: { profile: 'easy-read' }, flagged: ['(document)'] },
  ],
});

ruleTable('readability/flesch-reading-ease', {
  valid: [EASY, SHORT_HARD, MIDDLING],
  invalid: [
    { text: HARD, flagged: ['(document)'], severity: 'warning' },
    { text: SIXTIES, flagged: ['(document)'], severity: 'info' },
    { text: SIXTIES, options: { profile: 'easy-read' }, flagged: ['(document)'], severity: 'warning' },
  ],
});

ruleTable('readability/flesch-kincaid-grade', {
  valid: [EASY, SHORT_HARD, MIDDLING],
  invalid: [
    { text: HARD, flagged: ['(document)'], severity: 'warning' },
    { text: MIDDLING, options: { profile: 'easy-read' }, flagged: ['(document)'], severity: 'warning' },
  ],
});

ruleTable('readability/smog-grade', {
  valid: [EASY, SHORT_HARD],
  invalid: [{ text: HARD, flagged: ['(document)'], severity: 'info' }],
});

describe('document readability', () => {
  const ids = ['readability/average-sentence-length', 'readability/flesch-reading-ease', 'readability/flesch-kincaid-grade', 'readability/smog-grade'];

  it('reports hard documents once per rule, as document-level findings', () => {
    const found = check(HARD, { rules: ids });
    expect(found.map((finding) => [finding.ruleId, finding.severity, finding.location, finding.actual])).toEqual([
      ['readability/flesch-reading-ease', 'warning', null, null],
      ['readability/flesch-kincaid-grade', 'warning', null, null],
      ['readability/smog-grade', 'info', null, null],
    ]);
    expect(found[0]?.message).toMatch(/^Reading ease is -?\d+\.\d out of 100: aim for 60 or more/);
    expect(found[1]?.message).toMatch(/^This text needs a reading age of about \d+\.\d \(grade \d+\.\d\)/);
    expect(found[2]?.message).toMatch(/With 12 sentences this is a rough guide; SMOG needs 30/);
  });
});
