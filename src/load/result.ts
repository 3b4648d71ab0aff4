/**
 * What loading a file gives, and the limits it runs under: shared by the reader (./read.ts) and
 * the format loaders (./docx.ts, ./pdf.ts), so they need not import each other.
 */
import type { DocModel } from '../document/model.js';
import type { FileError, Format } from '../types.js';

/** A loaded document, or why it could not be loaded. */
export type LoadResult =
  | { readonly ok: true; readonly doc: DocModel; readonly format: Format }
  | { readonly ok: false; readonly error: FileError; readonly format: Format | null };

/** The limits that keep a bad file from taking all the memory or time. */
export interface LoadLimits {
  /** Largest file read, in bytes (default 5 MB for text; Word and PDF files are allowed 10 times that). */
  readonly maxBytes: number;
  /** Most that all the parts of a Word file may inflate to, in bytes (default 256 MB). */
  readonly maxInflatedBytes: number;
  /** Longest a PDF may take to read, in milliseconds (default 30 seconds). */
  readonly timeoutMs: number;
}

/** The default limits. */
export const DEFAULT_LIMITS: LoadLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxInflatedBytes: 256 * 1024 * 1024,
  timeoutMs: 30_000,
};

/** The error for a PDF that took longer than the limit to read. */
export function pdfTimeoutError(shown: string, limits: LoadLimits): { code: 'timeout'; message: string } {
  return {
    code: 'timeout',
    message: `${shown}: reading this PDF took longer than ${Math.round(limits.timeoutMs / 1000)} seconds, so it was stopped — it may be damaged; save it again from the original document, or raise the limit with --timeout`,
  };
}
