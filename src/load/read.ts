/**
 * Reading a file into the document model, with a clear, typed error for every kind of bad input:
 * missing, unreadable, empty, too large, binary, not UTF-8, or not a format we can read. Never
 * throws for bad input, never writes anything.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Format } from '../types.js';
import { loadMarkdown } from './markdown.js';
import { gfmFeaturesIn, loadGfmFeatures } from './markdown-syntax.js';
import type { TextFormat } from './parse.js';
import { DEFAULT_LIMITS, type LoadLimits, type LoadResult } from './result.js';
import { loadText } from './text.js';

export { commandLineLimits, DEFAULT_LIMITS, type LoadLimits, type LoadResult } from './result.js';

/** Extensions of the formats recruit-check reads, and the format each suggests. */
export const EXTENSIONS: Readonly<Record<string, Format>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.dotx': 'docx',
  '.docm': 'docx',
  '.pdf': 'pdf',
};

/** Extensions picked up when a folder is searched (macro-enabled Word files only when named). */
const SEARCHED = new Set(Object.keys(EXTENSIONS).filter((extension) => extension !== '.docm'));

/** Default largest file checked: 5 MB (an advert is a few kilobytes). */
export const DEFAULT_MAX_BYTES = DEFAULT_LIMITS.maxBytes;

/** Binary formats may be this many times larger than the text limit (pictures, fonts). */
const BINARY_ALLOWANCE = 10;

/** True when a folder search should pick up `file`. */
export function isSupportedPath(file: string): boolean {
  return SEARCHED.has(path.extname(file).toLowerCase());
}

/** The format a file name suggests: by extension, plain text when there is none. */
export function formatForPath(file: string): Format | null {
  const extension = path.extname(file).toLowerCase();
  if (extension === '') return 'text';
  return EXTENSIONS[extension] ?? null;
}

