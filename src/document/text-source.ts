/**
 * Source maps for line-based formats (Markdown, plain text, HTML): every character of a block's
 * text remembers the span of the original file that produced it, so a range of block text
 * locates exactly, through escapes, entities, list continuation lines and blockquote prefixes.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { location } from 'vfile-location';
import type { SourceMap, SourcePlace, TextRange } from './model.js';

/** Converts offsets in the original file to 1-based line and column. */
export interface OffsetIndex {
  toPoint(offset: number): { line: number; column: number };
}

/** Index the original file once, for all blocks. */
export function indexSource(source: string): OffsetIndex {
  const index = location(source);
  return {
    toPoint(offset) {
      const point = index.toPoint(Math.max(0, Math.min(offset, source.length)));
      return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
    },
  };
}

/** A source map where each text character maps to a `[start, end)` span of the file. */
class SpanSourceMap implements SourceMap {
  constructor(
    private readonly index: OffsetIndex,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    /** Where an empty block sits in the file. */
    private readonly anchor: number,
  ) {}

  locate(start: number, end: number): SourcePlace {
    const length = this.starts.length;
    let from: number;
    let to: number;
    if (length === 0) {
      from = this.anchor;
      to = this.anchor;
    } else {
      const first = Math.max(0, Math.min(start, length - 1));
      const last = Math.max(first, Math.min(end - 1, length - 1));
      from = this.starts[first] ?? this.anchor;
      to = end > start ? (this.ends[last] ?? from) : from;
    }
    const a = this.index.toPoint(from);
    const b = this.index.toPoint(to);
    return {
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
      page: null,
      paragraph: null,
    };
  }
}

/** Builds a block's text and its source map, one piece at a time. */
export class BlockTextBuilder {
  private text = '';
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(
    private readonly source: string,
    private readonly index: OffsetIndex,
  ) {}

  /** Current length of the text. */
  get length(): number {
    return this.text.length;
  }

  /** The text so far. */
  get value(): string {
    return this.text;
  }

  /** Append one character produced by the file span `[start, end)`. */
  push(char: string, start: number, end: number): void {
    this.text += char;
    for (let i = 0; i < char.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  /** Append `run`, copied verbatim from the file starting at `start`. */
  pushVerbatim(run: string, start: number): void {
    this.text += run;
    for (let i = 0; i < run.length; i++) {
      this.starts.push(start + i);
      this.ends.push(start + i + 1);
    }
  }

  /**
   * Append `value`, the decoded text of the file range `[from, to)`, aligning each character
   * with the source characters that produced it.
   */
  appendAligned(value: string, from: number, to: number): void {
    const spans = alignDecoded(this.source, value, from, to);
    for (let j = 0; j < value.length; j++) {
      this.text += value[j];
      this.starts.push(spans.starts[j] ?? from);
      this.ends.push(spans.ends[j] ?? to);
    }
  }

  /** Remove leading and trailing whitespace (and their map entries); returns how many characters went from the start. */
  trim(): number {
    let end = this.text.length;
    while (end > 0 && /\s/.test(this.text[end - 1] ?? '')) end--;
    let start = 0;
    while (start < end && /\s/.test(this.text[start] ?? '')) start++;
    this.text = this.text.slice(start, end);
    this.starts.splice(end);
    this.ends.splice(end);
    this.starts.splice(0, start);
    this.ends.splice(0, start);
    return start;
  }

  /**
   * Trim the text and finish: ranges recorded against the untrimmed text (links, marks) are moved
   * to match, and empty ones dropped.
   */
  finish<L extends TextRange, M extends TextRange>(
    anchor: number,
    links: readonly L[],
    marks: readonly M[],
  ): { text: string; sourceMap: SourceMap; links: L[]; marks: M[] } {
    const shift = this.trim();
    const length = this.text.length;
    const clamp = <T extends TextRange>(range: T): T => ({
      ...range,
      start: Math.max(0, Math.min(length, range.start - shift)),
      end: Math.max(0, Math.min(length, range.end - shift)),
    });
    return {
      ...this.build(anchor),
      links: links.map(clamp).filter((link) => link.end > link.start),
      marks: marks.map(clamp).filter((mark) => mark.end > mark.start),
    };
  }

  /** Finish: the text, and a source map anchored at `anchor` when the text is empty. */
  build(anchor: number): { text: string; sourceMap: SourceMap } {
    return {
      text: this.text,
      sourceMap: new SpanSourceMap(
        this.index,
        Int32Array.from(this.starts),
        Int32Array.from(this.ends),
        anchor,
      ),
    };
  }
}

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Decode one character reference such as `&amp;`, `&#42;` or `&#x2A;`. */
function decodeEntity(reference: string): string | null {
  const body = reference.slice(1, -1);
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!Number.isFinite(code)) return null;
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return String.fromCodePoint(valid ? code : 0xfffd);
  }
  const decoded = decodeNamedCharacterReference(body);
  return decoded === false ? null : decoded;
}

