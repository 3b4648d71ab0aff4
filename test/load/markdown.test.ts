import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/load/parse.js';

const loadMarkdown = (source: string) => parseText(source, 'markdown');

const SOURCE = `---
title: Support worker
lang: en-GB
---

# Support worker

Intro with a [link](https://example.org/job) and \`code\` and *emphasis* and ![logo](logo.png).

## Pay

- £24,000 a year
- 37.5 hours
  a week

> We said it.

| Day | Hours |
| --- | --- |
| Monday | 9am to 5pm |

\`\`\`
code block is not prose
\`\`\`

<!-- an html comment -->

### Deeper

Text.
`;

describe('Markdown loader', () => {
  const doc = loadMarkdown(SOURCE);

  it('reads front matter title and language', () => {
    expect(doc.meta).toMatchObject({ title: 'Support worker', language: 'en-GB' });
  });

  it('makes ordered blocks of every kind, leaving out code and HTML', () => {
    expect(doc.blocks.map((block) => [block.kind, block.text])).toEqual([
      ['heading', 'Support worker'],
      ['paragraph', 'Intro with a link and code and emphasis and .'],
      ['heading', 'Pay'],
      ['list-item', '£24,000 a year'],
      ['list-item', '37.5 hours\na week'],
      ['quote', 'We said it.'],
      ['table-cell', 'Day'],
      ['table-cell', 'Hours'],
      ['table-cell', 'Monday'],
      ['table-cell', '9am to 5pm'],
      ['heading', 'Deeper'],
      ['paragraph', 'Text.'],
    ]);
  });

  it('gives each block its heading path', () => {
    expect(doc.blocks.map((block) => block.section.join(' › '))).toEqual([
      'Support worker',
      'Support worker',
      'Support worker › Pay',
      'Support worker › Pay',
      'Support worker › Pay',
      'Support worker › Pay',
      'Support worker › Pay',
      'Support worker › Pay',
      'Support worker › Pay',
      'Support worker › Pay',
      'Support worker › Pay › Deeper',
      'Support worker › Pay › Deeper',
    ]);
    expect(doc.blocks[0]?.depth).toBe(1);
    expect(doc.blocks[10]?.depth).toBe(3);
  });

  it('records lists, table cells, links, marks and images', () => {
    expect(doc.lists).toEqual([{ id: 0, ordered: false, depth: 0, items: 2, firstBlock: 3 }]);
    expect(doc.blocks[4]?.list).toEqual({ id: 0, item: 1 });
    expect(doc.blocks[6]?.cell).toEqual({ table: 0, row: 0, column: 0, header: true });
    expect(doc.blocks[9]?.cell).toEqual({ table: 0, row: 1, column: 1, header: false });
    const intro = doc.blocks[1];
    expect(intro?.links).toEqual([{ start: 13, end: 17, url: 'https://example.org/job' }]);
    expect(intro?.marks.map((mark) => [mark.kind, intro.text.slice(mark.start, mark.end)])).toEqual([
      ['code', 'code'],
      ['emphasis', 'emphasis'],
    ]);
    expect(intro?.images.map((image) => [image.alt, image.url, image.place.line, image.place.column])).toEqual([['logo', 'logo.png', 8, 76]]);
    expect(doc.blocks[5]?.quoted).toBe(true);
  });

  it('locates ranges as 1-based line and column', () => {
    const item = doc.blocks[4];
    expect(item?.sourceMap.locate(0, item.text.length)).toEqual({ line: 13, column: 3, endLine: 14, endColumn: 9, page: null, paragraph: null });
  });

  it('follows reference links', () => {
    const linked = loadMarkdown('See [the form][form].\n\n[form]: https://example.org/form\n');
    expect(linked.blocks[0]?.links[0]?.url).toBe('https://example.org/form');
  });
});
