/**
 * `plain-language/acronym-not-expanded`: an acronym whose first use is not spelled out, either
 * as “Full name (ABC)” or “ABC (full name)”. Well-known acronyms (UK, NHS, GP…) and
 * qualifications (BSc, RGN, NVQ…) are allowed, and English words in capitals (“KEY DUTIES”) are
 * words, not acronyms. Only the first use of each acronym is reported: after a good first use,
 * the letters are fine.
 */
import { letterAt, widthAt } from '../engine/chars.js';
import { daleChall } from 'dale-chall';
import { spache } from 'spache';
import type { Block } from '../document/model.js';
import { ENGLISH_WORDS, type Rule, type RuleContext, type RuleData } from '../engine/rule.js';
import { overlapTest } from '../engine/ranges.js';
import { SEEDS } from './seeds.js';

interface AcronymData {
  /** Acronyms and qualifications readers know without spelling out. */
  readonly known: ReadonlySet<string>;
  /** The full words for acronyms, those that are also words included. */
  readonly expansions: ReadonlyMap<string, string>;
  /** Acronyms that are also English words (“NICE”, “TOIL”): still acronyms in capitals. */
  readonly wordLike: ReadonlySet<string>;
  /** Health and care words that the English word list does not have (“rota”, “carer”). */
  readonly words: ReadonlySet<string>;
  /** True when a word (in lower case) is in the English word list (SCOWL to size 50, from the rules' data). */
  readonly isEnglish: (word: string) => boolean;
}

const prepared = new WeakMap<RuleData, AcronymData>();

/** Different words looked up in the English word list's text before it is read into a set. */
const WORD_LIST_LOOKUPS = 64;

/** The bundled lists and expansions (the data file `rules/data/acronyms.yml`), prepared once per set of data. */
export function acronymData(data: RuleData): AcronymData {
  let lists = prepared.get(data);
  if (!lists) {
    const raw = data['acronyms.yml'] as {
      known: string[];
      qualifications: string[];
      wordLike: Record<string, string | null>;
      words: string[];
      expansions: Record<string, string>;
    };
    const wordLike = Object.entries(raw.wordLike).flatMap(([acronym, words]) => (words === null ? [] : [[acronym, words] as const]));
    // The word list is text, searched as text: parsing it would take longer than the few
    // look-ups a document needs; it is read the first time a word in capitals needs it.
    const lookups = new Map<string, boolean>();
    // After this many different words, reading the list once is quicker than searching its text
    // for each (a document of many words in capitals).
    let parsed: Set<string> | null = null;
    lists = {
      known: new Set([...raw.known, ...raw.qualifications]),
      expansions: new Map([...Object.entries(raw.expansions), ...wordLike]),
      wordLike: new Set(Object.keys(raw.wordLike)),
      words: new Set(raw.words),
      isEnglish(word) {
        if (parsed) return parsed.has(word);
        let found = lookups.get(word);
        if (found === undefined) {
          const text = String(data[ENGLISH_WORDS] ?? '');
          if (lookups.size >= WORD_LIST_LOOKUPS) {
            // The list is JSON arrays of words: the words between quotation marks are the same
            // as the quoted words `includes` finds (a word of letters never spans two entries).
            parsed = new Set([...text.matchAll(/"([^"]*)"/g)].map((match) => match[1] ?? ''));
            return parsed.has(word);
          }
          found = text.includes(`"${word}"`);
          lookups.set(word, found);
        }
        return found;
      },
    };
    prepared.set(data, lists);
  }
  return lists;
}

/** A candidate acronym in a block. */
interface Occurrence {
  readonly block: Block;
  readonly start: number;
  readonly end: number;
  /** The acronym without a plural or possessive ending (“GPs” → “GP”). */
  readonly base: string;
}

/** A run of letters in a block, and where it starts. */
interface Run {
  readonly text: string;
  readonly start: number;
}

const RUN = /[\p{L}&]+/gu;
/** A run of letters with two capitals in it: every acronym `acronymBase` accepts has one. */
const TWO_CAPITALS = /[A-Z][\p{L}&]*[A-Z]/u;
const ROMAN = /^[IVX]+$/;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g;
/** The first half of a postcode (“SE13”, “BR1”), or a code like it. */
const OUTWARD_CODE = /^[A-Z]{1,2}\d{1,2}[A-Z]?$/;
/** A web address without `www.` or `https://`: “nhsjobs.com”, “lgt.nhs.uk/jobs”. */
const DOMAIN = /\p{L}\.(?:uk|com|org|net|gov|nhs|ac|co|io|info|scot|wales)\b/iu;
/** A reference number after its label: “Job ref: ABC-DEF”, “Reference number 12/AB”. */
const REFERENCE = /\b(?:job\s+|vacancy\s+)?ref(?:erence)?\b(?:\s*[:#]|\s+(?:no\.?|number|code)\s*:?)\s*(\S+)/giu;
/** The value of a field that holds a place or a person's name: “Location: KENT”, “Contact: ALI KHAN”. */
const NAME_FIELD =
  /\b(?:location|base|site|address|town|city|borough|county|contact(?:\s+name)?|name|(?:hiring|recruiting|line)\s+manager)\s*:[^\S\n]*([^\n]*)/giu;
/** Titles before a person's name: “Dr JANE SMITH”. */
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sister|sir|dame|rev|revd)$/i;
// After the letters: a plural “s” or a version number (“NEWS2”), then the explanation.
const SPELLED_OUT_AFTER = /^(?:s|\d{1,2})?\s*\(([^)]*)\)/u;
/** A bracket after the noun the letters go with: “DBS check (a criminal record check)”, “NMC registration (…)”. */
const EXPLAINED_AFTER_NOUN = /^(?:s|\d{1,2})?(?:\s+\p{Ll}[\p{L}-]*){1,2}\s*\(([^)]*)\)/u;
const STANDS_FOR_AFTER = /^(?:s|\d{1,2})?\s*,?\s*(?:which\s+)?(?:stands\s+for|means|is\s+short\s+for)\b/iu;
const DASH_AFTER = /^(?:s|\d{1,2})?\s+[–—-]\s+([^.;:!?()\n]*)/u;
const INSIDE_BRACKETS = /\(\s*$/u;
/** An old name given for the thing just named: “the Disclosure and Barring Service (formerly CRB)”. */
const OLD_NAME_BEFORE = /\b(?:formerly|previously)(?:\s+(?:known\s+as|called))?\s*$/iu;
const CLOSING_BRACKET = /^(?:s|\d{1,2})?\s*\)/u;
/** Nouns that letters in capitals qualify when they are an acronym, not a name: “AMSPAR certificate”, “RIDDOR rules”. */
const QUALIFIED_NOUN =
  /^(?:certificate|certification|qualification|qualifications|diploma|course|courses|training|registration|assessment|assessments|tool|pathway|scheme|pension|framework|programme|program|award|standards?|guidance|rules|regulations|checks?|score|scores|scale|model|accreditation|membership|values|form|forms|level|levels|records?|plans?)$/;
