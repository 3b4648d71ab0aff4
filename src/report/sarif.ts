/**
 * The SARIF 2.1.0 report (`--format sarif`), for GitHub code scanning and other tools that read
 * static-analysis results. One run; `tool.driver.rules` holds every rule the checker ran (so each
 * result's `ruleIndex` is known at once and the report can be written a file at a time), and
 * each finding, reported or suppressed, is one result.
 *
 * Word and PDF files have no lines of text, yet code scanning needs `region.startLine`: their
 * results point at line 1 and say where the finding really is (the paragraph, or the page and
 * its lines) in the message, in a logical location and in `properties`. Files that could not be
 * read become tool notifications, and the run is then not successful.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { anchor } from '../docs/catalogue.js';
import type { RuleMeta } from '../engine/rule.js';
import { packageVersion } from '../paths.js';
import { GROUP_NAMES, type FileResult, type Finding, type Format, type Location, type Severity, type SuppressedFinding, type SuppressionKind } from '../types.js';

/** The project's home page: the tool's `informationUri`. */
export const PROJECT_URI = 'https://github.com/recruit-check/recruit-check';

/** The rules catalogue, where each rule's `helpUri` points. */
export const RULES_CATALOGUE_URI = `${PROJECT_URI}/blob/main/rules/README.md`;

/** The JSON schema the report names in `$schema`. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key of recruit-check's own fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'recruitCheck/v1';

/** The base of relative artifact URIs: the folder recruit-check ran in. */
export const SOURCE_ROOT = '%SRCROOT%';

/** What the SARIF report needs besides the results. */
export interface SarifOptions {
  /** Metadata of every rule the checker ran, by id: these become `tool.driver.rules`. */
  readonly rules: ReadonlyMap<string, RuleMeta>;
  /** recruit-check's version; read from its package.json when not given. */
  readonly toolVersion?: string;
}

/** SARIF result levels. */
export type SarifLevel = 'error' | 'warning' | 'note';

/** The SARIF level of a severity: `info` is a `note`. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

/** A rule's friendly name: the part of its id after `/`, in PascalCase (`RecruitmentJargon`). */
export function ruleName(id: string): string {
  const name = id.slice(id.indexOf('/') + 1);
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`)
    .join('');
}

/** Where a rule is explained in the rules catalogue. */
export function ruleHelpUri(id: string): string {
  return `${RULES_CATALOGUE_URI}#${anchor(id)}`;
}

/**
 * The URI of a file as given on the command line: an absolute path as a `file://` URI, a
 * relative one as a relative reference with forward slashes and each segment percent-encoded.
 */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  const separator = path.sep === '\\' ? /[\\/]/ : /\//;
  const segments = file.split(separator).filter((segment, index) => !(segment === '.' && index === 0) && segment !== '');
  return segments.map(encodeURIComponent).join('/');
}

/** An artifact location: `uri`, and `%SRCROOT%` as its base when it is relative. */
export function artifactLocation(file: string): { readonly uri: string; readonly uriBaseId?: string } {
  const uri = artifactUri(file);
  return path.isAbsolute(file) || file === '-' ? { uri } : { uri, uriBaseId: SOURCE_ROOT };
}

/**
 * Where a finding is, in words: `paragraph 12 · “About the role”`, `page 2, lines 5–6`, `line 3,
 * column 7`, or `the whole document`.
 */
export function placeText(location: Location | null): string {
  if (location === null) return 'the whole document';
  const section = location.section ? ` · “${location.section}”` : '';
  if (location.paragraph !== null) return `paragraph ${location.paragraph}${section}`;
  if (location.page !== null) return `page ${location.page}${pageLines(location)}${section}`;
  if (location.line !== null) return `line ${location.line}${location.column !== null ? `, column ${location.column}` : ''}${section}`;
  return `the whole document${section}`;
}

function pageLines(location: Location): string {
  if (location.line === null) return '';
  if (location.endLine === null || location.endLine === location.line) return `, line ${location.line}`;
  return `, lines ${location.line}–${location.endLine}`;
}

