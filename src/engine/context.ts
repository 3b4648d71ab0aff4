/**
 * Where a match sits: inside a quotation, or in a sentence that is an equality statement, a
 * positive-action welcome or a staff network. Inclusive-language rules leave such matches alone,
 * so “we welcome applications from young carers” and “our Black, Asian and minority ethnic staff
 * network” are never flagged.
 */
import type { Block, DocModel } from '../document/model.js';
import type { TextAnalysis } from './analysis.js';
import { readDataFile } from './data-files.js';

/** The contexts a pack rule can skip. */
export type SkipContext = 'equality-statement' | 'quotation';

/** Every context name. */
export const SKIP_CONTEXTS: readonly SkipContext[] = ['equality-statement', 'quotation'];

let equality: readonly RegExp[] | null = null;

function equalityPatterns(): readonly RegExp[] {
  if (!equality) {
    const data = readDataFile('contexts.yml') as Record<string, string[]>;
    equality = (data['equality-statement'] ?? []).map((source) => new RegExp(source, 'iu'));
  }
  return equality;
}

/** The sentence of `block` around `[start, end)`. */
export function sentenceAround(analysis: TextAnalysis, block: Block, start: number, end: number): string {
  const sentence = analysis.of(block).sentences.find((s) => s.start <= start && end <= s.end);
  return sentence?.text ?? block.text;
}

/** True when the sentence is an equality statement, a welcome or a staff network. */
export function isEqualityStatement(sentence: string): boolean {
  return equalityPatterns().some((pattern) => pattern.test(sentence));
}

/** True when `[start, end)` is inside a quotation: a blockquote, or between double quotation marks. */
export function isQuoted(block: Block, start: number, end: number): boolean {
  if (block.quoted) return true;
  const before = block.text.slice(0, start);
  const after = block.text.slice(end);
  const curly = before.lastIndexOf('“') > before.lastIndexOf('”') && after.includes('”');
  const straight = (before.match(/"/g)?.length ?? 0) % 2 === 1 && after.includes('"');
  return curly || straight;
}

const ESSENTIAL = /\b(?:essential|must|required|requirement|you\s+will\s+need\s+to\s+be)\b/iu;

/**
 * True when a match is an essential criterion: under an “Essential” heading, in a sentence that
 * says it is essential or a must, or in a table row marked “Essential” (a person specification).
 */
export function isEssentialCriterion(doc: DocModel, block: Block, sentence: string): boolean {
  if (block.section.some((heading) => /\bessential\b/iu.test(heading))) return true;
  if (ESSENTIAL.test(sentence)) return true;
  const cell = block.cell;
  if (!cell) return false;
  return doc.blocks.some(
    (other) => other.cell?.table === cell.table && other.cell.row === cell.row && /^\s*essential\s*$/iu.test(other.text),
  );
}
