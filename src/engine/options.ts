/**
 * Check options: every tunable number, with its default, normalised once per run. Three
 * profiles set the thresholds from the rule catalogue: `standard` (GOV.UK and Word guidance),
 * `nhs` (NHS service manual) and `easy-read` (GOV.UK and DH Easy Read guidance).
 */
import type { Severity } from '../types.js';
import type { DocType } from './doc-type.js';
import { PROFILES, SETTINGS, type NumericOption, type Profile } from './settings.js';

export { PROFILES, type Profile } from './settings.js';

/** Normalised options every rule reads. */
export interface CheckOptions {
  readonly profile: Profile;
  /** Target reading age for `readability/hard-sentence`, `readability/reading-age` and the summary. Its defaults are in ./settings.ts. */
  readonly readingAge: number;
  /** Sentences with more words than this get a warning. Its defaults are in ./settings.ts. */
  readonly sentenceWarnWords: number;
  /** Sentences with more words than this (and not over the warning limit) get an info. Its defaults are in ./settings.ts. */
  readonly sentenceInfoWords: number;
  /** Paragraphs with more sentences than this get an info. Its defaults are in ./settings.ts. */
  readonly paragraphInfoSentences: number;
  /** Paragraphs with more sentences than this get a warning. Its defaults are in ./settings.ts. */
  readonly paragraphWarnSentences: number;
  /** Paragraphs with more words than this get a warning. Its defaults are in ./settings.ts. */
  readonly paragraphWarnWords: number;
  /** Lists with more items than this get an info. Its defaults are in ./settings.ts. */
  readonly listMaxItems: number;
  /** Average sentence length above this gets a warning. Its defaults are in ./settings.ts. */
  readonly averageSentenceWarnWords: number;
  /** Document formulas are reported only with at least this many words of prose. Its defaults are in ./settings.ts. */
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

type ProfileDefaults = Omit<CheckOptions, 'rules' | 'knownAcronyms' | 'docType' | 'docTypeReason' | 'allowed' | 'allowedBy' | 'keepText'>;

/** Each profile's thresholds, from the one table of settings (./settings.ts). */
const PROFILE_DEFAULTS: Readonly<Record<Profile, ProfileDefaults>> = Object.fromEntries(
  PROFILES.map((profile) => [
    profile,
    {
      profile,
      ...(Object.fromEntries(SETTINGS.map((setting) => [setting.name, setting.defaults[profile]])) as Record<NumericOption, number>),
      flagEveryAcronym: profile === 'easy-read',
    },
  ]),
) as Record<Profile, ProfileDefaults>;

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
