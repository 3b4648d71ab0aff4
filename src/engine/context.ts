/**
 * Where a match sits: inside a quotation, or in a sentence that is an equality statement, a
 * positive-action welcome or a staff network. Inclusive-language rules leave such matches alone,
 * so “we welcome applications from young carers” and “our Black, Asian and minority ethnic staff
 * network” are never flagged.
 *
 * Everything here is worked out once per block or per sentence and kept, not once per match: a
 * block of one 10,000-word sentence may have thousands of matches, and looking at the whole
 * sentence again for each would take time that grows with the square of its length.
 */
import type { Block, DocModel } from '../document/model.js';
import { firstIndex, type Sentence, type TextAnalysis } from './analysis.js';
import type { RuleData } from './rule.js';
import { foldCase, gatedByLiterals, type TextTest } from './scanner.js';

/** The contexts a pack rule can skip. */
export type SkipContext = 'equality-statement' | 'quotation' | 'name';

/** Every context name. */
export const SKIP_CONTEXTS: readonly SkipContext[] = ['equality-statement', 'quotation', 'name'];

/** A test of a sentence (and of it folded by `foldCase`): true when the pattern matches somewhere in it. */
type SentenceTest = TextTest;

const equality = new WeakMap<RuleData, readonly SentenceTest[]>();

/** `[^.]*` at the top level of a pattern, between two parts. */
const WITHIN_SENTENCE = '[^.]*';

/** A test for `source` (case-insensitive), which runs the expression only on sentences that have text it needs. */
function sentenceTest(source: string): SentenceTest {
  return gatedByLiterals(source, true, expressionTest(source));
}

/**
 * A test for `source` (case-insensitive). A pattern `A[^.]*B` — A, then B later with no full stop
 * between — is tested in one pass: as one expression it tries every A again against the rest of
 * the text (“welcome welcome welcome …”), which takes time that grows with the square of the
 * sentence. The matches are the same: B must follow the earliest A of a stretch of text without a
 * full stop, and the first B after it is the one to look at.
 */
function expressionTest(source: string): SentenceTest {
  const parts = splitWithinSentence(source);
  if (!parts) {
    const pattern = new RegExp(source, 'iu');
    return (text) => pattern.test(text);
  }
  const first = new RegExp(parts[0], 'giu');
  const second = new RegExp(parts[1], 'giu');
  return (text) => {
    let from = 0;
    // The earliest B at or after some place, remembered: the next A may be before it still.
    let b: { at: number; from: number } | null = null;
    while (from <= text.length) {
      first.lastIndex = from;
      const a = first.exec(text);
      if (!a) return false;
      const afterA = a.index + a[0].length;
      if (!b || b.from > afterA || b.at < afterA) {
        second.lastIndex = afterA;
        const found = second.exec(text);
        if (!found) return false;
        b = { at: found.index, from: afterA };
      }
      const stop = text.indexOf('.', afterA);
      if (stop < 0 || b.at < stop) return true;
      // B is past the full stop: look for an A after it.
      from = stop + 1;
      if (a[0] === '' && from <= a.index) from = a.index + 1;
    }
    return false;
  };
}

