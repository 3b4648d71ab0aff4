/**
 * retext-readability's per-sentence check, computed exactly as it computes it — the same seven
 * formula packages, the same Dale–Chall and Spache word lists, the same syllable counts — but with
 * Set lookups and cached syllable counts. retext-readability scans the 3,000-word Dale–Chall and
 * 900-word Spache arrays for every word of every sentence, which made it a third of the time spent
 * checking a document. test/engine/readability-parity.test.ts holds the verdicts identical to
 * retext-readability's on the fixtures and on the readability corpus.
 */
import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChall } from 'dale-chall';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { gunningFog } from 'gunning-fog';
import type { Sentence as SentenceNode } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { smogFormula } from 'smog-formula';
import { spache } from 'spache';
import { spacheFormula } from 'spache-formula';
import { syllable } from 'syllable';

const SPACHE = new Set(spache);
const DALE_CHALL = new Set(daleChall);

/** Syllable counts already worked out, by word; cleared when it grows past `SYLLABLE_CACHE_LIMIT`. */
const syllableCache = new Map<string, number>();
/** Distinct words kept in the syllable cache (default 50,000: a few megabytes). */
const SYLLABLE_CACHE_LIMIT = 50_000;

/**
 * The longest word counted in one piece (no real word is near it). The syllable package's
 * expressions take time that grows with the square of a word's length (“nqnqnq…”), and a text
 * without spaces or punctuation — Chinese, say — is one word: a longer word is counted in pieces
 * of this length.
 */
const MAX_WORD_LENGTH = 100;

/** Syllables in `word`, as the syllable package counts them, from a cache. */
export function countSyllables(word: string): number {
  if (word.length > MAX_WORD_LENGTH) {
    let total = 0;
    for (let start = 0; start < word.length; start += MAX_WORD_LENGTH) total += countSyllables(word.slice(start, start + MAX_WORD_LENGTH));
    return total;
  }
  let count = syllableCache.get(word);
  if (count === undefined) {
    count = syllable(word);
    if (syllableCache.size >= SYLLABLE_CACHE_LIMIT) syllableCache.clear();
    syllableCache.set(word, count);
  }
  return count;
}

const gradeToAge = (grade: number): number => Math.round(grade + 5);
const fleschToAge = (value: number): number => 20 - Math.floor(value / 10);
const smogToAge = (value: number): number => Math.ceil(Math.sqrt(value) + 2.5);

/**
 * How many of the seven formulas put `sentence` above reading age `age`, or null when it has
 * fewer than `minWords` words (retext-readability's defaults: `minWords` 5).
 */
export function formulasAbove(sentence: SentenceNode, age: number, minWords = 5): number | null {
  const values: string[] = [];
  for (const node of sentence.children) if (node.type === 'WordNode') values.push(toString(node));
  return formulasAboveWords(values, age, minWords);
}

/** How many of the seven formulas put a sentence of these words above reading age `age` (null under `minWords`). */
export function formulasAboveWords(values: readonly string[], age: number, minWords = 5): number | null {
  const familiar = new Set<string>();
  const easy = new Set<string>();
  let complexPolysillabicWord = 0;
  let letters = 0;
  let polysillabicWord = 0;
  let totalSyllables = 0;
  let wordCount = 0;
  for (const value of values) {
    const caseless = value.toLowerCase();
    const syllables = countSyllables(value);
    wordCount++;
    totalSyllables += syllables;
    letters += value.length;
    // Gunning fog's complex words: three or more syllables, not starting with a capital.
    if (syllables >= 3) {
      polysillabicWord++;
      if (value.charCodeAt(0) === caseless.charCodeAt(0)) complexPolysillabicWord++;
    }
    if (SPACHE.has(caseless)) familiar.add(caseless);
    if (DALE_CHALL.has(caseless)) easy.add(caseless);
  }
  if (wordCount < minWords) return null;
  const counts = {
    character: letters,
    complexPolysillabicWord,
    difficultWord: wordCount - easy.size,
    letter: letters,
    polysillabicWord,
    sentence: 1,
    syllable: totalSyllables,
    unfamiliarWord: wordCount - familiar.size,
    word: wordCount,
  };
  const ages = [
    gradeToAge(automatedReadability(counts)),
    gradeToAge(colemanLiau(counts)),
    gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
    fleschToAge(flesch(counts)),
    gradeToAge(gunningFog(counts)),
    smogToAge(smogFormula(counts)),
    gradeToAge(spacheFormula(counts)),
  ];
  return ages.filter((value) => value > age).length;
}
