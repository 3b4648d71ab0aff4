/**
 * Configuration that lives in the repository: `.recruit-checkrc.json`, `.recruit-checkrc.yaml`
 * (or `.yml`), or a `recruit-check` key in `package.json`, found from the checked file's folder
 * upwards (the nearest one wins), or named with `--config`. A bad config is a `ConfigError` whose
 * message names the file, the line (YAML), the key and what is allowed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { DOC_TYPES, type DocType } from '../engine/doc-type.js';
import { PROFILES, type CheckOptionsInput, type Profile } from '../engine/options.js';
import { defaultsText, SETTINGS as OPTION_SPECS, type NumericOption } from '../engine/settings.js';
import { didYouMean, resolveRuleName } from '../rule-names.js';
import { LocatedDocument } from '../yaml/located.js';
import { SEVERITIES, type Severity } from '../types.js';

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILES = ['.recruit-checkrc.json', '.recruit-checkrc.yaml', '.recruit-checkrc.yml', 'package.json'] as const;

/** The key that holds recruit-check's settings in package.json. */
export const PACKAGE_KEY = 'recruit-check';

/** A rule setting: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** A threshold a config may set, with its allowed range. */
/** The thresholds a config may set: the one table of settings. */
export { OPTION_SPECS, type NumericOption };
export type { Setting as OptionSpec } from '../engine/settings.js';

/** The keys a config may have. */
export const CONFIG_KEYS = ['profile', 'options', 'rules', 'types', 'employers', 'packs', 'allow', 'acronyms', 'ignore'] as const;

/** A read and validated config file. */
export interface Config {
  /** The config file, as a path relative to the working folder when it is below it. */
  readonly file: string;
  /** The folder globs and pack paths are relative to. */
  readonly folder: string;
  readonly profile: Profile | null;
  readonly options: Readonly<Partial<Record<NumericOption, number>>>;
  /** Rule settings by rule id, or by `pack/*` for every rule of a pack. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Document types by glob, in the order written: the first match wins. */
  readonly types: readonly { readonly pattern: string; readonly type: DocType }[];
  /** Employers by glob, in the order written (the first match wins), for `recruit-check audit`. */
  readonly employers: readonly { readonly pattern: string; readonly name: string }[];
  /** Extra rule packs: absolute paths. */
  readonly packs: readonly string[];
  /** Phrases never reported. */
  readonly allow: readonly string[];
  /** Acronyms that need no spelling out. */
  readonly acronyms: readonly string[];
  /** Globs of files never checked. */
  readonly ignore: readonly string[];
  /** Where a key path is written in the file (its line, for YAML), for later error messages. */
  readonly where: (keys: readonly (string | number)[]) => string;
}

/** A config that cannot be used: the message names the file, the key and what is allowed. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Locate = (keys: readonly (string | number)[]) => string;

/** Where a file path is shown: relative to the working folder when below it. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}

/** Parse a config file's text: JSON (`.json`, package.json) or YAML. */
function parseText(file: string, text: string): { value: unknown; locate: Locate } | null {
  const shown = shownPath(file);
  const base = path.basename(file);
  if (base === 'package.json' || file.endsWith('.json')) {
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      const message = (error as Error).message;
      const position = /position (\d+)/.exec(message);
      const line = position ? `:${lineOf(text, Number(position[1]))}` : '';
      const reason = message.replace(/^Unexpected/, 'unexpected').replace(/, ".*$/s, '').split('\n')[0];
      throw new ConfigError(`${shown}${line}: invalid JSON (${reason}) — fix the syntax, or run \`recruit-check init\` for a valid starter config`);
    }
    const locate: Locate = (keys) => `${shown}: ${keyPath(base === 'package.json' ? [PACKAGE_KEY, ...keys] : keys)}`;
    if (base === 'package.json') {
      if (!isRecord(value) || !(PACKAGE_KEY in value)) return null;
      return { value: value[PACKAGE_KEY], locate };
    }
    return { value, locate };
  }
  const document = new LocatedDocument(
    shown,
    text,
    (position, reason) => new ConfigError(`${shown}:${position.line}: invalid YAML (${reason}) — fix the syntax, or run \`recruit-check init\` for a valid starter config`),
  );
  const locate: Locate = (keys) => {
    const position = document.positionOf(keys);
    return `${shown}${position ? `:${position.line}` : ''}: ${keyPath(keys)}`;
  };
  return { value: document.toJS(), locate };
}

