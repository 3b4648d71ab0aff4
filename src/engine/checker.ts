/** A checker: the compiled rules and normalised options, and checking a loaded document with them. */
import type { DocModel } from '../document/model.js';
import type { DocType } from './doc-type.js';
import { runRules, type DocumentResult } from './engine.js';
import { normaliseOptions, type CheckOptions, type CheckOptionsInput } from './options.js';
import type { Rule, RuleData } from './rule.js';
import { buildScorecard } from './scorecard.js';
import type { FileError, FileResult, Finding, Format } from '../types.js';

/** A configured set of rules and options, built once and used for many documents. */
export interface Checker {
  readonly rules: readonly Rule[];
  readonly options: CheckOptions;
  /** The data files the rules use (`rules/data/*.yml`), by name. */
  readonly data: RuleData;
}

/** The same rules with other options (no need to compile them again). */
export function withOptions(checker: Checker, options: CheckOptionsInput): Checker {
  return { rules: checker.rules, options: normaliseOptions(options), data: checker.data };
}

/** Check a loaded document; `docType` overrides the checker's (a config's `types` for this file). */
export function checkDocument(doc: DocModel, checker: Checker, docType?: DocType): DocumentResult {
  return runRules(doc, checker.rules, docType ? { ...checker.options, docType, docTypeReason: 'the config’s `types` say so for this file' } : checker.options, checker.data);
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
    ...(result.notes.length > 0 ? { notes: result.notes } : {}),
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
