/** Reporters: pure functions from results to text. */
import type { FileResult } from '../types.js';
import { formatJson } from './json.js';
import { formatStylish, type StylishOptions } from './stylish.js';

export { exitCode, summarise, type FailOn, type Summary } from './summary.js';

/** The report formats. */
export type ReportFormat = 'stylish' | 'json';

/** Format results in `format`. */
export function formatReport(format: ReportFormat, results: readonly FileResult[], options: StylishOptions): string {
  return format === 'json' ? formatJson(results) : formatStylish(results, options);
}

/** Results with only error-level findings (for --quiet). */
export function onlyErrors(results: readonly FileResult[]): FileResult[] {
  return results.map((result) => ({
    ...result,
    findings: result.findings.filter((finding) => finding.severity === 'error'),
  }));
}
