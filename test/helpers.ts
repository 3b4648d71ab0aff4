/** Shared test helpers: check text with chosen rules and compare findings as compact strings. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument, checkText, createChecker, type Checker } from '../src/check.js';
import { loadFile } from '../src/load/read.js';
import type { TextFormat } from '../src/load/parse.js';
import type { CheckOptionsInput } from '../src/engine/options.js';
import type { Finding } from '../src/types.js';

type Format = TextFormat;

const checkers = new Map<string, Checker>();

function checkerFor(rules: readonly string[], options: CheckOptionsInput = {}): Checker {
  const key = JSON.stringify([rules, options]);
  let checker = checkers.get(key);
  if (!checker) {
    checker = createChecker({ only: rules, options });
    checkers.set(key, checker);
  }
  return checker;
}

/** Options for `check`. */
export interface CheckInput {
  readonly rules: readonly string[];
  readonly format?: Format;
  readonly options?: CheckOptionsInput;
}

/** The findings for `text`, with only the given rules. */
export function check(text: string, input: CheckInput): Finding[] {
  return checkText(text, input.format ?? 'markdown', checkerFor(input.rules, input.options)).findings;
}

/** A finding as one line: `line:column-endLine:endColumn severity ruleId message`. */
export function compact(finding: Finding): string {
  const where = finding.location
    ? `${finding.location.line}:${finding.location.column}-${finding.location.endLine}:${finding.location.endColumn}`
    : 'document';
  return `${where} ${finding.severity} ${finding.ruleId} ${finding.message}`;
}

/** Where a finding is, compactly: `line:column-endLine:endColumn` in a text format, `¶12` or `page 2` otherwise, `document` for the whole document. */
function span(finding: Finding): string {
  const location = finding.location;
  if (!location) return 'document';
  if (location.line !== null && location.column !== null && location.page === null) {
    return `${location.line}:${location.column}-${location.endLine ?? location.line}:${location.endColumn ?? location.column}`;
  }
  return whereOf(finding);
}

/**
 * A finding as a rule table expects it, the way retext's and ESLint's RuleTester tables do: where
 * it is, its severity, its rule and its message id — `1:17-1:20 warning
 * plain-language/acronym-not-expanded notExpanded`, `document error required-content/missing-pay missing`.
 */
export function compactId(finding: Finding): string {
  return `${span(finding)} ${finding.severity} ${finding.ruleId} ${finding.messageId ?? '(no message id)'}`;
}

/** The flagged texts of `text`'s findings, for the given rules. */
export function flagged(text: string, input: CheckInput): (string | null)[] {
  return check(text, input).map((finding) => finding.actual);
}

/** What every invalid case may say, besides the findings it expects. */
interface InvalidCaseBase {
  readonly text: string;
  /** Optional: the first finding's suggestions. */
  readonly suggestions?: readonly string[];
  /** Optional: the first finding's severity. */
  readonly severity?: Finding['severity'];
  /** Optional: the first finding's message. */
  readonly message?: string;
  readonly options?: CheckOptionsInput;
  readonly format?: Format;
}

/**
 * One case of a rule's table: text that must be flagged, and every finding, in order — as compact
 * strings (`expected`, see `compactId`), or as the texts flagged (`flagged`), or both.
 */
export type InvalidCase = InvalidCaseBase &
  (
    | {
        /** Every finding as `compactId` writes it: `3:46-3:53 warning plain-language/simpler-words replace`. */
        readonly expected: readonly string[];
        readonly flagged?: readonly string[];
      }
    | {
        readonly expected?: readonly string[];
        /** The `actual` of every finding, in order (`(document)` for the whole document, `(none)` for an image or table). */
        readonly flagged: readonly string[];
      }
  );

/** One case of a rule's table that must pass clean. */
export type ValidCase = string | { readonly text: string; readonly options?: CheckOptionsInput; readonly format?: Format };

/** A finding as a table shows it: the flagged text, `(document)` for the whole document, `(none)` for an image or table. */
function label(finding: Finding): string {
  return finding.location === null ? '(document)' : (finding.actual ?? '(none)');
}

