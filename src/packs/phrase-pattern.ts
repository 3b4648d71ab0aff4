/**
 * Phrase patterns: the `match:` language of rule packs (docs/rule-packs.md, “Phrase patterns”).
 *
 *     [full|clean] UK? driving licen{c|s}e      optional choices, an optional word, letters that vary
 *     (care|support) worker                     a choice that must be there
 *     focus~ on                                 every form of a word: focuses on, focused on, focusing on
 *     foster=                                   exactly this word: no other forms or spellings
 *     <will|can|to> impact                      words that must be next to the phrase, but are not flagged
 *
 * Whole words only; a space matches any run of whitespace (a line break too); a hyphen matches a
 * hyphen, a space or nothing; ' and ’ are the same. The last word gets its word forms — all of
 * them when the phrase is one word (facilitate → facilitates, facilitated, facilitating), its
 * plural in a longer phrase (service user → service users) — and every word its American spelling
 * when it is written in British spelling (organisation → organization). See ./word-forms.ts.
 *
 * A pattern is compiled once, when its pack is read, into what the scanner (src/engine/scanner.ts) needs:
 * the source of one regular expression, the words a match can start with (the triggers: the
 * expression is compiled only for a document that has one of them), and which ends of a match are
 * word characters, so that word boundaries can be checked in code.
 */
import type { CompiledPhrase, EdgeKind } from '../engine/scanner.js';
import { sameWord, wordVariants, type FormsMode } from './word-forms.js';

export type { CompiledPhrase, EdgeKind } from '../engine/scanner.js';

/** A pattern that cannot be read, with where the problem is (an index into the pattern). */
export class PhrasePatternError extends Error {
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'PhrasePatternError';
  }
}

/** Options for compiling the phrases of one entry. */
export interface CompileOptions {
  /**
   * False: add no word forms unless a word asks with `~` (for `safe: true` entries, whose
   * replacement fits only the form written, and for entries that list their own forms).
   */
  readonly forms?: boolean;
  /** True when the entry is `safe: true`: then `~` is refused. */
  readonly safe?: boolean;
}

// ------------------------------------------------------------------------------------ syntax tree

type Mark = '=' | '~' | null;

/** Letters and other characters of one part of a word, and the choices inside it ({c|s}). */
type Segment = string | readonly string[];

interface Word {
  readonly kind: 'word';
  /** The word's parts, joined by hyphens. */
  readonly parts: readonly (readonly Segment[])[];
  readonly optional: boolean;
  readonly mark: Mark;
  readonly at: number;
}

interface Group {
  readonly kind: 'group';
  readonly alternatives: readonly Sequence[];
  readonly optional: boolean;
  /** `<…>`: must be there, but is not part of the match. */
  readonly context: boolean;
  readonly at: number;
}

type Item = Word | Group;
type Separator = 'space' | 'hyphen';

interface Sequence {
  readonly items: readonly Item[];
  /** separators[i] is between items[i] and items[i + 1]. */
  readonly separators: readonly Separator[];
}

const HYPHENS = new Set(['-', '‐', '‑']);
const SPECIAL = new Set(['[', ']', '(', ')', '<', '>', '{', '}', '|', '?', '=', '~', '\\']);
const CLOSERS: Readonly<Record<string, string>> = { '[': ']', '(': ')', '<': '>' };
const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/u.test(char);
const isHyphen = (char: string | undefined): boolean => char !== undefined && HYPHENS.has(char);
/** A character that can be part of a word as written (not a space, hyphen or pattern character). */
const isLiteral = (char: string | undefined): boolean => char !== undefined && !isSpace(char) && !isHyphen(char) && !SPECIAL.has(char);

class Parser {
  private index = 0;

  constructor(private readonly text: string) {}

  private fail(at: number, reason: string): never {
    throw new PhrasePatternError(at, reason);
  }

