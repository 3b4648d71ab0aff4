/**
 * Which sentences of a block are prose that readability rules may judge. Job-board pages and
 * Word adverts are full of text that is not prose: “Label: value” rows (“Employer: King's College
 * Hospital NHS Foundation Trust”), contact fields (“Name: Jane Smith Job title: Ward Manager
 * Email: …”), addresses and names. Scoring those as sentences gives findings nobody can act on,
 * so a leading label is left out of the sentence it introduces, and a run of fields is not a
 * sentence at all.
 */
import type { Sentence as SentenceNode } from 'nlcst';

/** A word of a sentence: a run of text between spaces, without surrounding punctuation. */
export interface Word {
  /** Offsets in the block's text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A sentence of a block. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly words: readonly Word[];
  /** The nlcst node, for retext plugins. */
  readonly node: SentenceNode;
}

/** The part of a sentence readability rules judge: the sentence less any leading label. */
export interface ProseSentence {
  /** Offsets in the block's text of the judged part. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The words of the judged part (web, email addresses and phone numbers left out). */
  readonly words: readonly Word[];
  /** The word values as parse-english splits them, for the readability formulas. */
  readonly formulaWords: readonly string[];
}

/** A label at the start of a sentence: one to five words, then a colon (“Closing date:”). */
const LEADING_LABEL = /^[\p{Lu}\d][\p{L}\p{N}'’&/()-]*(?:[ \t]+[\p{L}\p{N}'’&/()-]+){0,4}[ \t]*:(?!\/\/)[ \t]*/u;
/** A field label anywhere in a sentence, as contact fields run them together. */
const FIELD_LABEL = /(?:^|\s)[\p{Lu}][\p{L}'’-]*(?:[ \t]+[\p{L}'’-]+){0,3}[ \t]*:(?!\/\/)(?=\s|$)/gu;

/** Offset just after a leading “Label:” of `text`, or 0 when it has none. */
export function labelEnd(text: string): number {
  // Most sentences have no colon, and so no label: the expression is not run on them.
  if (!text.includes(':')) return 0;
  const match = LEADING_LABEL.exec(text);
  return match ? match[0].length : 0;
}

/** True when a sentence is a run of fields (“Name: … Job title: … Email: …”), not prose. */
export function isFieldRun(text: string): boolean {
  // Two fields need two colons.
  const colon = text.indexOf(':');
  if (colon < 0 || !text.includes(':', colon + 1)) return false;
  let fields = 0;
  for (const _ of text.matchAll(FIELD_LABEL)) if (++fields >= 2) return true;
  return false;
}

/** The judged part of `sentence`, or null when it is not prose. */
export function proseOf(sentence: Sentence): ProseSentence | null {
  if (isFieldRun(sentence.text)) return null;
  const skip = labelEnd(sentence.text);
  const start = sentence.start + skip;
  const later = sentence.words.filter((word) => word.start >= start);
  const words = later.filter((word) => !isNonProse(word.text));
  if (words.length === 0) return null;
  // parse-english splits “jo.smith@nhs.net” into words of its own: leave out every word inside an
  // address, phone number or reference, or the formulas score the address.
  const skipped = later.filter((word) => isNonProse(word.text));
  return {
    start,
    end: sentence.end,
    text: sentence.text.slice(skip),
    words,
    formulaWords: formulaWordsOf(sentence.node, start, skipped),
  };
}

function formulaWordsOf(node: SentenceNode, from: number, skipped: readonly Word[]): string[] {
  const words: string[] = [];
  // The skipped words are in order and do not overlap; so are the children: go through both together.
  let next = 0;
  for (const child of node.children) {
    const offset = child.position?.start.offset ?? 0;
    if (child.type !== 'WordNode' || offset < from) continue;
    while (next < skipped.length && (skipped[next] as Word).end <= offset) next++;
    const word = skipped[next];
    if (word && word.start <= offset && offset < word.end) continue;
    words.push(child.children.map((part) => ('value' in part ? part.value : '')).join(''));
  }
  return words;
}

const DIGIT_OR_AT = /[0-9@]/;

/** True for words that are not prose: web addresses, email addresses, phone numbers and references (“362-LG-7782”). */
export function isNonProse(word: string): boolean {
  // Each test below needs a digit, an “@”, or “http”/“www.” at the start: most words have none.
  const first = word.charCodeAt(0) | 0x20;
  if (first !== 0x68 && first !== 0x77 && !DIGIT_OR_AT.test(word)) return false;
  return (
    /^(?:https?:\/\/|www\.)/i.test(word) ||
    isEmailAddress(word) ||
    /^\+?\d[\d\s()-]{6,}$/.test(word) ||
    /^(?=[^-/]*[-/])(?=.*\d)(?=.*\p{Lu})[\p{L}\d]+(?:[-/][\p{L}\d]+)+$/u.test(word)
  );
}

/**
 * True for `local@domain.tld`, as `/^[^\s@]+@[^\s@]+\.[^\s@]+$/` says, without its backtracking
 * (which tries every full stop of a long “word” such as “a@b.b.b.…@” against the rest of it): one
 * “@”, not first, no white space, and a full stop in the part after the “@” that is neither its
 * first nor its last character.
 */
function isEmailAddress(word: string): boolean {
  const at = word.indexOf('@');
  if (at < 1 || word.includes('@', at + 1) || /\s/.test(word)) return false;
  const dot = word.indexOf('.', at + 2);
  return dot >= 0 && dot < word.length - 1;
}
