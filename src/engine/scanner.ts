/**
 * Finding a pack rule's phrases and patterns in text. The matches are exactly those of one
 * regular expression that lists every phrase (longest first, each between word boundaries) and
 * then every pattern, scanned left to right: at each place the first alternative that matches
 * wins, and scanning goes on after it. But instead of compiling that expression — thousands of
 * case-insensitive Unicode alternatives, the largest cost of checking one document — each phrase
 * and pattern gets a small expression of its own, compiled the first time a document contains
 * its trigger (a phrase's first word, or one of them when it may start in several ways; text a
 * pattern cannot match without, see ./regex-literals.ts), and word boundaries are checked in code.
 * Phrases come compiled from their phrase patterns (src/packs/phrase-pattern.ts).
 */

import { guardLookbehinds, hasTopLevelAlternation } from './regex-guard.js';
import { requiredLiterals } from './regex-literals.js';


/** A letter, digit or underscore: what a phrase may not touch at either end. */
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** The start-of-word assertion most patterns open with. */
const PATTERN_START = '(?<![\\p{L}\\p{N}])';

/** Whether the text at one end of a match is a letter, digit or underscore: always, never, or it depends. */
export type EdgeKind = 'word' | 'other' | 'mixed';

/** A phrase pattern, compiled for the scanner. Plain data, so that it can be cached as JSON. */
export interface CompiledPhrase {
  /** The pattern as written. */
  readonly phrase: string;
  /** The expression, without the word-boundary checks at the ends of the flagged text (the scanner does them in code). */
  readonly source: string;
  /** The same with the word-boundary checks: exactly what the phrase matches. */
  readonly bounded: string;
  /** The first words a match can start with, as written (up to a hyphen or apostrophe); empty: no trigger. */
  readonly triggers: readonly string[];
  /** Whether a match starts with a word character. */
  readonly start: EdgeKind;
  /** Whether a match ends with a word character. */
  readonly end: EdgeKind;
  /** The length of the longest way the phrase is written: longer phrases are tried first. */
  readonly rank: number;
  /** True when a match has only one possible end for each start (nothing optional and no choices). */
  readonly fixedEnd: boolean;
}

/** One match: offsets in the text, and the entry whose phrase or pattern matched. */
export interface ScanMatch {
  readonly start: number;
  readonly end: number;
  readonly entry: number;
  readonly text: string;
}

/** A phrase, compiled from its phrase pattern. */
export interface PhraseInput {
  readonly phrase: CompiledPhrase;
  readonly entry: number;
}

/** A regular expression (JavaScript syntax, no flags). */
export interface PatternInput {
  readonly source: string;
  readonly entry: number;
}

/** Text folded the way triggers are compared: lower case (length may change; offsets are never taken from it). */
export function foldCase(text: string): string {
  return text.toLowerCase().replace(/ſ/g, 's');
}

/** A test of a text, given also folded by `foldCase`. */
export type TextTest = (text: string, folded: string) => boolean;

/**
 * `test`, run only on text that holds one of the literals `source` cannot match without (see
 * ./regex-literals.ts), looked for in the folded text when the pattern ignores case. Case-insensitive
 * Unicode expressions search at about 10 ns a character; most texts have none of the literals.
 */
export function gatedByLiterals(source: string, ignoreCase: boolean, test: TextTest): TextTest {
  const literals = requiredLiterals(source, ignoreCase ? foldCase : undefined);
  if (!literals) return test;
  return ignoreCase
    ? (text, folded) => literals.some((literal) => folded.includes(literal)) && test(text, folded)
    : (text, folded) => literals.some((literal) => text.includes(literal)) && test(text, folded);
}

/** A regular expression's `test`, gated by its literals (`pattern` itself may be a guarded copy of `original`). */
export function gatedPattern(pattern: RegExp, original: RegExp = pattern): TextTest {
  return gatedByLiterals(original.source, original.flags.includes('i'), (text) => pattern.test(text));
}

/** True when the code point that ends just before `index` is a letter, digit or underscore. */
function wordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const code = text.charCodeAt(index - 1);
  if (code < 0x80) return isAsciiWordChar(code);
  const from = code >= 0xdc00 && code <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(from) ?? code));
}

