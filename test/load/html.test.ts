import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../src/load/html.js';

const SOURCE = `<!DOCTYPE html>
<html lang="en-GB">
<head><title>Support worker</title><style>p { color: red }</style></head>
<body>
  <h1>Support   worker</h1>
  <p>Pay is &pound;24,000 &amp; more.<br>Apply
     <a href="/apply">online</a> by <b>Friday</b>.</p>
  <ul><li>Cook</li><li>Shop <em>well</em></li></ul>
  <table><thead><tr><th>Day</th><th>Hours</th></tr></thead><tbody><tr><td>Mon</td><td colspan="1">9 to 5</td></tr></tbody></table>
  <blockquote><p>Great team.</p></blockquote>
  <img src="logo.png" alt="Our logo"><img src="rule.png" alt="">
  <script>document.write('not text')</script>
</body>
</html>`;

describe('HTML loader', () => {
  const doc = loadHtml(SOURCE);

  it('reads the title and language', () => {
    expect(doc.meta).toMatchObject({ title: 'Support worker', language: 'en-GB' });
  });

  it('makes blocks of headings, paragraphs, list items, cells and quotes, collapsing whitespace', () => {
    expect(doc.blocks.map((block) => [block.kind, block.text])).toEqual([
      ['heading', 'Support worker'],
      ['paragraph', 'Pay is £24,000 & more.\nApply online by Friday.'],
      ['list-item', 'Cook'],
      ['list-item', 'Shop well'],
      ['table-cell', 'Day'],
      ['table-cell', 'Hours'],
      ['table-cell', 'Mon'],
      ['table-cell', '9 to 5'],
      ['quote', 'Great team.'],
      ['paragraph', ''],
    ]);
    expect(doc.tables).toMatchObject([{ rows: 2, columns: 2, headerRow: true, merged: false }]);
    expect(doc.blocks.at(-1)?.images.map((image) => [image.alt, image.decorative])).toEqual([
      ['Our logo', false],
      ['', true],
    ]);
  });

  it('locates text exactly in the HTML source, through character references', () => {
    const paragraph = doc.blocks[1];
    const lines = SOURCE.split('\n');
    const slice = (word: string): string => {
      const at = paragraph?.text.indexOf(word) ?? -1;
      const place = paragraph?.sourceMap.locate(at, at + word.length);
      return lines[(place?.line ?? 1) - 1]?.slice((place?.column ?? 1) - 1, (place?.endColumn ?? 1) - 1) ?? '';
    };
    expect(slice('£24,000')).toBe('&pound;24,000');
    expect(slice('& more')).toBe('&amp; more');
    expect(slice('online')).toBe('online');
    expect(paragraph?.links).toEqual([{ start: 29, end: 35, url: '/apply' }]);
    expect(paragraph?.marks).toEqual([{ kind: 'strong', start: 39, end: 45 }]);
  });
});