  parse(): Sequence {
    const sequence = this.sequence(null);
    const char = this.text[this.index];
    if (char === '|') this.fail(this.index, '“|” separates choices inside […], (…) or <…>; put the choices in brackets');
    if (char !== undefined) this.fail(this.index, `“${char}” has no opening bracket before it`);
    if (sequence.items.length === 0) this.fail(0, 'the phrase is empty');
    return sequence;
  }

  /** Items up to the end, a “|” or the closing bracket `close`. */
  private sequence(close: string | null): Sequence {
    const items: Item[] = [];
    const separators: Separator[] = [];
    let pending: Separator | null = null;
    let hyphenAt = -1;
    for (;;) {
      while (isSpace(this.text[this.index])) {
        this.index++;
        if (items.length > 0 && pending === null) pending = 'space';
      }
      const char = this.text[this.index];
      if (char === undefined || char === '|' || char === ']' || char === ')' || char === '>') {
        if (char !== undefined && char !== '|' && char !== close) this.fail(this.index, `“${char}” has no “${char === ']' ? '[' : char === ')' ? '(' : '<'}” before it`);
        break;
      }
      if (isHyphen(char)) {
        if (items.length === 0 || pending !== null) this.fail(this.index, 'a hyphen must join two words');
        pending = 'hyphen';
        hyphenAt = this.index;
        this.index++;
        if (isSpace(this.text[this.index])) this.fail(hyphenAt, 'a hyphen must join two words');
        continue;
      }
      const start = this.index;
      const item = char === '[' || char === '(' || char === '<' ? this.group(char) : this.word();
      if (items.length > 0) {
        if (pending === null) this.fail(start, `put a space between “${this.text[start - 1]}” and “${this.text[start]}”`);
        separators.push(pending);
      }
      items.push(item);
      pending = null;
    }
    if (pending === 'hyphen') this.fail(hyphenAt, 'a hyphen must join two words');
    return { items, separators };
  }

  private group(open: '[' | '(' | '<'): Group {
    const at = this.index;
    const close = CLOSERS[open] as string;
    this.index++;
    const alternatives: Sequence[] = [];
    for (;;) {
      const choiceAt = this.index;
      const sequence = this.sequence(close);
      if (sequence.items.length === 0) this.fail(choiceAt, `an empty choice in “${open}…${close}”`);
      if (!sequence.items.some(required)) this.fail(choiceAt, `every word of a choice in “${open}…${close}” is optional: there must be something to match`);
      alternatives.push(sequence);
      const char = this.text[this.index];
      if (char === '|') {
        this.index++;
        continue;
      }
      if (char === close) {
        this.index++;
        break;
      }
      this.fail(at, `“${open}” is never closed with “${close}”`);
    }
    const after = this.text[this.index];
    if (after === '?') this.fail(this.index, open === '[' ? '“[…]” is optional already: leave out the “?”' : 'write […] for optional choices; “?” goes after one word');
    if (after === '=' || after === '~') this.fail(this.index, `put “${after}” after a word, not after a bracket`);
    return { kind: 'group', alternatives, optional: open === '[', context: open === '<', at };
  }

  private word(): Word {
    const at = this.index;
    const parts: Segment[][] = [this.part()];
    // A hyphen followed by more of the word joins its parts; before a bracket it separates items.
    while (isHyphen(this.text[this.index]) && (isLiteral(this.text[this.index + 1]) || this.text[this.index + 1] === '{' || this.text[this.index + 1] === '\\')) {
      this.index++;
      parts.push(this.part());
    }
    let optional = false;
    let mark: Mark = null;
    for (;;) {
      const char = this.text[this.index];
      if (char === '?') {
        if (optional) this.fail(this.index, '“?” twice');
        optional = true;
      } else if (char === '=' || char === '~') {
        if (mark !== null) this.fail(this.index, mark === char ? `“${char}” twice` : '“=” (exactly this word) and “~” (every form) cannot mark the same word');
        mark = char;
      } else break;
      this.index++;
    }
    const next = this.text[this.index];
    if ((optional || mark !== null) && (isLiteral(next) || next === '{' || next === '\\')) {
      this.fail(this.index - 1, `“${this.text[this.index - 1]}” must come at the end of a word`);
    }
    return { kind: 'word', parts, optional, mark, at };
  }

