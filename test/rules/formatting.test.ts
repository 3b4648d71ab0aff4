/** The formatting rules, on HTML and Markdown text and on generated Word and PDF fixtures. */
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/rules/low-contrast-text.js';
import { fileTable, ruleTable } from '../helpers.js';

fileTable('formatting/justified-text', {
  valid: ['fixtures/word/well-made.docx', 'fixtures/word/poor-formatting.docx'],
  invalid: [{ file: 'fixtures/word/poor-structure.docx', flagged: ['We will pay for your uniform and your travel between visits, and you will get paid training in your first two weeks with an experienced colleague.'], where: '¶11', severity: 'warning' }],
});

ruleTable('formatting/underline-not-link', {
  valid: ['Please read this carefully.', { text: '<p><a href="/jd"><u>job description</u></a></p>', format: 'html' }],
  invalid: [{ text: '<p>Please <u>read this carefully</u>.</p>', format: 'html', flagged: ['read this carefully'], severity: 'warning' }],
});
fileTable('formatting/underline-not-link', {
  valid: ['fixtures/word/well-made.docx'],
  invalid: [{ file: 'fixtures/word/poor-structure.docx', flagged: ['We will pay for your uniform and your travel between visits, and you will get paid training in your first two weeks with an experienced colleague.'], where: '¶11' }],
});

ruleTable('formatting/italic-text', {
  valid: ['Please read the whole job description first.'],
  invalid: [
    { text: '*Please read the whole job description first.*', flagged: ['Please read the whole job description first.'], severity: 'warning' },
    { text: 'This is *really* important.', flagged: ['really'], severity: 'info' },
  ],
});
fileTable('formatting/italic-text', {
  valid: ['fixtures/word/well-made.docx'],
  invalid: [{ file: 'fixtures/word/poor-formatting.docx', flagged: ['Please read the whole job description before you apply.'], where: '¶3', severity: 'warning' }],
});

ruleTable('formatting/all-caps', {
  valid: [
    'You need an NHS DBS check.',
    'Please read the job description.',
    'We are an NHS GP practice in SE London.',
    // A job title typed in capitals is a title, not a passage.
    'NIGHT CARE ASSISTANT - RESIDENTIAL HOME, BEXLEYHEATH\n\nWe are looking for a night care assistant.',
  ],
  invalid: [
    { text: 'PLEASE READ THE JOB DESCRIPTION BEFORE YOU APPLY.', flagged: ['PLEASE READ THE JOB DESCRIPTION BEFORE YOU APPLY'], severity: 'warning' },
    { text: 'Note: ALL APPLICATIONS MUST BE RECEIVED BY FRIDAY', flagged: ['ALL APPLICATIONS MUST BE RECEIVED BY FRIDAY'] },
    { text: 'Hi all. URGENTLY REQUIRED!!! START ASAP!!!', flagged: ['URGENTLY REQUIRED!!! START ASAP'] },
  ],
});
fileTable('formatting/all-caps', {
  valid: ['fixtures/word/well-made.docx'],
  invalid: [{ file: 'fixtures/word/poor-formatting.docx', flagged: ['applications close on friday'], where: '¶4' }],
});

fileTable('formatting/font-size-small', {
  valid: ['fixtures/word/well-made.docx', 'fixtures/pdf/well-made.pdf'],
  invalid: [
    { file: 'fixtures/word/poor-structure.docx', flagged: ['We will pay for your uniform and your travel between visits, and you will get paid training in your first two weeks with an experienced colleague.'], where: '¶11', severity: 'warning' },
    { file: 'fixtures/word/well-made.docx', options: { profile: 'easy-read' }, flagged: ['You will support older people in their own homes across Lewisham.'] },
  ],
});

fileTable('formatting/low-contrast-text', {
  valid: ['fixtures/word/well-made.docx'],
  invalid: [{ file: 'fixtures/word/poor-formatting.docx', flagged: ['You will help our cook prepare healthy meals for residents.'], where: '¶2', severity: 'warning' }],
});

describe('contrast ratio', () => {
  it('matches the WCAG values', () => {
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('FFFFFF', 'FFFFFF')).toBeCloseTo(1, 5);
    expect(contrastRatio('767676', 'FFFFFF')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('FFFFFF', '1D70B8')).toBeGreaterThan(4.5);
  });
});
