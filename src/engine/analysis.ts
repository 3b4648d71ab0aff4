/**
 * Sentences and words of each block, from one parse with parse-english (the parser behind
 * retext-english). Each block is parsed on its own, so a heading and the bullets under it are
 * never glued into one giant sentence.
 */
import type { Root, Sentence as SentenceNode } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import type { Block, DocModel } from '../document/model.js';
import { proseOf, type ProseSentence, type Sentence, type Word } from './prose.js';
import { countSyllables } from './readability.js';
import { documentKey, type DocumentKey } from './scanner.js';

export type { Sentence, Word } from './prose.js';

/** The parse of one block. */
export interface BlockAnalysis {
  /** nlcst tree of the block's text, positions relative to the block. */
  readonly tree: Root;
  readonly sentences: readonly Sentence[];
}

const parser = new ParseEnglish();

/** Parses blocks on demand and keeps the result for every rule that asks again; one per document. */
export class TextAnalysis {
  private readonly cache = new Map<Block, BlockAnalysis>();
  private readonly proseCache = new Map<Block, readonly ProseSentence[]>();
  private readonly keys = new Map<boolean, DocumentKey>();
  private readonly verdicts = new WeakMap<Sentence | Block, Map<RegExp, boolean>>();

  /** The document's blocks as one text for trigger searches, in lower case when `folded`. */
  documentKey(doc: DocModel, folded: boolean): DocumentKey {
    let key = this.keys.get(folded);
    if (!key) {
      key = documentKey(doc.blocks.map((block) => block.text), folded);
      this.keys.set(folded, key);
    }
    return key;
  }

  /** The sentences of `block` that readability rules judge, each less any leading “Label:” (see prose.ts). */
  prose(block: Block): readonly ProseSentence[] {
    let sentences = this.proseCache.get(block);
    if (!sentences) {
      sentences = this.of(block).sentences.flatMap((sentence) => proseOf(sentence) ?? []);
      this.proseCache.set(block, sentences);
    }
    return sentences;
  }

  /**
   * The first sentence of `block` that holds all of `[start, end)`, or undefined: found by
   * binary search (the sentences are in order and do not overlap), so a block of thousands of
   * sentences with thousands of matches is not searched from the start for each.
   */
  sentenceAround(block: Block, start: number, end: number): Sentence | undefined {
    const sentences = this.of(block).sentences;
    // The first sentence that ends at or after `end`: no earlier one can hold the range.
    const index = firstIndex(sentences, (sentence) => sentence.end >= end);
    const sentence = sentences[index];
    return sentence && sentence.start <= start ? sentence : undefined;
  }

  /**
   * Whether `pattern` (without the g or y flag) matches the text of `holder` — a sentence or a
   * block — worked out once for each: rules that ask it for every match in a long sentence do not
   * search the whole sentence again each time.
   */
  matches(pattern: RegExp, holder: Sentence | Block): boolean {
    let verdicts = this.verdicts.get(holder);
    if (!verdicts) this.verdicts.set(holder, (verdicts = new Map()));
    let verdict = verdicts.get(pattern);
    if (verdict === undefined) {
      verdict = pattern.test(holder.text);
      verdicts.set(pattern, verdict);
    }
    return verdict;
  }

  /** The sentence of `block` that `offset` is in (`start <= offset < end`), or undefined. */
  sentenceAt(block: Block, offset: number): Sentence | undefined {
    const sentences = this.of(block).sentences;
    const sentence = sentences[firstIndex(sentences, (candidate) => candidate.end > offset)];
    return sentence && sentence.start <= offset ? sentence : undefined;
  }

  /** The analysis of `block`. */
  of(block: Block): BlockAnalysis {
    let analysis = this.cache.get(block);
    if (!analysis) {
      analysis = analyseText(block.text);
      this.cache.set(block, analysis);
    }
    return analysis;
  }
}