/** True when the code point that starts at `index` is a letter, digit or underscore. */
function wordCharAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 0x80) return isAsciiWordChar(code);
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index) ?? code));
}

/** True when the code point that ends just before `index` is a letter or digit (not an underscore). */
function letterOrDigitBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const code = text.charCodeAt(index - 1);
  if (code === 0x5f) return false;
  return wordCharBefore(text, index);
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

/** A phrase or a pattern, ready to search for. */
abstract class Matcher {
  /** Strings one of which the text must contain (folded unless case-sensitive); empty: no test. */
  abstract readonly triggers: readonly string[];
  /** True when a match starts with a trigger, at the start of a word. */
  readonly atWordStart: boolean = false;
  private compiled: RegExp | null = null;

  constructor(
    readonly entry: number,
    /** Its place in the search order: at the same place, the lower rank wins. */
    readonly rank: number,
    private readonly source: string,
    protected readonly flags: string,
  ) {}

  /** The leftmost match at or after `from`. */
  find(text: string, from: number): RegExpExecArray | null {
    this.compiled ??= new RegExp(guardLookbehinds(this.source), this.flags);
    const regex = this.compiled;
    regex.lastIndex = from;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(text)) !== null) {
      const accepted = this.accept(text, match);
      if (accepted) return accepted;
      regex.lastIndex = this.retryFrom(text, match.index);
    }
    return null;
  }

  /** Where to look again after a match at `index` that `accept` turned down: by default, the next place. */
  protected retryFrom(_text: string, index: number): number {
    return index + 1;
  }

  /**
   * The word-boundary checks that stand in for assertions left out of the expression: the match,
   * a shorter match at the same place that passes them, or null when there is none.
   */
  protected abstract accept(text: string, match: RegExpExecArray): RegExpExecArray | null;
}

/** A phrase; its word boundaries are checked in code. */
class PhraseMatcher extends Matcher {
  readonly triggers: readonly string[];
  override readonly atWordStart: boolean;
  /** The expression with its word boundaries, tried at a match's start when the match ends inside a word. */
  private bounded: RegExp | null = null;

  constructor(
    private readonly phrase: CompiledPhrase,
    entry: number,
    rank: number,
    flags: string,
  ) {
    super(entry, rank, phrase.source, flags);
    this.triggers = flags.includes('i') ? phrase.triggers.map(foldCase) : phrase.triggers;
    this.atWordStart = phrase.start === 'word' && this.triggers.length > 0;
  }

  protected accept(text: string, match: RegExpExecArray): RegExpExecArray | null {
    const { start, end } = this.phrase;
    // Whether the start is a boundary depends only on where the match starts, so a match
    // rejected here hides no other match at the same place.
    if ((start === 'word' || (start === 'mixed' && wordCharAt(text, match.index))) && wordCharBefore(text, match.index)) return null;
    const after = match.index + match[0].length;
    if (!((end === 'word' || (end === 'mixed' && wordCharBefore(text, after))) && wordCharAt(text, after))) return match;
    // The match ends inside a word. A phrase with one possible end for each start has no other
    // match here; otherwise a shorter one may pass (“support [worker]” in “support workers”).
    if (this.phrase.fixedEnd) return null;
    this.bounded ??= new RegExp(this.phrase.bounded, this.flags.replace('g', 'y'));
    this.bounded.lastIndex = match.index;
    return this.bounded.exec(text);
  }
}

/**
 * A pattern. When it opens with the usual start-of-word assertion, that is checked in code: the
 * assertion depends only on where a match starts, so the matches are the same, and each Unicode
 * class left out of an expression saves about half a millisecond of compiling.
 */
class PatternMatcher extends Matcher {
  readonly triggers: readonly string[];
  private readonly startOfWord: boolean;

  constructor(source: string, entry: number, rank: number, flags: string) {
    const core = patternCore(source);
    super(entry, rank, core ?? source, flags);
    this.startOfWord = core !== null;
    this.triggers = requiredLiterals(core ?? source, flags.includes('i') ? foldCase : undefined) ?? [];
  }

  protected accept(text: string, match: RegExpExecArray): RegExpExecArray | null {
    return this.startOfWord && letterOrDigitBefore(text, match.index) ? null : match;
  }