/** Run a rule's valid/invalid table (ESLint's RuleTester, for recruit-check). */
export function ruleTable(
  ruleId: string,
  table: { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase[] },
): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const entry of table.valid) {
        const text = typeof entry === 'string' ? entry : entry.text;
        const options = typeof entry === 'string' ? undefined : entry.options;
        const format = typeof entry === 'string' ? undefined : entry.format;
        it(`passes: ${text.slice(0, 70)}`, () => {
          const found = check(text, { rules: [ruleId], ...(options ? { options } : {}), ...(format ? { format } : {}) });
          expect(found.map(compact)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const entry of table.invalid) {
        it(`flags: ${entry.text.slice(0, 70)}`, () => {
          const found = check(entry.text, {
            rules: [ruleId],
            ...(entry.options ? { options: entry.options } : {}),
            ...(entry.format ? { format: entry.format } : {}),
          });
          if (entry.expected) expect(found.map(compactId), found.map(compact).join('\n')).toEqual(entry.expected);
          if (entry.flagged) expect(found.map(label)).toEqual(entry.flagged);
          for (const finding of found) expect(finding.ruleId).toBe(ruleId);
          const first = found[0];
          if (entry.suggestions) expect(first?.suggestions).toEqual(entry.suggestions);
          if (entry.severity) expect(first?.severity).toBe(entry.severity);
          if (entry.message) expect(first?.message).toBe(entry.message);
        });
      }
    });
  });
}

/** The findings for a file (any format), with only the given rules. */
export async function checkFile(file: string, input: Omit<CheckInput, 'format'>): Promise<Finding[]> {
  const loaded = await loadFile(new URL(`../${file}`, import.meta.url).pathname, file);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return checkDocument(loaded.doc, checkerFor(input.rules, input.options)).findings;
}

/** One case of a file table: a file that must be flagged, and the exact texts flagged. */
export interface InvalidFileCase {
  readonly file: string;
  /** The `actual` of every finding, in order (`(document)` for document-level findings). */
  readonly flagged: readonly string[];
  /** Optional: where the first finding is, as `¶12`, `page 2 line 5` or `3:7`. */
  readonly where?: string;
  readonly severity?: Finding['severity'];
  readonly options?: CheckOptionsInput;
}

/** Where a finding is, the way the terminal report shows it. */
export function whereOf(finding: Finding): string {
  const location = finding.location;
  if (!location) return 'document';
  if (location.paragraph !== null) return `¶${location.paragraph}`;
  if (location.page !== null) return location.line !== null ? `page ${location.page} line ${location.line}` : `page ${location.page}`;
  return `${location.line}:${location.column}`;
}

/** Run a rule over real files (Word, PDF, HTML…): files that pass, files that are flagged. */
export function fileTable(
  ruleId: string,
  table: { readonly valid: readonly string[]; readonly invalid: readonly InvalidFileCase[] },
): void {
  describe(`${ruleId} (files)`, () => {
    for (const file of table.valid) {
      it(`passes: ${file}`, async () => {
        expect((await checkFile(file, { rules: [ruleId] })).map(compact)).toEqual([]);
      });
    }
    for (const entry of table.invalid) {
      it(`flags: ${entry.file}`, async () => {
        const found = await checkFile(entry.file, { rules: [ruleId], ...(entry.options ? { options: entry.options } : {}) });
        expect(found.map(label)).toEqual(entry.flagged);
        if (entry.where) expect(whereOf(found[0] as Finding)).toBe(entry.where);
        if (entry.severity) expect(found[0]?.severity).toBe(entry.severity);
      });
    }
  });
}

/** Every file under `folder` (and its subfolders) whose name matches `pattern`, in sorted order. */
export function filesUnder(folder: string, pattern: RegExp, found: string[] = []): string[] {
  for (const name of readdirSync(folder).sort()) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) filesUnder(full, pattern, found);
    else if (pattern.test(name)) found.push(full);
  }
  return found;
}
