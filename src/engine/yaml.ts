/**
 * The yaml package, loaded on first use. A run whose rule packs and data files come from the
 * build's cache never needs it, and loading it takes about 50 ms of a 0.5 s run.
 */
import { createRequire } from 'node:module';

/** The yaml package's API. */
export type Yaml = typeof import('yaml');

let loaded: Yaml | null = null;

/** The yaml package (its CommonJS build, loaded synchronously the first time). */
export function yaml(): Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as Yaml;
  return loaded;
}
