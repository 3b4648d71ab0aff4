/**
 * Property: every located range slices back to the flagged text. Random Markdown documents are
 * generated with escapes, character references, emphasis, soft line breaks, list continuation
 * lines (indented and lazy), blockquote prefixes, tables, non-ASCII text and CRLF line endings;
 * every word of every block is located and the original file is sliced at that location.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourcePlace } from '../../src/document/model.js';
import { parseText } from '../../src/load/parse.js';

const loadMarkdown = (source: string) => parseText(source, 'markdown');
import { loadText } from '../../src/load/text.js';

interface Word {
  /** What the reader sees. */
  readonly text: string;
  /** How the word is written in the file (without any emphasis markers around it). */
  readonly source: string;
}

const SPECIAL: Readonly<Record<string, readonly string[]>> = {
  '*': ['\\*', '&#42;', '&ast;'],
  '&': ['&amp;', '\\&', '&#38;', '&#x26;'],
  '<': ['&lt;', '\\<'],
  _: ['\\_', '&#95;'],
  '[': ['\\['],
  ']': ['\\]'],
  '`': ['\\`'],
  '\\': ['\\\\'],
  '#': ['\\#', '&#35;'],
  '©': ['&copy;', '©'],
};

const letters = fc.stringMatching(/^[a-zA-Zéßñ]{1,6}$/);
const atom: fc.Arbitrary<Word> = fc.oneof(
  { weight: 4, arbitrary: letters.map((text) => ({ text, source: text })) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...Object.keys(SPECIAL))
      .chain((char) => fc.constantFrom(...(SPECIAL[char] ?? [])).map((source) => ({ text: char, source }))),
  },
  { weight: 1, arbitrary: fc.constantFrom('😀', '中文').map((text) => ({ text, source: text })) },
);

const word: fc.Arbitrary<{ word: Word; rendered: string }> = fc
  .tuple(fc.array(atom, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '', '', '*', '**', '_'))
  .map(([atoms, emphasis]) => {
    const text = atoms.map((a) => a.text).join('');
    const source = atoms.map((a) => a.source).join('');
    // Emphasis only around plain letters, so its markers cannot mix with escaped ones.
    const marker = /^[\p{L}]+$/u.test(text) ? emphasis : '';
    return { word: { text, source }, rendered: `${marker}${source}${marker}` };
  });

const line = fc.array(word, { minLength: 1, maxLength: 5 });
type Line = { word: Word; rendered: string }[];
const render = (l: Line): string => l.map((w) => w.rendered).join(' ');

type BlockSpec =
  | { kind: 'paragraph'; lines: Line[] }
  | { kind: 'heading'; depth: number; line: Line }
  | { kind: 'quote'; lines: Line[]; lazy: boolean[] }
  | { kind: 'list'; ordered: boolean; items: { lines: Line[]; lazy: boolean[]; indent: string }[] }
  | { kind: 'table'; rows: Line[][] };

