/** A checker: the compiled rules and normalised options, and checking a loaded document with them. */
import type { DocModel } from '../document/model.js';
import type { DocType } from './doc-type.js';
import { runRules, type DocumentResult } from './engine.js';
import { normaliseOptions, type CheckOptions, type CheckOptionsInput } from './options.js';
import { allRules } from './registry.js';
import type { Rule } from './rule.js';
import { buildScorecard } from './scorecard.js';
import type { FileError, FileResult, Finding, Format } from '../types.js';

/** A configured set of rules and options, built once and used for many documents. */
export interface Checker {
  readonly rules: readonly Rule[];
  readonly options: CheckOptions;
}

/** Options for `createChecker`. */
export interface CheckerInput {
  readonly options?: CheckOptionsInput;
  /** Extra rule packs (YAML files) to load after the bundled ones. */
  readonly packs?: readonly string[];
  /** Run only these rule ids (for tests and focused checks). */
  readonly only?: readonly string[];
}

/** Build a checker: load and compile the rules, normalise the options. */
export function createChecker(input: CheckerInput = {}): Checker {
  let rules = allRules(input.packs ?? []);
  if (input.only) {
    const wanted = new Set(input.only);
    const unknown = [...wanted].filter((id) => !rules.some((rule) => rule.meta.id === id));
    if (unknown.length > 0) throw new Error(`unknown rule id: ${unknown.join(', ')}`);
    rules = rules.filter((rule) => wanted.has(rule.meta.id));
  }
  return { rules, options: normaliseOptions(input.options) };
}

/** The same rules with other options (no need to compile them again). */
export function withOptions(checker: Checker, options: CheckOptionsInput): Checker {
  return { rules: checker.rules, options: normaliseOptions(options) };
}

/** Check a loaded document; `docType` overrides the checker's (a config's `types` for this file). */
export function checkDocument(doc: DocModel, checker: Checker, docType?: DocType): DocumentResult {
  return runRules(doc, checker.rules, docType ? { ...checker.options, docType, docTypeReason: 'the config’s `types` say so for this file' } : checker.options);
}

/** The result for a file that was checked. */
export function checkedFile(path: string, format: Format, result: DocumentResult): FileResult {
  return {
    path,
    format,
    type: result.docType,
    typeReason: result.docTypeReason,
    error: null,
    findings: result.findings,
    metrics: result.metrics,
    scorecard: buildScorecard(result.findings, result.topics),
    suppressed: result.suppressed,
    ...(result.text ? { text: result.text } : {}),
  };
}

/**
 * The result with only the findings `keep` accepts (for --quiet, the baseline); the highlights of
 * its text follow the findings kept.
 */
export function keepFindings(result: FileResult, keep: (finding: Finding, index: number) => boolean): FileResult {
  const kept = new Map<number, number>();
  const findings = result.findings.filter((finding, index) => {
    if (!keep(finding, index)) return false;
    kept.set(index, kept.size);
    return true;
  });
  if (!result.text) return { ...result, findings };
  const highlights = result.text.highlights.flatMap((highlight) => {
    const finding = kept.get(highlight.finding);
    return finding === undefined ? [] : [{ ...highlight, finding }];
  });
  return { ...result, findings, text: { blocks: result.text.blocks, highlights } };
}

/** The result for a file that could not be checked. */
export function failedFile(path: string, format: Format | null, error: FileError): FileResult {
  return { path, format, type: null, error, findings: [], metrics: null, scorecard: null, suppressed: [] };
}