  private part(): Segment[] {
    const segments: Segment[] = [];
    let literal = '';
    const start = this.index;
    for (;;) {
      const char = this.text[this.index];
      if (char === '\\') {
        const escaped = this.text[this.index + 1];
        if (escaped === undefined) this.fail(this.index, '“\\” at the end: there is nothing after it to take literally');
        literal += escaped;
        this.index += 2;
      } else if (char === '{') {
        if (literal !== '') segments.push(literal);
        literal = '';
        segments.push(this.letters());
      } else if (char === '}') {
        this.fail(this.index, '“}” has no “{” before it');
      } else if (isLiteral(char)) {
        literal += char;
        this.index++;
      } else break;
    }
    if (literal !== '') segments.push(literal);
    if (segments.length === 0) {
      const char = this.text[this.index];
      this.fail(start, char === '?' || char === '=' || char === '~' ? `“${char}” must come after a word` : `expected a word at “${char ?? ''}”`);
    }
    return segments;
  }

  /** `{a|b}`: letters that vary inside a word. */
  private letters(): string[] {
    const at = this.index;
    this.index++;
    const choices: string[] = [];
    let current = '';
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined) this.fail(at, '“{” is never closed with “}”');
      if (char === '\\') {
        const escaped = this.text[this.index + 1];
        if (escaped === undefined) this.fail(this.index, '“\\” at the end: there is nothing after it to take literally');
        current += escaped;
        this.index += 2;
        continue;
      }
      if (char === '|' || char === '}') {
        if (current === '') this.fail(this.index, 'an empty choice in “{…}”');
        choices.push(current);
        current = '';
        this.index++;
        if (char === '}') break;
        continue;
      }
      if (isSpace(char)) this.fail(this.index, '“{…}” is for letters inside one word, as in licen{c|s}e: use (…) or […] for choices of words');
      if (char === '{' || SPECIAL.has(char) || isHyphen(char)) this.fail(this.index, `“${char}” cannot go inside “{…}”`);
      current += char;
      this.index++;
    }
    if (choices.length < 2) this.fail(at, '“{…}” needs at least two choices, separated by “|”, as in licen{c|s}e');
    return choices;
  }
}

const required = (item: Item): boolean => !item.optional;

// ------------------------------------------------------------------------------------ compiling

/** How each word is expanded: its forms (on the last part) and whether it gets other spellings. */
interface WordPlan {
  readonly mode: FormsMode | null;
  readonly spell: boolean;
  readonly asked: boolean;
}

const BOUNDARY_START = '(?<![\\p{L}\\p{N}_])';
const BOUNDARY_END = '(?![\\p{L}\\p{N}_])';
/** Not between two word characters: a boundary, for an end of a match that may or may not be a word character. */
const BOUNDARY_MIXED = '(?:(?<![\\p{L}\\p{N}_])|(?![\\p{L}\\p{N}_]))';
const HYPHEN_SOURCE = '(?:[-‐‑]\\s*|\\s)?';
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Products of {…} choices larger than this are refused. */
const MAX_SPELLINGS = 256;

function separatorSource(separator: Separator): string {
  return separator === 'space' ? '\\s+' : HYPHEN_SOURCE;
}

