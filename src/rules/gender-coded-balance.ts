/**
 * `inclusive-language/gender-coded-balance`: an advert whose wording leans masculine — more
 * masculine-coded words (compet-, lead-, decisive, driven…) than feminine-coded ones (support-,
 * collab-, compassion-…), after Gaucher, Friesen and Kay (2011). Guidance only: information,
 * whole words, headings and equality statements left out, and the duties, job titles and people
 * of care work (“support worker”, “lead nurse”, “challenging behaviour”, “children”) not counted.
 */
import { letterAt, widthAt } from '../engine/chars.js';
import { isEqualityStatement } from '../engine/context.js';
import { guardRegExp } from '../engine/regex-guard.js';
import type { Rule, RuleData } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

interface CodedWords {
  /** True when a word starts with one of the feminine-coded stems. */
  readonly feminine: (word: string) => boolean;
  /** True when a word starts with one of the masculine-coded stems. */
  readonly masculine: (word: string) => boolean;
  readonly hyphenated: readonly string[];
  readonly exceptionWords: ReadonlySet<string>;
  readonly exceptionPhrases: readonly RegExp[];
}

const cache = new WeakMap<RuleData, CodedWords>();

/** The word lists of `rules/data/gender-coded-words.yml` (prepared once per set of data). */
function codedWords(data: RuleData): CodedWords {
  let words = cache.get(data);
  if (!words) {
    const raw = data['gender-coded-words.yml'] as {
      feminine: string[];
      masculine: string[];
      hyphenated: string[];
      exceptions: { words: string[]; phrases: string[] };
    };
    words = {
      feminine: startsWithOneOf(raw.feminine),
      masculine: startsWithOneOf(raw.masculine),
      hyphenated: raw.hyphenated,
      exceptionWords: new Set(raw.exceptions.words),
      // Guarded: the lookbehind is looked at only where the phrase is, not at every place of the text.
      exceptionPhrases: raw.exceptions.phrases.map((phrase) => guardRegExp(new RegExp(`(?<![\\p{L}])${phrase.replace(/[-\s]+/g, '[-\\s]+')}(?![\\p{L}])`, 'giu'))),
    };
    cache.set(data, words);
  }
  return words;
}

/** A node of a trie of stems: the next letters, and whether a stem ends here. */
interface StemNode {
  readonly next: Map<number, StemNode>;
  stem: boolean;
}

/**
 * A test of whether a word starts with one of `stems`, as `stems.some((stem) => word.startsWith(stem))`
 * says, by walking the word's first letters down a trie of the stems: no stem is tried in turn,
 * and no string is made.
 */
function startsWithOneOf(stems: readonly string[]): (word: string) => boolean {
  const root: StemNode = { next: new Map(), stem: false };
  for (const stem of stems) {
    let node = root;
    for (let index = 0; index < stem.length; index++) {
      const code = stem.charCodeAt(index);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map(), stem: false }));
      node = child;
    }
    node.stem = true;
  }
  return (word) => {
    let node: StemNode | undefined = root;
    for (let index = 0; node; index++) {
      if (node.stem) return true;
      node = index < word.length ? node.next.get(word.charCodeAt(index)) : undefined;
    }
    return false;
  };
}

/** `word` less its leading and trailing hyphens (as `word.replace(/^-+|-+$/g, '')`, which tries every hyphen of a long run). */
function trimHyphens(word: string): string {
  let start = 0;
  while (start < word.length && word[start] === '-') start++;
  let end = word.length;
  while (end > start && word[end - 1] === '-') end--;
  return word.slice(start, end);
}

/** Lower-cased words as gender-decoder splits them: on anything but letters and hyphens, hyphens split unless coded. */
export function decoderWords(text: string, hyphenated: readonly string[]): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  // The runs of letters and hyphens, as `split(/[^\p{L}-]+/u)` gives them, without a Unicode
  // expression run over the whole text.
  let start = -1;
  for (let index = 0; index <= lower.length; ) {
    const inWord = index < lower.length && (lower.charCodeAt(index) === 0x2d || letterAt(lower, index));
    if (inWord && start < 0) start = index;
    else if (!inWord && start >= 0) {
      addDecoderWord(lower.slice(start, index), hyphenated, out);
      start = -1;
    }
    index += index < lower.length ? widthAt(lower, index) : 1;
  }
  return out;
}