/** Words in capitals that are emphasis, whatever noun follows: “a NEW pension scheme”, “FREE training”. */
const EMPHASIS = new Set(['NEW', 'FREE', 'FULL', 'ALL', 'ANY', 'OUR', 'YOUR', 'ONE', 'TWO', 'EXTRA', 'ONLY', 'OWN', 'BEST', 'GREAT', 'GOOD', 'BIG', 'TOP', 'KEY', 'MAIN', 'REAL', 'LOCAL', 'NATIONAL', 'OPEN', 'NOT', 'NO', 'PAID', 'EVERY']);
/** Words after a verb, not after an acronym: “SEND your CV”. */
const OBJECT_WORDS = new Set(['your', 'us', 'it', 'them', 'me', 'him', 'her', 'the', 'a', 'an', 'this', 'these', 'our', 'my', 'their']);
/** Brackets that say where to look or when it applies, not what the letters mean: “(see below)”. */
const POINTER = /\b(?:see|below|above|overleaf|attached|applicable|if|where|when|PDF|Word|KB|MB)\b/iu;
/** Brackets that say something about the thing, not what the letters mean: “DBS check (we pay for it)”. */
const REMARK = /^(?:we|you|us|free|paid|at\s+our\s+cost)\b/iu;
/** Words that start an explanation: “(a criminal record check)”, “(the NHS pay scale)”. */
const EXPLAINING = /^(?:a|an|the|our|your|this|these|which|who|that|meaning|i\.?e\.?|short\s+for|it|they)\b/iu;
/** Brackets that add a requirement or a detail, not an explanation: “(essential)”, “(Band 5)”. */
const DETAIL =
  /\d|\b(?:essential|desirable|required|requirement|preferred|mandatory|optional|equivalent|minimum|maximum|least|above|higher|band|level|grade|registered|registration|pending|date|current|live|active|valid|enhanced|basic|standard|full|part|time|hours?|days?|weeks?|months?|years?|e\.?g|example|such|including|only|please|ideally|or)\b/iu;
/** Little words an expansion may have that its letters leave out (“Agenda for Change”). */
const SMALL_WORDS = new Set(['and', 'of', 'for', 'the', 'in', 'to', 'on', 'with', 'at', 'a', 'an', '&']);

/** The acronym a run of letters stands for, or null if it is not an acronym. */
export function acronymBase(run: string): string | null {
  let base = run;
  if (/^[a-z]?[A-Z&]{2,}s$/.test(run)) base = run.slice(0, -1);
  // “eMAR”, “eRS”: an electronic version of something known by its letters.
  if (/^e[A-Z]{2,6}$/.test(base)) return base;
  const upper = base.replace(/[^A-Z]/g, '').length;
  const lower = base.replace(/[^a-z]/g, '').length;
  if (upper < 2 || !/^[A-Z]/.test(base) || base.endsWith('&') || base.includes('&&')) return null;
  if (lower === 0) return base.length <= 8 && !ROMAN.test(base) ? base : null;
  // Mostly capitals: “AfC”, “DoLS”, “RiO”, “ReSPECT”.
  return (base.length <= 5 && upper > lower) || (base.length <= 8 && lower === 1 && upper >= 4) ? base : null;
}

