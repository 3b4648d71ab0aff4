/**
 * GitHub Actions annotations (`--format github`): one workflow command per finding, so that each
 * shows on the pull request's files and in the run's summary, then the totals as a plain line.
 *
 * Text from documents is untrusted: control characters are made visible (the Actions log shows
 * colours) and every value is escaped as GitHub's workflow commands require, so no document can
 * end a command early or start one of its own.
 */
import type { FileResult, Finding, Severity } from '../types.js';
import { findingText, hasFileLine } from './sarif.js';
import { sanitize } from './sanitize.js';
import { formatStylishTotals } from './stylish.js';
import { summarise, type Summary } from './summary.js';

/** The workflow commands for each severity. */
const COMMANDS: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/** `text` escaped as a command's message: `%`, carriage returns and line feeds. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** `text` escaped as a command's property value: as data, and `:` and `,` too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Document text made safe for the log, keeping its line breaks (which are escaped later). */
function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map(sanitize).join('\n');
}

/** One workflow command: `::name key=value,…::message`. */
function command(name: string, properties: ReadonlyArray<readonly [string, string | number]>, message: string): string {
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(clean(String(value)))}`).join(',');
  return `::${name}${list === '' ? '' : ` ${list}`}::${escapeData(clean(message))}`;
}

function fileProperty(result: FileResult): Array<readonly [string, string]> {
  return result.path === '-' ? [] : [['file', result.path]];
}

/**
 * Where a finding is, as annotation properties: the lines and columns of a Markdown, text or
 * HTML file (columns only when it starts and ends on one line, as GitHub requires); nothing more
 * than the file for Word, PDF and whole-document findings, whose message says where they are.
 */
function placeProperties(finding: Finding): Array<readonly [string, number]> {
  const location = finding.location;
  if (!hasFileLine(location)) return [];
  const endLine = location.endLine ?? location.line;
  const properties: Array<readonly [string, number]> = [
    ['line', location.line],
    ['endLine', endLine],
  ];
  if (endLine === location.line && location.column !== null) {
    properties.push(['col', location.column]);
    if (location.endColumn !== null) properties.push(['endColumn', location.endColumn]);
  }
  return properties;
}

/** The annotation of one finding. */
export function findingAnnotation(result: FileResult, finding: Finding): string {
  const properties = [...fileProperty(result), ...placeProperties(finding), ['title', finding.ruleId] as const];
  return command(COMMANDS[finding.severity], properties, findingText(finding, '\n'));
}

/** One file's annotations, a line each: its findings, or the reason it could not be read. */
export function formatGithubFile(result: FileResult): string {
  if (result.error) return `${command('error', fileProperty(result), result.error.message)}\n`;
  return result.findings.map((finding) => `${findingAnnotation(result, finding)}\n`).join('');
}

/** The last line: the findings of every file by severity, as the terminal report says it. */
export function formatGithubTotals(summary: Summary, unreadable: number): string {
  return formatStylishTotals(summary, unreadable, { colorLevel: 0 });
}

/** The GitHub Actions annotations as a string. */
export function formatGithub(results: readonly FileResult[]): string {
  const unreadable = results.filter((result) => result.error !== null).length;
  return [...results.map(formatGithubFile), formatGithubTotals(summarise(results), unreadable)].join('');
}
