/**
 * A Markdown text is parsed with only the GitHub-flavoured syntax it has the markers of. These
 * tests hold that to parsing with all of it: the same document, block for block and position
 * for position, on every Markdown fixture, on samples of each construct, and on generated text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../src/load/parse.js';
import { loadMarkdown } from '../../src/load/markdown.js';
import { gfmFeaturesIn, type GfmFeature } from '../../src/load/markdown-syntax.js';

const ALL: GfmFeature[] = ['autolink', 'footnote', 'strikethrough', 'table', 'taskList'];

/** A document as plain data: blocks, text, offsets, links, lists, tables and facts. */
const parsed = (text: string, features?: GfmFeature[]): unknown => JSON.parse(JSON.stringify(loadMarkdown(text, features)));
const fixtures = fileURLToPath(new URL('../../fixtures/adverts/', import.meta.url));

const SAMPLES: Record<string, string> = {
  table: '| Day | Hours |\n| --- | --- |\n| Monday | 9am to 5pm |\n',
  autolink: 'Email jobs@example.nhs.uk or visit www.example.org or https://example.org/jobs today.\n',
  footnote: 'Pay is banded.[^1]\n\n[^1]: Agenda for Change band 3.\n',
  strikethrough: 'The closing date is ~~1 May~~ 8 May.\n',
  taskList: '- [ ] Bring your passport\n- [x] Fill in the form\n',
};

describe('Markdown syntax chosen by markers', () => {
  it('finds each construct’s marker', () => {
    for (const [feature, text] of Object.entries(SAMPLES)) expect(gfmFeaturesIn(text)).toContain(feature);
    expect(gfmFeaturesIn('# Support worker\n\nWe pay £12 an hour.\n')).toEqual([]);
  });

  it('parses each construct as all of GitHub-flavoured Markdown does', () => {
    for (const text of Object.values(SAMPLES)) expect(parsed(text)).toEqual(parsed(text, ALL));
    expect(loadMarkdown(SAMPLES.table!).tables).toHaveLength(1);
    expect(loadMarkdown(SAMPLES.autolink!).blocks[0]?.links.length).toBe(3);
  });

  it('gives the same document on every Markdown fixture', () => {
    for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.md'))) {
      const text = readFileSync(fixtures + name, 'utf8');
      expect(parsed(text), name).toEqual(parsed(text, ALL));
    }
  });

  it('gives the same document on generated text', () => {
    const piece = fc.constantFrom('word', ' ', '\n', '\n\n', '|', '- ', '* ', '[', ']', '^', '~', '~~', '@', 'www.', 'http://', 'x', ':', '.', '# ', '> ', '`', '1. ', '---');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(parsed(text)).toEqual(parsed(text, ALL));
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });
});