/** Everyday English words (the Dale–Chall and Spache familiar-word lists). */
const FAMILIAR = new Set([...daleChall, ...spache]);

/**
 * True when a word in capitals is an everyday word (“BOLD”, “DUTIES”, “MEDICAL”), not letters.
 * With `commonOnly`, only the familiar words and the house list count, not the whole dictionary.
 */
export function isEverydayWord(base: string, lists: AcronymData, commonOnly = false): boolean {
  const word = base.toLowerCase();
  if (word.length < 2 || !/[aeiouy]/.test(word)) return false;
  // Two letters: only the familiar words (“TO”, “US”), not letters that happen to be words (“MS”).
  if (word.length === 2) return FAMILIAR.has(word);
  const stems = [word, word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.replace(/s$/, ''), word.replace(/ing$/, ''), word.replace(/ing$/, 'e'), word.replace(/ed$/, ''), word.replace(/ed$/, 'e')];
  if (stems.some((stem) => FAMILIAR.has(stem) || lists.words.has(stem))) return true;
  return !commonOnly && base === base.toUpperCase() && lists.isEnglish(word);
}

const UPPER = /^\p{Lu}$/u;
const NOT_WORD_CHAR = /^\W$/u;

/**
 * True for a word of two or more capitals and then only characters that are not word characters,
 * as `/^[\p{Lu}]{2,}\W*$/u` says — without that expression's backtracking, which takes time that
 * grows with the square of a long run of capitals that are not ASCII (“ÀÀÀ…”, both \p{Lu} and \W).
 */
function isCapitalsWord(word: string): boolean {
  const points = [...word];
  // The capitals the word starts with, and where its run of non-word characters at the end begins.
  let capitals = 0;
  while (capitals < points.length && UPPER.test(points[capitals] ?? '')) capitals++;
  let tail = points.length;
  while (tail > 0 && NOT_WORD_CHAR.test(points[tail - 1] ?? '')) tail--;
  return capitals >= 2 && Math.max(2, tail) <= capitals;
}

/** `text` less the characters that are not word characters (`\W`) at its start and end, as `text.replace(/^\W+|\W+$/g, '')` leaves it. */
function trimNonWord(text: string): string {
  const word = (index: number): boolean => /\w/.test(text[index] ?? '');
  let start = 0;
  while (start < text.length && !word(start)) start++;
  let end = text.length;
  while (end > start && !word(end - 1)) end--;
  return text.slice(start, end);
}

/** True when most of the block is in capitals: shouting, not acronyms. */
function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = text.replace(/[^\p{Lu}]/gu, '');
  const capsWords = text.split(/\s+/).filter(isCapitalsWord).length;
  return letters.length >= 8 && upper.length / letters.length > 0.7 && capsWords >= 3;
}

/** The ranges of a block that `pattern`'s first group matches: the value after a label. */
function valueRanges(text: string, pattern: RegExp): [number, number][] {
  return [...text.matchAll(pattern)].map((match) => [match.index + match[0].length - (match[1]?.length ?? 0), match.index + match[0].length]);
}

/** Ranges of a block that hold codes, not words: postcodes, addresses, references. */
function maskedRanges(text: string): [number, number][] {
  const ranges = valueRanges(text, REFERENCE);
  for (const match of text.matchAll(POSTCODE)) ranges.push([match.index, match.index + match[0].length]);
  for (const match of text.matchAll(/\S+/g)) {
    const token = match[0];
    const bare = trimNonWord(token);
    if (/@|:\/\/|^www\./i.test(token) || DOMAIN.test(token) || (token.match(/\d/g)?.length ?? 0) >= 2 || OUTWARD_CODE.test(bare)) {
      ranges.push([match.index, match.index + token.length]);
    }
  }
  return ranges;
}

/** True when the run is in capitals, with a vowel: it could be a name (“OKAFOR”) as much as letters. */
function isSayable(run: string): boolean {
  return run.length >= 3 && /^[A-Z]+$/.test(run) && /[AEIOU]/.test(run);
}

/** The run of letters next to `runs[index]`, with only spaces between them; null if none. */
function neighbour(text: string, runs: readonly Run[], index: number, step: 1 | -1): Run | null {
  const other = runs[index + step];
  const here = runs[index];
  if (!other || !here) return null;
  const gap = step === 1 ? text.slice(here.start + here.text.length, other.start) : text.slice(other.start + other.text.length, here.start);
  return /^[^\S\n]+$/.test(gap) ? other : null;
}