  /**
   * A match turned down because it starts inside a word: every later place in the same run of
   * letters and digits is inside it too, so look again after the run, not at each of its letters.
   */
  protected override retryFrom(text: string, index: number): number {
    if (!this.startOfWord) return index + 1;
    let next = index;
    while (next < text.length && wordCharAt(text, next) && text.charCodeAt(next) !== 0x5f) next += (text.codePointAt(next) ?? 0) > 0xffff ? 2 : 1;
    return Math.max(next, index + 1);
  }
}

/**
 * A pattern without its leading start-of-word assertion, when it has one and no top-level “|”, and
 * does not go on with a repeated class (“\p{L}+\(s\)”): without the assertion, the expression
 * would be tried from every letter of a long word, each time to the end of the word.
 */
function patternCore(source: string): string | null {
  if (!source.startsWith(PATTERN_START) || hasTopLevelAlternation(source)) return null;
  const core = source.slice(PATTERN_START.length);
  return REPEATED_CLASS_START.test(core) ? null : core;
}

/** An expression that opens (perhaps inside groups) with a class, escape or “.” repeated without limit. */
const REPEATED_CLASS_START = /^(?:\(\?:)*(?:\\[pPdDwWsS](?:\{[^}]*\})?|\[(?:\\.|[^\]\\])*\]|\.)(?:[+*]|\{\d+,\})/;

/** A document's blocks as one text, for finding triggers: blocks joined by line breaks. */
export interface DocumentKey {
  /** Every block's text (folded unless case-sensitive), one after another with "\n" between. */
  readonly text: string;
  /** Where each block starts in `text`, in block order. */
  readonly starts: readonly number[];
  /** The document's word starts, for triggers that must begin a word. */
  readonly words: WordStarts;
}

const WHITESPACE = /\s/gu;

/**
 * The longest word start kept: a trigger is one word, and no word of a phrase is this long. A
 * longer trigger is looked up by its first `TOKEN_LIMIT` characters, which can only find more
 * blocks (the expressions decide the matches), never fewer. Without a limit, text with no spaces
 * (“01/01/01/…”) would make a token of the rest of the text at every word start.
 */
const TOKEN_LIMIT = 64;

/**
 * The text from each place a word starts (after a character that is not a letter, digit or
 * underscore) up to the next space (at most `TOKEN_LIMIT` characters of it), with the blocks it
 * is in, sorted: a phrase that starts with a word can only match where its first word is the
 * start of one of these.
 */
export class WordStarts {
  private readonly tokens: string[];
  private readonly blocks: number[][];

  constructor(texts: readonly string[]) {
    const found = new Map<string, number[]>();
    texts.forEach((text, block) => {
      let previousIsWord = false;
      // The next whitespace at or after the current place (found once per run of text, not once per word start).
      let space = -1;
      for (let index = 0; index < text.length; index++) {
        const isWord = wordCharAt(text, index);
        if (isWord && !previousIsWord) {
          if (space < index) {
            WHITESPACE.lastIndex = index;
            space = WHITESPACE.exec(text)?.index ?? text.length;
          }
          const token = text.slice(index, Math.min(space, index + TOKEN_LIMIT));
          const list = found.get(token);
          if (!list) found.set(token, [block]);
          else if (list.at(-1) !== block) list.push(block);
        }
        previousIsWord = isWord;
      }
    });
    this.tokens = [...found.keys()].sort();
    this.blocks = this.tokens.map((token) => found.get(token) as number[]);
  }

  /** The blocks found for each prefix asked about: every scanner of a document asks the same. */
  private readonly found = new Map<string, readonly number[]>();

  /** The blocks, in order and each once, that have a word start beginning with `whole`. */
  blocksStartingWith(whole: string): readonly number[] {
    const prefix = whole.length > TOKEN_LIMIT ? whole.slice(0, TOKEN_LIMIT) : whole;
    let blocks = this.found.get(prefix);
    if (blocks) return blocks;
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.tokens[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const set = new Set<number>();
    for (let index = low; index < this.tokens.length && (this.tokens[index] as string).startsWith(prefix); index++) {
      for (const block of this.blocks[index] as number[]) set.add(block);
    }
    blocks = [...set].sort((a, b) => a - b);
    this.found.set(prefix, blocks);
    return blocks;
  }
}

/** The phrases and patterns of one scanner that may occur in each block of one document. */
export interface Candidates {
  /** The matchers triggered in the block at `index`, in rank order. */
  forBlock(index: number): readonly Matcher[];
}

/** The block of `key` that the offset falls in. */
function blockAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A rule's phrases and patterns of one case mode. */
export class Scanner {
  private readonly matchers: Matcher[];

