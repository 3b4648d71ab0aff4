import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/load/text.js';

describe('plain text loader', () => {
  it('splits paragraphs on blank lines and keeps hard-wrapped lines together', () => {
    const doc = loadText('We are looking for a support worker\nto join our team.\n\nYou will help people.\n');
    expect(doc.blocks.map((block) => [block.kind, block.text])).toEqual([
      ['paragraph', 'We are looking for a support worker\nto join our team.'],
      ['paragraph', 'You will help people.'],
    ]);
  });

  it('finds headings: short lines without closing punctuation, and underlined lines', () => {
    const doc = loadText('Support Worker\n==============\n\nAbout the role\n\nYou will help people.\n\nWhat you will do\n- cook\n- shop\n');
    expect(doc.blocks.map((block) => [block.kind, block.depth, block.text])).toEqual([
      ['heading', 1, 'Support Worker'],
      ['heading', 2, 'About the role'],
      ['paragraph', null, 'You will help people.'],
      ['heading', 2, 'What you will do'],
      ['list-item', null, 'cook'],
      ['list-item', null, 'shop'],
    ]);
    expect(doc.blocks[4]?.section).toEqual(['Support Worker', 'What you will do']);
  });

  it('reads bullets and numbers as list items, with continuation lines', () => {
    const doc = loadText('You will:\n• help people cook\n  and shop\n• write notes\n\n1. Read the job description.\n2) Fill in the form.\n');
    expect(doc.blocks.map((block) => [block.kind, block.text, block.list?.item ?? null])).toEqual([
      ['paragraph', 'You will:', null],
      ['list-item', 'help people cook\nand shop', 0],
      ['list-item', 'write notes', 1],
      ['list-item', 'Read the job description.', 0],
      ['list-item', 'Fill in the form.', 1],
    ]);
    expect(doc.lists.map((list) => [list.ordered, list.items])).toEqual([
      [false, 2],
      [true, 2],
    ]);
  });

  it('does not take a short last line, or a sentence, for a heading', () => {
    const doc = loadText('You will help people.\n\nThank you\n');
    expect(doc.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('locates words on the right line and column, with CRLF line endings', () => {
    const doc = loadText('Title line\r\n\r\nFirst line\r\n  second line\r\n');
    const paragraph = doc.blocks[1];
    const start = paragraph?.text.indexOf('second') ?? 0;
    expect(paragraph?.sourceMap.locate(start, start + 6)).toMatchObject({ line: 4, column: 3, endLine: 4, endColumn: 9 });
  });
});
