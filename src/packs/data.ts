/**
 * The rules' data files (`rules/data/*.yml`: acronyms, contexts, gender-coded words). The build
 * (`npm run build`) caches them as JSON in dist/engine/data-cache.json, keyed by a hash of each
 * file's text, so a run does not load the YAML parser for them; an edited file is read from YAML
 * until the next build.
 *
 * This is the one module that reads them: the ruleset (src/ruleset.ts) gives them to the checker,
 * and the engine hands them to each rule in its context (`context.data`).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from '../paths.js';
import type { RuleData } from '../engine/rule.js';
import { yaml } from '../engine/yaml.js';

/** The folder of the data files. */
export const DATA_FOLDER = packagePath('rules', 'data');
/** Where the cache lives. */
export const DATA_CACHE = packagePath('dist', 'engine', 'data-cache.json');

type Cache = Record<string, { readonly hash: string; readonly value: unknown }>;

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
  return yaml().parse(text) as unknown;
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
    entries[name] = { hash: hashOf(text), value: yaml().parse(text) as unknown };
  }
  writeFileSync(file, JSON.stringify(entries));
}

let all: RuleData | null = null;

/** Every data file, parsed, by name (“acronyms.yml”): read once per process. */
export function ruleData(): RuleData {
  all ??= Object.freeze(Object.fromEntries(dataFileNames().map((name) => [name, readDataFile(name)])));
  return all;
}
