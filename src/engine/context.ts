/**
 * Where a match sits: inside a quotation, or in a sentence that is an equality statement, a
 * positive-action welcome or a staff network. Inclusive-language rules leave such matches alone,
 * so “we welcome applications from young carers” and “our Black, Asian and minority ethnic staff
 * network” are never flagged.
 */
import type { Block, DocModel } from '../document/model.js';
import type { TextAnalysis } from './analysis.js';
import type { RuleData } from './rule.js';

/** The contexts a pack rule can skip. */
export type SkipContext = 'equality-statement' | 'quotation' | 'name';

/** Every context name. */
export const SKIP_CONTEXTS: readonly SkipContext[] = ['equality-statement', 'quotation', 'name'];

const equality = new WeakMap<RuleData, readonly RegExp[]>();

/** The equality-statement patterns of the data file `contexts.yml` (compiled once per set of data). */
function equalityPatterns(data: RuleData): readonly RegExp[] {
  let patterns = equality.get(data);
  if (!patterns) {
    const contexts = (data['contexts.yml'] ?? {}) as Record<string, string[]>;
    patterns = (contexts['equality-statement'] ?? []).map((source) => new RegExp(source, 'iu'));
    equality.set(data, patterns);
  }
  return patterns;
}

/** The sentence of `block` around `[start, end)`. */
export function sentenceAround(analysis: TextAnalysis, block: Block, start: number, end: number): string {
  const sentence = analysis.of(block).sentences.find((s) => s.start <= start && end <= s.end);
  return sentence?.text ?? block.text;
}

/** True when the sentence is an equality statement, a welcome or a staff network. */
export function isEqualityStatement(sentence: string, data: RuleData): boolean {
  return equalityPatterns(data).some((pattern) => pattern.test(sentence));
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

/** A word of a name: “Young”, “Lives”, “King's”, “St”. */
const NAME_WORD = /^(?:\p{Lu}\p{Ll}+(?:['’]s)?|St|Dr|\p{Lu}{2,}|\p{Lu}\p{Ll}*['’]\p{Lu}?\p{Ll}+)$/u;
/** Little words inside names: “Young Lives vs Cancer”, “Royal College of Nursing”. */
const NAME_JOINER = /^(?:of|and|the|for|vs|v|on|in|&|de|la|upon)$/u;

/**
 * True when `[start, end)` is inside a name — a run of capitalised words such as “Young Lives vs
 * Cancer”, “Fit In Together club”, “Queen Mary's Hospital” — so inclusive-language rules do not
 * read a charity's, a hospital's or a club's name as a requirement. Every word of the match must be
 * capitalised, and the run must have at least one more capitalised word. Blocks in title case
 * (“Join Our Young And Dynamic Team”) are not read as names.
 */
export function isInName(block: Block, start: number, end: number): boolean {
  const text = block.text;
  const words = [...text.matchAll(/[\p{L}\p{N}'’&]+/gu)].map((match) => {
    const word = match[0];
    const capitalised = NAME_WORD.test(word);
    // What counts towards a name: capitalised words that are not capitalised anyway (the first
    // word of a sentence) and not acronyms (“UK degree”, “NHS experience”).
    const counts = capitalised && !/^\p{Lu}{2,}$/u.test(word) && !/(?:^|[.!?:;\n])\s*$/u.test(text.slice(0, match.index));
    return { start: match.index, end: match.index + word.length, capitalised, joiner: NAME_JOINER.test(word), counts };
  });
  const first = words.findIndex((word) => word.start < end && word.end > start);
  const last = words.findLastIndex((word) => word.start < end && word.end > start);
  if (first < 0 || !words.slice(first, last + 1).every((word) => word.capitalised || word.joiner)) return false;
  if (words.length >= 2 && words.filter((word) => word.capitalised).length / words.length > 0.75) return false;
  let run = words.slice(first, last + 1).filter((word) => word.counts).length;
  // Grow the run outwards through capitalised words and joiners, never across punctuation.
  for (const step of [1, -1] as const) {
    for (let index = step === 1 ? last + 1 : first - 1; run < 2 && index >= 0 && index < words.length; index += step) {
      const word = words[index];
      const neighbour = words[index - step];
      if (!word || !neighbour || /[.,;:!?()\n]/.test(step === 1 ? text.slice(neighbour.end, word.start) : text.slice(word.end, neighbour.start))) break;
      if (word.counts) run++;
      else if (!word.joiner) break;
    }
  }
  return run >= 2;
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
