/** Counting findings, and turning results into an exit code (DESIGN: 0 / 1 / 2). */
import type { FileResult, Severity } from '../types.js';

/** Findings counted by severity, over all files. */
export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
  /** Findings suppressed (inline, allow-list, baseline): not in the counts above. */
  readonly suppressed: number;
}

/** Count the findings of every file by severity. */
export function summarise(results: readonly FileResult[]): Summary {
  return results.reduce(addToSummary, EMPTY_SUMMARY);
}

/** No files, no findings. */
export const EMPTY_SUMMARY: Summary = { files: 0, errors: 0, warnings: 0, info: 0, suppressed: 0 };

/** `summary` with one more file's findings counted (for reports written a file at a time). */
export function addToSummary(summary: Summary, result: FileResult): Summary {
  let { errors, warnings, info } = summary;
  for (const finding of result.findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else info++;
  }
  return { files: summary.files + 1, errors, warnings, info, suppressed: summary.suppressed + result.suppressed.length };
}

/** The lowest severity that fails a run, or `never`. */
export type FailOn = Severity | 'never';

/**
 * `2` when any file could not be read; `1` when a finding is at or above `failOn`, or there are
 * more warnings than `maxWarnings`; otherwise `0`.
 */
export function exitCode(results: readonly FileResult[], failOn: FailOn, maxWarnings: number | null): 0 | 1 | 2 {
  return exitCodeOf(summarise(results), results.some((result) => result.error !== null), failOn, maxWarnings);
}

/** The exit code from the counts of a run, and whether any file could not be read. */
export function exitCodeOf(summary: Summary, unreadable: boolean, failOn: FailOn, maxWarnings: number | null): 0 | 1 | 2 {
  if (unreadable) return 2;
  if (maxWarnings !== null && summary.warnings > maxWarnings) return 1;
  const failing =
    failOn === 'never'
      ? 0
      : failOn === 'error'
        ? summary.errors
        : failOn === 'warning'
          ? summary.errors + summary.warnings
          : summary.errors + summary.warnings + summary.info;
  return failing > 0 ? 1 : 0;
}
