/**
 * The terminal report: per file, each finding with where it is (line:column and section), what
 * was found, how to fix it, why it matters and who it affects; then the file's reading age and
 * a summary. It never depends on the terminal's width, reads well without colour, and shows
 * document text only after sanitising it.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { RuleMeta } from '../engine/rule.js';
import { DOC_TYPE_NAMES } from '../engine/doc-type.js';
import { PILLAR_NAMES } from '../engine/scorecard.js';
import { GROUP_NAMES, GROUP_SHORT_NAMES, type FileResult, type Finding, type Metrics, type SuppressionKind } from '../types.js';
import { excerpt, sanitize } from './sanitize.js';
import { summarise, type Summary } from './summary.js';

/** What the terminal report needs besides the results. */
export interface StylishOptions {
  /** Colour level: 0 none, 1 basic, 2 256 colours, 3 truecolor. */
  readonly colorLevel: 0 | 1 | 2 | 3;
  /** Rule metadata by id, for the fix, why and who lines. */
  readonly rules: ReadonlyMap<string, RuleMeta>;
  /** Target reading age, shown next to the document's reading age. */
  readonly readingAge: number;
}

const INDENT = '  ';
const DETAIL = '      ';

/** The terminal report as a string. */
export function formatStylish(results: readonly FileResult[], options: StylishOptions): string {
  return [...results.map((result) => formatStylishFile(result, options)), formatStylishTotals(summarise(results), countUnreadable(results), options)].join('');
}

/** One file's part of the terminal report, ending with a blank line. */
export function formatStylishFile(result: FileResult, options: StylishOptions): string {
  const c = new Chalk({ level: options.colorLevel });
  const path = result.path === '-' ? '<stdin>' : result.path;
  const out = [c.underline(sanitize(path))];
  if (result.error) {
    out.push(`${INDENT}${c.red('error')}  ${sanitize(result.error.message)}  ${c.dim(result.error.code)}`, '');
    return `${out.join('\n')}\n`;
  }
  if (result.findings.length === 0) out.push(`${INDENT}${c.green('No problems found.')}`);
  const explained = new Set<string>();
  for (const finding of result.findings) {
    out.push(...formatFinding(finding, options, c, !explained.has(finding.ruleId)));
    explained.add(finding.ruleId);
  }
  out.push(...formatSuppressed(result, c));
  if (result.metrics) out.push(`${INDENT}${formatMetrics(result.metrics, options.readingAge, c)}`);
  if (result.scorecard) out.push(...formatScorecard(result, c));
  out.push('');
  return `${out.join('\n')}\n`;
}

const SUPPRESSED_BY: Readonly<Record<SuppressionKind, string>> = { inline: 'comment', 'allow-list': 'allowed', baseline: 'baseline' };

/** Suppressed findings: one line each, with how and why they were suppressed. */
function formatSuppressed(result: FileResult, c: ChalkInstance): string[] {
  if (result.suppressed.length === 0) return [];
  const lines = [`${INDENT}${c.dim(`${plural(result.suppressed.length, 'finding')} suppressed:`)}`];
  for (const { finding, kind, reason } of result.suppressed) {
    lines.push(c.dim(`${INDENT}  ${where(finding).padEnd(8)}  ${SUPPRESSED_BY[kind].padEnd(8)} ${sanitize(finding.ruleId)} “${sanitize(finding.actual ?? 'whole document')}” — ${sanitize(reason)}`));
  }
  return lines;
}

/** How many of the results are files that could not be read. */
export function countUnreadable(results: readonly FileResult[]): number {
  return results.filter((result) => result.error !== null).length;
}

function severityLabel(finding: Finding, c: ChalkInstance): string {
  const label = finding.severity.padEnd(7);
  if (finding.severity === 'error') return c.red(label);
  if (finding.severity === 'warning') return c.yellow(label);
  return c.blue(label);
}

function where(finding: Finding): string {
  const location = finding.location;
  if (!location) return 'document';
  if (location.page !== null) return `page ${location.page}${location.line !== null ? ` line ${location.line}` : ''}`;
  if (location.paragraph !== null) return `¶${location.paragraph}`;
  return `${location.line ?? '?'}:${location.column ?? '?'}`;
}

