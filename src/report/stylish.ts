/**
 * The terminal report. Each file's part opens with what matters: the document type it was checked
 * as and why, the counts by severity and its reading age, and a short “fix these first” list;
 * then the findings grouped by severity, one line each (where, what, the fix); then why each
 * kind of finding matters and who it affects, once per rule; then the I.D.E.A.S. scorecard.
 * `verbose` gives the long form instead: every finding with its section, text, fix, why and who.
 *
 * On a terminal (`width` set) long lines wrap to its width under their own indent; piped, they
 * never wrap. It reads well without colour, and shows document text only after sanitising it.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { RuleMeta } from '../engine/rule.js';
import { DOC_TYPE_NAMES, withArticle } from '../engine/doc-type.js';
import { PILLAR_NAMES } from '../engine/scorecard.js';
import { GROUP_NAMES, GROUP_SHORT_NAMES, type FileResult, type Finding, type Metrics, type Severity, type SuppressionKind } from '../types.js';
import { fixFirst } from './priority.js';
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
  /** The long form: every finding with its section, text, fix, why and who (`--verbose`). */
  readonly verbose?: boolean;
  /** The terminal's width, to wrap long lines to; absent when the output is not a terminal. */
  readonly width?: number;
  /** Only errors are shown (`--quiet`): say so, rather than “no problems”. */
  readonly quiet?: boolean;
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
  if (options.verbose) {
    if (result.findings.length === 0) out.push(`${INDENT}${c.green('No problems found.')}`);
    const explained = new Set<string>();
    for (const finding of result.findings) {
      out.push(...formatFinding(finding, options, c, !explained.has(finding.ruleId)));
      explained.add(finding.ruleId);
    }
    out.push(...formatSuppressed(result, c));
    if (result.metrics) out.push(`${INDENT}${formatMetrics(result.metrics, options.readingAge, c)}`);
    if (result.scorecard) out.push(...formatScorecard(result, c));
  } else {
    out.push(...formatBrief(result, options, c));
  }
  out.push('');
  return `${wrapLines(out, options.width).join('\n')}\n`;
}

const SEVERITY_HEADINGS: Readonly<Record<Severity, string>> = { error: 'Errors', warning: 'Warnings', info: 'Information' };

/** The summary-first form of one file's findings. */
function formatBrief(result: FileResult, options: StylishOptions, c: ChalkInstance): string[] {
  const out: string[] = [];
  const kind = result.type ? withArticle(result.type) : 'a document';
  const counts = (['error', 'warning', 'info'] as const).map((severity) => {
    const count = result.findings.filter((finding) => finding.severity === severity).length;
    return severity === 'info' ? `${count} info` : plural(count, severity);
  });
  out.push(`${INDENT}${c.bold(`Checked as ${kind}`)}${result.typeReason ? ` because ${sanitize(result.typeReason)}` : ''}.`);
  const tally = options.quiet
    ? `${result.findings.length === 0 ? c.green('No errors') : plural(result.findings.length, 'error')} (warnings and information are not shown with --quiet)`
    : result.findings.length === 0
      ? c.green(result.suppressed.some(({ kind }) => kind === 'baseline') ? 'No new problems found.' : 'No problems found.')
      : counts.join(', ');
  out.push(`${INDENT}${tally}${result.metrics ? ` · ${formatMetrics(result.metrics, options.readingAge, c)}` : ''}`);
  if (result.findings.length > 0) {
    out.push('', `${INDENT}${c.bold('Fix these first')}`);
    for (const index of fixFirst(result.findings)) {
      const finding = result.findings[index];
      if (finding) out.push(briefLine(finding, c, true));
    }
    for (const severity of ['error', 'warning', 'info'] as const) {
      const group = result.findings.filter((finding) => finding.severity === severity);
      if (group.length === 0) continue;
      out.push('', `${INDENT}${severityHeading(severity, group.length, c)}`);
      for (const finding of group) {
        out.push(briefLine(finding, c, false));
        // A missing topic's fix is wording to paste: it gets a line of its own.
        const wording = finding.location === null ? finding.suggestions[0] : undefined;
        if (wording && !finding.message.includes(wording)) out.push(`${INDENT}  ${' '.repeat(10)}${c.dim('add')}  ${sanitize(wording)}`);
      }
    }
    out.push('', `${INDENT}${c.bold('Why these matter')}`);
    for (const ruleId of [...new Set(result.findings.map((finding) => finding.ruleId))]) {
      const meta = options.rules.get(ruleId);
      if (!meta) continue;
      const who = meta.groups.map((group) => GROUP_NAMES[group]).join('; ');
      out.push(`${INDENT}  ${c.dim(ruleId)}: ${meta.note} ${c.dim(`(${meta.seed})`)} Affects ${who}.`);
    }
  }
  const suppressed = formatSuppressed(result, c);
  if (suppressed.length > 0) out.push('', ...suppressed);
  if (result.scorecard) out.push('', ...formatScorecard(result, c, false));
  return out;
}