/** True when a finding's location is a line of the file itself (Markdown, text, HTML). */
export function hasFileLine(location: Location | null): location is Location & { readonly line: number } {
  return location !== null && location.page === null && location.paragraph === null && location.line !== null;
}

/**
 * True when `message` gives the fix `text` already (in any case), or the fix is empty: in quotation
 * marks, or as words of its own when the fix is a phrase of three words or more (one word could
 * be there by chance).
 */
function saysAlready(message: string, text: string): boolean {
  const fix = text.trim().toLowerCase();
  const lower = message.toLowerCase();
  if (fix === '' || lower.includes(`“${fix}”`)) return true;
  if (fix.split(/\s+/).length < 3) return false;
  const escaped = fix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(lower);
}

/**
 * A finding's message with its fixes (those the message does not already give) and, when it has
 * no line in the file, where it is: sentences joined by `separator`.
 */
export function findingText(finding: Finding, separator = ' '): string {
  const parts = [finding.message];
  const fixes = finding.suggestions.filter((suggestion) => !saysAlready(finding.message, suggestion));
  const quoted = fixes.map((suggestion) => `“${suggestion}”`).join(' / ');
  if (fixes.length > 0) parts.push(`${fixes.length === 1 ? 'Suggestion' : 'Suggestions'}: ${quoted}${/[.!?]$/.test(fixes.at(-1) ?? '') ? '' : '.'}`);
  if (!hasFileLine(finding.location)) parts.push(`Where: ${placeText(finding.location)}.`);
  return parts.join(separator);
}

/*
 * Rule descriptors.
 */

function helpText(meta: RuleMeta): string {
  const sources = meta.sources.length > 0 ? [`Sources: ${meta.sources.join('; ')}`] : [];
  return [meta.note, `Co-created solution: ${meta.seed}`, `How to fix: ${meta.fix}`, ...sources, `More: ${ruleHelpUri(meta.id)}`].join('\n\n');
}

function helpMarkdown(meta: RuleMeta): string {
  const sources = meta.sources.length > 0 ? ['**Sources:**', meta.sources.map((source) => `- ${source}`).join('\n')] : [];
  return [
    meta.note,
    `**Co-created solution:** ${meta.seed}`,
    `**How to fix:** ${meta.fix}`,
    `**Who it helps:** ${meta.groups.map((group) => GROUP_NAMES[group]).join('; ')}`,
    ...sources,
    `[${meta.id} in the rules catalogue](${ruleHelpUri(meta.id)})`,
  ].join('\n\n');
}

/** The SARIF `reportingDescriptor` of a rule. */
export function ruleDescriptor(meta: RuleMeta): object {
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.note },
    help: { text: helpText(meta), markdown: helpMarkdown(meta) },
    helpUri: ruleHelpUri(meta.id),
    defaultConfiguration: { level: sarifLevel(meta.severity) },
    properties: { category: meta.category, pillar: meta.pillar, groups: meta.groups, tags: [meta.category, meta.pillar, ...meta.groups] },
  };
}

function toolObject(options: SarifOptions): object {
  const version = options.toolVersion ?? packageVersion();
  return {
    driver: {
      name: 'recruit-check',
      version,
      semanticVersion: version,
      informationUri: PROJECT_URI,
      rules: [...options.rules.values()].map(ruleDescriptor),
    },
  };
}

/*
 * Results.
 */

/** A finding of a file, reported or suppressed. */
interface Entry {
  readonly finding: Finding;
  readonly suppression: SuppressedFinding | null;
}

/** A sort key that puts locations in document order, with the whole document last. */
function position(location: Location | null): readonly number[] {
  if (location === null) return [Number.MAX_SAFE_INTEGER, 0, 0, 0];
  const key = (value: number | null): number => value ?? 0;
  return [key(location.page), key(location.paragraph), key(location.line), key(location.column)];
}

