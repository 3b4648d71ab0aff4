/** Reporters: pure functions from results to text. */
import type { FileResult } from '../types.js';
import { formatJson, jsonFile, jsonHead, jsonTail } from './json.js';
import { formatStylish, formatStylishFile, formatStylishTotals, type StylishOptions } from './stylish.js';
import { addToSummary, EMPTY_SUMMARY } from './summary.js';

export { addToSummary, EMPTY_SUMMARY, exitCode, exitCodeOf, summarise, type FailOn, type Summary } from './summary.js';

/** The report formats. */
export type ReportFormat = 'stylish' | 'json';

/** Format results in `format`. */
export function formatReport(format: ReportFormat, results: readonly FileResult[], options: StylishOptions): string {
  return format === 'json' ? formatJson(results) : formatStylish(results, options);
}

/** A report written as results arrive, in order, so memory does not grow with the files. */
export interface ReportStream {
  /** Add the next file's result (already filtered for --quiet). */
  file(result: FileResult): void;
  /** Finish the report. */
  end(): void;
}

/** A report in `format`, written to `write` a file at a time: the same text as `formatReport`. */
export function reportStream(format: ReportFormat, options: StylishOptions, write: (text: string) => void): ReportStream {
  let summary = EMPTY_SUMMARY;
  let unreadable = 0;
  if (format === 'json') write(jsonHead());
  return {
    file(result) {
      write(format === 'json' ? jsonFile(result, summary.files === 0) : formatStylishFile(result, options));
      summary = addToSummary(summary, result);
      if (result.error !== null) unreadable++;
    },
    end() {
      write(format === 'json' ? jsonTail(summary) : formatStylishTotals(summary, unreadable, options));
    },
  };
}

/** A result with only its error-level findings (for --quiet). */
export function onlyErrorsOf(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((finding) => finding.severity === 'error') };
}