/** Add a run of letters and hyphens to `out` as gender-decoder counts it. */
function addDecoderWord(word: string, hyphenated: readonly string[], out: string[]): void {
  if (word === '-') return;
  if (!word.includes('-')) return void out.push(word);
  if (hyphenated.some((stem) => word.startsWith(stem))) {
    const trimmed = trimHyphens(word);
    // A run of hyphens only, as the split's filter leaves it: trimmed to nothing.
    return void out.push(trimmed);
  }
  for (const part of word.split('-')) if (part !== '') out.push(part);
}

/** The masculine- and feminine-coded words of `text`. */
export function genderCodedWords(text: string, data: RuleData, useExceptions = true): { masculine: string[]; feminine: string[] } {
  const lists = codedWords(data);
  const cleaned = useExceptions ? lists.exceptionPhrases.reduce((current, phrase) => current.replace(phrase, ' '), text) : text;
  const words = decoderWords(cleaned, lists.hyphenated).filter((word) => !useExceptions || !lists.exceptionWords.has(word));
  return {
    masculine: words.filter(lists.masculine),
    feminine: words.filter(lists.feminine),
  };
}

/** How many more masculine- than feminine-coded words make wording lean masculine. */
const MIN_LEAN = 2;

const rule: Rule = {
  meta: {
    id: 'inclusive-language/gender-coded-balance',
    category: 'inclusive-language',
    severity: 'info',
    pillar: 'awareness',
    groups: ['everyone'],
    description: 'Adverts whose wording leans masculine (at least two more words like “competitive”, “driven”, “decisive” than words like “supportive”, “collaborative”).',
    note: 'Research by Gaucher, Friesen and Kay (2011) found that masculine-coded wording makes a job less appealing to women, who feel they would not belong, while feminine-coded wording had little effect on men. Health and care jobs that lean masculine lose applicants they need.',
    seed: SEEDS.antiRacistPractice,
    fix: 'Balance the wording with words about working together and supporting people, and describe what the job involves rather than the personality you want.',
    sources: [
      'Gaucher, Friesen and Kay (2011), “Evidence that gendered wording in job advertisements exists and sustains gender inequality”',
      'gender-decoder word lists (lovedaybrooke/gender-decoder, MIT)',
    ],
    messages: {
      masculine: 'This text leans masculine: {masculine} masculine-coded words ({list}) and {feminine} feminine-coded. Balance it with words about working together and supporting people.',
    },
    examples: {
      flagged: ['We want a competitive, driven and decisive self-reliant individual with ambition.'],
      passes: ['You will support residents and work together with a kind, caring team.', 'As a support worker and team leader you will manage challenging behaviour.'],
    },
    fixable: false,
    origin: 'src/rules/gender-coded-balance.ts',
    appliesTo: { advert: 'info', 'job-description': 'info', 'person-specification': 'info' },
  },
  check(context) {
    const text = context.doc.blocks
      .filter((block) => block.kind !== 'heading')
      .flatMap((block) => context.analysis.of(block).sentences.map((sentence) => sentence.text))
      .filter((sentence) => !isEqualityStatement(sentence, context.data))
      .join('\n');
    const { masculine, feminine } = genderCodedWords(text, context.data);
    // One stray word is no pattern: it must lean by at least two words.
    if (masculine.length - feminine.length < MIN_LEAN) return;
    const counts = new Map<string, number>();
    for (const word of masculine) counts.set(word, (counts.get(word) ?? 0) + 1);
    const list = [...counts].map(([word, count]) => (count > 1 ? `${word} ×${count}` : word)).join(', ');
    context.report({ messageId: 'masculine', data: { masculine: masculine.length, feminine: feminine.length, list } });
  },
};

export default rule;
