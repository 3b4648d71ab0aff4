/**
 * The phrase scanner must find exactly what one regular expression of all a rule's phrases
 * (longest first, each with its word boundaries written in the expression) and then its patterns
 * would find, scanning left to right — the way pack rules were matched before phrases were
 * compiled one by one and their boundaries checked in code. These tests compare the two on every
 * bundled pack rule, over the fixtures and over generated text made of the rules' own words (every
 * way each phrase pattern is written, with its word forms and spellings) with spaces, hyphens,
 * apostrophes, capitals and letters around them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePhrase, expandPhrase } from '../../src/packs/phrase-pattern.js';
import { requiredLiterals } from '../../src/engine/regex-literals.js';
import { parseBundledPacks } from '../../src/ruleset.js';
import { documentKey, foldCase, mayMatch, Scanner, type PatternInput, type PhraseInput, type ScanMatch } from '../../src/engine/scanner.js';
import { filesUnder } from '../helpers.js';

interface Inputs {
  readonly id: string;
  readonly phrases: PhraseInput[];
  readonly patterns: PatternInput[];
  readonly caseSensitive: boolean;
}

/** Every bundled phrase rule's inputs, one set per case mode. */
const RULES: Inputs[] = parseBundledPacks().flatMap((definition) => {
  if (definition.kind !== 'phrases') return [];
  return [false, true].flatMap((caseSensitive) => {
    const phrases: PhraseInput[] = [];
    const patterns: PatternInput[] = [];
    definition.entries.forEach((entry, index) => {
      if ((entry.caseSensitive ?? definition.caseSensitive) !== caseSensitive) return;
      for (const phrase of entry.phrases) phrases.push({ phrase, entry: index });
      for (const source of entry.pattern) patterns.push({ source, entry: index });
    });
    return phrases.length + patterns.length > 0 ? [{ id: definition.meta.id, phrases, patterns, caseSensitive }] : [];
  });
});

/** The reference: one alternation of every phrase (with its word boundaries), then every pattern. */
function referenceScan(inputs: Inputs, text: string): ScanMatch[] {
  const ordered = inputs.phrases
    .map((phrase, index) => ({ phrase, index }))
    .sort((a, b) => b.phrase.phrase.rank - a.phrase.phrase.rank || a.index - b.index);
  const groups: { group: number; entry: number }[] = [];
  const parts: string[] = [];
  let group = 1;
  for (const { phrase } of ordered) {
    groups.push({ group, entry: phrase.entry });
    parts.push(`(${phrase.phrase.bounded})`);
    group += 1;
  }
  for (const pattern of inputs.patterns) {
    groups.push({ group, entry: pattern.entry });
    parts.push(`(${pattern.source})`);
    group += new RegExp(`${pattern.source}|`, 'u').exec('')!.length;
  }
  const regex = new RegExp(parts.join('|'), inputs.caseSensitive ? 'gu' : 'giu');
  const found: ScanMatch[] = [];
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    if (match[0] === '') {
      regex.lastIndex++;
      continue;
    }
    const entry = groups.find(({ group: index }) => match![index] !== undefined)?.entry ?? -1;
    found.push({ start: match.index, end: match.index + match[0].length, entry, text: match[0] });
  }
  return found;
}

const scanners = new Map<Inputs, Scanner>();

function scan(inputs: Inputs, text: string): ScanMatch[] {
  let scanner = scanners.get(inputs);
  if (!scanner) {
    scanner = new Scanner(inputs.phrases, inputs.patterns, inputs.caseSensitive);
    scanners.set(inputs, scanner);
  }
  const found: ScanMatch[] = [];
  scanner.scan(text, 0, scanner.candidates(documentKey([text], !inputs.caseSensitive)), (match) => found.push(match));
  return found;
}


