/**
 * Finding a pack rule's phrases and patterns in text. The matches are exactly those of one
 * regular expression that lists every phrase (longest first, each between word boundaries) and
 * then every pattern, scanned left to right: at each place the first alternative that matches
 * wins, and scanning goes on after it. But instead of compiling that expression — thousands of
 * case-insensitive Unicode alternatives, the largest cost of checking one document — each phrase
 * gets a small expression of its own, compiled the first time a document contains the phrase's
 * first word (its trigger), and word boundaries are checked in code.
 */

/** A letter, digit or underscore: what a phrase may not touch at either end. */
const WORD_CHAR = /[\p{L}\p{N}_]/u;

const BOUNDARY_START = '(?<![\\p{L}\\p{N}_])';
const BOUNDARY_END = '(?![\\p{L}\\p{N}_])';
/** The start-of-word assertion most patterns open with; consecutive patterns share one. */
const PATTERN_START = '(?<![\\p{L}\\p{N}])';

/** One match: offsets in the text, and the entry whose phrase or pattern matched. */
export interface ScanMatch {
  readonly start: number;
  readonly end: number;
  readonly entry: number;
  readonly text: string;
}

/** A literal phrase: flexible spaces, hyphens and apostrophes. */
export interface PhraseInput {
  readonly phrase: string;
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

/** The regular expression source of a phrase, without word boundaries. */
function phraseCore(phrase: string): string {
  let source = '';
  for (const char of phrase.trim()) {
    if (/\s/u.test(char)) {
      if (!source.endsWith('\\s+')) source += '\\s+';
    } else if (char === '-' || char === '‐' || char === '‑') {
      // A hyphen may be written as a space or left out, or end a line in a PDF (“fast-⏎paced”).
      source += '(?:[-‐‑]\\s*|\\s)?';
    } else if (char === "'" || char === '’') {
      source += "['’]";
    } else {
      source += char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    }
  }
  return source;
}

const startsWithWordChar = (text: string): boolean => /^[\p{L}\p{N}_]/u.test(text);
const endsWithWordChar = (text: string): boolean => /[\p{L}\p{N}_]$/u.test(text);

/** A literal phrase as one regular expression source, word boundaries included. */
export function phraseToSource(phrase: string): string {
  const trimmed = phrase.trim();
  return (startsWithWordChar(trimmed) ? BOUNDARY_START : '') + phraseCore(trimmed) + (endsWithWordChar(trimmed) ? BOUNDARY_END : '');
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

function isAsciiWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

/** A phrase ready to search for. */
class PhraseMatcher {
  /** The phrase's first word (up to a space, hyphen or apostrophe), folded unless case-sensitive. */
  readonly trigger: string;
  private readonly source: string;
  private readonly start: boolean;
  private readonly end: boolean;
  private compiled: RegExp | null = null;

  constructor(
    phrase: string,
    readonly entry: number,
    /** Its place in the search order: longer phrases first. */
    readonly rank: number,
    private readonly flags: string,
  ) {
    const trimmed = phrase.trim();
    this.source = phraseCore(trimmed);
    this.start = startsWithWordChar(trimmed);
    this.end = endsWithWordChar(trimmed);
    const first = /^[^\s'’‐‑-]*/u.exec(trimmed)?.[0] ?? '';
    this.trigger = flags.includes('i') ? foldCase(first) : first;
  }

  /** The leftmost match at or after `from` that has a word boundary at each word end. */
  find(text: string, from: number): RegExpExecArray | null {
    this.compiled ??= new RegExp(this.source, this.flags);
    const regex = this.compiled;
    regex.lastIndex = from;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(text)) !== null) {
      const end = match.index + match[0].length;
      // A phrase's text has one possible end for each start (its variable parts are followed by
      // fixed text), so rejecting a match here never hides a shorter one at the same place.
      if ((this.start && wordCharBefore(text, match.index)) || (this.end && wordCharAt(text, end))) {
        regex.lastIndex = match.index + 1;
        continue;
      }
      return match;
    }
    return null;
  }
}

/** A rule's patterns as one expression, with which capture group belongs to which entry. */
class PatternMatcher {
  private compiled: RegExp | null = null;
  private groups: Map<number, number> | null = null;

  constructor(
    private readonly patterns: readonly PatternInput[],
    private readonly flags: string,
  ) {}

  /** The leftmost match at or after `from`, with the entry it belongs to. */
  find(text: string, from: number): { match: RegExpExecArray; entry: number } | null {
    if (!this.compiled) this.compile();
    const regex = this.compiled as RegExp;
    regex.lastIndex = from;
    const match = regex.exec(text);
    if (!match) return null;
    for (const [group, entry] of this.groups as Map<number, number>) {
      if (match[group] !== undefined) return { match, entry };
    }
    return { match, entry: -1 };
  }

