/**
 * The Markdown report (`--format markdown`), for pasting into a GitHub issue or an email: per
 * file a heading, a summary line, the I.D.E.A.S. scorecard as a table, the findings grouped by
 * pillar as lists (message, where, what was found, the fix, who it affects, the rule), and the
 * suppressed findings with their reasons; the totals end it. It reads as plain text too.
 *
 * Text from documents is untrusted: control characters are made visible, and Markdown and HTML
 * syntax is escaped with backslashes (`*`, `_`, `|`, `<`, backticks…), so no document can add
 * formatting, links, HTML or table cells to the report. GitHub turns `@name` into a mention and
 * `#12` into a link however they are escaped, so a zero-width space follows those `@` and `#`.
 */
import { Chalk } from 'chalk';
import { PILLAR_NAMES } from '../engine/scorecard.js';
import { GROUP_NAMES, GROUP_SHORT_NAMES, PILLARS, type FileResult, type Finding, type SuppressedFinding } from '../types.js';
import { fileKind, findingCount, SEVERITY_NAMES, SUPPRESSION_NAMES } from './labels.js';
import { placeText } from './sarif.js';
import { excerpt, sanitize } from './sanitize.js';
import { countUnreadable, formatMetrics, formatStylishTotals, plural, type StylishOptions } from './stylish.js';
import { summarise, type Summary } from './summary.js';

/** What the Markdown report needs besides the results: rule metadata (for fixes) and the target reading age. */
export type MarkdownOptions = Pick<StylishOptions, 'rules' | 'readingAge'>;

/*
 * Text made safe for Markdown.
 */