const block: fc.Arbitrary<BlockSpec> = fc.oneof(
  fc.record({ kind: fc.constant('paragraph' as const), lines: fc.array(line, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('heading' as const), depth: fc.integer({ min: 1, max: 6 }), line }),
  fc.record({
    kind: fc.constant('quote' as const),
    lines: fc.array(line, { minLength: 1, maxLength: 3 }),
    lazy: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('list' as const),
    ordered: fc.boolean(),
    items: fc.array(
      fc.record({
        lines: fc.array(line, { minLength: 1, maxLength: 3 }),
        lazy: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        indent: fc.constantFrom('  ', '   ', '    ', '\t'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({
    kind: fc.constant('table' as const),
    rows: fc.array(fc.array(fc.array(word, { minLength: 1, maxLength: 2 }), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 3 }),
  }),
);

function renderBlock(spec: BlockSpec): { lines: string[]; words: Word[] } {
  const words: Word[] = [];
  const take = (l: Line): string => {
    words.push(...l.map((w) => w.word));
    return render(l);
  };
  switch (spec.kind) {
    case 'paragraph':
      return { lines: spec.lines.map(take), words };
    case 'heading':
      return { lines: [`${'#'.repeat(spec.depth)} ${take(spec.line)}`], words };
    case 'quote':
      return {
        lines: spec.lines.map((l, i) => (i > 0 && spec.lazy[i] ? take(l) : `> ${take(l)}`)),
        words,
      };
    case 'list': {
      const lines: string[] = [];
      spec.items.forEach((item, index) => {
        const marker = spec.ordered ? `${index + 1}. ` : '- ';
        item.lines.forEach((l, i) => {
          if (i === 0) lines.push(`${marker}${take(l)}`);
          else lines.push(`${item.lazy[i] ? '' : item.indent}${take(l)}`);
        });
      });
      return { lines, words };
    }
    case 'table': {
      const lines: string[] = [];
      spec.rows.forEach((row, index) => {
        lines.push(`| ${row.map((cell) => take(cell)).join(' | ')} |`);
        if (index === 0) lines.push(`| ${row.map(() => '---').join(' | ')} |`);
      });
      return { lines, words };
    }
  }
}

const documentSpec = fc.record({
  blocks: fc.array(block, { minLength: 1, maxLength: 6 }),
  crlf: fc.boolean(),
});

function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = source.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function slice(source: string, place: SourcePlace): string {
  return source.slice(
    offsetOf(source, place.line ?? 1, place.column ?? 1),
    offsetOf(source, place.endLine ?? 1, place.endColumn ?? 1),
  );
}

describe('locations in Markdown', () => {
  it('slice back to the flagged text, word by word and across words', () => {
    fc.assert(
      fc.property(documentSpec, fc.nat(), ({ blocks, crlf }, seed) => {
        const rendered = blocks.map(renderBlock);
        const newline = crlf ? '\r\n' : '\n';
        const source = rendered.map((r) => r.lines.join(newline)).join(newline + newline) + newline;
        const expected = rendered.flatMap((r) => r.words);
        const doc = loadMarkdown(source);
        const tokens = doc.blocks.flatMap((b) =>
          [...b.text.matchAll(/\S+/gu)].map((m) => ({ block: b, start: m.index, end: m.index + m[0].length, text: m[0] })),
        );
        expect(tokens.map((t) => t.text)).toEqual(expected.map((w) => w.text));
        tokens.forEach((token, index) => {
          const place = token.block.sourceMap.locate(token.start, token.end);
          expect(slice(source, place)).toBe(expected[index]?.source);
        });
        // A range over several words starts with the first word and ends with the last.
        const first = seed % tokens.length;
        const sameBlock = tokens.filter((t) => t.block === tokens[first]?.block);
        const last = sameBlock[(seed >> 3) % sameBlock.length];
        const from = tokens[first];
        if (from && last && last.start >= from.start) {
          const whole = slice(source, from.block.sourceMap.locate(from.start, last.end));
          expect(whole.startsWith(expected[first]?.source ?? '')).toBe(true);
          expect(whole.endsWith(expected[tokens.indexOf(last)]?.source ?? '')).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('locations in plain text', () => {
  it('slice back to the text for every word', () => {
    // Words start with a letter, so a line never starts with a bullet by accident.
    const plainWord = fc.tuple(fc.stringMatching(/^[a-zA-Zé]$/), fc.array(fc.constantFrom('a', 'Z', '&', '*', 'é', '😀', '-'), { maxLength: 7 }));
    const plainLine = fc.array(plainWord.map(([head, tail]) => head + tail.join('')), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(plainLine, fc.constantFrom('', '- ', '* ', '• ', '1. ', '  ')), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (paragraphs, crlf) => {
          const newline = crlf ? '\r\n' : '\n';
          const source = paragraphs
            .map((lines) => lines.map(([words, prefix]) => prefix + words.join(' ')).join(newline))
            .join(newline + newline);
          const doc = loadText(source);
          const words = paragraphs.flatMap((lines) => lines.flatMap(([w]) => w));
          const tokens = doc.blocks.flatMap((b) =>
            [...b.text.matchAll(/\S+/gu)].map((m) => ({ block: b, start: m.index, end: m.index + m[0].length, text: m[0] })),
          );
          expect(tokens.map((t) => t.text)).toEqual(words);
          for (const token of tokens) {
            expect(slice(source, token.block.sourceMap.locate(token.start, token.end))).toBe(token.text);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