  private compile(): void {
    const groups = new Map<number, number>();
    const parts: string[] = [];
    let run: string[] = [];
    const closeRun = (): void => {
      if (run.length > 0) parts.push(`${PATTERN_START}(?:${run.join('|')})`);
      run = [];
    };
    let group = 1;
    for (const pattern of this.patterns) {
      groups.set(group, pattern.entry);
      group += 1 + countGroups(pattern.source);
      // Consecutive patterns that open with the usual start-of-word assertion share one: the same
      // matches, compiled much faster when the assertion is a Unicode class.
      const core = patternCore(pattern.source);
      if (core === null) {
        closeRun();
        parts.push(`(${pattern.source})`);
      } else run.push(`(${core})`);
    }
    closeRun();
    this.compiled = new RegExp(parts.join('|'), this.flags);
    this.groups = groups;
  }
}

function countGroups(source: string): number {
  return (new RegExp(`${source}|`, 'u').exec('')?.length ?? 1) - 1;
}

/** A pattern without its leading start-of-word assertion, when it has one and no top-level “|”. */
function patternCore(source: string): string | null {
  if (!source.startsWith(PATTERN_START) || hasTopLevelAlternation(source)) return null;
  return source.slice(PATTERN_START.length);
}

/** True when `source` has a “|” outside any group or character class. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

/** The phrases of one scanner that may occur in one document. */
export interface Candidates {
  readonly phrases: readonly PhraseMatcher[];
}

/** A rule's phrases and patterns of one case mode. */
export class Scanner {
  private readonly phrases: PhraseMatcher[];
  private readonly patterns: PatternMatcher | null;
  private readonly untriggered: PhraseMatcher[];

  constructor(
    phrases: readonly PhraseInput[],
    patterns: readonly PatternInput[],
    /** Case-sensitive: triggers are compared without folding. */
    readonly caseSensitive: boolean,
  ) {
    const flags = caseSensitive ? 'gu' : 'giu';
    // Longer phrases first, so “hit the ground running” wins over “running” and “e.g.” over “e.g”.
    const ordered = phrases
      .map((phrase, index) => ({ phrase, index }))
      .sort((a, b) => b.phrase.phrase.trim().length - a.phrase.phrase.trim().length || a.index - b.index);
    this.phrases = ordered.map(({ phrase }, rank) => new PhraseMatcher(phrase.phrase, phrase.entry, rank, flags));
    this.untriggered = this.phrases.filter((phrase) => phrase.trigger === '');
    this.patterns = patterns.length > 0 ? new PatternMatcher(patterns, flags) : null;
  }

  /** True when the scanner has nothing to look for. */
  get empty(): boolean {
    return this.phrases.length === 0 && this.patterns === null;
  }

  /** The phrases whose trigger occurs in `text` (the whole document, folded unless case-sensitive). */
  candidates(text: string): Candidates {
    if (this.untriggered.length === this.phrases.length) return { phrases: this.phrases };
    return { phrases: this.phrases.filter((phrase) => text.includes(phrase.trigger)) };
  }

  /**
   * Call `onMatch` for every match in `text`, left to right; `key` is the text folded unless the
   * scanner is case-sensitive. Empty pattern matches are skipped.
   */
  scan(text: string, key: string, candidates: Candidates, onMatch: (match: ScanMatch) => void): void {
    const phrases = candidates.phrases.filter((phrase) => key.includes(phrase.trigger));
    if (phrases.length === 0 && this.patterns === null) return;
    const next: (RegExpExecArray | null | undefined)[] = phrases.map(() => undefined);
    let patternNext: { match: RegExpExecArray; entry: number } | null | undefined;
    let position = 0;
    while (position <= text.length) {
      let best = -1;
      let bestIndex = Infinity;
      for (let index = 0; index < phrases.length; index++) {
        let found = next[index];
        if (found === undefined || (found !== null && found.index < position)) {
          found = (phrases[index] as PhraseMatcher).find(text, position);
          next[index] = found;
        }
        // Earlier in the text wins; at the same place, the phrase earlier in the search order.
        if (found && (found.index < bestIndex || (found.index === bestIndex && (phrases[index] as PhraseMatcher).rank < (phrases[best] as PhraseMatcher).rank))) {
          best = index;
          bestIndex = found.index;
        }
      }
      if (this.patterns && (patternNext === undefined || (patternNext !== null && patternNext.match.index < position))) {
        patternNext = this.patterns.find(text, position);
      }
      if (patternNext && patternNext.match.index < bestIndex) {
        // A pattern wins only where no phrase matches at the same place.
        const { match, entry } = patternNext;
        if (match[0] === '') {
          position = match.index + 1;
          continue;
        }
        position = match.index + match[0].length;
        onMatch({ start: match.index, end: position, entry, text: match[0] });
        continue;
      }
      if (best < 0) return;
      const match = next[best] as RegExpExecArray;
      position = match.index + match[0].length;
      onMatch({ start: match.index, end: position, entry: (phrases[best] as PhraseMatcher).entry, text: match[0] });
    }
  }
}