// Characters that start or end Markdown or HTML syntax inside a line (and `#`, which ends a heading).
const SYNTAX = /[\\`*_[\]<>|~$&#]/g;
// `@name` and `#12` as GitHub reads them: at the start, or after a character that is not part of a word.
const REFERENCE = /(^|[^\p{L}\p{N}_])([@#])(?=[\p{L}\p{N}_])/gu;
// What GitHub turns into a live link by itself: web addresses (`https://`, `www.`) and email addresses.
const AUTOLINK = /(\b(?:https?|ftp):)(\/\/)|(\bwww)(\.)|([\p{L}\p{N}._%+-])(@)(?=[\p{L}\p{N}-]+\.)/giu;

/** `text` on one line: line breaks and runs of white space made single spaces, control characters made visible. */
function oneLine(text: string): string {
  return sanitize(text.replace(/\r\n?/g, '\n'))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `text` as inline Markdown that shows exactly the text: on one line, control characters made
 * visible, syntax characters backslash-escaped, and GitHub mentions, issue links and bare web and
 * email addresses broken with a zero-width space, so the document's text stays inert.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(SYNTAX, (char) => `\\${char}`)
    .replace(REFERENCE, (_match, before: string, sign: string) => `${before}${sign}\u200B`)
    .replace(AUTOLINK, (match: string, ...groups: (string | undefined)[]) => {
      const [scheme, slashes, www, dot, local, at] = groups;
      if (scheme && slashes) return `${scheme}\u200B${slashes}`;
      if (www && dot) return `${www}\u200B${dot}`;
      return local && at ? `${local}${at}\u200B` : match;
    });
}

/** `text` as a code span: on one line, fenced by more backticks than it holds. */
export function codeSpan(text: string): string {
  const clean = oneLine(text);
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** The summary line under a file's heading. */
function summaryLine(result: FileResult): string {
  const suppressed = result.suppressed.length > 0 ? `; ${plural(result.suppressed.length, 'finding')} suppressed` : '';
  return `${fileKind(result)}: ${findingCount(result.findings)}${suppressed}.`;
}

/*
 * A file's part.
 */

/** A table cell: its items joined, or “none”. */
function cell(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.map(escapeMarkdown).join(', ');
}

/** The I.D.E.A.S. scorecard as a table. */
export function scorecardTable(result: FileResult): string[] {
  if (!result.scorecard) return [];
  const rows = result.scorecard.map(
    (entry) =>
      `| ${PILLAR_NAMES[entry.pillar]} | ${entry.findings} | ${cell(entry.does)} | ${cell(entry.missing)} | ${cell(entry.groups.map((group) => GROUP_SHORT_NAMES[group]))} |`,
  );
  return ['### I.D.E.A.S. scorecard', '', '| Pillar | Findings | Has | Missing | Affects |', '| --- | ---: | --- | --- | --- |', ...rows, ''];
}

/** The fix for a finding: its suggestions, or its rule's general fix. */
function fixOf(finding: Finding, options: MarkdownOptions): string | null {
  if (finding.suggestions.length > 0) return finding.suggestions.map(escapeMarkdown).join(' / ');
  const fix = options.rules.get(finding.ruleId)?.fix;
  return fix ? escapeMarkdown(fix) : null;
}

/** The details of a finding, as a nested list. */
function details(entries: ReadonlyArray<readonly [string, string | null]>): string[] {
  return entries.filter((entry): entry is readonly [string, string] => entry[1] !== null && entry[1] !== '').map(([label, text]) => `  - ${label}: ${text}`);
}

function found(finding: Finding): string | null {
  return finding.actual === null || finding.actual.trim() === '' ? null : `“${escapeMarkdown(excerpt(finding.actual, 120))}”`;
}

function findingItem(finding: Finding, index: number, options: MarkdownOptions): string[] {
  return [
    `- **[${index + 1}] ${SEVERITY_NAMES[finding.severity]}:** ${escapeMarkdown(finding.message)} ${codeSpan(finding.ruleId)}`,
    ...details([
      ['Where', escapeMarkdown(placeText(finding.location))],
      ['Found', found(finding)],
      ['Fix', fixOf(finding, options)],
      ['Who', finding.groups.map((group) => GROUP_NAMES[group]).join('; ')],
    ]),
  ];
}

/** The findings grouped by pillar, in I.D.E.A.S. order: a heading and a list for each pillar that has some. */
export function findingsByPillar(result: FileResult, options: MarkdownOptions): string[] {
  if (result.findings.length === 0) return ['No problems found.', ''];
  const lines: string[] = [];
  for (const pillar of PILLARS) {
    const mine = result.findings.map((finding, index) => ({ finding, index })).filter(({ finding }) => finding.pillar === pillar);
    if (mine.length === 0) continue;
    lines.push(`### ${PILLAR_NAMES[pillar]}: ${plural(mine.length, 'finding')}`, '', ...mine.flatMap(({ finding, index }) => findingItem(finding, index, options)), '');
  }
  return lines;
}

function suppressedItem({ finding, kind, reason }: SuppressedFinding): string[] {
  return [
    `- **${SEVERITY_NAMES[finding.severity]}:** ${escapeMarkdown(finding.message)} ${codeSpan(finding.ruleId)}`,
    ...details([
      ['Where', escapeMarkdown(placeText(finding.location))],
      ['Found', found(finding)],
      ['Suppressed by', `${SUPPRESSION_NAMES[kind]}: ${escapeMarkdown(reason)}`],
    ]),
  ];
}

/** The suppressed findings with how and why they were suppressed. */
export function suppressedList(result: FileResult): string[] {
  if (result.suppressed.length === 0) return [];
  return [`### Suppressed: ${plural(result.suppressed.length, 'finding')}`, '', ...result.suppressed.flatMap(suppressedItem), ''];
}

/** One file's part of the Markdown report, ending with a blank line. */
export function formatMarkdownFile(result: FileResult, options: MarkdownOptions): string {
  const lines = [`## ${codeSpan(result.path === '-' ? 'standard input' : result.path)}`, ''];
  if (result.error) {
    lines.push(`**Could not be read:** ${escapeMarkdown(result.error.message)} (${codeSpan(result.error.code)})`, '');
    return `${lines.join('\n')}\n`;
  }
  lines.push(summaryLine(result), '');
  if (result.metrics) lines.push(escapeMarkdown(formatMetrics(result.metrics, options.readingAge, new Chalk({ level: 0 }))), '');
  lines.push(...scorecardTable(result), ...findingsByPillar(result, options), ...suppressedList(result));
  return `${lines.join('\n')}\n`;
}

/** The start of the Markdown report. */
export function formatMarkdownHead(): string {
  return '# recruit-check report\n\n';
}

/** The end of the Markdown report: the totals of every file, as the terminal report says them. */
export function formatMarkdownTotals(summary: Summary, unreadable: number): string {
  return `## Summary\n\n${escapeMarkdown(formatStylishTotals(summary, unreadable, { colorLevel: 0 }))}\n`;
}

/** The Markdown report as a string. */
export function formatMarkdown(results: readonly FileResult[], options: MarkdownOptions): string {
  return [formatMarkdownHead(), ...results.map((result) => formatMarkdownFile(result, options)), formatMarkdownTotals(summarise(results), countUnreadable(results))].join('');
}
