/** The document-structure rules, on Markdown and HTML text and on generated Word and PDF fixtures. */
import { readFileSync } from 'node:fs';
import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkDocument, createChecker } from '../../src/check.js';
import { loadBuffer } from '../../src/load/read.js';
import { isLanguageCode } from '../../src/rules/missing-document-language.js';
import { fileTable, ruleTable } from '../helpers.js';

const LONG_PROSE = Array.from({ length: 40 }, () => 'You will support people at home and help them live well.').join(' ');

ruleTable('document-structure/image-missing-alt', {
  valid: [
    '![Our team at the Lewisham hub](team.jpg)',
    { text: '<p><img src="line.png" alt=""></p>', format: 'html' },
    { text: '<p><img src="line.png" role="presentation"></p>', format: 'html' },
  ],
  invalid: [
    { text: '![](logo.png)', flagged: ['logo.png'], severity: 'error', message: 'Add alt text to this image, or mark it as decorative.' },
    { text: '<p>Our logo <img src="logo.png"> and <img src="b.png"></p>', format: 'html', flagged: ['logo.png', 'b.png'] },
  ],
});
describe('document-structure/image-missing-alt (Word, several images in a paragraph)', () => {
  it('flags each image without alt text, not one for the paragraph', async () => {
    const png = unzipSync(readFileSync(new URL('../../fixtures/word/poor-structure.docx', import.meta.url)))['word/media/image1.png'];
    if (!png) throw new Error('no image in the fixture');
    const image = (altText?: { name: string; description: string; title: string }): ImageRun => new ImageRun({ type: 'png', data: png, transformation: { width: 40, height: 40 }, ...(altText ? { altText } : {}) });
    const described = { name: 'team', description: 'Our team at the Lewisham hub', title: 'Our team' };
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [image(), image(described), image(), image()] })] }] }));
    const loaded = await loadBuffer(bytes, 'advert.docx', 'docx');
    if (!loaded.ok) throw new Error(loaded.error.message);
    const findings = checkDocument(loaded.doc, createChecker({ only: ['document-structure/image-missing-alt'] })).findings;
    expect(findings.map((finding) => finding.location?.paragraph)).toEqual([1, 1, 1]);
  });
});
fileTable('document-structure/image-missing-alt', {
  valid: ['fixtures/word/well-made.docx', 'fixtures/pdf/figure-with-alt.pdf'],
  invalid: [
    { file: 'fixtures/word/poor-structure.docx', flagged: ['(none)'], where: '¶1', severity: 'error' },
    { file: 'fixtures/pdf/figure-without-alt.pdf', flagged: ['(none)'], where: 'page 1', severity: 'error' },
  ],
});

ruleTable('document-structure/alt-text-is-filename', {
  valid: ['![Our team at the Lewisham hub](team.jpg)', '![Lewisham Care Partnership logo](logo.png)'],
  invalid: [
    { text: '![IMG_1234.jpg](team.jpg)', flagged: ['IMG_1234.jpg'], severity: 'error' },
    { text: '![K:\\projects\\logo.gif](logo.gif)', flagged: ['K:\\projects\\logo.gif'], severity: 'error' },
    { text: '![image](logo.png)', flagged: ['image'], severity: 'warning' },
    { text: '![A picture containing text, sign](logo.png)', flagged: ['A picture containing text, sign'], severity: 'warning' },
  ],
});

fileTable('document-structure/alt-text-is-filename', {
  valid: ['fixtures/word/well-made.docx', 'fixtures/pdf/figure-with-alt.pdf'],
  invalid: [{ file: 'fixtures/word/poor-tables-and-images.docx', flagged: ['IMG_0042.png'], where: '¶3', severity: 'error' }],
});

ruleTable('document-structure/no-headings', {
  valid: [`# Support worker\n\n${LONG_PROSE}`, 'Short advert with no headings.'],
  invalid: [{ text: LONG_PROSE, flagged: ['(document)'], severity: 'warning' }],
});
fileTable('document-structure/no-headings', {
  valid: ['fixtures/adverts/healthcare-assistant-jargon.docx', 'fixtures/pdf/untagged.pdf', 'fixtures/pdf/scanned.pdf'],
  invalid: [{ file: 'fixtures/word/no-headings.docx', flagged: ['(document)'], severity: 'warning' }],
});