function compareLocations(a: Location | null, b: Location | null): number {
  const [left, right] = [position(a), position(b)];
  for (const [index, value] of left.entries()) {
    const difference = value - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A file's findings, in the report's order, then its suppressed findings. */
function entriesOf(result: FileResult): Entry[] {
  return [
    ...result.findings.map((finding) => ({ finding, suppression: null })),
    ...result.suppressed.map((suppression) => ({ finding: suppression.finding, suppression })),
  ];
}

/** The flagged text with its white space made single spaces, so reflowing a paragraph keeps it. */
function normalisedActual(finding: Finding): string {
  return finding.actual === null ? '' : finding.actual.replace(/\s+/g, ' ').trim();
}

/**
 * A fingerprint for each finding (in the order given): the SHA-256 of the rule, the file, the
 * flagged text and how many times the same rule flagged the same text before it in the document.
 * Lines added or moved elsewhere leave it alone, and so does suppressing another finding: the
 * findings are counted in document order, reported and suppressed together.
 */
export function fingerprints(uri: string, findings: readonly Finding[]): string[] {
  const order = findings.map((finding, index) => ({ finding, index })).sort((a, b) => compareLocations(a.finding.location, b.finding.location));
  const seen = new Map<string, number>();
  const prints: string[] = new Array<string>(findings.length).fill('');
  for (const { finding, index } of order) {
    const actual = normalisedActual(finding);
    const key = JSON.stringify([finding.ruleId, actual]);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    prints[index] = createHash('sha256').update(JSON.stringify([finding.ruleId, uri, actual, occurrence])).digest('hex');
  }
  return prints;
}

function region(location: Location | null): object {
  if (!hasFileLine(location)) return { startLine: 1 };
  const endLine = location.endLine ?? location.line;
  return {
    startLine: location.line,
    ...(location.column !== null ? { startColumn: location.column } : {}),
    endLine,
    ...(location.column !== null && location.endColumn !== null ? { endColumn: location.endColumn } : {}),
  };
}

function logicalKind(location: Location | null): string {
  if (location === null) return 'document';
  if (location.paragraph !== null) return 'paragraph';
  if (location.page !== null) return 'page';
  return 'section';
}

function logicalLocations(location: Location | null): object[] {
  if (hasFileLine(location)) return location.section ? [{ name: location.section, kind: 'section' }] : [];
  return [{ name: placeText(location), kind: logicalKind(location) }];
}

/** What SARIF has no field for: the finding's pillar, groups, text, section, page or paragraph. */
function resultProperties(finding: Finding): object {
  const location = finding.location;
  const pdfLine = location !== null && location.page !== null && location.line !== null;
  return {
    category: finding.category,
    pillar: finding.pillar,
    groups: finding.groups,
    ...(finding.actual !== null ? { actual: finding.actual } : {}),
    where: placeText(location),
    ...(location?.section ? { section: location.section } : {}),
    ...(location !== null && location.paragraph !== null ? { paragraph: location.paragraph } : {}),
    ...(location !== null && location.page !== null ? { page: location.page } : {}),
    ...(pdfLine ? { pageLine: location.line, pageEndLine: location.endLine ?? location.line } : {}),
    ...(finding.fix ? { safeFix: true } : {}),
    ...(finding.parts ? { parts: finding.parts.map((part) => part.ruleId) } : {}),
  };
}

const SUPPRESSION_KINDS: Readonly<Record<SuppressionKind, 'inSource' | 'external'>> = {
  inline: 'inSource',
  'allow-list': 'external',
  baseline: 'external',
};

function suppressions(suppression: SuppressedFinding): object[] {
  return [{ kind: SUPPRESSION_KINDS[suppression.kind], status: 'accepted', justification: suppression.reason }];
}

/** Where a result is: the artifact (by its index in `artifacts`) and the region. */
interface ArtifactRef {
  readonly file: string;
  readonly index: number;
}

function resultObject(entry: Entry, fingerprint: string, artifact: ArtifactRef, ruleIndex: number | undefined): object {
  const { finding } = entry;
  const logical = logicalLocations(finding.location);
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: sarifLevel(finding.severity),
    message: { text: findingText(finding) },
    locations: [
      {
        physicalLocation: { artifactLocation: { ...artifactLocation(artifact.file), index: artifact.index }, region: region(finding.location) },
        ...(logical.length > 0 ? { logicalLocations: logical } : {}),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(entry.suppression ? { suppressions: suppressions(entry.suppression) } : {}),
    properties: resultProperties(finding),
  };
}

/*
 * Artifacts and notifications.
 */

const MIME_TYPES: Readonly<Record<Format, string>> = {
  markdown: 'text/markdown',
  text: 'text/plain',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

function artifactObject(result: FileResult): object {
  return {
    location: artifactLocation(result.path),
    ...(result.path === '-' ? { description: { text: 'standard input' } } : {}),
    ...(result.format ? { mimeType: MIME_TYPES[result.format] } : {}),
    roles: ['analysisTarget'],
  };
}

function notificationObject(result: FileResult, artifact: ArtifactRef): object | null {
  if (result.error === null) return null;
  return {
    level: 'error',
    message: { text: result.error.message },
    descriptor: { id: result.error.code },
    locations: [{ physicalLocation: { artifactLocation: { ...artifactLocation(artifact.file), index: artifact.index } } }],
  };
}

/*
 * The report, a file at a time.
 */

/** Pretty-printed JSON of `value`, its lines after the first indented by `indent` spaces. */
function nested(value: unknown, indent: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(indent)}`);
}

/** Writes the SARIF report in pieces that join to the whole document. */
export interface SarifWriter {
  /** The start of the document, up to the results. */
  head(): string;
  /** The results of one file. */
  file(result: FileResult): string;
  /** The end of the document: the artifacts and the invocation. */
  end(): string;
}

/**
 * A writer of the SARIF report. It keeps only an artifact per file and a notification per file
 * that could not be read; results are written as their file arrives.
 */
export function sarifWriter(options: SarifOptions): SarifWriter {
  const ruleIndex = new Map([...options.rules.keys()].map((id, index) => [id, index]));
  const artifacts: object[] = [];
  const artifactIndex = new Map<string, number>();
  const notifications: object[] = [];
  let results = 0;

  const artifactFor = (result: FileResult): ArtifactRef => {
    const uri = artifactUri(result.path);
    let index = artifactIndex.get(uri);
    if (index === undefined) {
      index = artifacts.length;
      artifacts.push(artifactObject(result));
      artifactIndex.set(uri, index);
    }
    return { file: result.path, index };
  };

  return {
    head() {
      return [
        '{',
        `  "$schema": ${JSON.stringify(SARIF_SCHEMA)},`,
        '  "version": "2.1.0",',
        '  "runs": [',
        '    {',
        `      "tool": ${nested(toolObject(options), 6)},`,
        '      "columnKind": "utf16CodeUnits",',
        '      "results": [',
      ].join('\n');
    },
    file(result) {
      const artifact = artifactFor(result);
      const notification = notificationObject(result, artifact);
      if (notification) notifications.push(notification);
      const entries = entriesOf(result);
      const prints = fingerprints(artifactUri(result.path), entries.map((entry) => entry.finding));
      let text = '';
      entries.forEach((entry, index) => {
        const object = resultObject(entry, prints[index] ?? '', artifact, ruleIndex.get(entry.finding.ruleId));
        text += `${results === 0 ? '' : ','}\n        ${nested(object, 8)}`;
        results++;
      });
      return text;
    },
    end() {
      const invocation = { executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications };
      return [
        `${results > 0 ? '\n      ]' : ']'},`,
        `      "artifacts": ${nested(artifacts, 6)},`,
        `      "invocations": ${nested([invocation], 6)}`,
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n');
    },
  };
}

/** The SARIF report as a string. */
export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  const writer = sarifWriter(options);
  return [writer.head(), ...results.map((result) => writer.file(result)), writer.end()].join('');
}
