/**
 * Finding a pack rule's phrases and patterns in text. The matches are exactly those of one
 * regular expression that lists every phrase (longest first, each between word boundaries) and
 * then every pattern, scanned left to right: at each place the first alternative that matches
 * wins, and scanning goes on after it. But instead of compiling that expression — thousands of
 * case-insensitive Unicode alternatives, the largest cost of checking one document — each phrase
 * and pattern gets a small expression of its own, compiled the first time a document contains
 * its trigger (a phrase's first word, or one of them when it may start in several ways; text a
 * pattern cannot match without, see ./regex-literals.ts), and word boundaries are checked in code.
 * The word starts of a document are walked once, through one trie of every scanner's first words,
 * and a phrase is then tried only at the places where one of its first words starts a word.
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
  /**
   * The triggers that every match starting with them has a non-word character right after (the
   * first word is whole: “a” in “a good fit” does not start “about”). Absent in caches written
   * before it was worked out: then none is.
   */
  readonly wholeTriggers?: readonly string[];
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

/**
 * False only when a text cannot hold a match of `pattern`: it has none of the literals the
 * pattern cannot match without (see ./regex-literals.ts). A cheap test before a `matchAll`.
 */
export function mayMatch(pattern: RegExp): TextTest {
  return gatedByLiterals(pattern.source, pattern.flags.includes('i'), () => true);
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
  /** The ids of the triggers in their trie, when a match starts with one at the start of a word. */
  readonly triggerIds: readonly number[] = [];
  private compiled: RegExp | null = null;
  private sticky: RegExp | null = null;

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

  /**
   * The first match that starts at one of `starts` (in order) at or after `from`: the same as
   * `find` when a match can start nowhere else, and much cheaper than scanning the whole text.
   */
  findAmong(text: string, from: number, starts: readonly number[]): RegExpExecArray | null {
    this.sticky ??= new RegExp(guardLookbehinds(this.source), this.flags.replace('g', 'y'));
    const regex = this.sticky;
    // The places are in order: the first at or after `from` is found by halving, so a block with
    // thousands of matches of one phrase is not gone through from its start for each of them.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((starts[middle] as number) < from) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < starts.length; index++) {
      const start = starts[index] as number;
      regex.lastIndex = start;
      const match = regex.exec(text);
      const accepted = match && this.accept(text, match);
      if (accepted) return accepted;
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
  override readonly triggerIds: readonly number[];
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
    // An empty trigger is in every block: it is looked for as text, not among the word starts.
    this.atWordStart = phrase.start === 'word' && this.triggers.length > 0 && !this.triggers.includes('');
    const trie = flags.includes('i') ? TRIGGERS.folded : TRIGGERS.exact;
    const whole = new Set(phrase.wholeTriggers ?? []);
    this.triggerIds = this.atWordStart ? [...new Set(phrase.triggers.map((trigger, index) => trie.add(this.triggers[index] as string, whole.has(trigger))).filter((id) => id >= 0))] : [];
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

/** The key of a document whose blocks' texts are `originals`, folded for case-insensitive scanners or not. */
export function documentKey(originals: readonly string[], folded: boolean): DocumentKey {
  const starts: number[] = [];
  let offset = 0;
  const texts = originals.map((original) => {
    const text = folded ? foldCase(original) : original;
    starts.push(offset);
    offset += text.length + 1;
    return text;
  });
  return { text: texts.join('\n'), starts, words: new WordStarts(texts, originals) };
}

const WHITESPACE = /\s/u;

/**
 * The longest trigger compared: a trigger is one word, and no word of a phrase is this long. A
 * longer trigger is looked for by its first `TOKEN_LIMIT` characters, which can only find more
 * places (the expressions decide the matches), never fewer; and the walk from a word start goes
 * no further than that, even in text with no spaces (“01/01/01/…”).
 */
const TOKEN_LIMIT = 64;

/**
 * A node of a trigger trie: the next code unit's nodes, and the triggers that end here, if any:
 * one found wherever a word starts with it, and one only where its word ends after it.
 */
interface TrieNode {
  readonly next: Map<number, TrieNode>;
  id: number;
  wholeId: number;
}

/**
 * Every word-start trigger of every scanner of one case mode, in one trie over code units, so
 * that a document's word starts are walked once for all of them (not looked up once a trigger,
 * for each of hundreds of triggers and dozens of rules). It only grows: a scanner adds its
 * triggers when it is built, and a trigger another scanner added only finds places nobody asks for.
 */
export class TriggerTrie {
  /** The trie's root: the first code unit of each trigger. */
  readonly root: TrieNode = { next: new Map(), id: -1, wholeId: -1 };
  private readonly ids = new Map<string, number>();

  /** How many triggers it holds: a document's places are found again when it has grown. */
  get size(): number {
    return this.ids.size;
  }

  /**
   * The id of `trigger` (added if new): found where a word starts with it, or with `whole`, only
   * where the text after it is not a letter, digit or underscore. -1 when it can never start a
   * word's text up to a space: it holds a space within its first `TOKEN_LIMIT` characters.
   */
  add(trigger: string, whole = false): number {
    const cut = trigger.length > TOKEN_LIMIT;
    const key = cut ? trigger.slice(0, TOKEN_LIMIT) : trigger;
    if (key === '' || WHITESPACE.test(key)) return -1;
    // A trigger cut short may go on past the cut: it is found wherever a word starts with it.
    const asWhole = whole && !cut;
    const name = `${asWhole ? 'whole' : 'prefix'}:${key}`;
    let id = this.ids.get(name);
    if (id !== undefined) return id;
    id = this.ids.size;
    this.ids.set(name, id);
    let node = this.root;
    for (let index = 0; index < key.length; index++) {
      const code = key.charCodeAt(index);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map(), id: -1, wholeId: -1 }));
      node = child;
    }
    if (asWhole) node.wholeId = id;
    else node.id = id;
    return id;
  }
}

