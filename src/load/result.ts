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
  /** Most that all the parts of a Word file, or all the streams of a PDF, may inflate to, in bytes (default 256 MB); single parts have smaller limits (`partLimits`). */
  readonly maxInflatedBytes: number;
  /** Longest a file may take to check, in milliseconds (default 30 seconds): the command stops any file's worker then; a library caller's PDF reads are stopped then. */
  readonly timeoutMs: number;
}

/**
 * Limits on single parts, derived from `maxInflatedBytes` (256 MB by default) so that one setting
 * governs them all. Parsing XML takes far more memory than the XML: the loader and mammoth each
 * parse a Word file's main part and styles, which takes about 70 times their size — a 12.6 MB
 * document.xml (the largest in the test corpus, 12,000 paragraphs) peaks at 850 MB, a 16 MB one
 * of short paragraphs at 1.5 GB, and a 60 MB one exhausts the default 4 GB heap. A 300-page
 * Word document's document.xml is a few megabytes, and its other parts far less.
 */
export interface PartLimits {
  /** The main document part (word/document.xml, however named): 1/16, 16 MB by default. */
  readonly mainPart: number;
  /** Any other XML part (styles, numbering, comments, notes, headers, settings…): 1/32, 8 MB by default (the largest real styles.xml seen is 2.6 MB). */
  readonly xmlPart: number;
  /** All the XML parts of a Word file together: the largest main part and one other, 24 MB by default (about 1.6 GB to parse). */
  readonly allXml: number;
  /** One PDF stream, decoded: 1/4, 64 MB by default (a page's content, or a whole embedded font, is far less); an image may take its declared size, up to the total. */
  readonly pdfStream: number;
}

/** The limits on single parts, from the overall limit. */
export function partLimits(limits: Pick<LoadLimits, 'maxInflatedBytes'>): PartLimits {
  const total = limits.maxInflatedBytes;
  const mainPart = Math.floor(total / 16);
  const xmlPart = Math.floor(total / 32);
  return { mainPart, xmlPart, allXml: mainPart + xmlPart, pdfStream: Math.floor(total / 4) };
}

/** The default limits. */
export const DEFAULT_LIMITS: LoadLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxInflatedBytes: 256 * 1024 * 1024,
  timeoutMs: 30_000,
};

/** The limits `--max-file-size <megabytes>` and `--timeout <seconds>` ask for (check, audit and serve alike). */
export function commandLineLimits(maxFileSizeMb: number, timeoutSeconds: number): LoadLimits {
  return { ...DEFAULT_LIMITS, maxBytes: Math.round(maxFileSizeMb * 1024 * 1024), timeoutMs: Math.round(timeoutSeconds * 1000) };
}

/** The error for a PDF that took longer than the limit to read. */
export function pdfTimeoutError(shown: string, limits: LoadLimits): { code: 'timeout'; message: string } {
  return {
    code: 'timeout',
    message: `${shown}: reading this PDF took longer than ${Math.round(limits.timeoutMs / 1000)} seconds, so it was stopped — it may be damaged; save it again from the original document, or raise the limit with --timeout`,
  };
}