/** `[A, B]` when `source` is `A[^.]*B` with `[^.]*` once, outside any group or class, and no top-level “|”; else null. */
function splitWithinSentence(source: string): [string, string] | null {
  let depth = 0;
  let inClass = false;
  let split = -1;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (depth === 0 && source.startsWith(WITHIN_SENTENCE, index)) {
      if (split >= 0) return null;
      split = index;
      index += WITHIN_SENTENCE.length - 1;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return null;
  }
  if (split <= 0 || split + WITHIN_SENTENCE.length >= source.length) return null;
  const before = source.slice(0, split);
  const after = source.slice(split + WITHIN_SENTENCE.length);
  // A quantifier on `[^.]*` itself (`[^.]*?`, `[^.]*+`) is some other pattern.
  if (/^[?+*{]/.test(after)) return null;
  return [before, after];
}

/** The equality-statement patterns of the data file `contexts.yml` (compiled once per set of data). */
function equalityTests(data: RuleData): readonly SentenceTest[] {
  let tests = equality.get(data);
  if (!tests) {
    const contexts = (data['contexts.yml'] ?? {}) as Record<string, string[]>;
    tests = (contexts['equality-statement'] ?? []).map(sentenceTest);
    equality.set(data, tests);
  }
  return tests;
}

/** The sentence of `block` around `[start, end)`. */
export function sentenceAround(analysis: TextAnalysis, block: Block, start: number, end: number): string {
  return analysis.sentenceAround(block, start, end)?.text ?? block.text;
}

/** True when the sentence is an equality statement, a welcome or a staff network. */
export function isEqualityStatement(sentence: string, data: RuleData): boolean {
  const folded = foldCase(sentence);
  return equalityTests(data).some((test) => test(sentence, folded));
}

/** Verdicts kept per sentence (or per block, for a match that is not inside one sentence). */
class Verdicts {
  private readonly kept = new WeakMap<object, boolean>();

  get(holder: object, work: () => boolean): boolean {
    let verdict = this.kept.get(holder);
    if (verdict === undefined) {
      verdict = work();
      this.kept.set(holder, verdict);
    }
    return verdict;
  }
}

const equalityVerdicts = new WeakMap<RuleData, Verdicts>();
const essentialVerdicts = new Verdicts();

/** The sentence of `block` that holds `[start, end)`, or the block when no one sentence does. */
function holderOf(analysis: TextAnalysis, block: Block, start: number, end: number): Sentence | Block {
  return analysis.sentenceAround(block, start, end) ?? block;
}

/**
 * True when `[start, end)` of `block` is in an equality statement (see `isEqualityStatement`,
 * applied to `sentenceAround`), worked out once per sentence.
 */
export function isInEqualityStatement(analysis: TextAnalysis, block: Block, start: number, end: number, data: RuleData): boolean {
  let verdicts = equalityVerdicts.get(data);
  if (!verdicts) equalityVerdicts.set(data, (verdicts = new Verdicts()));
  const holder = holderOf(analysis, block, start, end);
  return verdicts.get(holder, () => isEqualityStatement(holder.text, data));
}

/** Where a block's quotation marks are, in order. */
interface QuoteMarks {
  readonly opening: readonly number[];
  readonly closing: readonly number[];
  readonly straight: readonly number[];
}

const quoteMarks = new WeakMap<Block, QuoteMarks>();

function marksOf(block: Block): QuoteMarks {
  let marks = quoteMarks.get(block);
  if (!marks) {
    const opening: number[] = [];
    const closing: number[] = [];
    const straight: number[] = [];
    const text = block.text;
    for (let index = 0; index < text.length; index++) {
      const char = text.charCodeAt(index);
      if (char === 0x201c) opening.push(index);
      else if (char === 0x201d) closing.push(index);
      else if (char === 0x22) straight.push(index);
    }
    marks = { opening, closing, straight };
    quoteMarks.set(block, marks);
  }
  return marks;
}

/** How many of the ordered `offsets` are before `at`. */
function countBefore(offsets: readonly number[], at: number): number {
  return firstIndex(offsets, (offset) => offset >= at);
}

/** True when `[start, end)` is inside a quotation: a blockquote, or between double quotation marks. */
export function isQuoted(block: Block, start: number, end: number): boolean {
  if (block.quoted) return true;
  const { opening, closing, straight } = marksOf(block);
  // The last “ before the match comes after the last ” before it, and a ” follows the match.
  const lastOpening = opening[countBefore(opening, start) - 1] ?? -1;
  const lastClosing = closing[countBefore(closing, start) - 1] ?? -1;
  const curly = lastOpening > lastClosing && (closing.at(-1) ?? -1) >= end;
  // An odd number of " before the match, and one after it.
  const straightBefore = countBefore(straight, start);
  const quoted = straightBefore % 2 === 1 && (straight.at(-1) ?? -1) >= end;
  return curly || quoted;
}

/** A word of a name: “Young”, “Lives”, “King's”, “St”. */
const NAME_WORD = /^(?:\p{Lu}\p{Ll}+(?:['’]s)?|St|Dr|\p{Lu}{2,}|\p{Lu}\p{Ll}*['’]\p{Lu}?\p{Ll}+)$/u;
/** Little words inside names: “Young Lives vs Cancer”, “Royal College of Nursing”. */
const NAME_JOINER = /^(?:of|and|the|for|vs|v|on|in|&|de|la|upon)$/u;
const ACRONYM = /^\p{Lu}{2,}$/u;
/** What ends a run of name words: punctuation or a line break between two words. */
const NAME_BREAK = /[.,;:!?()\n]/;
const SPACE = /\s/;

/** The words of a block, for finding names (see `isInName`), worked out once per block. */
interface NameWords {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Capitalised (“Young”, “NHS”). */
  readonly capitalised: Uint8Array;
  /** A little word that may sit inside a name (“of”, “and”). */
  readonly joiner: Uint8Array;
  /** Capitalised, not an acronym and not the first word of a sentence: it counts towards a name. */
  readonly counts: Uint8Array;
  /** Punctuation or a line break between this word and the one before. */
  readonly breakBefore: Uint8Array;
  /** How many of the words before each index are neither capitalised nor joiners (one more entry than words). */
  readonly ordinaryBefore: Int32Array;
  /** How many of the words before each index count towards a name. */
  readonly countsBefore: Int32Array;
  /** For each index, the first word at or after it that is not a joiner or has a break before it. */
  readonly nextStop: Int32Array;
  /** For each index, the last word at or before it that is not a joiner or has a break after it (-1: none). */
  readonly previousStop: Int32Array;
  /** More than three quarters of the words are capitalised (a title, a cell in Title Case). */
  readonly titleCase: boolean;
}

const nameWords = new WeakMap<Block, NameWords>();

/**
 * True when the text before `at` is only white space, or ends with a sentence's or a line's end
 * and white space: what `/(?:^|[.!?:;\n])\s*$/u` says of `text.slice(0, at)`, without trying it at
 * every place of the text.
 */
function startsSentence(text: string, at: number): boolean {
  let index = at;
  while (index > 0 && SPACE.test(text[index - 1] ?? '')) {
    if (text[index - 1] === '\n') return true;
    index--;
  }
  return index === 0 || '.!?:;'.includes(text[index - 1] ?? '');
}

function nameWordsOf(block: Block): NameWords {
  let words = nameWords.get(block);
  if (words) return words;
  const text = block.text;
  const found = [...text.matchAll(/[\p{L}\p{N}'’&]+/gu)];
  const count = found.length;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const capitalised = new Uint8Array(count);
  const joiner = new Uint8Array(count);
  const counts = new Uint8Array(count);
  const breakBefore = new Uint8Array(count);
  const ordinaryBefore = new Int32Array(count + 1);
  const countsBefore = new Int32Array(count + 1);
  let capitalisedWords = 0;
  found.forEach((match, index) => {
    const word = match[0];
    starts[index] = match.index;
    ends[index] = match.index + word.length;
    const isCapitalised = NAME_WORD.test(word);
    const isJoiner = NAME_JOINER.test(word);
    capitalised[index] = isCapitalised ? 1 : 0;
    joiner[index] = isJoiner ? 1 : 0;
    if (isCapitalised) capitalisedWords++;
    // What counts towards a name: capitalised words that are not capitalised anyway (the first
    // word of a sentence) and not acronyms (“UK degree”, “NHS experience”).
    const countsHere = isCapitalised && !ACRONYM.test(word) && !startsSentence(text, match.index);
    counts[index] = countsHere ? 1 : 0;
    breakBefore[index] = index > 0 && NAME_BREAK.test(text.slice(ends[index - 1] ?? 0, match.index)) ? 1 : 0;
    ordinaryBefore[index + 1] = (ordinaryBefore[index] ?? 0) + (isCapitalised || isJoiner ? 0 : 1);
    countsBefore[index + 1] = (countsBefore[index] ?? 0) + (countsHere ? 1 : 0);
  });
  const nextStop = new Int32Array(count + 1);
  nextStop[count] = count;
  for (let index = count - 1; index >= 0; index--) nextStop[index] = breakBefore[index] || !joiner[index] ? index : (nextStop[index + 1] ?? count);
  const previousStop = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const breakAfter = index + 1 < count && breakBefore[index + 1] === 1;
    previousStop[index] = breakAfter || !joiner[index] ? index : index > 0 ? (previousStop[index - 1] ?? -1) : -1;
  }
  words = {
    starts,
    ends,
    capitalised,
    joiner,
    counts,
    breakBefore,
    ordinaryBefore,
    countsBefore,
    nextStop,
    previousStop,
    titleCase: count >= 2 && capitalisedWords / count > 0.75,
  };
  nameWords.set(block, words);
  return words;
}

/**
 * True when `[start, end)` is inside a name — a run of capitalised words such as “Young Lives vs
 * Cancer”, “Fit In Together club”, “Queen Mary's Hospital” — so inclusive-language rules do not
 * read a charity's, a hospital's or a club's name as a requirement. Every word of the match must be
 * capitalised, and the run must have at least one more capitalised word. Blocks in title case
 * (“Join Our Young And Dynamic Team”) are not read as names.
 */
export function isInName(block: Block, start: number, end: number): boolean {
  const words = nameWordsOf(block);
  const count = words.starts.length;
  // The words the match overlaps: from the first that ends after its start to the last that starts before its end.
  const first = wordAfter(words.ends, start);
  const last = wordAfter(words.starts, end - 1) - 1;
  if (first >= count || last < first || (words.starts[first] ?? 0) >= end) return false;
  if ((words.ordinaryBefore[last + 1] ?? 0) - (words.ordinaryBefore[first] ?? 0) > 0) return false;
  if (words.titleCase) return false;
  let run = (words.countsBefore[last + 1] ?? 0) - (words.countsBefore[first] ?? 0);
  // Grow the run outwards through capitalised words and joiners, never across punctuation.
  for (let index = last + 1; run < 2 && index < count; ) {
    const stop = words.nextStop[index] ?? count;
    if (stop >= count || words.breakBefore[stop]) break;
    if (!words.counts[stop]) break;
    run++;
    index = stop + 1;
  }
  for (let index = first - 1; run < 2 && index >= 0; ) {
    const stop = words.previousStop[index] ?? -1;
    if (stop < 0 || (stop + 1 < count && words.breakBefore[stop + 1])) break;
    if (!words.counts[stop]) break;
    run++;
    index = stop - 1;
  }
  return run >= 2;
}

/** The first index whose value in the ordered `values` is greater than `at`. */
function wordAfter(values: Int32Array, at: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) > at) high = middle;
    else low = middle + 1;
  }
  return low;
}

const ESSENTIAL = /\b(?:essential|must|required|requirement|you\s+will\s+need\s+to\s+be)\b/iu;

const essentialSections = new Verdicts();

/** True when a heading above `block` says “essential” (worked out once per block). */
function underEssentialHeading(block: Block): boolean {
  return essentialSections.get(block, () => block.section.some((heading) => /\bessential\b/iu.test(heading)));
}

/** The table rows of a document that have a cell saying “Essential”, as `table:row`. */
const essentialRows = new WeakMap<DocModel, ReadonlySet<string>>();

function essentialRowsOf(doc: DocModel): ReadonlySet<string> {
  let rows = essentialRows.get(doc);
  if (!rows) {
    const found = new Set<string>();
    for (const block of doc.blocks) if (block.cell && /^\s*essential\s*$/iu.test(block.text)) found.add(`${block.cell.table}:${block.cell.row}`);
    rows = found;
    essentialRows.set(doc, rows);
  }
  return rows;
}

/**
 * True when a match is an essential criterion: under an “Essential” heading, in a sentence that
 * says it is essential or a must, or in a table row marked “Essential” (a person specification).
 */
export function isEssentialCriterion(doc: DocModel, block: Block, sentence: string): boolean {
  if (underEssentialHeading(block)) return true;
  if (ESSENTIAL.test(sentence)) return true;
  const cell = block.cell;
  return cell !== null && essentialRowsOf(doc).has(`${cell.table}:${cell.row}`);
}

/** `isEssentialCriterion` for `[start, end)` of `block`, with its sentence (`sentenceAround`) looked at once. */
export function isEssentialCriterionAt(analysis: TextAnalysis, doc: DocModel, block: Block, start: number, end: number): boolean {
  const holder = holderOf(analysis, block, start, end);
  if (underEssentialHeading(block)) return true;
  if (essentialVerdicts.get(holder, () => ESSENTIAL.test(holder.text))) return true;
  const cell = block.cell;
  return cell !== null && essentialRowsOf(doc).has(`${cell.table}:${cell.row}`);
}