/** The triggers of case-insensitive scanners (folded), and of case-sensitive ones. */
const TRIGGERS = { folded: new TriggerTrie(), exact: new TriggerTrie() };

/**
 * Where the triggers of a trie are in a document: for each trigger id found, its places as pairs
 * of numbers (block, offset in the block), in document order; the offset is -1 in a block whose
 * folded text is not as long as the block's text (offsets in it are not the block's).
 */
export type TriggerPlaces = ReadonlyMap<number, readonly number[]>;

/**
 * The places in a document where a word starts (after a character that is not a letter, digit or
 * underscore): a phrase that starts with a word can only match where its first word starts there.
 */
export class WordStarts {
  /** Each block's word starts. */
  private readonly starts: number[][];
  /** Whether each block's text is as long as the text its offsets are taken in. */
  private readonly aligned: boolean[];
  private readonly places = new Map<TriggerTrie, { readonly size: number; readonly places: TriggerPlaces }>();

  /** The word starts of `texts`, the blocks' texts as triggers are compared (`originals`: as matched). */
  constructor(
    private readonly texts: readonly string[],
    originals: readonly string[] = texts,
  ) {
    this.aligned = texts.map((text, block) => text.length === originals[block]?.length);
    this.starts = texts.map((text) => {
      const starts: number[] = [];
      let previousIsWord = false;
      for (let index = 0; index < text.length; index++) {
        const isWord = wordCharAt(text, index);
        if (isWord && !previousIsWord) starts.push(index);
        previousIsWord = isWord;
      }
      return starts;
    });
  }

  /** Where each trigger of `trie` starts a word: worked out once for every scanner of the document. */
  placesOf(trie: TriggerTrie): TriggerPlaces {
    const known = this.places.get(trie);
    if (known && known.size === trie.size) return known.places;
    const places = new Map<number, number[]>();
    for (let block = 0; block < this.starts.length; block++) {
      const text = this.texts[block] as string;
      const aligned = this.aligned[block] as boolean;
      for (const start of this.starts[block] as number[]) {
        // A trigger holds no space, so the walk never goes past the word's text.
        let node = trie.root.next.get(text.charCodeAt(start));
        for (let at = start + 1; node; at++) {
          if (node.id >= 0) addPlace(places, node.id, block, aligned ? start : -1);
          if (node.wholeId >= 0 && !wordCharAt(text, at)) addPlace(places, node.wholeId, block, aligned ? start : -1);
          node = at < text.length ? node.next.get(text.charCodeAt(at)) : undefined;
        }
      }
    }
    this.places.set(trie, { size: trie.size, places });
    return places;
  }
}

/** Add a place of a trigger: a block and an offset in it (-1: anywhere in it, kept once a block). */
function addPlace(places: Map<number, number[]>, id: number, block: number, start: number): void {
  const list = places.get(id);
  if (!list) places.set(id, [block, start]);
  else if (start >= 0 || list.at(-2) !== block) list.push(block, start);
}