function keyPath(keys: readonly (string | number)[]): string {
  if (keys.length === 0) return 'the config';
  return keys.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a parsed config, one key at a time. */
class Validator {
  constructor(private readonly locate: Locate) {}

  fail(keys: readonly (string | number)[], problem: string): never {
    throw new ConfigError(`${this.locate(keys)}: ${problem}`);
  }

  record(value: unknown, keys: readonly string[], what: string): Record<string, unknown> {
    if (!isRecord(value)) this.fail(keys, `must be a mapping of ${what}`);
    return value;
  }

  strings(value: unknown, key: string, what: { readonly one: string; readonly many: string }): string[] {
    if (!Array.isArray(value)) this.fail([key], `must be a list of ${what.many}`);
    return value.map((item: unknown, index) => {
      if (typeof item !== 'string' || item.trim() === '') this.fail([key, index], `must be ${what.one} (text), not ${describe(item)}`);
      return item.trim();
    });
  }

  oneOf<T extends string>(value: unknown, keys: readonly (string | number)[], allowed: readonly T[]): T {
    if (typeof value !== 'string' || !allowed.includes(value as T)) {
      this.fail(keys, `is ${describe(value)}; allowed: ${allowed.join(', ')}`);
    }
    return value as T;
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `“${value}”`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Validate a parsed config value from `file`. */
export function validateConfig(value: unknown, file: string, locate: Locate): Config {
  const check: Validator = new Validator(locate);
  const folder = path.dirname(path.resolve(file));
  if (value === null || value === undefined) value = {};
  // A key with nothing after it (or only comments) in YAML is null: the same as leaving it out.
  const fields = Object.fromEntries(
    Object.entries(check.record(value, [], `settings (${CONFIG_KEYS.join(', ')})`)).filter(([, entry]) => entry !== null),
  );
  for (const key of Object.keys(fields)) {
    if (key === '$schema') continue;
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) check.fail([key], `unknown key; allowed: ${CONFIG_KEYS.join(', ')}`);
  }

  const profile = fields['profile'] === undefined ? null : check.oneOf(fields['profile'], ['profile'], PROFILES);

  const options: Partial<Record<NumericOption, number>> = {};
  if (fields['options'] !== undefined) {
    const given = check.record(fields['options'], ['options'], 'thresholds');
    for (const [name, number] of Object.entries(given)) {
      const spec = OPTION_SPECS.find((candidate) => candidate.name === name);
      if (!spec) check.fail(['options', name], `unknown option; allowed: ${OPTION_SPECS.map((candidate) => candidate.name).join(', ')}`);
      if (typeof number !== 'number' || !Number.isFinite(number) || number < spec.min || number > spec.max || (spec.integer && !Number.isInteger(number))) {
        check.fail(['options', name], `is ${describe(number)}; it must be ${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max} (${spec.description}; default ${defaultsText(spec)})`);
      }
      options[spec.name] = number;
    }
  }

  const rules: Record<string, RuleSetting> = {};
  if (fields['rules'] !== undefined) {
    const given = check.record(fields['rules'], ['rules'], 'rule ids to error, warning, info or off');
    for (const [id, setting] of Object.entries(given)) {
      if (!/^[a-z0-9-]+(?:\/(?:[a-z0-9-]+|\*))?$/.test(id)) check.fail(['rules', id], 'is not a rule id — write `pack/rule-name` (as `recruit-check rules` lists them), the rule name alone, or `pack/*`');
      rules[id] = check.oneOf(setting === false ? 'off' : setting, ['rules', id], [...SEVERITIES, 'off'] as RuleSetting[]);
    }
  }

  const types: { pattern: string; type: DocType }[] = [];
  if (fields['types'] !== undefined) {
    const given = check.record(fields['types'], ['types'], 'file patterns to document types');
    for (const [pattern, type] of Object.entries(given)) types.push({ pattern, type: check.oneOf(type, ['types', pattern], DOC_TYPES) });
  }

  const employers: { pattern: string; name: string }[] = [];
  if (fields['employers'] !== undefined) {
    const given = check.record(fields['employers'], ['employers'], 'file patterns to employer names');
    for (const [pattern, name] of Object.entries(given)) {
      if (typeof name !== 'string' || name.trim() === '') check.fail(['employers', pattern], 'must be the name of the employer, as text');
      employers.push({ pattern, name: name.trim() });
    }
  }

  const list = (key: string, one: string, many: string): string[] => (fields[key] === undefined ? [] : check.strings(fields[key], key, { one, many }));
  const packs = list('packs', 'a rule pack file', 'rule pack files').map((pack) => path.resolve(folder, pack));
  return {
    file: shownPath(path.resolve(file)),
    folder,
    profile,
    options,
    rules,
    types,
    employers,
    packs,
    allow: list('allow', 'a phrase', 'phrases'),
    acronyms: list('acronyms', 'an acronym', 'acronyms'),
    ignore: list('ignore', 'a file pattern', 'file patterns'),
    where: locate,
  };
}

/**
 * Read the config file `file`. Null for a package.json without a `recruit-check` key; throws a
 * ConfigError for a config that cannot be read or used.
 */
export function readConfigFile(file: string): Config | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'config file not found — check the path given to --config' : code === 'EISDIR' ? 'is a folder, not a config file' : `cannot be read (${code ?? 'error'})`;
    throw new ConfigError(`${shownPath(file)}: ${problem}`);
  }
  const parsed = parseText(file, text);
  return parsed ? validateConfig(parsed.value, file, parsed.locate) : null;
}

/** Finds the config for each checked file, reading each folder's files once. */
export class ConfigFinder {
  private readonly byFolder = new Map<string, Config | null>();