/** True when the capitals at `runs[index]` are part of a name: “Dr JANE SMITH”, “ALI KHAN”, “Location: KENT”. */
function isName(text: string, runs: readonly Run[], index: number, acronymLike: (base: string) => boolean): boolean {
  const nameWord = (run: Run | null | undefined): boolean => !!run && isSayable(run.text) && !acronymLike(run.text);
  const run = runs[index];
  if (!run || !nameWord(run)) return false;
  if (nameFields(text)(run.start, run.start + 1)) return true;
  if (nameWord(neighbour(text, runs, index, -1)) || nameWord(neighbour(text, runs, index, 1))) return true;
  // After a title, through any other capitals of the name.
  return afterTitle(runs)[index] === 1;
}

/** The last value worked out for one block, kept while the same block asks again. */
function lastFor<K, V>(make: (key: K) => V): (key: K) => V {
  let last: { key: K; value: V } | null = null;
  return (key) => {
    if (!last || last.key !== key) last = { key, value: make(key) };
    return last.value;
  };
}

/** Whether a range of the block is in the value of a “Location:” or “Contact:” field. */
const nameFields = lastFor((text: string) => overlapTest(valueRanges(text, NAME_FIELD).map(([start, end]) => ({ start, end }))));

/** Whether the block has a lower-case letter. */
const hasLowerCase = lastFor((text: string) => /\p{Ll}/u.test(text));

/**
 * For each run of letters, 1 when it comes after a title, through any other capitals of the name
 * (“Dr JANE SMITH”, “Mrs A JONES”): worked out for every run in one pass, from the one before.
 */
const afterTitle = lastFor((runs: readonly Run[]) => {
  const text = runText.get(runs) ?? '';
  const found = new Uint8Array(runs.length);
  for (let at = 1; at < runs.length; at++) {
    const here = runs[at] as Run;
    const before = runs[at - 1] as Run;
    if (!/^\.?[^\S\n]+$/.test(text.slice(before.start + before.text.length, here.start))) continue;
    if (HONORIFIC.test(before.text)) found[at] = 1;
    else if (/^[A-Z]+$/.test(before.text)) found[at] = found[at - 1] ?? 0;
  }
  return found;
});

/** The block text each list of runs was found in. */
const runText = new WeakMap<readonly Run[], string>();

/** True when an acronym that is also a word sits among other words in capitals (“LATEST NEWS”). */
function amongCapitalWords(text: string, runs: readonly Run[], index: number, acronymLike: (base: string) => boolean, lists: AcronymData): boolean {
  return [neighbour(text, runs, index, -1), neighbour(text, runs, index, 1)].some(
    (run) => !!run && /^[A-Z]{2,}$/.test(run.text) && !acronymLike(run.text) && isEverydayWord(run.text, lists),
  );
}

/** True when an acronym that is also a word is followed by its object, as a verb is: “SEND your CV”. */
function usedAsVerb(text: string, runs: readonly Run[], index: number): boolean {
  return OBJECT_WORDS.has(neighbour(text, runs, index, 1)?.text ?? '');
}

/** True when the run is one word in capitals among words that are not: “We follow the ERAS pathway”. */
function isAlone(text: string, runs: readonly Run[], index: number): boolean {
  const capitals = (run: Run | null): boolean => !!run && /^[A-Z]{2,}$/.test(run.text);
  return hasLowerCase(text) && !capitals(neighbour(text, runs, index, -1)) && !capitals(neighbour(text, runs, index, 1));
}

/**
 * True when a run in capitals reads as an everyday word (“MEDICAL RECEPTIONIST”, “Read this
 * NOW”), not letters: one that names the kind of thing an acronym names (“the MUST score”, “our
 * CARE values”, “a NEST pension”) is letters, unless it is a word of emphasis (“a NEW pension”).
 */
function readsAsWord(text: string, runs: readonly Run[], index: number, base: string, lists: AcronymData): boolean {
  const alone = isAlone(text, runs, index);
  if (!isEverydayWord(base, lists, alone)) return false;
  return !(alone && !EMPHASIS.has(base) && QUALIFIED_NOUN.test(neighbour(text, runs, index, 1)?.text ?? ''));
}

/** True when letters in capitals are a word or a name, not an acronym. */
function isWordInCapitals(text: string, runs: readonly Run[], index: number, base: string, shouted: number, acronymLike: (base: string) => boolean, lists: AcronymData): boolean {
  if (acronymLike(base)) return lists.wordLike.has(base) && (amongCapitalWords(text, runs, index, acronymLike, lists) || usedAsVerb(text, runs, index));
  // One word in capitals in ordinary text is letters unless it is an everyday word used for
  // emphasis (“NOT”, “NOW”): “We follow the ERAS pathway”, “the AMPS assessment”. Among other
  // capitals (“MEDICAL RECEPTIONIST”) or on its own (a cell “ESSENTIAL”), any English word is a word.
  if (readsAsWord(text, runs, index, base, lists)) return true;
  // Unknown words with vowels that sit among words in capitals are shouting too (“BOLD, ITALIC
  // and BOTH”), where there are at least two of them; letters in mixed case (“MoCA”) never are.
  if (shouted > 1 && /^[A-Z]{4,}$/.test(base) && /[AEIOUY]/.test(base)) return true;
  // A title in capitals before a name: “DR JANE OKAFOR”.
  if (/^(?:MR|MRS|MISS|MX|DR|PROF)$/.test(base) && /^\p{Lu}/u.test(neighbour(text, runs, index, 1)?.text ?? '')) return true;
  // Long runs of capitals with vowels are words or names (“LEWISHAM”, “OKAFOR”), not letters —
  // unless they name the kind of thing an acronym names: “the AMSPAR certificate”.
  if (/^[A-Z]{6,}$/.test(base) && (base.match(/[AEIOU]/g)?.length ?? 0) >= 2 && !QUALIFIED_NOUN.test(neighbour(text, runs, index, 1)?.text ?? '')) return true;
  return isName(text, runs, index, acronymLike);
}