/** A matcher that may match in a block, and the only places a match can start there (null: anywhere). */
interface Candidate {
  readonly matcher: Matcher;
  readonly starts: number[] | null;
}

/** The phrases and patterns of one scanner that may occur in each block of one document. */
export interface Candidates {
  /** The matchers triggered in the block at `index`, in rank order. */
  forBlock(index: number): readonly Candidate[];
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
   * The phrases and patterns each block of a document triggers, with the places a phrase can
   * start. The places of every trigger of every scanner come from one walk of the document's word
   * starts; a pattern's literals are each looked for once in the whole document, not once a block.
   */
  candidates(key: DocumentKey): Candidates {
    const always: Candidate[] = [];
    // Each block's candidates, in rank order (the order of `matchers`), each matcher once.
    const byBlock: (Candidate[] | undefined)[] = [];
    const places = key.words.placesOf(this.caseSensitive ? TRIGGERS.exact : TRIGGERS.folded);
    for (const matcher of this.matchers) {
      if (matcher.triggers.length === 0) {
        always.push({ matcher, starts: null });
        continue;
      }
      if (matcher.atWordStart) {
        // Most triggers are in no document: only a trigger that is found costs anything.
        const unordered = new Set<number[]>();
        for (const id of matcher.triggerIds) {
          const found = places.get(id);
          if (found) for (let index = 0; index < found.length; index += 2) addCandidate(byBlock, matcher, found[index] as number, found[index + 1] as number, unordered);
        }
        // A second trigger's places come after the first one's, and “work” and “working” both
        // start at “working”: put such lists in order, each place once.
        for (const starts of unordered) {
          starts.sort((a, b) => a - b);
          let kept = 0;
          for (const start of starts) if (kept === 0 || starts[kept - 1] !== start) starts[kept++] = start;
          starts.length = kept;
        }
        continue;
      }
      for (const trigger of matcher.triggers) {
        // Once a block has the trigger, look on from the next block.
        for (let at = key.text.indexOf(trigger); at >= 0; ) {
          const block = blockAt(key.starts, at);
          addCandidate(byBlock, matcher, block, -1);
          const next = key.starts[block + 1];
          if (next === undefined) break;
          at = key.text.indexOf(trigger, Math.max(at + 1, next));
        }
      }
    }
    if (always.length > 0) {
      byBlock.forEach((list, block) => {
        if (list) byBlock[block] = [...always, ...list].sort((a, b) => a.matcher.rank - b.matcher.rank);
      });
    }
    return { forBlock: (index) => byBlock[index] ?? always };
  }

  /**
   * Call `onMatch` for every match in `text`, the text of block `block`, left to right. Empty
   * matches are skipped.
   */
  scan(text: string, block: number, candidates: Candidates, onMatch: (match: ScanMatch) => void): void {
    const list = candidates.forBlock(block);
    if (list.length === 0) return;
    // Each matcher's next match at or after `position`: undefined until looked for, null when none.
    const next: (RegExpExecArray | null | undefined)[] = list.map(() => undefined);
    let position = 0;
    while (position <= text.length) {
      let best = -1;
      let bestIndex = Infinity;
      for (let index = 0; index < list.length; index++) {
        let found = next[index];
        if (found === undefined || (found !== null && found.index < position)) {
          const { matcher, starts } = list[index] as Candidate;
          found = starts ? matcher.findAmong(text, position, starts) : matcher.find(text, position);
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
      onMatch({ start: match.index, end: position, entry: (list[best] as Candidate).matcher.entry, text: match[0] });
    }
  }
}

/**
 * Add a place where `matcher` may match, in `block` (-1: anywhere in it), to the block's
 * candidates. A list of places that goes out of order is added to `unordered`.
 */
function addCandidate(byBlock: (Candidate[] | undefined)[], matcher: Matcher, block: number, start: number, unordered?: Set<number[]>): void {
  const list = (byBlock[block] ??= []);
  const last = list.at(-1);
  if (last?.matcher !== matcher) return void list.push({ matcher, starts: start < 0 ? null : [start] });
  const starts = last.starts;
  if (!starts || start < 0) return;
  const previous = starts.at(-1) as number;
  if (start > previous) return void starts.push(start);
  if (start === previous) return;
  // Out of order: sorted once all the matcher's places are in, not moved into place one by one.
  unordered?.add(starts);
  starts.push(start);
}
