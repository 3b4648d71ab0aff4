/**
 * Checking without I/O: text in, findings and metrics out. The tests and the API come through
 * here; the command line uses the checker directly, so it loads parsers only when it needs them.
 */
import { checkDocument, type Checker } from './engine/checker.js';
import type { DocumentResult } from './engine/engine.js';
import { parseText, type TextFormat } from './load/parse.js';

export { checkDocument, type Checker } from './engine/checker.js';
export { createChecker, type CheckerInput } from './ruleset.js';

/** Check text of a text-based format (Markdown, plain text or HTML). */
export function checkText(text: string, format: TextFormat, checker: Checker): DocumentResult {
  return checkDocument(parseText(text, format), checker);
}