function severityHeading(severity: Severity, count: number, c: ChalkInstance): string {
  const heading = `${SEVERITY_HEADINGS[severity]} (${count})`;
  return severity === 'error' ? c.red.bold(heading) : severity === 'warning' ? c.yellow.bold(heading) : c.blue.bold(heading);
}

/**
 * A finding on one line: where, the message, the text when the message does not quote it, and
 * the fix when the message does not give it (and it is short enough to be a swap).
 */
function briefLine(finding: Finding, c: ChalkInstance, withSeverity: boolean): string {
  const message = sanitize(finding.message);
  const parts = [message];
  if (finding.actual && !finding.message.includes(finding.actual)) parts.push(`“${excerpt(finding.actual, 50)}”`);
  const fix = finding.location !== null ? finding.suggestions[0] : undefined;
  if (fix && fix.length <= 80 && !finding.message.includes(fix)) parts.push(`→ ${sanitize(fix)}`);
  const severity = withSeverity ? `${severityLabel(finding, c)}  ` : '';
  return `${INDENT}  ${where(finding).padEnd(10)}${severity}${parts.join('  ')}  ${c.dim(finding.ruleId)}`;
}

/**
 * Lines wrapped to `width` (when set): a long line goes on under the indent of its text, never
 * back at column 0. The width of colour codes is not counted.
 */
export function wrapLines(lines: readonly string[], width: number | undefined): string[] {
  if (!width || width < 40) return [...lines];
  // eslint-disable-next-line no-control-regex
  const visible = (text: string): number => text.replace(/\u001b\[[0-9;]*m/g, '').length;
  return lines.flatMap((line) => {
    if (visible(line) <= width) return [line];
    // Continue under the first text after the line's margin and its location column.
    const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
    const lead = /^\s*/.exec(plain)?.[0] ?? '';
    const located = /^\s*(?:(?:document|page \d+(?: line \d+)?|¶\d+|\d+:\d+)\s+(?:(?:error|warning|info)\s+)?)/.exec(plain)?.[0].length;
    const hang = ' '.repeat(Math.min(located ?? lead.length + 2, Math.floor(width / 2)));
    const words = line.slice(lead.length).split(' ');
    const wrapped: string[] = [];
    let current = lead;
    for (const word of words) {
      const candidate = current.trim() === '' ? `${current}${word}` : `${current} ${word}`;
      if (visible(candidate) > width && current.trim() !== '') {
        wrapped.push(current.trimEnd());
        current = `${hang}${word}`;
      } else {
        current = candidate;
      }
    }
    if (current.trim() !== '') wrapped.push(current.trimEnd());
    return wrapped;
  });
}

const SUPPRESSED_BY: Readonly<Record<SuppressionKind, string>> = { inline: 'comment', 'allow-list': 'allowed', baseline: 'baseline' };

/**
 * Suppressed findings: one line each, with how and why they were suppressed — except those the
 * baseline records, which are old news and are counted in one line.
 */
function formatSuppressed(result: FileResult, c: ChalkInstance): string[] {
  if (result.suppressed.length === 0) return [];
  const listed = result.suppressed.filter(({ kind }) => kind !== 'baseline');
  const baselined = result.suppressed.length - listed.length;
  const lines: string[] = [];
  if (listed.length > 0) lines.push(`${INDENT}${c.dim(`${plural(listed.length, 'finding')} suppressed:`)}`);
  for (const { finding, kind, reason } of listed) {
    lines.push(c.dim(`${INDENT}  ${where(finding).padEnd(8)}  ${SUPPRESSED_BY[kind].padEnd(8)} ${sanitize(finding.ruleId)} “${sanitize(finding.actual ?? 'whole document')}” — ${sanitize(reason)}`));
  }
  const baseline = result.suppressed.find(({ kind }) => kind === 'baseline');
  if (baseline) lines.push(`${INDENT}${c.dim(`${plural(baselined, 'finding')} not shown: ${sanitize(baseline.reason)}`)}`);
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

function formatScorecard(result: FileResult, c: ChalkInstance, withReason = true): string[] {
  const kind = result.type ? DOC_TYPE_NAMES[result.type] : 'document';
  const why = withReason && result.typeReason ? c.dim(` (checked as one because ${result.typeReason})`) : '';
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
  // The files that were checked: one that could not be read was not, and is never “no problems”.
  const checked = summary.files - unreadable;
  const files = plural(checked, 'file');
  const unread = `${summary.suppressed > 0 ? `; ${summary.suppressed} suppressed` : ''}${unreadable > 0 ? `; ${plural(unreadable, 'file')} could not be read` : ''}`;
  if (checked === 0) return `${c.red.bold(`✖ Nothing was checked: ${plural(unreadable, 'file')} could not be read`)}\n`;
  if (problems === 0) {
    const line = unreadable > 0 ? `✖ No problems found in ${files}${unread}` : `✔ No problems found in ${files}${unread}`;
    return `${unreadable > 0 ? c.red.bold(line) : c.green(line)}\n`;
  }
  const line = `✖ ${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.info} info) in ${files}${unread}`;
  return `${summary.errors > 0 || unreadable > 0 ? c.red.bold(line) : c.yellow.bold(line)}\n`;
}