  constructor(
    phrases: readonly PhraseInput[],
    patterns: readonly PatternInput[],
    /** Case-sensitive: triggers are compared without folding. */
    readonly caseSensitive: boolean,
  ) {
    const flags = caseSensitive ? 'gu' : 'giu';
    // Longer phrases first, so “hit the ground running” wins over “running” and “e.g.” over
    // “e.g”; patterns after every phrase, in the order written.
    const ordered = phrases
      .map((phrase, index) => ({ phrase, index }))
      .sort((a, b) => b.phrase.phrase.rank - a.phrase.phrase.rank || a.index - b.index);
    this.matchers = [
      ...ordered.map(({ phrase }, rank) => new PhraseMatcher(phrase.phrase, phrase.entry, rank, flags)),
      ...patterns.map((pattern, index) => new PatternMatcher(pattern.source, pattern.entry, ordered.length + index, flags)),
    ];
  }

  /** True when the scanner has nothing to look for. */
  get empty(): boolean {
    return this.matchers.length === 0;
  }

  /**
   * The phrases and patterns each block of a document triggers. Each trigger is looked for once
   * in the whole document, not once a block.
   */
  candidates(key: DocumentKey): Candidates {
    const always: Matcher[] = [];
    // Each block's matchers, in rank order (the order of `matchers`), each once.
    const byBlock = new Map<number, Matcher[]>();
    for (const matcher of this.matchers) {
      if (matcher.triggers.length === 0) {
        always.push(matcher);
        continue;
      }
      const add = (block: number): void => {
        const list = byBlock.get(block);
        if (!list) byBlock.set(block, [matcher]);
        else if (list.at(-1) !== matcher) list.push(matcher);
      };
      for (const trigger of matcher.triggers) {
        if (matcher.atWordStart) {
          for (const block of key.words.blocksStartingWith(trigger)) add(block);
          continue;
        }
        // Once a block has the trigger, look on from the next block.
        for (let at = key.text.indexOf(trigger); at >= 0; ) {
          const block = blockAt(key.starts, at);
          add(block);
          const next = key.starts[block + 1];
          if (next === undefined) break;
          at = key.text.indexOf(trigger, Math.max(at + 1, next));
        }
      }
    }
    if (always.length > 0) {
      for (const [block, list] of byBlock) byBlock.set(block, [...always, ...list].sort((a, b) => a.rank - b.rank));
    }
    return { forBlock: (index) => byBlock.get(index) ?? always };
  }

  /**
   * Call `onMatch` for every match in `text`, the text of block `block`, left to right. Empty
   * matches are skipped.
   */
  scan(text: string, block: number, candidates: Candidates, onMatch: (match: ScanMatch) => void): void {
    const matchers = candidates.forBlock(block);
    if (matchers.length === 0) return;
    // Each matcher's next match at or after `position`: undefined until looked for, null when none.
    const next: (RegExpExecArray | null | undefined)[] = matchers.map(() => undefined);
    let position = 0;
    while (position <= text.length) {
      let best = -1;
      let bestIndex = Infinity;
      for (let index = 0; index < matchers.length; index++) {
        let found = next[index];
        if (found === undefined || (found !== null && found.index < position)) {
          found = (matchers[index] as Matcher).find(text, position);
          next[index] = found;
        }
        // Earlier in the text wins; at the same place, the lower rank (matchers are in rank order).
        if (found && found.index < bestIndex) {
          best = index;
          bestIndex = found.index;
        }
      }
      if (best < 0) return;
      const match = next[best] as RegExpExecArray;
      if (match[0] === '') {
        position = match.index + 1;
        continue;
      }
      position = match.index + match[0].length;
      onMatch({ start: match.index, end: position, entry: (matchers[best] as Matcher).entry, text: match[0] });
    }
  }
}
