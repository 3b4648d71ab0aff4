/**
 * The JSON report (`--format json`): the stable, versioned contract other programs rely on.
 * Its shape is documented in the README and in `schema/report.schema.json`.
 */
import type { FileResult, Finding } from '../types.js';
import { summarise } from './summary.js';

/** Version of the JSON contract; bumped only for changes that could break a reader. */
export const JSON_REPORT_VERSION = 1;

/** The JSON report as a string. */
export function formatJson(results: readonly FileResult[]): string {
  const report = {
    version: JSON_REPORT_VERSION,
    files: results.map((result) => ({
      path: result.path,
      format: result.format,
      type: result.type,
      error: result.error,
      findings: result.findings.map(orderFields),
      metrics: result.metrics,
      scorecard: result.scorecard,
    })),
    summary: summarise(results),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
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
  };
}
