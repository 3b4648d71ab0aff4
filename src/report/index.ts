/** Reporters: pure functions from results to text. */
import { keepFindings } from '../engine/checker.js';
import type { FileResult } from '../types.js';
import { formatGithub, formatGithubFile, formatGithubTotals } from './github.js';
import { formatHtml, htmlWriter } from './html.js';
import { formatJson, jsonFile, jsonHead, jsonTail } from './json.js';
import { formatMarkdown, formatMarkdownFile, formatMarkdownHead, formatMarkdownTotals } from './markdown.js';
import { formatSarif, sarifWriter } from './sarif.js';
import { formatStylish, formatStylishFile, formatStylishTotals, type StylishOptions } from './stylish.js';
import { addToSummary, EMPTY_SUMMARY, type Summary } from './summary.js';

export { addToSummary, EMPTY_SUMMARY, exitCode, exitCodeOf, summarise, type FailOn, type Summary } from './summary.js';

/** The report formats. */
export type ReportFormat = 'stylish' | 'json' | 'sarif' | 'github' | 'html' | 'markdown';

/** Format results in `format`. */
export function formatReport(format: ReportFormat, results: readonly FileResult[], options: StylishOptions): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, options);
    case 'github':
      return formatGithub(results);
    case 'html':
      return formatHtml(results, options);
    case 'markdown':
      return formatMarkdown(results, options);
    case 'stylish':
      return formatStylish(results, options);
  }
}

/** A report written as results arrive, in order, so memory does not grow with the files. */
export interface ReportStream {
  /** Add the next file's result (already filtered for --quiet). */
  file(result: FileResult): void;
  /** Finish the report. */
  end(): void;
}

/** The pieces of a report in one format: its start, one file's part, and its end. */
interface ReportPieces {
  head(): string;
  file(result: FileResult, summary: Summary): string;
  end(summary: Summary, unreadable: number): string;
}

function piecesOf(format: ReportFormat, options: StylishOptions): ReportPieces {
  switch (format) {
    case 'json':
      return { head: jsonHead, file: (result, summary) => jsonFile(result, summary.files === 0), end: (summary) => jsonTail(summary) };
    case 'sarif': {
      const writer = sarifWriter(options);
      return { head: () => writer.head(), file: (result) => writer.file(result), end: () => writer.end() };
    }
    case 'github':
      return { head: () => '', file: formatGithubFile, end: formatGithubTotals };
    case 'html': {
      // The page's summary and contents come first, so the writer gives the page at the end.
      const writer = htmlWriter(options);
      return { head: () => writer.head(), file: (result) => writer.file(result), end: (summary, unreadable) => writer.end(summary, unreadable) };
    }
    case 'markdown':
      return { head: formatMarkdownHead, file: (result) => formatMarkdownFile(result, options), end: formatMarkdownTotals };
    case 'stylish':
      return { head: () => '', file: (result) => formatStylishFile(result, options), end: (summary, unreadable) => formatStylishTotals(summary, unreadable, options) };
  }
}

/** A report in `format`, written to `write` a file at a time: the same text as `formatReport`. */
export function reportStream(format: ReportFormat, options: StylishOptions, write: (text: string) => void): ReportStream {
  const pieces = piecesOf(format, options);
  const emit = (text: string): void => {
    if (text !== '') write(text);
  };
  let summary = EMPTY_SUMMARY;
  let unreadable = 0;
  emit(pieces.head());
  return {
    file(result) {
      emit(pieces.file(result, summary));
      summary = addToSummary(summary, result);
      if (result.error !== null) unreadable++;
    },
    end() {
      emit(pieces.end(summary, unreadable));
    },
  };
}

/** A result with only its error-level findings (for --quiet); its text's highlights follow the findings kept. */
export function onlyErrorsOf(result: FileResult): FileResult {
  return keepFindings(result, (finding) => finding.severity === 'error');
}