function occurrences(blocks: readonly Block[], known: (base: string) => boolean, acronymLike: (base: string) => boolean, lists: AcronymData): Occurrence[] {
  const found: Occurrence[] = [];
  for (const block of blocks) {
    const text = block.text;
    // Most blocks have no run with two capitals, so no acronym: nothing more to work out for them.
    if (!TWO_CAPITALS.test(text)) continue;
    const runs: Run[] = [...text.matchAll(RUN)].map((match) => ({ text: match[0], start: match.index }));
    runText.set(runs, text);
    const candidates = runs.flatMap((run, index) => {
      const base = acronymBase(run.text);
      return base && !known(base) ? [{ start: run.start, base, index }] : [];
    });
    if (candidates.length === 0) continue;
    // In a line of capitals only the acronyms we know are letters: “START ASAP!!!”.
    const shouting = isShouting(text);
    const masked = overlapTest(maskedRanges(text).map(([start, end]) => ({ start, end })));
    const inCode = overlapTest(block.marks.filter((mark) => mark.kind === 'code'));
    // Everyday words in capitals (“MAJOR DUTIES”, “RED”) are shouting; so are unknown words
    // with vowels that sit among them.
    const everyday = (base: string, index: number): boolean => !acronymLike(base) && readsAsWord(text, runs, index, base, lists);
    const shouted = candidates.filter((candidate) => everyday(candidate.base, candidate.index)).length;
    for (const { start, base, index } of candidates) {
      const end = start + base.length;
      if (shouting && !(lists.expansions.has(base) && !lists.wordLike.has(base))) continue;
      if (masked(start, end)) continue;
      if (inCode(start, end)) continue;
      // The other words in capitals: a word does not make itself part of a shouted line.
      const others = shouted - (everyday(base, index) ? 1 : 0);
      if (isWordInCapitals(text, runs, index, base, others, acronymLike, lists)) continue;
      found.push({ block, start, end, base });
    }
  }
  return found;
}

/** Text made comparable: lower case, “&” as “and”, no hyphens, one space between words. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[-‐‑–]/g, '')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ');
}

/** The words of a text, hyphenated words split (“Multi-Agency” → “Multi”, “Agency”). */
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}&][\p{L}'’]*/gu) ?? [];
}

/** True when `words`, from the first, spell out the acronym's letters; more words may follow when `rest` allows. */
function spellsOut(words: readonly string[], letters: string, rest: boolean): boolean {
  // Each word from the first stands for the next letter, or is a little word left out (never the
  // first). Worked out from the last word back, for every letter at once: trying each way of
  // leaving words out in turn takes time that grows exponentially with the little words
  // (“AAAB (a a a a … a)”), and as deep a recursion as there are words.
  const count = letters.length;
  // spelled[at]: the words from the current one on spell the letters from `at` on.
  let spelled: boolean[] = Array.from({ length: count + 1 }, (_, at) => at === count);
  for (let from = words.length - 1; from >= 0; from--) {
    const word = words[from] as string;
    const initial = word[0]?.toLowerCase();
    const small = from > 0 && SMALL_WORDS.has(word.toLowerCase());
    const here = Array.from({ length: count + 1 }, (_, at) => (at === count ? rest : (initial === letters[at] && spelled[at + 1] === true) || (small && spelled[at] === true)));
    spelled = here;
  }
  return spelled[0] === true;
}

/** The acronym's letters, in lower case (“AfC” → “afc”). */
function lettersOf(base: string): string {
  return base.replace(/[^\p{L}]/gu, '').toLowerCase();
}

/** True when the words in brackets after an acronym explain it: “(Disclosure and Barring Service)”, “(a criminal record check)”. */
export function isExplanation(inner: string, base: string, expansion: string | undefined): boolean {
  const words = wordsOf(inner);
  if (words.length === 0) return false;
  if (expansion && normalise(inner).includes(normalise(expansionWords(expansion)))) return true;
  if (spellsOut(words, lettersOf(base), true)) return true;
  // Codes and letters (“(D, A/I)”, the columns of a person specification) explain nothing.
  if (words.filter((word) => word.length >= 3).length < 2 || POINTER.test(inner) || REMARK.test(inner.trim())) return false;
  return EXPLAINING.test(inner.trim()) || !DETAIL.test(inner);
}

