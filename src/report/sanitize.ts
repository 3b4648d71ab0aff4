/**
 * Text from documents is untrusted: before it reaches a terminal, control characters (which
 * could move the cursor, change colours or rewrite the screen) and bidirectional overrides
 * (which can make text read differently from how it is stored) become visible escapes.
 */

// C0 controls except tab and newline, DEL, C1 controls, and bidi/invisible direction marks.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** `text` with every unsafe character shown as `\u{…}`; tabs and newlines become spaces. */
export function sanitize(text: string): string {
  return sanitizeLines(text).replace(/[\t\n]/g, ' ');
}

/** `text` with every unsafe character shown as `\u{…}`, keeping its tabs and line breaks (a diff, say). */
export function sanitizeLines(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u{${char.codePointAt(0)?.toString(16) ?? '0'}}`);
}

/** Sanitise and shorten to `max` characters, ending with “…” when cut. */
export function excerpt(text: string, max = 80): string {
  const clean = sanitize(text).replace(/ {2,}/g, ' ');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}
