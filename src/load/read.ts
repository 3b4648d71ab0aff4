/**
 * Reading a file into the document model, with a clear, typed error for every kind of bad input:
 * missing, unreadable, empty, too large, binary, not UTF-8, or not a format we can read. Never
 * throws for bad input, never writes anything.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocModel } from '../document/model.js';
import type { FileError, Format } from '../types.js';
import { parseText } from './parse.js';

/** A loaded document, or why it could not be loaded. */
export type LoadResult =
  | { readonly ok: true; readonly doc: DocModel; readonly format: Format }
  | { readonly ok: false; readonly error: FileError; readonly format: Format | null };

/** Extensions of the formats recruit-check reads, and their format. */
export const EXTENSIONS: Readonly<Record<string, Format>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};

/** Default largest file checked: 5 MB (an advert is a few kilobytes). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** True when `file` has an extension recruit-check reads (used when walking directories). */
export function isSupportedPath(file: string): boolean {
  return path.extname(file).toLowerCase() in EXTENSIONS;
}

/** The format for a file name: by extension, plain text when there is none. */
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

/** Read and load the file at `filePath`; `shown` is how the file is named in messages. */
export async function loadFile(filePath: string, shown: string, maxBytes = DEFAULT_MAX_BYTES): Promise<LoadResult> {
  const format = formatForPath(filePath);
  let size: number;
  try {
    const info = await stat(filePath);
    if (info.isDirectory()) return fail('is-directory', `${shown}: is a folder, not a file`);
    size = info.size;
  } catch (error) {
    return fail(...describeFsError(error, shown));
  }
  if (size > maxBytes) {
    return fail(
      'too-large',
      `${shown}: file is ${megabytes(size)}, over the ${megabytes(maxBytes)} limit — check it is the right file, or raise the limit with --max-file-size`,
      format,
    );
  }
  let buffer: Buffer;
  try {
    buffer = await readFile(filePath);
  } catch (error) {
    return fail(...describeFsError(error, shown));
  }
  return loadBuffer(buffer, shown, format, maxBytes);
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

/** Load bytes already read (a file's content, or standard input). */
export function loadBuffer(buffer: Uint8Array, shown: string, format: Format | null, maxBytes = DEFAULT_MAX_BYTES): LoadResult {
  if (buffer.length > maxBytes) {
    return fail('too-large', `${shown}: input is ${megabytes(buffer.length)}, over the ${megabytes(maxBytes)} limit — check it is the right input, or raise the limit with --max-file-size`, format);
  }
  if (buffer.length === 0) {
    return fail('empty-file', `${shown}: file is empty — there is nothing to check; check it is the right file`, format);
  }
  const kind = sniffBinary(buffer);
  if (kind) return fail(kind.code, `${shown}: ${kind.message}`, format);
  if (format === null) {
    const known = Object.keys(EXTENSIONS).join(', ');
    return fail('unsupported-format', `${shown}: recruit-check cannot read “${path.extname(shown)}” files — save it as Markdown or plain text (${known})`);
  }
  const decoded = decodeText(buffer);
  if (!decoded.ok) return fail('not-utf8', `${shown}: ${decoded.message}`, format);
  if (decoded.text.trim() === '') {
    return fail('empty-file', `${shown}: file has only spaces and blank lines — there is nothing to check`, format);
  }
  try {
    return { ok: true, doc: parseText(decoded.text, format), format };
  } catch (error) {
    return fail('parse-error', `${shown}: could not be read as ${format} (${(error as Error).message}) — please report this`, format);
  }
}

const SIGNATURES: readonly { bytes: readonly number[]; code: string; message: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], code: 'binary-file', message: 'is a Word document or another zip file, not text — check it as .docx, or save it as Markdown or plain text' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], code: 'binary-file', message: 'is a PDF, not text — check it as .pdf, or save it as Markdown or plain text' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], code: 'binary-file', message: 'is an old Word (.doc) or a password-protected Office file, not text — save it as .docx or plain text without a password' },
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