/** True when the words just before “(ABC)” spell it out, or describe it: “criminal record check (DBS)”. */
function explainedBefore(before: string, base: string, expansion: string | undefined): boolean {
  const text = before.replace(INSIDE_BRACKETS, '');
  if (expansion && normalise(text).trimEnd().endsWith(normalise(expansionWords(expansion)))) return true;
  const words = wordsOf(text);
  const letters = lettersOf(base);
  for (let from = words.length - 1; from >= Math.max(0, words.length - letters.length * 2 - 1); from--) {
    if (spellsOut(words.slice(from), letters, false)) return true;
  }
  // Otherwise a description in words: at least two words, the last straight before the bracket.
  return words.length >= 2 && /\p{L}{2,}\s*\(\s*$/u.test(before);
}

/** The most ways of spelling out acronyms followed from one word: a run of capitalised little words (“Of The And …”) has very many. */
const MAX_SPELLINGS = 256;

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** The letters this node spells, when they are an acronym's. */
  letters: string | null;
}

/**
 * The document's text before each acronym — the blocks, each followed by a line break, then the
 * acronym's own block up to it — and what the rule asks of it: whether it has an acronym's full
 * words, and whether capitalised words in it spell the letters out (“Health and Care Professions
 * Council” for HCPC). Building that text again for each acronym, and searching it all, takes time
 * that grows with the square of a document with many different acronyms; here each question is
 * worked out once for the whole document and answered by where in it the acronym is.
 */
class EarlierText {
  private readonly text: string;
  /** Where each block starts in `text`. */
  private readonly offsets: number[] = [];
  private normalised: { readonly text: string; readonly lengths: Int32Array } | null = null;
  private readonly firstAt = new Map<string, number>();
  /** For each acronym's letters, where the earliest spelling out of them ends. */
  private spelled: Map<string, number> | null = null;

  constructor(
    blocks: readonly Block[],
    /** The letters of every acronym that may be asked about. */
    private readonly acronyms: readonly string[],
  ) {
    let offset = 0;
    for (const block of blocks) {
      this.offsets.push(offset);
      offset += block.text.length + 1;
    }
    this.text = blocks.map((block) => `${block.text}\n`).join('');
  }

  /** Where `occurrence` starts in the text: the text before it is `text.slice(0, cut)`. */
  cutAt(occurrence: Occurrence): number {
    return (this.offsets[occurrence.block.index] ?? 0) + occurrence.start;
  }

  /** `normalise(text.slice(0, cut)).includes(phrase)`, for a `phrase` already normalised. */
  includesNormalised(phrase: string, cut: number): boolean {
    const normalised = (this.normalised ??= normaliseWithLengths(this.text));
    let first = this.firstAt.get(phrase);
    if (first === undefined) this.firstAt.set(phrase, (first = normalised.text.indexOf(phrase)));
    return first >= 0 && first + phrase.length <= (normalised.lengths[cut] ?? 0);
  }

  /**
   * True when capitalised words before `cut`, and the little words between them, spell out
   * `letters` (at least three): the first word's initial is the first letter, and each word after
   * it in the run gives the next letter or is a little word left out (see `spellsOut`).
   */
  spelledOutBefore(letters: string, cut: number): boolean {
    if (letters.length < 3) return false;
    this.spelled ??= this.findSpellings();
    return (this.spelled.get(letters) ?? Infinity) <= cut;
  }

  /** Where each acronym's letters are first spelled out, followed through a trie of all of them from every capitalised word. */
  private findSpellings(): Map<string, number> {
    const root: TrieNode = { children: new Map(), letters: null };
    for (const letters of new Set(this.acronyms)) {
      if (letters.length < 3) continue;
      let node = root;
      for (const letter of letters) {
        let child = node.children.get(letter);
        if (!child) node.children.set(letter, (child = { children: new Map(), letters: null }));
        node = child;
      }
      node.letters = letters;
    }
    const words = nameWords(this.text);
    const found = new Map<string, number>();
    words.forEach((first, from) => {
      const start = first.capitalised && first.initial !== undefined ? root.children.get(first.initial) : undefined;
      if (!start) return;
      // The nodes reached after each word of the run: the letters spelled so far, in every way.
      let reached = new Set<TrieNode>([start]);
      // A run is at most 2 words a letter and one more (acronyms have at most 8 letters).
      for (let offset = 1; offset <= 16 && reached.size > 0; offset++) {
        const word = words[from + offset];
        if (!word || word.part !== first.part || !(word.capitalised || word.small)) break;
        const next = new Set<TrieNode>();
        for (const node of reached) {
          const child = word.initial === undefined ? undefined : node.children.get(word.initial);
          if (child) {
            next.add(child);
            // The run for letters of length L holds 2L + 1 words: this word must be in it.
            if (child.letters !== null && offset <= child.letters.length * 2 && word.end < (found.get(child.letters) ?? Infinity)) found.set(child.letters, word.end);
          }
          if (word.small) next.add(node);
          if (next.size >= MAX_SPELLINGS) break;
        }
        reached = next;
      }
    });
    return found;
  }
}

