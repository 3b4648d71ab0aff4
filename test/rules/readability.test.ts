import { describe, expect, it } from 'vitest';
import { check, ruleTable } from '../helpers.js';

const LONG =
  'You will be responsible for supporting the delivery of high quality person centred care to residents in line with their care plans and the policies and procedures of the home at all times.';
const MEDIUM = 'You will support residents with their meals, their medicines and their daily walks around the garden and the local park each day.';

ruleTable('readability/sentence-too-long', {
  valid: [
    'You will help residents with daily tasks. You will follow their care plans.',
    MEDIUM,
    'For further details contact: Name: Jane Smith Job title: Ward Manager and Deputy Clinical Lead for the Acute Medical Unit Email address: jane.smith@nhs.net Telephone number: 020 3299 0000',
    '# You will be responsible for supporting the delivery of high quality person centred care to residents in line with their care plans at all times',
    {
      text: 'You will support residents with their meals, their medicines and their daily walks around the garden and the park.',
      options: { profile: 'easy-read', sentenceWarnWords: 30, sentenceInfoWords: 30 },
    },
  ],
  invalid: [
    { text: LONG, expected: ['1:1-1:189 warning readability/sentence-too-long tooLong'], message: 'This sentence has 33 words: split it into sentences of 25 words or fewer.' },
    { text: MEDIUM, options: { sentenceInfoWords: 20 }, expected: ['1:1-1:130 info readability/sentence-too-long tooLong'], message: 'This sentence has 22 words: split it into sentences of 20 words or fewer.' },
    { text: MEDIUM, options: { profile: 'nhs' }, expected: ['1:1-1:130 warning readability/sentence-too-long tooLong'] },
    { text: 'You will cook and clean and shop and talk with people and help them go out every day.', options: { profile: 'easy-read' }, expected: ['1:1-1:86 warning readability/sentence-too-long tooLong'] },
    { text: `- ${LONG}`, expected: ['1:3-1:191 warning readability/sentence-too-long tooLong'] },
  ],
});

const HARD_SENTENCE =
  'Organisational responsibilities necessitate comprehensive multidisciplinary collaboration throughout all operational activities of the directorate.';

ruleTable('readability/hard-sentence', {
  valid: [
    'We would like to hear from people who are good at planning their day.',
    'Short words help.',
    // Short sentences and fragments: the formulas are noise under 10 words.
    'We welcome applications from everyone.',
    "Travel between patients' homes across Bromley.",
    'Good standard of literacy and numeracy',
    'Organisational responsibilities necessitate comprehensive multidisciplinary collaboration throughout operational activities.',
    // Labels, “Label: value” rows and contact fields are not sentences.
    "Employer: King's College Hospital NHS Foundation Trust",
    'For further details / informal visits contact: Name: Jane Smith Job title: Ward Manager Email address: jane.smith@nhs.net Telephone number: 020 3299 0000',
    'Department: Integrated Musculoskeletal Physiotherapy Outpatient Rehabilitation Services, Queen Elizabeth Hospital',
    // A criterion in a table cell is not a sentence.
    '| Skills | Excellent IT skills; excellent attention to detail; good organisational skills and administrative capabilities |\n|---|---|',
    // Addresses and references are not words to score.
    'If you need adjustments, email recruitment.team@souththames-hospitals.example.nhs.uk or quote reference GBC-APP-HCSW-07.',
  ],
  invalid: [
    {
      text: HARD_SENTENCE,
      expected: ['1:1-1:148 warning readability/hard-sentence hard'],
      message: 'This sentence is hard to read: 5 of 7 readability formulas put it above reading age 17, well over the target of 14. Use shorter, everyday words and split it.',
    },
    { text: `Job purpose: ${HARD_SENTENCE}`, expected: ['1:14-1:161 warning readability/hard-sentence hard'] },
    {
      text: 'You will be responsible for the administration of medication in accordance with organisational policy.',
      options: { profile: 'nhs' },
      expected: ['1:1-1:103 warning readability/hard-sentence hard'],
    },
  ],
});

ruleTable('readability/paragraph-too-long', {
  valid: ['We are a friendly team. We support older people at home. We visit every day.', '- One. Two. Three. Four. Five. Six. Seven.'],
  invalid: [
    {
      text: 'We are a friendly team. We support older people. We visit every day. We help with meals.',
      expected: ['1:1-1:89 info readability/paragraph-too-long tooLong'],
      message: 'This paragraph has 4 sentences and 17 words: break it into paragraphs of 3 sentences or fewer.',
    },
    {
      text: 'One. Two. Three. Four. Five. Six.',
      expected: ['1:1-1:34 warning readability/paragraph-too-long tooLong'],
    },
    { text: `${'word '.repeat(101).trim()}.`, expected: ['1:1-1:506 warning readability/paragraph-too-long tooLong'] },
    { text: 'We help. We cook. We shop.', options: { profile: 'easy-read' }, expected: ['1:1-1:27 info readability/paragraph-too-long tooLong'] },
  ],
});

ruleTable('readability/list-too-long', {
  valid: ['- one\n- two\n- three\n- four\n- five\n- six', 'one\ntwo'],
  invalid: [
    { text: '- one\n- two\n- three\n- four\n- five\n- six\n- seven', expected: ['1:3-1:6 info readability/list-too-long tooLong'], message: 'This list has 7 items: keep lists to 6 items or fewer, and group related points under subheadings.' },
    { text: '1. one\n2. two\n3. three\n4. four\n5. five\n6. six\n7. seven\n8. eight\n', expected: ['1:4-1:7 info readability/list-too-long tooLong'] },
    { text: 'You will:\n• a\n• b\n• c\n• d\n• e\n• f\n• g\n', format: 'text', expected: ['2:3-2:4 info readability/list-too-long tooLong'] },
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
    { text: LONG_AVERAGE, expected: ['document warning readability/average-sentence-length tooLong'], message: 'On average your sentences are 22.0 words long: aim for 20 words or fewer.' },
    { text: SEVENTEEN_WORDS, options: { profile: 'easy-read' }, expected: ['document warning readability/average-sentence-length tooLong'] },
  ],
});

ruleTable('readability/reading-age', {
  valid: [EASY, SHORT_HARD, MIDDLING, { text: MIDDLING, options: { profile: 'nhs' } }],
  invalid: [
    { text: HARD, expected: ['document warning readability/reading-age high'] },
    { text: SIXTIES, options: { profile: 'nhs' }, expected: ['document warning readability/reading-age high'] },
    { text: MIDDLING, options: { profile: 'easy-read' }, expected: ['document warning readability/reading-age high'] },
  ],
});

describe('document readability', () => {
  const ids = ['readability/average-sentence-length', 'readability/reading-age'];

  it('reports a hard document once, with the same target as the summary', () => {
    const found = check(HARD, { rules: ids });
    expect(found.map((finding) => [finding.ruleId, finding.severity, finding.location, finding.actual])).toEqual([
      ['readability/reading-age', 'warning', null, null],
    ]);
    expect(found[0]?.message).toMatch(/^This document needs a reading age of about \d+\.\d \(Flesch reading ease -?\d+\.\d out of 100\): aim for 14 or lower/);
    const nhs = check(HARD, { rules: ids, options: { profile: 'nhs' } });
    expect(nhs[0]?.message).toMatch(/aim for 11 or lower/);
  });
});