/** The character reference at `source[at]`, if it decodes to the text at `value[j]`. */
function referenceAt(source: string, at: number, value: string, j: number): { decoded: string; length: number } | null {
  ENTITY.lastIndex = at;
  const match = ENTITY.exec(source);
  if (!match || match.index !== at) return null;
  const decoded = decodeEntity(match[0]);
  return decoded && value.startsWith(decoded, j) ? { decoded, length: match[0].length } : null;
}

/**
 * Align decoded text with the source range that produced it. Characters the source writes
 * differently (escapes, entities, CRLF) map to the whole source construct; source characters
 * that produce nothing (container prefixes, indentation, markup) are skipped.
 */
export function alignDecoded(
  source: string,
  value: string,
  from: number,
  to: number,
): { starts: Int32Array; ends: Int32Array } {
  const starts = new Int32Array(value.length);
  const ends = new Int32Array(value.length);
  let i = from;
  let afterNewline = false;
  let j = 0;
  while (j < value.length) {
    const ch = value[j] as string;
    if (afterNewline) {
      while (i < to && (source[i] === ' ' || source[i] === '\t' || source[i] === '>')) i++;
      afterNewline = false;
    }
    let matched = 0;
    let reference: { decoded: string; length: number } | null;
    while (i < to && matched === 0) {
      const c = source[i];
      if (c === '\\' && source[i + 1] === ch && ASCII_PUNCTUATION.test(ch)) {
        starts[j] = i;
        ends[j] = i + 2;
        i += 2;
        matched = 1;
      } else if (c === '&' && (reference = referenceAt(source, i, value, j))) {
        for (let k = 0; k < reference.decoded.length; k++) {
          starts[j + k] = i;
          ends[j + k] = i + reference.length;
        }
        i += reference.length;
        matched = reference.decoded.length;
      } else if (c === ch) {
        starts[j] = i;
        ends[j] = i + 1;
        i += 1;
        matched = 1;
      } else if (c === '\r' && ch === '\n' && source[i + 1] === '\n') {
        starts[j] = i;
        ends[j] = i + 2;
        i += 2;
        matched = 1;
      } else if (ch === ' ' && (c === '\n' || c === '\r' || c === '\t' || c === '\f')) {
        // Inline code and HTML turn line endings and tabs into spaces.
        const width = c === '\r' && source[i + 1] === '\n' ? 2 : 1;
        starts[j] = i;
        ends[j] = i + width;
        i += width;
        matched = 1;
      } else {
        i++;
      }
    }
    if (matched === 0) {
      // The source ran out: map what is left to the end of the range.
      for (; j < value.length; j++) {
        starts[j] = to;
        ends[j] = to;
      }
      break;
    }
    if (value[j + matched - 1] === '\n') afterNewline = true;
    j += matched;
  }
  return { starts, ends };
}