function escapeChar(char: string): string {
  if (char === "'" || char === '’') return "['’]";
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

/** Every way the segments of a part are written. */
function segmentProduct(segments: readonly Segment[], at: number): string[] {
  let out = [''];
  for (const segment of segments) {
    const choices = typeof segment === 'string' ? [segment] : segment;
    out = out.flatMap((prefix) => choices.map((choice) => prefix + choice));
    if (out.length > MAX_SPELLINGS) throw new PhrasePatternError(at, 'too many ways of writing this word: split it into several phrases');
  }
  return out;
}

interface Trie {
  end: boolean;
  readonly children: Map<string, Trie>;
}

/** One expression for a set of words, sharing their beginnings: facilitat(?:e(?:s|d)?|ing). */
function trieSource(words: readonly string[]): string {
  const root: Trie = { end: false, children: new Map() };
  for (const word of words) {
    let node = root;
    for (const char of word.replace(/’/g, "'")) {
      let child = node.children.get(char);
      if (!child) node.children.set(char, (child = { end: false, children: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Trie): { source: string; atom: boolean } => {
    const branches = [...node.children].map(([char, child]) => {
      const rest = emit(child);
      return { source: escapeChar(char) + rest.source, atom: rest.source === '' };
    });
    if (branches.length === 0) return { source: '', atom: true };
    const only = branches.length === 1 ? branches[0] : undefined;
    if (!node.end) return { source: only ? only.source : `(?:${branches.map((branch) => branch.source).join('|')})`, atom: false };
    const body = only?.atom ? only.source : `(?:${branches.map((branch) => branch.source).join('|')})`;
    return { source: `${body}?`, atom: false };
  };
  return emit(root).source;
}

class Compiler {
  private readonly plans = new Map<Word, WordPlan>();
  /** partWords, worked out once for each part. */
  private readonly words = new Map<Word, string[][]>();

  constructor(
    private readonly top: Sequence,
    private readonly options: CompileOptions,
  ) {}

  /** Decide each word's forms and spellings. */
  plan(): void {
    const single = maxWords(this.top) === 1;
    const endings = new Set<Word>();
    endingWords(this.top, endings);
    const visit = (sequence: Sequence): void => {
      for (const item of sequence.items) {
        if (item.kind === 'group') {
          item.alternatives.forEach(visit);
          continue;
        }
        if (item.mark === '~') {
          if (this.options.safe) throw new PhrasePatternError(item.at, '“~” (every form of a word) cannot be used with “safe: true”: the replacement fits only the form written');
          if (!item.parts.every((part) => part.every((segment) => (typeof segment === 'string' ? [segment] : segment).every((text) => /^\p{L}+$/u.test(text))))) {
            throw new PhrasePatternError(item.at, '“~” (every form of a word) needs a word made of letters');
          }
        }
        const auto = this.options.forms !== false && item.mark === null && endings.has(item);
        const mode: FormsMode | null = item.mark === '~' ? 'all' : auto ? (single ? 'all' : 'plural') : null;
        this.plans.set(item, { mode, spell: item.mark !== '=', asked: item.mark === '~' });
      }
    };
    visit(this.top);
  }

  /** Every way a word's part is written, with its spellings and (for the last part) its forms. */
  partWords(word: Word, index: number): string[] {
    let parts = this.words.get(word);
    if (!parts) this.words.set(word, (parts = []));
    const known = parts[index];
    if (known) return known;
    const plan = this.plans.get(word) as WordPlan;
    const last = index === word.parts.length - 1;
    const out = new Set<string>();
    for (const written of segmentProduct(word.parts[index] as Segment[], word.at)) {
      for (const variant of wordVariants(written, last ? plan.mode : null, { spell: plan.spell, asked: plan.asked })) out.add(variant);
    }
    return (parts[index] = [...out]);
  }

  wordSource(word: Word): string {
    return word.parts.map((_part, index) => trieSource(this.partWords(word, index))).join(HYPHEN_SOURCE);
  }

  itemSource(item: Item): string {
    if (item.kind === 'word') return this.wordSource(item);
    const ordered = [...item.alternatives].sort((a, b) => maxLength(b) - maxLength(a));
    return `(?:${ordered.map((alternative) => this.sequenceSource(alternative)).join('|')})`;
  }

  sequenceSource(sequence: Sequence): string {
    const { items, separators } = sequence;
    const first = items.findIndex(required);
    let source = '';
    items.forEach((item, index) => {
      const own = this.itemSource(item);
      if (index < first) source += `(?:${own}${separatorSource(separators[index] as Separator)})?`;
      else if (index === first) source += own;
      else {
        const joined = separatorSource(separators[index - 1] as Separator) + own;
        source += item.optional ? `(?:${joined})?` : joined;
      }
    });
    return source;
  }

  /** The first characters, or the last, that a match of the sequence can have. */
  edgeChars(sequence: Sequence, side: 'start' | 'end', into: Set<string>): void {
    const items = side === 'start' ? sequence.items : [...sequence.items].reverse();
    for (const item of items) {
      if (item.kind === 'group') for (const alternative of item.alternatives) this.edgeChars(alternative, side, into);
      else {
        const index = side === 'start' ? 0 : item.parts.length - 1;
        for (const text of this.partWords(item, index)) {
          const chars = [...text];
          const char = side === 'start' ? chars[0] : chars.at(-1);
          if (char !== undefined) into.add(char);
        }
      }
      if (!item.optional) return;
    }
  }

  /**
   * The first words a match can start with, up to an apostrophe, each with whether a match that
   * starts with it always has a character other than a letter, digit or underscore right after
   * it: an apostrophe, the whitespace before the next word, or the end of the match (which the
   * scanner checks is the end of a word). It has not when the word goes on after a hyphen (which
   * may be left out: “fast-paced” matches “fastpaced”) or a “-” separator, or when the word is a
   * shorter form of another first word. `ending` is what comes after the sequence: the end of the
   * flagged text, or the separator after the group it is an alternative of.
   */
  firstWords(sequence: Sequence, into: Map<string, boolean>, ending: 'end' | Separator = 'end'): void {
    for (let index = 0; index < sequence.items.length; index++) {
      const item = sequence.items[index] as Item;
      const follows = index < sequence.items.length - 1 ? (sequence.separators[index] as Separator) : ending;
      if (item.kind === 'group') for (const alternative of item.alternatives) this.firstWords(alternative, into, follows);
      else {
        for (const text of this.partWords(item, 0)) {
          const word = /^[^'’]*/u.exec(text)?.[0] ?? '';
          const apart = word !== text || (item.parts.length === 1 && follows !== 'hyphen');
          into.set(word, (into.get(word) ?? true) && apart);
        }
      }
      if (!item.optional) return;
    }
  }
}

/** The most words a sequence can have, counting hyphenated words as one. */
function maxWords(sequence: Sequence): number {
  let total = 0;
  for (const item of sequence.items) total += item.kind === 'word' ? 1 : Math.max(...item.alternatives.map(maxWords));
  return total - sequence.separators.filter((separator) => separator === 'hyphen').length;
}

/** The words that can end the sequence. */
function endingWords(sequence: Sequence, into: Set<Word>): void {
  for (let index = sequence.items.length - 1; index >= 0; index--) {
    const item = sequence.items[index] as Item;
    if (item.kind === 'word') into.add(item);
    else for (const alternative of item.alternatives) endingWords(alternative, into);
    if (!item.optional) return;
  }
}

/** The length of the longest way the sequence is written (brackets left out, forms not counted). */
function maxLength(sequence: Sequence): number {
  let total = sequence.separators.length;
  for (const item of sequence.items) {
    if (item.kind === 'group') total += Math.max(...item.alternatives.map(maxLength));
    else {
      total += item.parts.length - 1;
      for (const part of item.parts) for (const segment of part) total += typeof segment === 'string' ? segment.length : Math.max(...segment.map((choice) => choice.length));
    }
  }
  return total;
}

function edgeKind(chars: ReadonlySet<string>): EdgeKind {
  const kinds = new Set([...chars].map((char) => (WORD_CHAR.test(char) ? 'word' : 'other')));
  return kinds.size === 1 ? ([...kinds][0] as EdgeKind) : 'mixed';
}

function boundary(kind: EdgeKind, side: 'start' | 'end'): string {
  if (kind === 'other') return '';
  if (kind === 'mixed') return BOUNDARY_MIXED;
  return side === 'start' ? BOUNDARY_START : BOUNDARY_END;
}

/** True when nothing in the sequence is optional or a choice, and every word is written one way. */
function isFixed(sequence: Sequence, compiler: Compiler): boolean {
  return sequence.items.every(
    (item) => item.kind === 'word' && !item.optional && item.parts.every((_part, index) => compiler.partWords(item, index).length === 1),
  );
}

/** True when the text uses any of the pattern characters. */
const hasSyntax = (phrase: string): boolean => /[[\](){}<>|?=~\\]/.test(phrase);

function parsePattern(phrase: string): { top: Sequence; flagged: Sequence; before: Group | null; after: Group | null; separatorBefore: Separator; separatorAfter: Separator } {
  const top = new Parser(phrase).parse();
  const { items, separators } = top;
  const check = (sequence: Sequence, nested: boolean): void => {
    for (const item of sequence.items) {
      if (item.kind !== 'group') continue;
      if (item.context && nested) throw new PhrasePatternError(item.at, '“<…>” (words next to the phrase) cannot go inside brackets');
      item.alternatives.forEach((alternative) => check(alternative, true));
    }
  };
  check(top, false);
  const isContext = (item: Item | undefined): item is Group => item?.kind === 'group' && item.context;
  items.forEach((item, index) => {
    if (isContext(item) && index !== 0 && index !== items.length - 1) {
      throw new PhrasePatternError(item.at, '“<…>” (words next to the phrase) can only come first or last');
    }
  });
  const before = isContext(items[0]) ? items[0] : null;
  const after = items.length > 1 && isContext(items.at(-1)) ? (items.at(-1) as Group) : null;
  const from = before ? 1 : 0;
  const to = after ? items.length - 1 : items.length;
  const flagged: Sequence = { items: items.slice(from, to), separators: separators.slice(from, Math.max(from, to - 1)) };
  if (!flagged.items.some(required)) {
    throw new PhrasePatternError(0, flagged.items.length === 0 ? 'there is nothing to flag outside “<…>”' : 'every word is optional: there must be something to match');
  }
  return {
    top,
    flagged,
    before,
    after,
    separatorBefore: before ? (separators[0] as Separator) : 'space',
    separatorAfter: after ? (separators.at(-1) as Separator) : 'space',
  };
}

/** Compile one phrase pattern. Throws PhrasePatternError when it is malformed. */
export function compilePhrase(phrase: string, options: CompileOptions = {}): CompiledPhrase {
  const trimmed = phrase.trim();
  const { top, flagged, before, after, separatorBefore, separatorAfter } = parsePattern(trimmed);
  const compiler = new Compiler(top, options);
  compiler.plan();
  const core = compiler.sequenceSource(flagged);
  const edge = (sequence: Sequence, side: 'start' | 'end'): EdgeKind => {
    const chars = new Set<string>();
    compiler.edgeChars(sequence, side, chars);
    return edgeKind(chars);
  };
  const start = edge(flagged, 'start');
  const end = edge(flagged, 'end');
  const contextSequence = (group: Group): Sequence => ({ items: [{ ...group, context: false }], separators: [] });
  const lead = before
    ? `(?<=${boundary(edge(contextSequence(before), 'start'), 'start')}${compiler.itemSource(before)}${separatorSource(separatorBefore)})`
    : '';
  const trail = after
    ? `(?=${separatorSource(separatorAfter)}${compiler.itemSource(after)}${boundary(edge(contextSequence(after), 'end'), 'end')})`
    : '';
  const firsts = new Map<string, boolean>();
  compiler.firstWords(flagged, firsts);
  const triggers = firsts.has('') ? [] : reducePrefixes([...firsts.keys()]);
  return {
    phrase,
    source: lead + core + trail,
    bounded: lead + boundary(start, 'start') + core + boundary(end, 'end') + trail,
    triggers,
    wholeTriggers: triggers.filter((trigger) => isWholeTrigger(trigger, firsts)),
    start,
    end,
    rank: hasSyntax(trimmed) ? maxLength(flagged) : trimmed.length,
    fixedEnd: isFixed(flagged, compiler),
  };
}

/**
 * True when every match that starts with `trigger` has a character that is not a letter, digit or
 * underscore right after it: it ends with one, no other first word goes on from it, and each
 * match goes on from it with an apostrophe, whitespace or its end.
 */
function isWholeTrigger(trigger: string, firsts: ReadonlyMap<string, boolean>): boolean {
  if (!WORD_CHAR.test([...trigger].at(-1) ?? '') || firsts.get(trigger) !== true) return false;
  for (const word of firsts.keys()) if (word !== trigger && word.startsWith(trigger)) return false;
  return true;
}

/** The strings, without any that starts with another of them. */
function reducePrefixes(words: readonly string[]): string[] {
  const sorted = [...new Set(words)].sort();
  const out: string[] = [];
  for (const word of sorted) if (!out.some((kept) => word.startsWith(kept))) out.push(word);
  return out;
}

/**
 * The indexes of the plain phrases of a list (no pattern characters) that are a form of another
 * phrase of the list, or have one there: [foster, fosters, fostered] lists its own forms.
 */
export function listedForms(phrases: readonly string[]): Set<number> {
  const words = phrases.map((phrase) => (hasSyntax(phrase) ? null : phrase.trim().toLowerCase().split(/[\s‐‑-]+/u)));
  const out = new Set<number>();
  words.forEach((a, i) => {
    words.forEach((b, j) => {
      if (j <= i || !a || !b || a.length !== b.length) return;
      const differing = a.flatMap((word, index) => (word === b[index] ? [] : [index]));
      if (differing.length !== 1) return;
      const at = differing[0] as number;
      if (sameWord(a[at] as string, b[at] as string)) {
        out.add(i);
        out.add(j);
      }
    });
  });
  return out;
}

/** The regular expression source of a phrase pattern, word boundaries included. */
export function phraseToSource(phrase: string, options: CompileOptions = {}): string {
  return compilePhrase(phrase, options).bounded;
}

/**
 * Every text a phrase pattern matches, written with single spaces and hyphens (at most `limit`
 * of them): for tests, and to show a pack's author what an entry finds.
 */
export function expandPhrase(phrase: string, options: CompileOptions = {}, limit = 1000): string[] {
  const { top } = parsePattern(phrase.trim());
  const compiler = new Compiler(top, options);
  compiler.plan();
  const sequence = (seq: Sequence): string[] => {
    let out: string[] = [''];
    seq.items.forEach((item, index) => {
      const own = item.kind === 'word' ? word(item) : item.alternatives.flatMap(sequence);
      const joiner = index === 0 ? '' : seq.separators[index - 1] === 'hyphen' ? '-' : ' ';
      const next: string[] = [];
      for (const prefix of out) {
        for (const text of own) if (next.length < limit) next.push(prefix === '' ? text : prefix + joiner + text);
        if (item.optional) next.push(prefix);
      }
      out = [...new Set(next)].slice(0, limit);
    });
    return out.filter((text) => text !== '');
  };
  const word = (item: Word): string[] => {
    let out = [''];
    item.parts.forEach((_part, index) => {
      const texts = compiler.partWords(item, index);
      out = out.flatMap((prefix) => texts.map((text) => (index === 0 ? text : `${prefix}-${text}`))).slice(0, limit);
    });
    return out;
  };
  return sequence(top);
}
