/**
 * All the rules of a run: the bundled YAML packs in `rules/`, any extra packs, then the code
 * rules in `src/rules/`. Packs are read, validated and compiled once per process.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { codeRules } from '../rules/index.js';
import { BUNDLED_PACKS, loadPackFile } from './packs.js';
import type { Rule } from './rule.js';

let bundled: readonly Rule[] | null = null;

/** The rules of the bundled packs (compiled on first use). */
export function bundledPackRules(): readonly Rule[] {
  if (!bundled) {
    const files = readdirSync(BUNDLED_PACKS)
      .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
      .sort();
    bundled = files.flatMap((name) =>
      loadPackFile(path.join(BUNDLED_PACKS, name), `rules/${name}`),
    );
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