/** A word of the text, for following acronyms' spellings through names. */
interface NameWord {
  readonly initial: string | undefined;
  readonly capitalised: boolean;
  readonly small: boolean;
  readonly end: number;
  /** Which part of the text it is in: punctuation (`NAME_PART_CHARS`) starts a new part. */
  readonly part: number;
}

/**
 * The words of `text` — a letter or “&”, then any letters and apostrophes — each with the part
 * of the text it is in, found in one pass by hand: a Unicode expression over the whole document,
 * and a match object for every word, cost more than the rest of the search.
 */
export function nameWords(text: string): NameWord[] {
  const words: NameWord[] = [];
  let part = 0;
  for (let index = 0; index < text.length; ) {
    const code = text.charCodeAt(index);
    if (code === 0x26 || letterAt(text, index)) {
      const start = index;
      index += widthAt(text, index);
      while (index < text.length) {
        const next = text.charCodeAt(index);
        if (next === 0x27 || next === 0x2019 || letterAt(text, index)) index += widthAt(text, index);
        else break;
      }
      const word = text.slice(start, index);
      words.push({ initial: word[0]?.toLowerCase(), capitalised: CAPITALISED.test(word), small: word.length <= 4 && SMALL_WORDS.has(word.toLowerCase()), end: index, part });
      continue;
    }
    if (NAME_PART_CHARS.has(code)) part++;
    index += widthAt(text, index);
  }
  return words;
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** Where the words of a name stop: punctuation splits “Health Centre, Acton”, which does not spell HCA. */
const NAME_PART_CHARS = new Set([...',.;:!?()[]\n|–—'].map((char) => char.charCodeAt(0)));

/**
 * `normalise(text)`, and for each offset of `text` the length of `normalise(text.slice(0, offset))`
 * (a prefix of it): lower case, “&” as “and”, no hyphens, one space for each run of white space.
 */
function normaliseWithLengths(text: string): { text: string; lengths: Int32Array } {
  const lengths = new Int32Array(text.length + 1);
  const chunks: string[] = [];
  let chunk = '';
  let length = 0;
  let inSpace = false;
  const emit = (char: string, space: boolean): void => {
    if (space) {
      if (inSpace) return;
      inSpace = true;
      char = ' ';
    } else {
      inSpace = false;
    }
    chunk += char;
    length++;
    if (chunk.length >= 65536) {
      chunks.push(chunk);
      chunk = '';
    }
  };
  for (let index = 0; index < text.length; ) {
    const point = text.codePointAt(index) ?? 0;
    lengths[index] = length;
    // Most of the text is ASCII: no regular expression or string splitting for it.
    if (point < 0x80) {
      index++;
      if (point === 0x2d) continue;
      if (point === 0x26) for (const char of ' and ') emit(char, char === ' ');
      else emit(String.fromCharCode(point >= 0x41 && point <= 0x5a ? point + 32 : point), point === 0x20 || (point >= 0x09 && point <= 0x0d));
      continue;
    }
    const width = point > 0xffff ? 2 : 1;
    if (width === 2) lengths[index + 1] = length;
    for (const unit of String.fromCodePoint(point).toLowerCase().split('')) {
      if (unit === '&') for (const char of ' and ') emit(char, char === ' ');
      else if (unit === '’') emit("'", false);
      else if (!'-‐‑–'.includes(unit)) emit(unit, /\s/.test(unit));
    }
    index += width;
  }
  lengths[text.length] = length;
  chunks.push(chunk);
  return { text: chunks.join(''), lengths };
}

/**
 * True when the capitals of the acronym are, in order, initials of the words, the first word's
 * first: “Transfer of Undertakings (Protection of Employment)” teaches TUPE, “Montreal Cognitive
 * Assessment” teaches MoCA, “healthcare assistant” does not teach HCA.
 */
function initialsTeach(words: string, base: string): boolean {
  const initials = wordsOf(words).map((word) => word[0]?.toLowerCase() ?? '');
  const capitals = base.replace(/[^\p{Lu}]/gu, '').toLowerCase();
  if (initials[0] !== capitals[0]) return false;
  let at = 0;
  for (const initial of initials) if (initial === capitals[at]) at++;
  return at === capitals.length;
}

/** The full words of an expansion, without its explanation in brackets. */
function expansionWords(expansion: string): string {
  return expansion.replace(/\s*\(.*\)$/, '');
}

/** True when this use spells the acronym out, or is spelled out by the words before it. */
function definedAt(occurrence: Occurrence, expansion: string | undefined, earlier: EarlierText | null): boolean {
  const text = occurrence.block.text;
  const before = text.slice(Math.max(0, occurrence.start - 80), occurrence.start);
  const after = text.slice(occurrence.end, occurrence.end + 120);
  if (INSIDE_BRACKETS.test(before) && CLOSING_BRACKET.test(after) && explainedBefore(before, occurrence.base, expansion)) return true;
  if (OLD_NAME_BEFORE.test(before)) return true;
  const bracket = SPELLED_OUT_AFTER.exec(after);
  if (bracket && isExplanation(bracket[1] ?? '', occurrence.base, expansion)) return true;
  const afterNoun = EXPLAINED_AFTER_NOUN.exec(after);
  if (afterNoun && isExplanation(afterNoun[1] ?? '', occurrence.base, expansion)) return true;
  const dash = DASH_AFTER.exec(after);
  if (STANDS_FOR_AFTER.test(after) || (dash && isExplanation(dash[1] ?? '', occurrence.base, expansion))) return true;
  const cut = earlier?.cutAt(occurrence) ?? 0;
  if (!earlier || cut === 0) return false;
  // The full words earlier teach the letters only when the letters are their initials: after
  // “Nursing and Midwifery Council”, “NMC” is clear; after “Healthcare Assistant”, “HCA” is not.
  if (expansion && initialsTeach(expansionWords(expansion), occurrence.base) && earlier.includesNormalised(normalise(expansionWords(expansion)), cut)) return true;
  return earlier.spelledOutBefore(lettersOf(occurrence.base), cut);
}

const rule: Rule = {
  meta: {
    id: 'plain-language/acronym-not-expanded',
    category: 'plain-language',
    severity: 'warning',
    pillar: 'inform',
    groups: ['migrants', 'deaf', 'neurodivergent'],
    description: 'Acronyms that are not spelled out the first time they are used.',
    note:
      'Letters like DBS, HCPC or CAMHS mean nothing to someone new to UK health and care. People who came to the UK as migrants or refugees, Deaf people whose first language is BSL, and people who read literally are the most likely to be shut out by them.',
    seed: SEEDS.noJargon,
    fix: 'Write the full words the first time, then the letters in brackets: “Disclosure and Barring Service (DBS) check”. If the letters are better known, explain them instead: “DBS check (a criminal record check)”.',
    sources: [
      'GOV.UK style guide, “Abbreviations and acronyms”',
      'NHS service manual, “Abbreviations and acronyms”',
      'GOV.UK Easy Read guidance: use full words, not acronyms',
    ],
    messages: {
      notExpanded: 'Spell out “{acronym}” the first time you use it{hint}.',
      definedLater: 'Spell out “{acronym}” the first time you use it: you explain it later, so move the explanation here.',
      easyRead: 'Easy Read documents use full words, not acronyms: write out “{acronym}”{hint}.',
    },
    examples: {
      flagged: ['You will need a DBS check.', 'Experience of working in CAMHS is essential.'],
      passes: [
        'You will need a Disclosure and Barring Service (DBS) check. The DBS check is free.',
        'This is an Agenda for Change (AfC) Band 3 job.',
        'Work for the NHS in the UK.',
      ],
    },
    fixable: false,
    origin: 'src/rules/acronym-not-expanded.ts',
  },
  check(context: RuleContext) {
    const lists = acronymData(context.data);
    const { known: bundled, expansions, wordLike } = lists;
    const extra = new Set(context.options.knownAcronyms);
    const known = (base: string): boolean => bundled.has(base) || extra.has(base);
    const acronymLike = (base: string): boolean => expansions.has(base) || wordLike.has(base);
    const all = occurrences(context.doc.blocks, known, acronymLike, lists);
    const seen = new Set<string>();
    const earlier = new EarlierText(context.doc.blocks, all.map((occurrence) => lettersOf(occurrence.base)));
    // The uses of each acronym after the first, in order.
    const uses = new Map<string, Occurrence[]>();
    for (const occurrence of all) {
      const list = uses.get(occurrence.base);
      if (list) list.push(occurrence);
      else uses.set(occurrence.base, [occurrence]);
    }
    for (const occurrence of all) {
      if (seen.has(occurrence.base)) continue;
      seen.add(occurrence.base);
      const expansion = expansions.get(occurrence.base);
      const hint = expansion ? `: “${expansionWords(expansion)} (${occurrence.base})”` : '';
      const suggestions = expansion ? [`${expansionWords(expansion)} (${occurrence.base})`] : [];
      if (context.options.flagEveryAcronym) {
        context.report({ ...span(occurrence), messageId: 'easyRead', data: { acronym: occurrence.base, hint }, suggestions });
        continue;
      }
      if (definedAt(occurrence, expansion, earlier)) continue;
      // A heading may use letters that the paragraph under it spells out.
      const later = (uses.get(occurrence.base) ?? []).slice(1);
      const next = later[0];
      if (
        occurrence.block.kind === 'heading' &&
        next &&
        next.block.index <= occurrence.block.index + 2 &&
        definedAt(next, expansion, null)
      ) {
        continue;
      }
      const laterDefinition = later.some((other) => definedAt(other, undefined, null));
      context.report({
        ...span(occurrence),
        messageId: laterDefinition ? 'definedLater' : 'notExpanded',
        data: { acronym: occurrence.base, hint },
        suggestions,
      });
    }
  },
};

function span(occurrence: Occurrence): { block: Block; start: number; end: number } {
  return { block: occurrence.block, start: occurrence.start, end: occurrence.end };
}

export default rule;
