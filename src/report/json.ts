/**
 * The JSON report (`--format json`): the stable, versioned contract other programs rely on.
 * Its shape is documented in the README and in `schema/report.schema.json`.
 */
import type { FileResult, Finding } from '../types.js';
import { summarise, type Summary } from './summary.js';

/** Version of the JSON contract; bumped only for changes that could break a reader. */
export const JSON_REPORT_VERSION = 1;

/** The JSON report as a string. */
export function formatJson(results: readonly FileResult[]): string {
  const report = {
    version: JSON_REPORT_VERSION,
    files: results.map(fileObject),
    summary: summarise(results),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/*
 * The same report written a file at a time (for many files, without holding them all): the
 * pieces join to exactly the text of `formatJson`.
 */

/** The start of the JSON report, up to the files. */
export function jsonHead(): string {
  return `{\n  "version": ${JSON_REPORT_VERSION},\n  "files": [`;
}

/** One file of the JSON report; `first` for the first file. */
export function jsonFile(result: FileResult, first: boolean): string {
  const text = JSON.stringify(fileObject(result), null, 2).replace(/\n/g, '\n    ');
  return `${first ? '' : ','}\n    ${text}`;
}

/** The end of the JSON report: the summary. */
export function jsonTail(summary: Summary): string {
  const files = summary.files > 0 ? '\n  ]' : ']';
  return `${files},\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}

function fileObject(result: FileResult): object {
  return {
    path: result.path,
    format: result.format,
    type: result.type,
    ...(result.typeReason !== undefined ? { typeReason: result.typeReason } : {}),
    error: result.error,
    findings: result.findings.map(orderFields),
    metrics: result.metrics,
    scorecard: result.scorecard,
    suppressed: result.suppressed.map(({ finding, kind, reason }) => ({ finding: orderFields(finding), kind, reason })),
  };
}

/** Fields in the contract's order. */
function orderFields(finding: Finding): Finding {
  return {
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    message: finding.message,
    actual: finding.actual,
    suggestions: finding.suggestions,
    location: finding.location,
    pillar: finding.pillar,
    groups: finding.groups,
    note: finding.note,
    ...(finding.fix ? { fix: finding.fix } : {}),
    ...(finding.parts ? { parts: finding.parts.map((part) => ({ ruleId: part.ruleId, severity: part.severity, message: part.message, suggestions: part.suggestions })) } : {}),
  };
}