  /** `fixed`: the config to use for every file (`--config`); `search: false`: none (`--no-config`). */
  constructor(private readonly setup: { readonly fixed: Config | null; readonly search: boolean }) {}

  /** The config for a file (its path), or for standard input (null: the working folder). */
  forFile(file: string | null): Config | null {
    if (this.setup.fixed) return this.setup.fixed;
    if (!this.setup.search) return null;
    return this.inFolder(file === null ? process.cwd() : path.dirname(path.resolve(file)));
  }

  private inFolder(folder: string): Config | null {
    const known = this.byFolder.get(folder);
    if (known !== undefined) return known;
    let found: Config | null = null;
    for (const name of CONFIG_FILES) {
      const file = path.join(folder, name);
      if (!existsSync(file)) continue;
      found = readConfigFile(file);
      if (found) break;
    }
    const parent = path.dirname(folder);
    if (!found && parent !== folder) found = this.inFolder(parent);
    this.byFolder.set(folder, found);
    return found;
  }
}

/** A file's path relative to the config's folder, with forward slashes, for matching globs. */
function relativeTo(config: Config, file: string): string {
  return path.relative(config.folder, path.resolve(file)).split(path.sep).join('/');
}

/** Compiled glob matchers, by their patterns: each is compiled once per run, not once per file. */
const matchers = new Map<string, (file: string) => boolean>();

function matcher(patterns: readonly string[]): (file: string) => boolean {
  const key = patterns.join('\u0000');
  let match = matchers.get(key);
  if (!match) {
    match = picomatch([...patterns], { dot: true });
    matchers.set(key, match);
  }
  return match;
}

/** True when `file` is one the config's `ignore` patterns leave out. */
export function isIgnored(config: Config, file: string): boolean {
  if (config.ignore.length === 0) return false;
  const relative = relativeTo(config, file);
  return !relative.startsWith('..') && matcher(config.ignore)(relative);
}

/** The document type the config gives `file`, or null. */
export function typeFor(config: Config, file: string): DocType | null {
  return firstMatch(config, config.types, file)?.type ?? null;
}

/** The employer the config's `employers` give a file (the first pattern that matches), or null. */
export function employerFor(config: Config, file: string): string | null {
  return firstMatch(config, config.employers, file)?.name ?? null;
}

/** The first of a config's pattern entries (`types`, `employers`) whose pattern matches `file`. */
function firstMatch<T extends { readonly pattern: string }>(config: Config, entries: readonly T[], file: string): T | undefined {
  const relative = relativeTo(config, file);
  return entries.find((entry) => matcher([entry.pattern])(relative));
}

/** Rules merged or renamed, by their old id: a config naming one is told the new id. */
const RENAMED_RULES: Readonly<Record<string, string>> = {
  'readability/flesch-reading-ease': 'readability/reading-age',
  'readability/flesch-kincaid-grade': 'readability/reading-age',
  'readability/smog-grade': 'readability/reading-age',
};

/**
 * The rule settings with `pack/*` entries spelled out for every rule of the pack; a rule named
 * on its own wins over its pack's entry. Unknown ids and packs are a ConfigError.
 */
export function expandRuleSettings(config: Config, ruleIds: readonly string[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  const entries = Object.entries(config.rules);
  for (const [id, setting] of entries) {
    if (!id.endsWith('/*')) continue;
    const pack = id.slice(0, -1);
    const members = ruleIds.filter((rule) => rule.startsWith(pack));
    if (members.length === 0) {
      const packs = [...new Set(ruleIds.map((rule) => rule.split('/')[0]))].join(', ');
      throw new ConfigError(`${config.where(['rules', id])}: no rule pack “${pack.slice(0, -1)}” — the packs are ${packs}`);
    }
    for (const member of members) settings[member] = setting;
  }
  for (const [id, setting] of entries) {
    if (id.endsWith('/*')) continue;
    const renamed = RENAMED_RULES[id];
    if (renamed !== undefined && ruleIds.includes(renamed)) {
      throw new ConfigError(`${config.where(['rules', id])}: this rule is now part of ${renamed} (one reading-age finding instead of three scores) — set ${renamed} instead`);
    }
    // The full id, or the rule's name alone when only one rule has it, as `explain` takes it.
    const name = resolveRuleName(id, ruleIds);
    if (name.kind === 'ambiguous') throw new ConfigError(`${config.where(['rules', id])}: is the name of ${name.ids.join(' and ')} — give the full id`);
    if (name.kind === 'unknown') throw new ConfigError(`${config.where(['rules', id])}: no rule with this id — ${didYouMean(name.similar)}`);
    settings[name.id] = setting;
  }
  return settings;
}

/** The checker options a config sets (before the command line's own options are laid on top). */
export function configOptions(config: Config, rules: Readonly<Record<string, RuleSetting>>): CheckOptionsInput {
  return {
    ...(config.profile ? { profile: config.profile } : {}),
    ...config.options,
    rules,
    knownAcronyms: config.acronyms,
    allowed: config.allow,
    allowedBy: `allowed in ${config.file}`,
  };
}