function fail(code: string, message: string, format: Format | null = null): LoadResult {
  return { ok: false, error: { code, message }, format };
}

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} MB`;
}

/** The largest input read for a file whose name suggests `hint`, in bytes. */
export function inputLimit(hint: Format | null, limits: LoadLimits): number {
  return hint === 'docx' || hint === 'pdf' ? limits.maxBytes * BINARY_ALLOWANCE : limits.maxBytes;
}

/** The error for an input over the size limit (`size`: how big it is, when known). */
export function tooLargeError(shown: string, maxBytes: number, size: number | null): { code: 'too-large'; message: string } {
  const how = size === null ? `is over the ${megabytes(maxBytes)} limit` : `is ${megabytes(size)}, over the ${megabytes(maxBytes)} limit`;
  return { code: 'too-large', message: `${shown}: ${how} — check it is the right file, or raise the limit with --max-file-size` };
}

/**
 * Read and load the file at `filePath`; `shown` is how the file is named in messages. Only an
 * ordinary file is read (never a device, pipe or socket, which could block or never end), and
 * never more than the size limit, however much the file grows while it is read.
 */
export async function loadFile(filePath: string, shown: string, limits: LoadLimits = DEFAULT_LIMITS): Promise<LoadResult> {
  const hint = formatForPath(filePath);
  const maxBytes = inputLimit(hint, limits);
  let handle: FileHandle;
  try {
    // Non-blocking, so that opening a named pipe returns at once (and is then refused).
    handle = await open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return fail('is-directory', `${shown}: is a folder, not a file`);
    return fail(...describeFsError(error, shown));
  }
  let buffer: Buffer;
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return fail('is-directory', `${shown}: is a folder, not a file`);
    if (!info.isFile()) return fail('not-a-file', `${shown}: is not an ordinary file (a device, pipe or socket) — save the document as a file and check that`);
    if (info.size > maxBytes) return fail('too-large', tooLargeError(shown, maxBytes, info.size).message, hint);
    buffer = await readUpTo(handle, maxBytes + 1);
  } catch (error) {
    return fail(...describeFsError(error, shown));
  } finally {
    await handle.close();
  }
  if (buffer.length > maxBytes) return fail('too-large', tooLargeError(shown, maxBytes, null).message, hint);
  return loadBuffer(buffer, shown, hint, limits);
}

/** At most `max` bytes from the start of an open file. */
async function readUpTo(handle: FileHandle, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < max) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, max - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

function describeFsError(error: unknown, shown: string): [string, string] {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return ['not-found', `${shown}: file not found — check the name and the folder`];
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return ['unreadable', `${shown}: permission denied — check you are allowed to read this file`];
  }
  return ['unreadable', `${shown}: cannot be read (${code ?? 'unknown error'}) — check the file and try again`];
}

/**
 * Load bytes already read (a file's content, or standard input). The format is chosen by
 * content — a zip is a Word file, `%PDF-` a PDF, `<html` HTML — and the extension is only a hint.
 */
export async function loadBuffer(buffer: Uint8Array, shown: string, hint: Format | null, limits: LoadLimits = DEFAULT_LIMITS): Promise<LoadResult> {
  const maxBytes = inputLimit(hint, limits);
  if (buffer.length > maxBytes) return fail('too-large', tooLargeError(shown, maxBytes, buffer.length).message, hint);
  if (buffer.length === 0) {
    return fail('empty-file', `${shown}: file is empty — there is nothing to check; check it is the right file`, hint);
  }
  if (isZip(buffer)) {
    const { loadDocx } = await import('./docx.js');
    return loadDocx(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), shown, limits);
  }
  if (isPdf(buffer)) {
    const { loadPdf } = await import('./pdf.js');
    return loadPdf(buffer, shown, limits);
  }
  if (startsWith(buffer, OLE)) return fail(...describeOle(buffer, shown));
  const kind = sniffBinary(buffer);
  const decoded = kind ? null : decodeText(buffer);
  const format = decoded?.ok ? textFormat(decoded.text, hint) : null;
  // Named as a Word file or a PDF but neither (nor a web page): checking it as text would mislead.
  if (format === null && hint === 'pdf') return fail('not-pdf', `${shown}: is named as a PDF but is not one (it does not begin with “%PDF-”) — check it is the right file, or save it again as PDF`, 'pdf');
  if (format === null && hint === 'docx') return fail('not-word', `${shown}: is named as a Word file but is not one (a .docx file is a zip package) — check it is the right file, or save it again from Word as .docx`, 'docx');
  if (kind) return fail(kind.code, `${shown}: ${kind.message}`, hint);
  if (!decoded?.ok) return fail('not-utf8', `${shown}: ${decoded?.message ?? 'is not text'}`, hint);
  if (decoded.text.trim() === '') {
    return fail('empty-file', `${shown}: file has only spaces and blank lines — there is nothing to check`, hint);
  }
  if (format === null) {
    const known = Object.keys(EXTENSIONS).join(', ');
    return fail('unsupported-format', `${shown}: recruit-check cannot read “${path.extname(shown)}” files — save it as one of ${known}`);
  }
  try {
    // The HTML parser is loaded only when an HTML file is checked.
    const features = format === 'markdown' ? gfmFeaturesIn(decoded.text) : [];
    await loadGfmFeatures(features);
    const doc = format === 'html' ? (await import('./html.js')).loadHtml(decoded.text) : format === 'markdown' ? loadMarkdown(decoded.text, features) : loadText(decoded.text);
    return { ok: true, doc, format };
  } catch (error) {
    // A file nested too deeply is refused with its own clear error (./limits.ts), and so is a
    // stack overflow, which only such a file causes.
    const refusal = (await import('./limits.js')).refusalOf(error, format);
    if (refusal) return fail(refusal.code, `${shown}: ${refusal.reason}`, format);
    return fail('parse-error', `${shown}: could not be read as ${format} (${(error as Error).message}) — please report this`, format);
  }
}

/** The text format for decoded text: HTML by its opening tag, otherwise by the file name. */
function textFormat(text: string, hint: Format | null): TextFormat | null {
  if (startsAsHtml(text)) return 'html';
  if (hint === 'html' || hint === 'markdown' || hint === 'text') return hint;
  return null;
}

/**
 * True when the text opens (after spaces and comments) with a doctype or an `<html>` tag. A plain
 * scan: a regular expression for “comments, then a tag” backtracks exponentially on many comments.
 */
function startsAsHtml(text: string): boolean {
  let position = 0;
  for (;;) {
    while (position < text.length && /\s/.test(text[position] as string)) position++;
    if (!text.startsWith('<!--', position)) break;
    const end = text.indexOf('-->', position + 4);
    if (end < 0) return false;
    position = end + 3;
  }
  return /^<(?:!doctype\s+html|html[\s>])/i.test(text.slice(position, position + 20));
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isZip(buffer: Uint8Array): boolean {
  return startsWith(buffer, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buffer, [0x50, 0x4b, 0x05, 0x06]);
}

function isPdf(buffer: Uint8Array): boolean {
  // The header may follow some junk, but must be in the first kilobyte.
  return Buffer.from(buffer.subarray(0, 1024)).includes('%PDF-');
}

/** An OLE compound file: an encrypted Office file, or an old binary Word file. */
function describeOle(buffer: Uint8Array, shown: string): [string, string] {
  const content = Buffer.from(buffer);
  if (content.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
    return ['encrypted', `${shown}: is password-protected — remove the password (in Word: File › Info › Protect Document › Encrypt with Password) and check it again`];
  }
  if (content.includes(Buffer.from('WordDocument', 'utf16le'))) {
    return ['old-word-format', `${shown}: is an old Word 97–2003 file (.doc) — open it in Word and save it as a Word Document (.docx), then check that`];
  }
  return ['unsupported-format', `${shown}: is an old Office file that is not a Word document — save it as .docx, PDF or plain text`];
}

const SIGNATURES: readonly { bytes: readonly number[]; code: string; message: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], code: 'binary-file', message: 'is a PNG image, not text — check the document the image came from' },
  { bytes: [0xff, 0xd8, 0xff], code: 'binary-file', message: 'is a JPEG image, not text — check the document the image came from' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], code: 'binary-file', message: 'is a Rich Text (RTF) file, not plain text — save it as Markdown or plain text' },
];

function startsWith(buffer: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((byte, index) => buffer[index] === byte);
}

function hasUtf16Bom(buffer: Uint8Array): boolean {
  return startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff]);
}

/** A known binary signature, or NUL bytes / many control characters in the first 8 KB. */
function sniffBinary(buffer: Uint8Array): { code: string; message: string } | null {
  for (const signature of SIGNATURES) {
    if (startsWith(buffer, signature.bytes)) return signature;
  }
  if (hasUtf16Bom(buffer)) return null;
  const sample = buffer.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return { code: 'binary-file', message: 'looks like a binary file, not text — check it is the right file' };
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  if (control > sample.length * 0.1) {
    return { code: 'binary-file', message: 'looks like a binary file, not text — check it is the right file' };
  }
  return null;
}

/** Decode UTF-8 (with or without a byte order mark) or BOM-marked UTF-16. */
export function decodeText(buffer: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  if (startsWith(buffer, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(buffer.subarray(2)) };
  if (startsWith(buffer, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(buffer.subarray(2)) };
  const body = startsWith(buffer, [0xef, 0xbb, 0xbf]) ? buffer.subarray(3) : buffer;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const offset = firstInvalidUtf8(body);
    let line = 1;
    for (let index = 0; index < offset; index++) if (body[index] === 0x0a) line++;
    const byte = (body[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      message: `is not UTF-8 text (byte 0x${byte} on line ${line}) — save it with UTF-8 encoding (in Word or Notepad: Save As › Encoding › UTF-8) and check it again`,
    };
  }
}

/** Offset of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return index;
}
