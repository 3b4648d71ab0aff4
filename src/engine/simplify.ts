/**
 * retext-simplify's search, done the way retext-simplify (through nlcst-search) does it — its
 * own phrase list, the same word normalising, the same skipping of words that are quoted or
 * set apart as literals (“the word ‘utilise’”) — but with the phrases indexed once per process
 * instead of on every call, and the literal-word test (which scans the whole sentence) made only
 * for words that start a phrase. That took retext-simplify from 6 ms a document to well under one.
 * test/engine/simplify-parity.test.ts holds the matches identical to retext-simplify's own.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Sentence, SentenceContent } from 'nlcst';
import { isLiteral } from 'nlcst-is-literal';
import { toString } from 'nlcst-to-string';

/** A phrase of retext-simplify: its replacements, and whether leaving it out is also an option. */
export interface SimplifyPattern {
  readonly replace: readonly string[];
  readonly omit?: true;
}

// retext-simplify exports only its plugin; its phrase list is the module next to it.
const entry = createRequire(import.meta.url).resolve('retext-simplify');
const { patterns } = (await import(pathToFileURL(path.join(path.dirname(entry), 'lib', 'patterns.js')).href)) as {
  patterns: Readonly<Record<string, SimplifyPattern>>;
};

/** One phrase found: offsets in the block, as retext-simplify reports them. */
export interface SimplifyMatch {
  readonly start: number;
  readonly end: number;
  /** The phrase as retext-simplify lists it (its rule id, with spaces). */
  readonly phrase: string;
  readonly pattern: SimplifyPattern;
}

/** nlcst-normalize with its defaults: lower case, no hyphens, no apostrophes. */
function normalize(value: string): string {
  const lower = value.toLowerCase();
  return APOSTROPHE_OR_HYPHEN.test(lower) ? lower.replace(/’/g, "'").replace(/-/g, '').replace(/'/g, '') : lower;
}

const APOSTROPHE_OR_HYPHEN = /[’'-]/;

/** The text of a word (most are one text node: no string is built for them). */
function wordText(node: SentenceContent): string {
  if ('children' in node && node.children.length === 1) {
    const only = node.children[0];
    if (only && 'value' in only) return only.value;
  }
  return toString(node);
}

/** A phrase of retext-simplify, with the words after its first normalised once ("*": any word). */
interface IndexedPhrase {
  readonly phrase: string;
  readonly rest: readonly string[];
}

/** retext-simplify's phrases, less those ignored, indexed by their first word. */
export class SimplifySearch {
  private readonly byWord = new Map<string, IndexedPhrase[]>();

  constructor(ignore: readonly string[]) {
    for (const phrase of Object.keys(patterns)) {
      if (ignore.includes(phrase)) continue;
      const [first = '', ...rest] = phrase.split(' ');
      const indexed = { phrase, rest: rest.map((word) => (word === '*' ? word : normalize(word))) };
      const key = normalize(first);
      const list = this.byWord.get(key);
      if (list) list.push(indexed);
      else this.byWord.set(key, [indexed]);
    }
  }

  /** Call `onMatch` for every phrase in `sentence`, in the order retext-simplify reports them. */
  search(sentence: Sentence, onMatch: (match: SimplifyMatch) => void): void {
    const siblings = sentence.children;
    for (let index = 0; index < siblings.length; index++) {
      const node = siblings[index] as SentenceContent;
      if (node.type !== 'WordNode') continue;
      const phrases = this.byWord.get(normalize(wordText(node)));
      if (!phrases || isLiteral(sentence, index)) continue;
      for (const { phrase, rest } of phrases) {
        const last = matchEnd(rest, index, siblings);
        if (last === null) continue;
        const start = node.position?.start.offset;
        const end = siblings[last]?.position?.end.offset;
        if (start === undefined || end === undefined) continue;
        onMatch({ start, end, phrase, pattern: patterns[phrase] as SimplifyPattern });
      }
    }
  }
}

/** The index of the last word of a phrase when its other `words` follow the one at `start`, else null. */
function matchEnd(words: readonly string[], start: number, siblings: readonly SentenceContent[]): number | null {
  let position = start + 1;
  for (const word of words) {
    while (position < siblings.length && siblings[position]?.type === 'WhiteSpaceNode') position++;
    const sibling = siblings[position];
    if (!sibling || sibling.type !== 'WordNode' || (word !== '*' && word !== normalize(wordText(sibling)))) return null;
    position++;
  }
  return position - 1;
}