describe('phrase scanner', () => {
  it('has bundled rules to compare', () => {
    expect(RULES.length).toBeGreaterThan(25);
  });

  it('finds what one big regular expression finds, on every fixture', () => {
    const texts = filesUnder(fileURLToPath(new URL('../../fixtures/', import.meta.url)), /\.(?:md|txt|html)$/).flatMap((file) =>
      readFileSync(file, 'utf8').split(/\n\s*\n/),
    );
    let matches = 0;
    for (const inputs of RULES) {
      for (const text of texts) {
        const expected = referenceScan(inputs, text);
        expect(scan(inputs, text), `${inputs.id} on “${text.slice(0, 60)}”`).toEqual(expected);
        matches += expected.length;
      }
    }
    expect(matches).toBeGreaterThan(50);
  });

  it('finds what one big regular expression finds, on text made of the rules’ own words', () => {
    for (const inputs of RULES) {
      // Every way each phrase is written (a sample of the longest lists), and its words.
      const written = inputs.phrases.flatMap(({ phrase }) => expandPhrase(phrase.phrase, {}, 40));
      const words = [
        ...new Set([
          ...written.flatMap((phrase) => phrase.split(/[\s-]+/)),
          ...inputs.patterns.flatMap(({ source }) => requiredLiterals(source) ?? []),
        ]),
      ].filter((word) => word !== '');
      const pieces = fc.oneof(
        fc.constantFrom(...(words.length > 0 ? words : ['work'])),
        fc.constantFrom(...written.concat(['must', 'you', 'should', 'be', 'work', 'at', 'the', 'a', 'shifts', 'UK', 'English', 'e.g.', '24/7', '£25k', '£20,000.00'])),
        fc.constantFrom(' ', '  ', '-', '- ', '‐', "'", '’', ',', '.', '(', ')', '/', 'x', 'é', '1', '_', '\n'),
      );
      const text = fc.array(pieces, { maxLength: 14 }).chain((parts) =>
        fc.array(fc.boolean(), { minLength: parts.length, maxLength: parts.length }).map((upper) =>
          parts.map((part, index) => (upper[index] ? part.toUpperCase() : part)).join(''),
        ),
      );
      fc.assert(
        fc.property(text, (value) => {
          expect(scan(inputs, value)).toEqual(referenceScan(inputs, value));
        }),
        { numRuns: 120, seed: 20261201 },
      );
    }
  });

  it('matches phrases across a line break, with or without the hyphen, in any case', () => {
    const inputs: Inputs = { id: 'test', phrases: [{ phrase: compilePhrase('fast-paced'), entry: 0 }, { phrase: compilePhrase('pace'), entry: 1 }], patterns: [], caseSensitive: false };
    const text = 'A FAST-\npaced ward, a fastpaced team, a fast paced day; pacemaker, PACE, paced.';
    expect(scan(inputs, text).map((match) => `${match.entry}:${match.text}`)).toEqual(['0:FAST-\npaced', '0:fastpaced', '0:fast paced', '1:PACE', '1:paced']);
    expect(scan(inputs, text)).toEqual(referenceScan(inputs, text));
  });

  it('finds a shorter match at the same place when the longest one ends inside a word', () => {
    const phrase = (text: string, entry: number): PhraseInput => ({ phrase: compilePhrase(text), entry });
    const inputs: Inputs = { id: 'test', phrases: [phrase('support [worker]', 0), phrase('foster=', 1), phrase('[the] (care|care home) team', 2)], patterns: [], caseSensitive: false };
    const text = 'Support workerish tasks; support workers; fostering; a care home teams day; the care teamwork.';
    expect(scan(inputs, text).map((match) => `${match.entry}:${match.text}`)).toEqual(['0:Support', '0:support workers', '2:care home teams']);
    expect(scan(inputs, text)).toEqual(referenceScan(inputs, text));
  });

  it('checks the words next to a phrase without flagging them, and tries every first word', () => {
    const phrase = (text: string, entry: number): PhraseInput => ({ phrase: compilePhrase(text), entry });
    const inputs: Inputs = { id: 'test', phrases: [phrase('<will|to> impact', 0), phrase('[full|clean] UK? driving licen{c|s}e', 1), phrase('deliver~ <[the] (outcome|change)>', 2)], patterns: [], caseSensitive: false };
    const text = 'It will impact staff; the impact; into impact. A clean UK driving license, full driving licences; delivered the outcomes, deliver babies.';
    expect(scan(inputs, text).map((match) => `${match.entry}:${match.text}`)).toEqual(['0:impact', '1:clean UK driving license', '1:full driving licences', '2:delivered']);
    expect(scan(inputs, text)).toEqual(referenceScan(inputs, text));
  });

  it('tries a phrase only where one of its first words starts a word, and anywhere when folding changes the length', () => {
    const phrase = (text: string, entry: number): PhraseInput => ({ phrase: compilePhrase(text), entry });
    const inputs: Inputs = { id: 'test', phrases: [phrase('(work|working) pattern', 0), phrase('working', 1), phrase('hit the ground running', 2), phrase('a good fit', 3)], patterns: [], caseSensitive: false };
    // “İ” is one character that lower-cases to two, so offsets in the folded text are not the text's.
    for (const text of ['Your working pattern, work pattern and reworking pattern; hit the ground running, about a good fit.', 'İzmir: your WORKING PATTERN, working days; Hit The Ground Running, A good fit, a-good fit.']) {
      expect(scan(inputs, text)).toEqual(referenceScan(inputs, text));
      expect(scan(inputs, text).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('says a text may hold a match unless it lacks every literal the expression needs', () => {
    const midnight = mayMatch(/(?<![\p{L}])midnight(?![\p{L}])/giu);
    const months = mayMatch(/(?<![\p{L}])(Jan|Feb)\.?\s+\d/gu);
    const anything = mayMatch(/(?<![\p{N}])([01]?\d|2[0-4])[:.]([0-5]\d)/gu);
    const test = (may: (text: string, folded: string) => boolean, text: string): boolean => may(text, foldCase(text));
    expect([test(midnight, 'Closes at MIDNIGHT'), test(midnight, 'Closes at noon')]).toEqual([true, false]);
    // Case-sensitive expressions look in the text as written.
    expect([test(months, 'from Jan 5'), test(months, 'from jan 5'), test(months, 'from 5 March')]).toEqual([true, false, false]);
    // With no literal it needs, any text may hold a match.
    expect(test(anything, 'no digits here')).toBe(true);
  });

  it('finds every one of thousands of matches of one phrase in a block', () => {
    const inputs: Inputs = { id: 'test', phrases: [{ phrase: compilePhrase('a good fit'), entry: 0 }], patterns: [], caseSensitive: false };
    // Each match starts the next search at one of the phrase's places, found by halving the list.
    const text = 'a good fit, about a fit; '.repeat(20_000);
    expect(scan(inputs, text)).toHaveLength(20_000);
  });
});
