/** Shared test helpers: check text with chosen rules and compare findings as compact strings. */
import { describe, expect, it } from 'vitest';
import { checkText, createChecker, type Checker } from '../src/check.js';
import type { CheckOptionsInput } from '../src/engine/options.js';
import type { Finding, Format } from '../src/types.js';

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

/** The flagged texts of `text`'s findings, for the given rules. */
export function flagged(text: string, input: CheckInput): (string | null)[] {
  return check(text, input).map((finding) => finding.actual);
}

/** One case of a rule's table: text that must be flagged, and the exact texts flagged. */
export interface InvalidCase {
  readonly text: string;
  /** The `actual` of every finding, in order. */
  readonly flagged: readonly string[];
  /** Optional: the first finding's suggestions. */
  readonly suggestions?: readonly string[];
  /** Optional: the first finding's severity. */
  readonly severity?: Finding['severity'];
  /** Optional: the first finding's message. */
  readonly message?: string;
  readonly options?: CheckOptionsInput;
  readonly format?: Format;
}

/** One case of a rule's table that must pass clean. */
export type ValidCase = string | { readonly text: string; readonly options?: CheckOptionsInput; readonly format?: Format };

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
          expect(found.map((finding) => finding.actual ?? '(document)')).toEqual(entry.flagged);
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
