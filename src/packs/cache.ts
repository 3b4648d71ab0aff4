/**
 * A cache of the bundled packs' validated definitions, written at build time (`npm run build`)
 * next to the compiled code, so a run does not parse and validate the YAML again. It is keyed by
 * a hash of the packs' text: edit a pack and the cache is ignored until the next build.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { PackRuleDefinition } from './read.js';

/** Where the cache lives: dist/engine/packs-cache.json. */
export const PACK_CACHE = packagePath('dist', 'engine', 'packs-cache.json');

/** One pack file: its name and text. */
export interface PackSource {
  readonly name: string;
  readonly text: string;
}

/** The shape of the cached definitions: change it when they change, so an older cache is not read. */
const CACHE_FORMAT = 'phrase-patterns-2';

/** The hash of a set of pack files (and of the cache's format). */
export function packsHash(sources: readonly PackSource[]): string {
  const hash = createHash('sha256').update(CACHE_FORMAT).update('\u0000');
  for (const { name, text } of sources) hash.update(name).update('\u0000').update(text).update('\u0000');
  return hash.digest('hex');
}

const REGEXP = '$regexp';

/** Definitions as JSON, with regular expressions kept as source and flags. */
export function serialiseDefinitions(hash: string, definitions: readonly PackRuleDefinition[]): string {
  return JSON.stringify({ hash, definitions }, (_key, value: unknown) =>
    value instanceof RegExp ? { [REGEXP]: [value.source, value.flags] } : value,
  );
}

/** The cached definitions, when the cache is for exactly these pack files; otherwise null. */
export function readCachedDefinitions(hash: string, file = PACK_CACHE): PackRuleDefinition[] | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const cached = JSON.parse(text, (_key, value: unknown) => {
    const pair = (value as Record<string, unknown> | null)?.[REGEXP];
    return Array.isArray(pair) ? new RegExp(pair[0] as string, pair[1] as string) : value;
  }) as { hash?: string; definitions?: PackRuleDefinition[] };
  return cached.hash === hash && Array.isArray(cached.definitions) ? cached.definitions : null;
}

/** Write the cache. */
export function writeCachedDefinitions(hash: string, definitions: readonly PackRuleDefinition[], file = PACK_CACHE): void {
  writeFileSync(file, serialiseDefinitions(hash, definitions));
}
