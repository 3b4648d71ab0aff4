/**
 * The gender-coded word counts agree with gender-decoder, the reference implementation of
 * Gaucher, Friesen and Kay (2011): the same word lists (from its wordlists.py) and the same counts
 * on the adverts in its own tests (tests.py), both in ../shared/corpus/labels/gender-decoder.
 * recruit-check adds care-work exceptions on top; these comparisons switch them off.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ruleData } from '../../src/packs/data.js';
import fc from 'fast-check';
import { decoderWords, genderCodedWords } from '../../src/rules/gender-coded-balance.js';

const folder = new URL('../../../shared/corpus/labels/gender-decoder/', import.meta.url);
const available = existsSync(new URL('tests.py', folder));

/** A Python list of strings assigned to `name` in `source`. */
function pythonList(source: string, name: string): string[] {
  const body = new RegExp(`^${name} = \\[([^\\]]*)\\]`, 'm').exec(source)?.[1] ?? '';
  return [...body.matchAll(/"([^"]*)"/g)].map((match) => match[1] as string);
}

interface Case {
  readonly text: string;
  readonly masculine: number;
  readonly feminine: number;
}

/** Every `jN = JobAd(u"…" "…")` in tests.py with the word counts asserted for it. */
function decoderCases(source: string): Case[] {
  const cases: Case[] = [];
  for (const test of source.split(/\n {4}def /)) {
    for (const ad of test.matchAll(/(\w+) = JobAd\(((?:\s*u?"(?:[^"\\]|\\.)*")+)\)/g)) {
      const [, variable, literals] = ad as unknown as [string, string, string];
      const text = [...literals.matchAll(/u?"((?:[^"\\]|\\.)*)"/g)].map((match) => (match[1] as string).replace(/\\"/g, '"')).join('');
      const count = (kind: string): number | undefined => {
        const found = new RegExp(`assertEqual\\(${variable}\\.${kind}_word_count, (\\d+)\\)`).exec(test);
        return found ? Number(found[1]) : undefined;
      };
      const masculine = count('masculine');
      const feminine = count('feminine');
      if (masculine !== undefined && feminine !== undefined) cases.push({ text, masculine, feminine });
    }
  }
  return cases;
}

describe.runIf(available)('gender-coded words against gender-decoder', () => {
  it('uses the same word lists', () => {
    const lists = readFileSync(new URL('wordlists.py', folder), 'utf8');
    const ours = parseYaml(readFileSync(new URL('../../rules/data/gender-coded-words.yml', import.meta.url), 'utf8')) as Record<string, string[]>;
    expect(ours['feminine']).toEqual(pythonList(lists, 'feminine_coded_words'));
    expect(ours['masculine']).toEqual(pythonList(lists, 'masculine_coded_words'));
    expect(ours['hyphenated']).toEqual(pythonList(lists, 'hyphenated_coded_words'));
  });

  it('counts the same masculine- and feminine-coded words in every advert of its tests', () => {
    const cases = decoderCases(readFileSync(new URL('tests.py', folder), 'utf8'));
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const { text, masculine, feminine } of cases) {
      const found = genderCodedWords(text, ruleData(), false);
      expect({ text, masculine: found.masculine.length, feminine: found.feminine.length }).toEqual({ text, masculine, feminine });
    }
  });

  it('splits text into words exactly as gender-decoder’s expression does, in any script', () => {
    // The reference: gender-decoder's split, as this rule first wrote it.
    const reference = (text: string, hyphenated: readonly string[]): string[] =>
      text
        .toLowerCase()
        .split(/[^\p{L}-]+/u)
        .filter((word) => word !== '' && word !== '-')
        .flatMap((word) => (word.includes('-') && !hyphenated.some((stem) => word.startsWith(stem)) ? word.split('-').filter((part) => part !== '') : [word.replace(/^-+|-+$/g, '')]));
    const pieces = fc.constantFrom('a', 'Lead', 'é', 'İ', 'ß', 'Σ', '中', '𝐀', '\ud835', '\udc00', '-', '--', ' ', '\n', '1', '_', "'", 'co-operative', 'self-', 'ǅ');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(decoderWords(text, ['co-op', 'self-c'])).toEqual(reference(text, ['co-op', 'self-c']));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });
});