ruleTable('document-structure/heading-level-skipped', {
  valid: ['# Job\n\n## Pay\n\n### Extras\n\n## Hours', { text: '<h1>Job</h1><h2>Pay</h2>', format: 'html' }],
  invalid: [
    { text: '# Job\n\n### Pay', flagged: ['Pay'], severity: 'warning', message: 'This heading jumps from level 1 to level 3: use level 2.' },
    { text: '## About the job', flagged: ['About the job'], severity: 'info' },
    { text: '# Job\n\n# Pay', flagged: ['Pay'], severity: 'info' },
  ],
});
fileTable('document-structure/heading-level-skipped', {
  valid: ['fixtures/word/well-made.docx'],
  invalid: [
    { file: 'fixtures/word/poor-tables-and-images.docx', flagged: ['About the role'], where: '¶2', severity: 'warning' },
    { file: 'fixtures/pdf/figure-without-alt.pdf', flagged: ['(document)'], severity: 'warning' },
  ],
});

ruleTable('document-structure/fake-heading', {
  valid: [
    '## About the role\n\nYou will help people at home.',
    '**Note:** bring your passport.',
    'You will **always** have a buddy.',
    // “Label: value” rows are key fields, not headings.
    '**Closing date: 14 January 2027**\n\nApply online.',
    '**Salary:** £24,000 a year\n\nApply online.',
    '**Location: Lewisham**\n\nApply online.',
    '**Hours: 37.5 a week**\n\nApply online.',
    '**Job reference: 290-LEW-1234**\n\nApply online.',
    { text: '<p><strong>Closing date: 14 January 2027</strong></p><p>Apply online.</p>', format: 'html' },
    { text: '<p><b>Location: Lewisham</b></p><p>Apply online.</p>', format: 'html' },
    { text: '<p><strong>Salary:</strong> <strong>£24,000 a year</strong></p><p>Apply online.</p>', format: 'html' },
    { text: '<p><strong>Contract type:</strong><br><strong>Permanent</strong></p><p>Apply online.</p>', format: 'html' },
    // A notice in bold that ends with a full stop is a sentence.
    '**Please note this post is subject to a DBS check.**\n\nApply online.',
  ],
  invalid: [
    { text: '**About the role**\n\nYou will help people at home.', flagged: ['About the role'], severity: 'warning' },
    // A label on its own still looks like a heading.
    { text: '**Main duties:**\n\n- Help people to wash and dress.', flagged: ['Main duties:'] },
    { text: '<p><strong>Main duties:</strong></p><ul><li>Help people to wash.</li></ul>', format: 'html', flagged: ['Main duties:'] },
    { text: '<p><b>How to apply</b></p><p>Fill in the form.</p>', format: 'html', flagged: ['How to apply'] },
    // A numbered part of the document is a heading, colon or not.
    { text: '**Step 1: fill in the form**\n\nIt takes 20 minutes.', flagged: ['Step 1: fill in the form'] },
  ],
});
describe('document-structure/fake-heading (Word, bold runs)', () => {
  const checker = createChecker({ only: ['document-structure/fake-heading'] });
  async function flaggedInWord(...paragraphs: Paragraph[]): Promise<(string | null)[]> {
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [...paragraphs, new Paragraph('You will help people at home.')] }] }));
    const loaded = await loadBuffer(bytes, 'advert.docx', 'docx');
    if (!loaded.ok) throw new Error(loaded.error.message);
    return checkDocument(loaded.doc, checker).findings.map((finding) => finding.actual);
  }
  const bold = (...texts: string[]): Paragraph => new Paragraph({ children: texts.map((text) => new TextRun({ text, bold: true })) });

  it('passes a bold “Label: value” row', async () => {
    expect(await flaggedInWord(bold('Closing date: 14 January 2027'))).toEqual([]);
    expect(await flaggedInWord(bold('Location: ', 'Lewisham'))).toEqual([]);
  });
  it('passes a bold label with its value in plain text', async () => {
    expect(await flaggedInWord(new Paragraph({ children: [new TextRun({ text: 'Salary:', bold: true }), new TextRun(' £24,000 a year')] }))).toEqual([]);
  });
  it('flags a bold label on its own, and a bold heading', async () => {
    expect(await flaggedInWord(bold('Main duties:'))).toEqual(['Main duties:']);
    expect(await flaggedInWord(bold('About the role'))).toEqual(['About the role']);
  });
});
fileTable('document-structure/fake-heading', {
  valid: ['fixtures/word/well-made.docx', 'fixtures/adverts/support-worker-plain.docx'],
  invalid: [{ file: 'fixtures/word/poor-structure.docx', flagged: ['About the role', 'Pay and hours', 'How to apply'], where: '¶2' }],
});

