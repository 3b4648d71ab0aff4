/**
 * `--fix`: the safe, mechanical replacements (a rule marks a finding `fix: {safe: true}` when its
 * first suggestion can replace the flagged text as it is, like “utilise” → “use”), applied to
 * Markdown and text files. Context-dependent suggestions stay suggestions. An edit is made only
 * where the file still holds exactly the flagged text at the finding's place, and never where two
 * findings overlap (the first, in document order, wins).
 */
import { createTwoFilesPatch } from 'diff';
import type { Finding } from './types.js';

/** One replacement in a file's text. */
export interface FixEdit {
  /** UTF-16 offsets in the text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly finding: Finding;
}

/** Offsets of the start of each line (1-based line n starts at `starts[n - 1]`). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) starts.push(index + 1);
  }
  return starts;
}

/**
 * The safe fixes of a file's bytes, as `--fix` makes them: the text they apply to (without a
 * UTF-8 byte order mark, which `bom` reports) and the edits; null for UTF-16 text, never edited.
 */
export function fixesOfBytes(bytes: Uint8Array, findings: readonly Finding[]): { readonly text: string; readonly bom: boolean; readonly edits: FixEdit[] } | null {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!bom && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return null;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', bom ? 3 : 0);
  return { text, bom, edits: fixEdits(text, findings) };
}

/** The safe edits for `findings` in `text` (the file's text, without a byte order mark). */
export function fixEdits(text: string, findings: readonly Finding[]): FixEdit[] {
  const starts = lineStarts(text);
  const offset = (line: number | null, column: number | null): number | null =>
    line === null || column === null || starts[line - 1] === undefined ? null : (starts[line - 1] as number) + column - 1;
  const edits: FixEdit[] = [];
  for (const finding of findings) {
    const replacement = finding.suggestions[0];
    const location = finding.location;
    if (!finding.fix?.safe || replacement === undefined || !location || finding.actual === null) continue;
    const start = offset(location.line, location.column);
    const end = offset(location.endLine, location.endColumn);
    if (start === null || end === null || text.slice(start, end) !== finding.actual) continue;
    edits.push({ start, end, text: replacement, finding });
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: FixEdit[] = [];
  for (const edit of edits) {
    const previous = kept[kept.length - 1];
    if (previous && edit.start < previous.end) continue;
    kept.push(edit);
  }
  return kept;
}

/** `text` with the edits made (they do not overlap). */
export function applyEdits(text: string, edits: readonly FixEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** A unified diff of a fix, for `--fix-dry-run`. */
export function fixDiff(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 1 }).replace(/^=+\n/m, '').replace(/^Index: .*\n/m, '');
}
