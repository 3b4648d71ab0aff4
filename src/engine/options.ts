/**
 * Check options: every tunable number, with its default, normalised once per run. Three
 * profiles set the thresholds from the rule catalogue: `standard` (GOV.UK and Word guidance),
 * `nhs` (NHS service manual) and `easy-read` (GOV.UK and DH Easy Read guidance).
 */
import type { Severity } from '../types.js';
import type { DocType } from './doc-type.js';

/** The named sets of thresholds. */
export type Profile = 'standard' | 'nhs' | 'easy-read';

/** Every profile name. */
export const PROFILES: readonly Profile[] = ['standard', 'nhs', 'easy-read'];

/** Normalised options every rule reads. */
export interface CheckOptions {
  readonly profile: Profile;
  /** Target reading age for `readability/hard-sentence`, `readability/reading-age` and the summary (standard 14, nhs 11, easy-read 9). */
  readonly readingAge: number;
  /** Sentences with more words than this get a warning (standard 25, nhs 20, easy-read 15). */
  readonly sentenceWarnWords: number;
  /** Sentences with more words than this (and not over the warning limit) get an info (standard 20). */
  readonly sentenceInfoWords: number;
  /** Paragraphs with more sentences than this get an info (3; easy-read 2). */
  readonly paragraphInfoSentences: number;
  /** Paragraphs with more sentences than this get a warning (5). */
  readonly paragraphWarnSentences: number;
  /** Paragraphs with more words than this get a warning (100). */
  readonly paragraphWarnWords: number;
  /** Lists with more items than this get an info (6). */
  readonly listMaxItems: number;
  /** Average sentence length above this gets a warning (20; easy-read 15). */
  readonly averageSentenceWarnWords: number;
  /** Document formulas are reported only with at least this many words of prose (100). */
  readonly minWordsForDocumentScores: number;
  /** Acronyms that never need spelling out, on top of the bundled list in `rules/data/acronyms.yml`. */
  readonly knownAcronyms: readonly string[];
  /** Easy Read: any acronym is flagged, spelled out or not. */
  readonly flagEveryAcronym: boolean;
  /** Per-rule severity overrides; `off` turns a rule off. */
  readonly rules: Readonly<Record<string, Severity | 'off'>>;
  /** The kind of document, or `auto` to detect it from its title and headings (default). */
  readonly docType: DocType | 'auto';
  /** Why `docType` was given, for the report (“--type”, “the config's types”). */
  readonly docTypeReason: string;
  /** Phrases never reported: a finding whose flagged text is one of them is suppressed. */
  readonly allowed: readonly string[];
  /** The reason recorded for findings the allowed phrases suppress (which config allowed them). */
  readonly allowedBy: string;
  /** Keep the document's text and where each finding is in it (for the HTML report). */
  readonly keepText: boolean;
}

/** Options a caller may give; anything left out comes from the profile. */
export type CheckOptionsInput = Partial<Omit<CheckOptions, 'profile'>> & { profile?: Profile };

const PROFILE_DEFAULTS: Readonly<Record<Profile, Omit<CheckOptions, 'rules' | 'knownAcronyms' | 'docType' | 'docTypeReason' | 'allowed' | 'allowedBy' | 'keepText'>>> = {
  standard: {
    profile: 'standard',
    readingAge: 14,
    sentenceWarnWords: 25,
    sentenceInfoWords: 25,
    paragraphInfoSentences: 3,
    paragraphWarnSentences: 5,
    paragraphWarnWords: 100,
    listMaxItems: 6,
    averageSentenceWarnWords: 20,
    minWordsForDocumentScores: 100,
    flagEveryAcronym: false,
  },
  nhs: {
    profile: 'nhs',
    readingAge: 11,
    sentenceWarnWords: 20,
    sentenceInfoWords: 20,
    paragraphInfoSentences: 3,
    paragraphWarnSentences: 5,
    paragraphWarnWords: 100,
    listMaxItems: 6,
    averageSentenceWarnWords: 20,
    minWordsForDocumentScores: 100,
    flagEveryAcronym: false,
  },
  'easy-read': {
    profile: 'easy-read',
    readingAge: 9,
    sentenceWarnWords: 15,
    sentenceInfoWords: 15,
    paragraphInfoSentences: 2,
    paragraphWarnSentences: 5,
    paragraphWarnWords: 100,
    listMaxItems: 6,
    averageSentenceWarnWords: 15,
    minWordsForDocumentScores: 100,
    flagEveryAcronym: true,
  },
};

/** Fill in every option from the profile (default `standard`). */
export function normaliseOptions(input: CheckOptionsInput = {}): CheckOptions {
  const profile = input.profile ?? 'standard';
  const defaults = PROFILE_DEFAULTS[profile];
  const merged: CheckOptions = {
    ...defaults,
    knownAcronyms: [],
    rules: {},
    docType: 'auto',
    docTypeReason: 'you said so',
    allowed: [],
    allowedBy: 'an allowed phrase',
    keepText: false,
    ...stripUndefined(input),
    profile,
  };
  return merged;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}
