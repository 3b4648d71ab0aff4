/**
 * All the rules of a run: the bundled YAML packs in `rules/`, any extra packs, then the code
 * rules in `src/rules/`. Packs are read, validated and compiled once per process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { codeRules } from '../rules/index.js';
import { packsHash, readCachedDefinitions, type PackSource } from './pack-cache.js';
import { BUNDLED_PACKS, compileDefinition, loadPackFile, parsePack, type PackRuleDefinition } from './packs.js';
import type { Rule } from './rule.js';

let bundled: readonly Rule[] | null = null;

/** The bundled pack files, by name. */
export function bundledPackSources(): PackSource[] {
  return readdirSync(BUNDLED_PACKS)
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name: `rules/${name}`, text: readFileSync(path.join(BUNDLED_PACKS, name), 'utf8') }));
}

/** The validated definitions of the bundled packs, read from YAML. */
export function parseBundledPacks(sources: readonly PackSource[] = bundledPackSources()): PackRuleDefinition[] {
  return sources.flatMap(({ name, text }) => parsePack(name, text));
}

/** The rules of the bundled packs (compiled on first use; from the build's cache when it is current). */
export function bundledPackRules(): readonly Rule[] {
  if (!bundled) {
    const sources = bundledPackSources();
    const definitions = readCachedDefinitions(packsHash(sources)) ?? parseBundledPacks(sources);
    bundled = definitions.map(compileDefinition);
  }
  return bundled;
}

/** Every rule: bundled packs, then extra packs (an organisation's own), then code rules. */
export function allRules(extraPacks: readonly string[] = []): readonly Rule[] {
  const rules = [
    ...bundledPackRules(),
    ...extraPacks.flatMap((file) => loadPackFile(file)),
    ...codeRules,
  ];
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const previous = seen.get(rule.meta.id);
    if (previous !== undefined) {
      throw new Error(
        `rule id “${rule.meta.id}” is defined twice: in ${previous} and in ${rule.meta.origin}`,
      );
    }
    seen.set(rule.meta.id, rule.meta.origin);
  }
  return rules;
}
