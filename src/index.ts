/** recruit-check's public API: check recruitment documents from code. */
export { checkDocument, checkText, createChecker, type Checker, type CheckerInput } from './check.js';
export type { Block, BlockKind, DocModel, SourceMap } from './document/model.js';
export type { CheckOptions, CheckOptionsInput, Profile } from './engine/options.js';
export type { Report, Rule, RuleContext, RuleMeta } from './engine/rule.js';
export { loadBuffer, loadFile, type LoadResult } from './load/read.js';
export { annotateDocx, AnnotateError, type AnnotatedDocx, type AnnotateOptions } from './annotate/docx-comments.js';
export { applyBaseline, readBaseline, type Baseline } from './baseline.js';
export { ConfigError, ConfigFinder, readConfigFile, type Config } from './config/config.js';
export { applyEdits, fixEdits, type FixEdit } from './fix.js';
export { parseText } from './load/parse.js';
export { formatReport, exitCode, summarise, type ReportFormat } from './report/index.js';
export * from './types.js';