ruleTable('document-structure/non-descriptive-link', {
  valid: [
    '[Read the job description](https://example.org/jd) before you apply.',
    'Email [jobs@example.org](mailto:jobs@example.org).',
    { text: 'Visit https://example.org/jobs', format: 'text' },
  ],
  invalid: [
    { text: 'To apply, [click here](https://example.org/apply).', flagged: ['click here'], severity: 'warning' },
    { text: '[Read more](https://example.org/more)', flagged: ['Read more'] },
    { text: '<p>See <a href="https://example.org/jd">https://example.org/jd</a></p>', format: 'html', flagged: ['https://example.org/jd'] },
    { text: '<p>Go to https://example.org/jobs or email jobs@example.org</p>', format: 'html', flagged: ['https://example.org/jobs', 'jobs@example.org'] },
    // One finding for the habit: the first plain email address, not every one.
    { text: '<p>Email jo@example.org.</p><p>Or email sam@example.org.</p>', format: 'html', flagged: ['jo@example.org'] },
  ],
});
fileTable('document-structure/non-descriptive-link', {
  valid: ['fixtures/word/well-made.docx'],
  invalid: [
    { file: 'fixtures/word/poor-structure.docx', flagged: ['click here'], where: '¶10' },
    { file: 'fixtures/pdf/poor-structure.pdf', flagged: ['click here'], where: 'page 1 line 7' },
  ],
});

ruleTable('document-structure/table-missing-header', {
  valid: [
    '| Day | Hours |\n|---|---|\n| Monday | 9am to 5pm |',
    { text: '<table><thead><tr><th>Day</th><th>Hours</th></tr></thead><tr><td>Mon</td><td>9</td></tr></table>', format: 'html' },
    // A job board's key fields: each row's header is its first cell.
    { text: '<table><tr><th scope="row">Salary</th><td>£24,071 a year</td></tr><tr><th scope="row">Hours</th><td>37.5 a week</td></tr></table>', format: 'html' },
  ],
  invalid: [
    { text: '<table><tr><td>Pay</td><td>£24,000</td></tr><tr><td>Hours</td><td>37.5</td></tr></table>', format: 'html', flagged: ['(none)'], severity: 'error' },
    { text: '<table><tr><th>Pay</th><td>£24,000</td></tr><tr><td>Hours</td><td>37.5</td></tr></table>', format: 'html', flagged: ['(none)'], severity: 'error' },
  ],
});
fileTable('document-structure/table-missing-header', {
  valid: ['fixtures/word/well-made.docx', 'fixtures/pdf/well-made.pdf'],
  invalid: [
    { file: 'fixtures/word/poor-structure.docx', flagged: ['(none)'], where: '¶5', severity: 'error' },
    { file: 'fixtures/pdf/poor-structure.pdf', flagged: ['(none)'], where: 'page 1' },
  ],
});

ruleTable('document-structure/table-complex', {
  valid: ['| Day | Hours |\n|---|---|\n| Monday | 9am to 5pm |'],
  invalid: [
    { text: '<table><tr><th colspan="2">Pay</th></tr><tr><td>A</td><td>B</td></tr></table>', format: 'html', flagged: ['(none)'] },
    { text: '<table><tr><th>A</th><th>B</th></tr><tr><td><table><tr><td>x</td></tr></table></td><td>y</td></tr></table>', format: 'html', flagged: ['(none)'] },
  ],
});

fileTable('document-structure/table-complex', {
  valid: ['fixtures/word/well-made.docx', 'fixtures/word/poor-structure.docx', 'fixtures/pdf/well-made.pdf', 'fixtures/pdf/poor-structure.pdf'],
  invalid: [
    { file: 'fixtures/word/poor-tables-and-images.docx', flagged: ['(none)'], where: '¶5', severity: 'warning' },
    { file: 'fixtures/pdf/merged-table.pdf', flagged: ['(none)'], where: 'page 1', severity: 'warning' },
  ],
});

ruleTable('document-structure/missing-document-title', {
  valid: ['# Support worker\n\nText.', '---\ntitle: Support worker\n---\n\nText.', { text: 'No title here.', format: 'text' }, { text: '<html lang="en"><head><title>Support worker</title></head><body><p>Hi</p></body></html>', format: 'html' }],
  invalid: [
    { text: 'Just some text.', flagged: ['(document)'], severity: 'info' },
    { text: '<html lang="en"><body><p>Hi</p></body></html>', format: 'html', flagged: ['(document)'], severity: 'error' },
    { text: '<html lang="en"><head><title>Document1</title></head><body><p>Hi</p></body></html>', format: 'html', flagged: ['(document)'] },
  ],
});
fileTable('document-structure/missing-document-title', {
  valid: ['fixtures/word/well-made.docx', 'fixtures/pdf/well-made.pdf', 'fixtures/pdf/scanned.pdf'],
  invalid: [{ file: 'fixtures/word/poor-formatting.docx', flagged: ['(document)'], severity: 'info' }],
});

