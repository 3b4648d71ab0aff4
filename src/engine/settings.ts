/**
 * The one table of thresholds: each setting's name, range, default in each profile and what it
 * does. The profiles' defaults (./options.ts), the config's validation and starter file
 * (src/config/), `--help` and the README's table are all made from it, so they cannot disagree.
 */
/** The named sets of thresholds. */
export type Profile = 'standard' | 'nhs' | 'easy-read';

/** Every profile name. */
export const PROFILES: readonly Profile[] = ['standard', 'nhs', 'easy-read'];

/** The thresholds a config may set. */
export type NumericOption =
  | 'readingAge'
  | 'sentenceWarnWords'
  | 'sentenceInfoWords'
  | 'paragraphInfoSentences'
  | 'paragraphWarnSentences'
  | 'paragraphWarnWords'
  | 'listMaxItems'
  | 'averageSentenceWarnWords'
  | 'minWordsForDocumentScores';

/** One threshold. */
export interface Setting {
  readonly name: NumericOption;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** Its value in each profile. */
  readonly defaults: Readonly<Record<Profile, number>>;
  /** What it does. */
  readonly description: string;
}

const same = (value: number): Record<Profile, number> => ({ standard: value, nhs: value, 'easy-read': value });

/** Every threshold, in the order they are documented. */
export const SETTINGS: readonly Setting[] = [
  { name: 'readingAge', min: 5, max: 25, integer: false, defaults: { standard: 14, nhs: 11, 'easy-read': 9 }, description: 'target reading age for hard sentences and the whole document' },
  { name: 'sentenceWarnWords', min: 5, max: 200, integer: true, defaults: { standard: 25, nhs: 20, 'easy-read': 15 }, description: 'sentences with more words than this get a warning' },
  { name: 'sentenceInfoWords', min: 5, max: 200, integer: true, defaults: { standard: 25, nhs: 20, 'easy-read': 15 }, description: 'sentences with more words than this (and not over the warning limit) get an info' },
  { name: 'paragraphInfoSentences', min: 1, max: 100, integer: true, defaults: { standard: 3, nhs: 3, 'easy-read': 2 }, description: 'paragraphs with more sentences than this get an info' },
  { name: 'paragraphWarnSentences', min: 1, max: 100, integer: true, defaults: same(5), description: 'paragraphs with more sentences than this get a warning' },
  { name: 'paragraphWarnWords', min: 10, max: 2000, integer: true, defaults: same(100), description: 'paragraphs with more words than this get a warning' },
  { name: 'listMaxItems', min: 2, max: 200, integer: true, defaults: same(6), description: 'lists with more items than this get an info' },
  { name: 'averageSentenceWarnWords', min: 5, max: 200, integer: true, defaults: { standard: 20, nhs: 20, 'easy-read': 15 }, description: 'an average sentence length above this gets a warning' },
  { name: 'minWordsForDocumentScores', min: 0, max: 100_000, integer: true, defaults: same(100), description: 'document scores are given only with at least this many words of prose' },
];

/** The setting called `name`. */
export function settingOf(name: NumericOption): Setting {
  const setting = SETTINGS.find((candidate) => candidate.name === name);
  if (!setting) throw new Error(`no setting ${name}`);
  return setting;
}

/** Its defaults in words: “14; nhs 11; easy-read 9”, or “100” when every profile agrees. */
export function defaultsText(setting: Setting): string {
  const { standard, nhs, 'easy-read': easyRead } = setting.defaults;
  if (standard === nhs && nhs === easyRead) return String(standard);
  const others = [nhs !== standard ? `nhs ${nhs}` : null, easyRead !== standard ? `easy-read ${easyRead}` : null].filter((part) => part !== null);
  return [String(standard), ...others].join('; ');
}