function formatFinding(finding: Finding, options: StylishOptions, c: ChalkInstance, firstOfRule: boolean): string[] {
  const meta = options.rules.get(finding.ruleId);
  const lines = [
    `${INDENT}${where(finding).padEnd(8)}  ${severityLabel(finding, c)}  ${sanitize(finding.message)}  ${c.dim(finding.ruleId)}`,
  ];
  const detail = (label: string, text: string): void => {
    lines.push(`${INDENT}${DETAIL}${c.dim(label.padEnd(6))}${text}`);
  };
  if (finding.location?.section) detail('in', sanitize(finding.location.section));
  if (finding.actual !== null && finding.actual !== '') detail('found', `“${excerpt(finding.actual)}”`);
  const fix = finding.suggestions.length > 0 ? finding.suggestions.map(sanitize).join(' / ') : meta?.fix;
  if (fix) detail('fix', fix);
  if (firstOfRule && meta) {
    detail('why', `${meta.note} ${c.dim(`(${meta.seed})`)}`);
    detail('who', meta.groups.map((group) => GROUP_NAMES[group]).join('; '));
  }
  return lines;
}

/** A file's metrics on one line: words, sentences, reading age against `target`, reading ease. */
export function formatMetrics(metrics: Metrics, target: number, c: ChalkInstance): string {
  const parts = [plural(metrics.words, 'word'), plural(metrics.sentences, 'sentence')];
  if (metrics.readingAge !== null) {
    const age = `reading age ${metrics.readingAge.toFixed(1)}`;
    parts.push(`${metrics.readingAge > target ? c.yellow(age) : c.green(age)} (target ${target} or lower)`);
  }
  if (metrics.fleschReadingEase !== null) parts.push(`Flesch reading ease ${metrics.fleschReadingEase.toFixed(1)}`);
  return c.dim(parts.join(' · '));
}

function formatScorecard(result: FileResult, c: ChalkInstance): string[] {
  const kind = result.type ? DOC_TYPE_NAMES[result.type] : 'document';
  const why = result.typeReason ? c.dim(` (checked as one because ${result.typeReason})`) : '';
  const lines = [`${INDENT}${c.bold(`I.D.E.A.S. scorecard for this ${kind}`)}${why}`];
  for (const entry of result.scorecard ?? []) {
    const parts = [entry.findings === 0 ? c.green('no findings') : plural(entry.findings, 'finding')];
    if (entry.does.length > 0) parts.push(`${c.green('has')} ${entry.does.join(', ')}`);
    if (entry.missing.length > 0) parts.push(`${c.yellow('missing')} ${entry.missing.join(', ')}`);
    if (entry.groups.length > 0) parts.push(`affects ${entry.groups.map((group) => GROUP_SHORT_NAMES[group]).join(', ')}`);
    lines.push(`${INDENT}${DETAIL}${PILLAR_NAMES[entry.pillar].padEnd(10)}${parts.join(' · ')}`);
  }
  return lines;
}

/** `count` and `word`, in the plural unless the count is 1: `1 finding`, `3 findings`. */
export function plural(count: number, word: string, plural = `${word}s`): string {
  return `${count} ${count === 1 ? word : plural}`;
}

/** The last line of the terminal report: the findings of every file by severity. */
export function formatStylishTotals(summary: Summary, unreadable: number, options: Pick<StylishOptions, 'colorLevel'>): string {
  const c = new Chalk({ level: options.colorLevel });
  const problems = summary.errors + summary.warnings + summary.info;
  const files = plural(summary.files, 'file');
  const unread = `${summary.suppressed > 0 ? `; ${summary.suppressed} suppressed` : ''}${unreadable > 0 ? `; ${plural(unreadable, 'file')} could not be read` : ''}`;
  if (problems === 0) {
    const line = `✔ No problems found in ${files}${unread}`;
    return `${unreadable > 0 ? c.red(line) : c.green(line)}\n`;
  }
  const line = `✖ ${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.info} info) in ${files}${unread}`;
  return `${summary.errors > 0 || unreadable > 0 ? c.red.bold(line) : c.yellow.bold(line)}\n`;
}
