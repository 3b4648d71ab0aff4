/**
 * Character tests for code that goes through text by hand, one code point at a time, instead of
 * running a Unicode expression over all of it: ASCII is answered without an expression.
 */

const LETTER = /^\p{L}$/u;

/** True when the code point at `index` of `text` is a letter (`\p{L}`); a lone surrogate is not. */
export function letterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return LETTER.test(String.fromCodePoint(text.codePointAt(index) ?? code));
}

/** The width in code units of the code point at `index`: 2 for a surrogate pair, else 1. */
export function widthAt(text: string, index: number): number {
  return (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}