ruleTable('document-structure/missing-document-language', {
  valid: [
    { text: '<html lang="en-GB"><body><p>Text.</p></body></html>', format: 'html' },
    { text: '<html lang="cy"><body><p>Testun.</p></body></html>', format: 'html' },
    'Markdown has no language setting.',
  ],
  invalid: [
    { text: '<html><body><p>Text.</p></body></html>', format: 'html', flagged: ['(document)'], severity: 'warning' },
    { text: '<html lang=""><body><p>Text.</p></body></html>', format: 'html', flagged: ['(document)'], message: 'This document has no language set: set it to English (UK) so screen readers use the right voice.' },
    {
      text: '<html lang="english"><body><p>Text.</p></body></html>',
      format: 'html',
      flagged: ['(document)'],
      message: '“english” is not a valid language code: write the language as a code such as “en-GB” (English, UK) or “cy” (Welsh).',
      suggestions: ['en-GB'],
    },
    { text: '<html lang="en_GB"><body><p>Text.</p></body></html>', format: 'html', flagged: ['(document)'] },
  ],
});
describe('language codes', () => {
  it('takes BCP 47 codes whose language has 2 or 3 letters', () => {
    for (const code of ['en', 'en-GB', 'EN-us', 'cy', 'gd-GB', 'bfi', 'zh-Hant-TW', 'sr-Latn-RS', 'nl-1234abcd', 'x-none', 'i-klingon']) expect(isLanguageCode(code), code).toBe(true);
  });
  it('refuses words, underscores, empty codes and languages of 1 or more than 3 letters', () => {
    for (const code of ['english', 'English (UK)', '', ' ', 'xx_YY', 'en_GB', 'p', 'portugue', '1-pt', '-pt', 'en-', 'nl-1234abcde', 'пт-PT']) expect(isLanguageCode(code), code).toBe(false);
  });
  it('takes Word’s own codes in a Word file only', () => {
    expect(isLanguageCode('es-ES_tradnl', 'docx')).toBe(true);
    expect(isLanguageCode('0809', 'docx')).toBe(true);
    expect(isLanguageCode('es-ES_tradnl', 'html')).toBe(false);
  });
  it('flags a Word document whose default language, or a run’s, is not a valid code', async () => {
    const checker = createChecker({ only: ['document-structure/missing-document-language'] });
    const flagged = async (language: string, run: string | null): Promise<(string | null)[]> => {
      const bytes = await Packer.toBuffer(
        new Document({
          styles: { default: { document: { run: { language: { value: language } } } } },
          sections: [{ children: [new Paragraph({ children: [new TextRun({ text: 'You will help people at home.', ...(run ? { language: { value: run } } : {}) })] })] }],
        }),
      );
      const loaded = await loadBuffer(bytes, 'advert.docx', 'docx');
      if (!loaded.ok) throw new Error(loaded.error.message);
      return checkDocument(loaded.doc, checker).findings.map((finding) => finding.message);
    };
    expect(await flagged('en-GB', 'cy-GB')).toEqual([]);
    expect(await flagged('english', null)).toEqual(['“english” is not a valid language code: write the language as a code such as “en-GB” (English, UK) or “cy” (Welsh).']);
    expect(await flagged('en-GB', 'Welsh')).toEqual(['Part of this document has the language “Welsh”, which is not a valid language code: write it as a code such as “en-GB” (English, UK).']);
  });
});
fileTable('document-structure/missing-document-language', {
  valid: ['fixtures/word/well-made.docx', 'fixtures/pdf/well-made.pdf', 'fixtures/pdf/scanned.pdf'],
  invalid: [{ file: 'fixtures/word/poor-formatting.docx', flagged: ['(document)'] }],
});

fileTable('document-structure/pdf-untagged', {
  valid: ['fixtures/pdf/well-made.pdf', 'fixtures/adverts/healthcare-assistant-jargon.pdf', 'fixtures/pdf/scanned.pdf', 'fixtures/word/poor-structure.docx'],
  invalid: [{ file: 'fixtures/pdf/untagged.pdf', flagged: ['(document)'], severity: 'error' }],
});

fileTable('document-structure/pdf-scanned', {
  valid: ['fixtures/pdf/well-made.pdf', 'fixtures/pdf/untagged.pdf'],
  invalid: [{ file: 'fixtures/pdf/scanned.pdf', flagged: ['(document)'], severity: 'error' }],
});
