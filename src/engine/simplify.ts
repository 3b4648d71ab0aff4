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
  return value.toLowerCase().replace(/’/g, "'").replace(/-/g, '').replace(/'/g, '');
}

/** retext-simplify's phrases, less those ignored, indexed by their first word. */
export class SimplifySearch {
  private readonly byWord = new Map<string, string[]>();

  constructor(ignore: readonly string[]) {
    for (const phrase of Object.keys(patterns)) {
      if (ignore.includes(phrase)) continue;
      const first = normalize(phrase.split(' ', 1)[0] ?? '');
      const list = this.byWord.get(first);
      if (list) list.push(phrase);
      else this.byWord.set(first, [phrase]);
    }
  }

  /** Call `onMatch` for every phrase in `sentence`, in the order retext-simplify reports them. */
  search(sentence: Sentence, onMatch: (match: SimplifyMatch) => void): void {
    const siblings = sentence.children;
    for (let index = 0; index < siblings.length; index++) {
      const node = siblings[index] as SentenceContent;
      if (node.type !== 'WordNode') continue;
      const phrases = this.byWord.get(normalize(toString(node)));
      if (!phrases || isLiteral(sentence, index)) continue;
      for (const phrase of phrases) {
        const last = matchEnd(phrase, index, siblings);
        if (last === null) continue;
        const start = node.position?.start.offset;
        const end = siblings[last]?.position?.end.offset;
        if (start === undefined || end === undefined) continue;
        onMatch({ start, end, phrase, pattern: patterns[phrase] as SimplifyPattern });
      }
    }
  }
}

/** The index of the last word of `phrase` when it matches from `start` (its first word already does), else null. */
function matchEnd(phrase: string, start: number, siblings: readonly SentenceContent[]): number | null {
  const words = phrase.split(' ').slice(1);
  let position = start + 1;
  for (const word of words) {
    while (position < siblings.length && siblings[position]?.type === 'WhiteSpaceNode') position++;
    const sibling = siblings[position];
    if (!sibling || sibling.type !== 'WordNode' || (word !== '*' && normalize(word) !== normalize(toString(sibling)))) return null;
    position++;
  }
  return position - 1;
}
