/**
 * Planning a run: which config each input has, which files its `ignore` leaves out, and one
 * checker per config in use, built here once so that a config naming an unknown rule or a bad
 * pack stops the run before any file is checked (exit 2), as any other usage error does.
 */
import {
  ConfigFinder,
  configOptions,
  ConfigError,
  expandRuleSettings,
  isIgnored,
  readConfigFile,
  typeFor,
  employerFor,
  type Config,
} from '../config/config.js';
import { withOptions, type Checker } from '../engine/checker.js';
import type { RuleMeta } from '../engine/rule.js';
import { createChecker, type CheckerInput } from '../ruleset.js';
import type { DocType } from '../engine/doc-type.js';
import type { CheckOptionsInput, Profile } from '../engine/options.js';
import type { Input, InputSettings } from './files.js';

/** What the command line says, which wins over any config. */
export interface CommandLineSettings {
  /** `--config <file>`, or false for `--no-config`, or undefined to search. */
  readonly config: string | false | undefined;
  /** False with `--no-ignore`. */
  readonly ignore: boolean;
  /** Given explicitly (not the default). */
  readonly profile?: Profile;
  readonly readingAge?: number;
  readonly type?: DocType;
  /** Keep each document's text with its findings in place (the HTML report shows it). */
  readonly keepText?: boolean;
}

/** A planned run. */
export interface Plan {
  /** The inputs to check, each with its checker and document type. */
  readonly inputs: readonly Input[];
  /** What each checker is built from (for worker threads). */
  readonly checkers: readonly CheckerInput[];
  /** The checkers, already built. */
  readonly built: ReadonlyMap<number, Checker>;
  /** Files named on the command line that a config's `ignore` leaves out, with that config. */
  readonly ignored: readonly { readonly path: string; readonly config: string }[];
}

/** The command line's own settings, laid over a config's. */
function commandLineOptions(settings: CommandLineSettings): CheckOptionsInput {
  return {
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(settings.readingAge !== undefined ? { readingAge: settings.readingAge } : {}),
    ...(settings.type ? { docType: settings.type, docTypeReason: `you gave --type ${settings.type}` } : {}),
    ...(settings.keepText ? { keepText: true } : {}),
  };
}

/** The checker for a config (or none): rule settings checked against the rules that exist. */
function checkerFor(config: Config | null, settings: CommandLineSettings): { input: CheckerInput; checker: Checker } {
  const overrides = commandLineOptions(settings);
  if (!config) {
    const input = { options: overrides };
    return { input, checker: createChecker(input) };
  }
  let base: Checker;
  try {
    base = createChecker({ packs: config.packs });
  } catch (error) {
    throw new ConfigError(`${config.where(['packs'])}: ${(error as Error).message}`);
  }
  const ids = base.rules.map((rule) => rule.meta.id);
  const rules = expandRuleSettings(config, ids);
  const input: CheckerInput = { packs: config.packs, options: { ...configOptions(config, rules), ...overrides } };
  return { input, checker: withOptions(base, input.options ?? {}) };
}

/** Every rule of every config in use (a config's packs add rules), by id. */
export function ruleMetas(plan: Plan): Map<string, RuleMeta> {
  return new Map([...plan.built.values()].flatMap((built) => built.rules.map((rule) => [rule.meta.id, rule.meta] as const)));
}

/** Plan the run of `inputs` (`named`: the file arguments as given, to tell named files from found ones). */
export function planRun(inputs: readonly Input[], named: readonly string[], settings: CommandLineSettings): Plan {
  const fixed = typeof settings.config === 'string' ? readConfigFile(settings.config) : null;
  if (typeof settings.config === 'string' && !fixed) {
    throw new ConfigError(`${settings.config}: has no “recruit-check” key — add one, or name a .recruit-checkrc file`);
  }
  const finder = new ConfigFinder({ fixed, search: settings.config === undefined });
  const indexes = new Map<Config | null, number>();
  const checkers: CheckerInput[] = [];
  const built = new Map<number, Checker>();
  const indexFor = (config: Config | null): number => {
    let index = indexes.get(config);
    if (index === undefined) {
      const { input, checker } = checkerFor(config, settings);
      index = checkers.length;
      checkers.push(input);
      built.set(index, checker);
      indexes.set(config, index);
    }
    return index;
  };

  const planned: Input[] = [];
  const ignored: { path: string; config: string }[] = [];
  for (const input of inputs) {
    if (input.kind === 'error') {
      planned.push(input);
      continue;
    }
    const file = input.kind === 'file' ? input.path : null;
    const config = finder.forFile(file);
    if (file !== null && config && settings.ignore && isIgnored(config, file)) {
      if (named.includes(file)) ignored.push({ path: file, config: config.file });
      continue;
    }
    const docType = settings.type ? null : config && file !== null ? typeFor(config, file) : null;
    const employer = config && file !== null ? employerFor(config, file) : null;
    planned.push(withSettings(input, indexFor(config), { ...(docType ? { docType } : {}), ...(employer ? { employer } : {}) }));
  }
  // Without any file to check, the checker still reports configuration errors (and lists rules).
  if (checkers.length === 0) indexFor(finder.forFile(null));
  return { inputs: planned, checkers, built, ignored };
}

/**
 * `input` with its checker and settings. Spreading the input into a literal (as
 * `{ ...input, checker }`) gave every input a hidden class of its own in V8, and adding the
 * checker to a literal made without it put it outside the object: about 240 bytes more a file,
 * which an audit of 15,000 files could measure. A literal with every property it usually has
 * keeps them all in the object.
 */
function withSettings(input: Extract<Input, { kind: 'file' | 'stdin' }>, checker: number, settings: Omit<InputSettings, 'checker'>): Input {
  const planned: { kind: 'file' | 'stdin'; path?: string; checker: number; docType?: DocType; employer?: string } = input.kind === 'file' ? { kind: 'file', path: input.path, checker } : { kind: 'stdin', checker };
  // As the spread did: a setting given here wins over the input's own.
  const docType = settings.docType ?? input.docType;
  const employer = settings.employer ?? input.employer;
  if (docType !== undefined) planned.docType = docType;
  if (employer !== undefined) planned.employer = employer;
  return planned as Input;
}

/** The config for commands that check nothing (`rules`, `explain`): the working folder's, or `--config`. */
export function configHere(config: string | false | undefined): Config | null {
  if (config === false) return null;
  if (typeof config === 'string') return readConfigFile(config);
  return new ConfigFinder({ fixed: null, search: true }).forFile(null);
}