/** The first index of the ordered `items` for which `passes` holds (it holds for every later one too), or `items.length`. */
export function firstIndex<T>(items: readonly T[], passes: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (passes(items[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The longest text parsed in one piece. parse-english merges tokens by splicing them out of the
 * list of their sentence's tokens, which takes time that grows with the square of a sentence's
 * length (“a/a/a/…”, “01/01/01/…”, a page of text with no full stop): a longer block is parsed in
 * pieces of at most this length, cut at a blank line, else after the end of a sentence, else at a
 * space. No real paragraph is this long — the longest of the 27,000 blocks of the shared corpus
 * and the evaluation set has 7,277 characters — so no real sentence is cut.
 */
export const MAX_PARSED_LENGTH = 10_000;

/** Where to end the piece of `text` that starts at `from`: a place at most `MAX_PARSED_LENGTH` on. */
function pieceEnd(text: string, from: number): number {
  const limit = from + MAX_PARSED_LENGTH;
  if (limit >= text.length) return text.length;
  const window = text.slice(from + MAX_PARSED_LENGTH / 2, limit);
  const after = (pattern: RegExp): number => {
    let found = -1;
    for (const match of window.matchAll(pattern)) found = match.index + match[0].length;
    return found;
  };
  // The last blank line, else the last space after a sentence's end, else the last space.
  for (const pattern of [/\n[ \t]*\n/g, /[.!?]["'’”)]?\s/g, /\s/g]) {
    const at = after(pattern);
    if (at > 0) return from + MAX_PARSED_LENGTH / 2 + at;
  }
  // No space at all (“01/01/01…”, Chinese): cut between two characters, not inside a pair.
  const high = text.charCodeAt(limit - 1);
  return high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit;
}

/** Move every position in `node`'s tree on by `shift` characters (a piece parsed on its own). */
function shiftPositions(node: { position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined; children?: readonly unknown[] }, shift: number): void {
  const stack: (typeof node)[] = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    const position = current.position;
    if (position) {
      if (position.start.offset !== undefined) position.start.offset += shift;
      if (position.end.offset !== undefined) position.end.offset += shift;
    }
    if (current.children) for (const child of current.children) stack.push(child as typeof node);
  }
}

/** Parse `text` into sentences and words. */
export function analyseText(text: string): BlockAnalysis {
  let tree: Root;
  if (text.length <= MAX_PARSED_LENGTH) {
    tree = parser.parse(text);
  } else {
    // In pieces, one tree: positions are offsets in the whole text (lines and columns are the piece's).
    const children: Root['children'] = [];
    for (let from = 0; from < text.length; ) {
      const to = pieceEnd(text, from);
      const piece = parser.parse(text.slice(from, to));
      if (from > 0) shiftPositions(piece, from);
      for (const child of piece.children) children.push(child);
      from = to;
    }
    tree = { type: 'RootNode', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } } };
  }
  const sentences: Sentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const node of paragraph.children) {
      if (node.type !== 'SentenceNode') continue;
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      sentences.push({
        start,
        end,
        text: text.slice(start, end),
        words: wordsOf(node, text),
        node,
      });
    }
  }
  return { tree, sentences };
}

const PUNCTUATION_OR_SYMBOL = /^[\p{P}\p{S}]$/u;

/** True when the code point at `index` (or the pair of surrogates there) is punctuation or a symbol. */
function isEdgeCharAt(text: string, index: number): boolean {
  return PUNCTUATION_OR_SYMBOL.test(String.fromCodePoint(text.codePointAt(index) ?? 0));
}

/**
 * The offsets of `raw` less its leading and trailing punctuation and symbols, as
 * `raw.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '')` leaves it, but in one pass: that
 * expression tries every place of a run of punctuation inside a word and takes time that grows
 * with the square of the run (“a((((…((((b”).
 */
function strippedRange(raw: string): { from: number; to: number } {
  let from = 0;
  while (from < raw.length && isEdgeCharAt(raw, from)) from += (raw.codePointAt(from) ?? 0) > 0xffff ? 2 : 1;
  let to = raw.length;
  while (to > from) {
    const low = raw.charCodeAt(to - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && to - 2 >= from && raw.charCodeAt(to - 2) >= 0xd800 && raw.charCodeAt(to - 2) <= 0xdbff ? 2 : 1;
    if (!isEdgeCharAt(raw, to - width)) break;
    to -= width;
  }
  return { from, to };
}

function wordsOf(sentence: SentenceNode, text: string): Word[] {
  const words: Word[] = [];
  let tokenStart = -1;
  let tokenEnd = -1;
  let hasWord = false;
  const flush = (): void => {
    if (tokenStart >= 0 && hasWord) {
      const raw = text.slice(tokenStart, tokenEnd);
      const { from, to } = strippedRange(raw);
      if (to > from) {
        words.push({
          start: tokenStart + from,
          end: tokenStart + to,
          text: raw.slice(from, to),
        });
      }
    }
    tokenStart = -1;
    hasWord = false;
  };
  for (const child of sentence.children) {
    const start = child.position?.start.offset ?? 0;
    const end = child.position?.end.offset ?? start;
    if (child.type === 'WhiteSpaceNode') {
      flush();
      continue;
    }
    if (tokenStart < 0) tokenStart = start;
    tokenEnd = end;
    if (child.type === 'WordNode') hasWord = true;
  }
  flush();
  return words;
}

/** Syllables in a word (at least one; numbers count as one). */
export function syllablesIn(word: string): number {
  if (!/\p{L}/u.test(word)) return 1;
  return Math.max(1, countSyllables(word));
}
