/** Sample results for the reporters' tests: one finding and one checked file, any field overridden. */
import type { FileResult, Finding } from '../../src/types.js';

/** “utilise” in the Job summary (line 3, columns 46–53), an info of plain-language/simpler-words. */
export function sampleFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'plain-language/simpler-words',
    category: 'plain-language',
    severity: 'info',
    message: 'Use “use” instead of “utilise”.',
    actual: 'utilise',
    suggestions: ['use'],
    location: { line: 3, column: 46, endLine: 3, endColumn: 53, page: null, paragraph: null, section: 'Job summary' },
    pillar: 'inform',
    groups: ['everyone'],
    note: 'Plain words help everyone.',
    ...overrides,
  };
}

/** A job advert in Markdown, `adverts/advert.md`, checked with these findings and nothing else. */
export function sampleFile(findings: readonly Finding[], extra: Partial<FileResult> = {}): FileResult {
  return {
    path: 'adverts/advert.md',
    format: 'markdown',
    type: 'advert',
    error: null,
    findings,
    metrics: null,
    scorecard: null,
    suppressed: [],
    ...extra,
  };
}
