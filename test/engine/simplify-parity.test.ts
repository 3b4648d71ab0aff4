/**
 * plain-language/simpler-words finds retext-simplify's phrases with src/engine/simplify.ts, a
 * faster copy of retext-simplify's search. These tests hold its matches identical to
 * retext-simplify's own — place, phrase, replacements and whether to leave it out — on the
 * fixtures, on sentences with quoted and literal words, and on the readability corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import retextSimplify from 'retext-simplify';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../src/engine/analysis.js';
import { SimplifySearch } from '../../src/engine/simplify.js';
import { IGNORED_PHRASES } from '../../src/rules/simpler-words.js';
import { filesUnder } from '../helpers.js';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));


/** Each paragraph's matches, as “start-end phrase → replacements (omit)”, from both. */
function matches(text: string, ignore: readonly string[]): { theirs: string[]; ours: string[] } {
  const transform = retextSimplify({ ignore: [...ignore] });
  const search = new SimplifySearch(ignore);
  const theirs: string[] = [];
  const ours: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const analysis = analyseText(paragraph);
    const file = new VFile();
    transform(analysis.tree, file);
    for (const message of file.messages) {
      const place = message.place && 'start' in message.place ? message.place : null;
      theirs.push(`${place?.start.offset}-${place?.end.offset} ${message.ruleId} → ${message.expected?.join('|')}${message.reason.includes('remove it') ? ' (omit)' : ''}`);
    }
    for (const sentence of analysis.sentences) {
      search.search(sentence.node, (match) => {
        ours.push(`${match.start}-${match.end} ${match.phrase.replace(/\s+/g, '-').toLowerCase()} → ${match.pattern.replace.join('|')}${match.pattern.omit ? ' (omit)' : ''}`);
      });
    }
  }
  return { theirs, ours };
}

describe('simpler-words search matches retext-simplify', () => {
  it('on sentences with quoted, bracketed and hyphenated words', () => {
    const text = [
      'We will commence your induction prior to your first shift, in order to help you.',
      'The word “utilise” is on our list; so is (commence) and - remuneration -.',
      'Re-commence the whole process; co-operate in excess of the minimum.',
      'A number of staff, and a number of volunteers: in addition, the majority of carers.',
    ].join('\n\n');
    const { theirs, ours } = matches(text, []);
    expect(ours).toEqual(theirs);
    expect(ours.length).toBeGreaterThan(5);
    expect(matches(text, IGNORED_PHRASES).ours).toEqual(matches(text, IGNORED_PHRASES).theirs);
  });

  it('on every Markdown and text fixture, with and without the ignored phrases', () => {
    let found = 0;
    for (const file of filesUnder(fixtures, /\.(?:md|txt)$/)) {
      const text = readFileSync(file, 'utf8');
      for (const ignore of [[], IGNORED_PHRASES]) {
        const { theirs, ours } = matches(text, ignore);
        expect(ours, file).toEqual(theirs);
        found += ours.length;
      }
    }
    expect(found).toBeGreaterThan(20);
  });

  it.runIf(existsSync(corpus))('on the shared corpus texts', () => {
    let found = 0;
    for (const file of filesUnder(corpus, /\.(?:md|txt)$/).slice(0, 150)) {
      const { theirs, ours } = matches(readFileSync(file, 'utf8'), IGNORED_PHRASES);
      expect(ours, file).toEqual(theirs);
      found += ours.length;
    }
    expect(found).toBeGreaterThan(200);
  });
});
