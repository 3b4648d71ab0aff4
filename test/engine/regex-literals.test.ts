/**
 * requiredLiterals: the text a pattern cannot match without, which decides whether a pattern is
 * run on a document at all. A wrong answer would silently hide findings, so besides examples it
 * is checked as a property: whenever a pattern matches a text, the text contains one of them —
 * for every bundled pattern, and for generated patterns with groups, classes, lookarounds and
 * quantifiers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/engine/regex-literals.js';
import { parseBundledPacks } from '../../src/ruleset.js';
import { foldCase } from '../../src/engine/scanner.js';

const lower = (text: string): string => foldCase(text);

describe('requiredLiterals', () => {
  it.each([
    ['(?:any|all)\\s+shifts?', ['shift']],
    ['native\\s+English', ['english']],
    ['(?:GCSEs?|A[\\s-]levels?|NVQs?)', ['gcse', 'level', 'nvq']],
    ['£\\s?\\d{1,3}', ['£']],
    ['\\p{L}+\\((?:s|es|ies)\\)', ['(']],
    ['colou?r', ['colo']],
    ['(?<=post\\s*holder\\s)his', ['his']],
    ['a{2}b', ['a']],
    ['x\\.y', ['x.y']],
  ])('%s needs one of %j', (source, expected) => {
    expect(requiredLiterals(source, lower)).toEqual(expected);
  });

  it.each([['\\d+'], ['(?:a|\\d)'], ['[abc]+'], ['(?=must)\\w+'], ['a?'], ['(?:a|)'], ['.']])('%s needs nothing known', (source) => {
    expect(requiredLiterals(source, lower)).toBeNull();
  });

  it('folds only when asked', () => {
    expect(requiredLiterals('NHS\\s+Jobs')).toEqual(['Jobs']);
    expect(requiredLiterals('NHS\\s+Jobs', lower)).toEqual(['jobs']);
  });

  it('never misses a match of a bundled pattern', () => {
    const patterns = parseBundledPacks().flatMap((definition) => (definition.kind === 'phrases' ? definition.entries.flatMap((entry) => entry.pattern) : []));
    // Raw patterns are rare in the packs (at most 1 entry in 10, see ./packs-readability.test.ts), but there are some.
    expect(patterns.length).toBeGreaterThan(10);
    for (const source of patterns) {
      const literals = requiredLiterals(source, lower);
      if (literals === null) continue;
      const regex = new RegExp(source, 'iu');
      const words = fc.constantFrom(...literals, 'the', 'must', 'be', 'you', 'UK', 'English', 'work', '£25k', '24/7', 'a', 'candidate');
      const separators = fc.constantFrom(' ', '  ', '-', ', ', '. ', '/', '(', ')', '');
      fc.assert(
        fc.property(fc.array(fc.tuple(words, separators), { maxLength: 10 }), (parts) => {
          const text = parts.map(([word, separator]) => word + separator).join('');
          if (regex.test(text)) expect(literals.some((literal) => lower(text).includes(literal)), `${source} on “${text}”`).toBe(true);
        }),
        { numRuns: 80, seed: 7 },
      );
    }
  });

  it('never misses a match of a generated pattern', () => {
    const char = fc.constantFrom('a', 'b', 'c', 'A', '.', '-', ' ');
    const literal = char.map((value) => (value === '.' ? '\\.' : value));
    const pattern: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        literal,
        fc.constantFrom('[ab]', '\\s', '\\d', '.', '\\p{L}', '\\b'),
        fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(?:${a}|${b})`),
        fc.tuple(tie('node'), fc.constantFrom('?', '*', '+', '{2}', '{0,2}', '{1,}', '+?')).map(([a, q]) => `(?:${a})${q}`),
        fc.tuple(tie('node'), fc.constantFrom('(?=', '(?!', '(?<=', '(?<!', '(', '(?<name>')).map(([a, open]) => `${open}${a})`),
      ),
    })).node;
    const text = fc.array(char, { maxLength: 12 }).map((chars) => chars.join(''));
    let matched = 0;
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 5 }), (source, texts) => {
        let regex: RegExp;
        try {
          regex = new RegExp(source, 'iu');
        } catch {
          return;
        }
        const literals = requiredLiterals(source, lower);
        if (literals === null) return;
        for (const value of texts) {
          if (!regex.test(value)) continue;
          matched++;
          expect(literals.some((item) => lower(value).includes(item)), `${source} on “${value}”`).toBe(true);
        }
      }),
      { numRuns: 3000, seed: 42 },
    );
    // The property was tested on real matches, not only on patterns that never match.
    expect(matched).toBeGreaterThan(200);
  });
});
