/** Words the HTML and Markdown reports share: formats, severities, how a finding was suppressed, counts. */
import { withArticle } from '../engine/doc-type.js';
import type { FileResult, Finding, Format, Severity, SuppressionKind } from '../types.js';
import { plural } from './stylish.js';

const FORMAT_NAMES: Readonly<Record<Format, string>> = {
  markdown: 'Markdown file',
  text: 'Plain text file',
  html: 'HTML file',
  docx: 'Word document',
  pdf: 'PDF',
};

/** A severity as a label: `Error`, `Warning`, `Info`. */
export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** What suppressed a finding, in words. */
export const SUPPRESSION_NAMES: Readonly<Record<SuppressionKind, string>> = {
  inline: 'a comment in the document',
  'allow-list': 'an allowed phrase in a config file',
  baseline: 'the baseline',
};

/** What a file is: `Word document, checked as a job advert because it says “Closing date”, as adverts do`. */
export function fileKind(result: FileResult): string {
  const format = result.format ? FORMAT_NAMES[result.format] : 'File';
  const why = result.typeReason ? ` because ${result.typeReason}` : '';
  return `${format}${result.type ? `, checked as ${withArticle(result.type)}${why}` : ''}`;
}

/** The findings counted: `no findings`, or `3 findings (1 error, 2 warnings, 0 info)`. */
export function findingCount(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no findings';
  const count = (severity: Severity): number => findings.filter((finding) => finding.severity === severity).length;
  return `${plural(findings.length, 'finding')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info)`;
}
