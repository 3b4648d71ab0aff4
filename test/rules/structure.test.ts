/** The document-structure rules, on Markdown and HTML text and on generated Word and PDF fixtures. */
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
  valid: ['## About the role\n\nYou will help people at home.', '**Note:** bring your passport.', 'You will **always** have a buddy.'],
  invalid: [{ text: '**About the role**\n\nYou will help people at home.', flagged: ['About the role'], severity: 'warning' }],
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
  valid: ['| Day | Hours |\n|---|---|\n| Monday | 9am to 5pm |', { text: '<table><thead><tr><th>Day</th><th>Hours</th></tr></thead><tr><td>Mon</td><td>9</td></tr></table>', format: 'html' }],
  invalid: [{ text: '<table><tr><td>Pay</td><td>£24,000</td></tr><tr><td>Hours</td><td>37.5</td></tr></table>', format: 'html', flagged: ['(none)'], severity: 'error' }],
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
  valid: ['fixtures/word/well-made.docx', 'fixtures/word/poor-structure.docx'],
  invalid: [{ file: 'fixtures/word/poor-tables-and-images.docx', flagged: ['(none)'], where: '¶5', severity: 'warning' }],
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
  valid: [{ text: '<html lang="en-GB"><body><p>Text.</p></body></html>', format: 'html' }, 'Markdown has no language setting.'],
  invalid: [{ text: '<html><body><p>Text.</p></body></html>', format: 'html', flagged: ['(document)'], severity: 'warning' }],
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
