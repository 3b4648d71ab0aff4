/** Reporters: pure functions from results to text. */
import type { FileResult } from '../types.js';
import { formatGithub, formatGithubFile, formatGithubTotals } from './github.js';
import { formatJson, jsonFile, jsonHead, jsonTail } from './json.js';
import { formatSarif, sarifWriter } from './sarif.js';
import { formatStylish, formatStylishFile, formatStylishTotals, type StylishOptions } from './stylish.js';
import { addToSummary, EMPTY_SUMMARY, type Summary } from './summary.js';

export { addToSummary, EMPTY_SUMMARY, exitCode, exitCodeOf, summarise, type FailOn, type Summary } from './summary.js';

/** The report formats. */
export type ReportFormat = 'stylish' | 'json' | 'sarif' | 'github';

/** Format results in `format`. */
export function formatReport(format: ReportFormat, results: readonly FileResult[], options: StylishOptions): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, options);
    case 'github':
      return formatGithub(results);
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

/** A result with only its error-level findings (for --quiet). */
export function onlyErrorsOf(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((finding) => finding.severity === 'error') };
}
