/**
 * The ruleset: all the rules of a run — the bundled YAML packs in `rules/`, any extra packs, then
 * the code rules in `src/rules/` — and the checker built from them. This is where packs are read
 * from disk; they are read, validated and compiled once per process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normaliseOptions, type CheckOptionsInput } from './engine/options.js';
import type { Checker } from './engine/checker.js';
import type { Rule } from './engine/rule.js';
import { packsHash, readCachedDefinitions, type PackSource } from './packs/cache.js';
import { compileDefinition } from './packs/compile.js';
import { ruleData } from './packs/data.js';
import { PackError, parsePack, parsePacks, type PackRuleDefinition } from './packs/read.js';
import { packagePath } from './paths.js';
import { codeRules } from './rules/index.js';

let bundled: readonly Rule[] | null = null;

/** Read, validate and compile the pack at `filePath`. */
export function loadPackFile(filePath: string, displayName = filePath): Rule[] {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read';
    throw new PackError(displayName, 1, 1, `rule pack ${reason}`);
  }
  return parsePack(displayName, text).map(compileDefinition);
}

/** The directory of the bundled packs. */
export const BUNDLED_PACKS = packagePath('rules');

/** The bundled pack files, by name. */
export function bundledPackSources(): PackSource[] {
  return readdirSync(BUNDLED_PACKS)
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name: `rules/${name}`, text: readFileSync(path.join(BUNDLED_PACKS, name), 'utf8') }));
}

/** The validated definitions of the bundled packs, read from YAML. */
export function parseBundledPacks(sources: readonly PackSource[] = bundledPackSources()): PackRuleDefinition[] {
  return parsePacks(sources);
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

/** Options for `createChecker`. */
export interface CheckerInput {
  readonly options?: CheckOptionsInput;
  /** Extra rule packs (YAML files) to load after the bundled ones. */
  readonly packs?: readonly string[];
  /** Run only these rule ids (for tests and focused checks). */
  readonly only?: readonly string[];
}

/** Build a checker: load and compile the rules, normalise the options. */
export function createChecker(input: CheckerInput = {}): Checker {
  let rules = allRules(input.packs ?? []);
  if (input.only) {
    // A rule that combines others' findings brings them along.
    const wanted = new Set(input.only.flatMap((id) => [id, ...(rules.find((rule) => rule.meta.id === id)?.meta.combines ?? []).map((part) => part.ruleId)]));
    const unknown = [...wanted].filter((id) => !rules.some((rule) => rule.meta.id === id));
    if (unknown.length > 0) throw new Error(`unknown rule id: ${unknown.join(', ')}`);
    rules = rules.filter((rule) => wanted.has(rule.meta.id));
  }
  return { rules, options: normaliseOptions(input.options), data: ruleData() };
}
