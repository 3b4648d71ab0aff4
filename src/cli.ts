/**
 * The command line: parse arguments with commander, check the inputs, print the report, and
 * return the exit code (0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable
 * file). Heavy modules are loaded only after the arguments are understood, so `--version` and
 * `--help` stay fast.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { packageVersion } from './paths.js';
import { sanitize, sanitizeLines } from './report/sanitize.js';
import { defaultsText, settingOf } from './engine/settings.js';
import type { DocType } from './engine/doc-type.js';
import type { Profile } from './engine/options.js';
import type { RuleMeta } from './engine/rule.js';
import type { Input } from './cli/files.js';
import type { Checked } from './cli/run.js';
import type { EarlyWorker } from './cli/early-worker.js';
import type { Baseline } from './baseline.js';
import type { CommandLineSettings, Plan } from './cli/plan.js';
import type { ReportFormat } from './report/index.js';
import type { ServeCommandOptions } from './serve/command.js';
import type { AuditOptions } from './audit/command.js';
import type { FailOn, Summary } from './report/summary.js';
import type { FileError, FileResult } from './types.js';

/** Where the CLI reads and writes; the real process by default, replaced in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Reads standard input: all of it, or stops once it has more than `maxBytes` bytes. */
  readonly readStdin: (maxBytes: number) => Promise<Uint8Array>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

interface ParsedOptions {
  format: ReportFormat;
  failOn: FailOn;
  maxWarnings?: number;
  quiet?: boolean;
  verbose?: boolean;
  color: boolean;
  profile: Profile;
  readingAge?: number;
  maxFileSize: number;
  timeout: number;
  maxMemory: number;
  force?: boolean;
  stdinFilename?: string;
  type?: DocType;
  jobs?: number;
  /** `--config <file>`; false with `--no-config`; true (commander's default for the pair) to search. */
  config: string | boolean;
  /** False with `--no-ignore`. */
  ignore: boolean;
  baseline?: string;
  updateBaseline?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  output?: string;
  /** False with `--no-progress`. */
  progress?: boolean;
  /** `--annotate <out.docx>`. */
  annotate?: string;
}

/** All of a stream, or its first bytes once there are more than `maxBytes` (endless input stops there). */
async function readAll(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    total += bytes.length;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks);
}

const defaultIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: (maxBytes) => readAll(process.stdin, maxBytes),
  env: process.env,
};

function integer(min: number, what: string) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min) throw new InvalidArgumentError(`${what} must be a whole number, ${min} or more.`);
    return number;
  };
}

function positive(what: string, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0 || number > max) throw new InvalidArgumentError(`${what} must be a number above 0 and up to ${max}.`);
    return number;
  };
}

/** `--port`: 0 (any free port) to 65535. */
function portNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new InvalidArgumentError('--port must be a whole number from 0 to 65535.');
  return number;
}

function wholeNumber(what: string, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > max) throw new InvalidArgumentError(`${what} must be a whole number from 1 to ${max}.`);
    return number;
  };
}

/** Colour level from --no-color, NO_COLOR, FORCE_COLOR and whether output is a terminal. */
export function colorLevel(flag: boolean, env: CliIo['env'], isTTY: boolean | undefined): 0 | 1 | 2 | 3 {
  if (!flag) return 0;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  if (!isTTY || env['TERM'] === 'dumb') return 0;
  const term = env['COLORTERM'] ?? '';
  return term === 'truecolor' || term === '24bit' ? 3 : /256/.test(env['TERM'] ?? '') ? 2 : 1;
}

/**
 * `--max-file-size`, `--timeout` and `--max-memory`: the limits on each file, the same whether it
 * is checked, audited or sent to the page of `serve`.
 */
function addLimitOptions(command: Command): Command {
  return command
    .option('--max-file-size <megabytes>', 'largest text file to check (Word and PDF files may be 10 times larger)', positive('--max-file-size', 1024), 5)
    .option('--timeout <seconds>', 'longest time to spend checking one file', positive('--timeout', 3600), 30)
    .option('--max-memory <megabytes>', 'most memory checking one file may take', wholeNumber('--max-memory', 16384), DEFAULT_MAX_MEMORY_MB);
}

function buildProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name('recruit-check')
    // `rules --format json` is the rules command's own --format, not the report's.
    .enablePositionalOptions()
    .description(
      'Check job adverts, job descriptions, person specifications and interview letters for the barriers that keep people out of health and care jobs: jargon, hard-to-read writing, exclusionary wording, missing information and inaccessible documents.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .argument('[files...]', 'files (Word, PDF, HTML, Markdown, text), folders (searched for them) or glob patterns; - reads standard input')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['stylish', 'json', 'sarif', 'github', 'html', 'markdown']).default('stylish'))
    .addOption(
      new Option('--fail-on <level>', 'exit with 1 when a finding is at or above this level')
        .choices(['error', 'warning', 'info', 'never'])
        .default('error'),
    )
    .option('--max-warnings <number>', 'exit with 1 when there are more warnings than this', integer(0, '--max-warnings'))
    .option('-q, --quiet', 'report errors only (warnings and info still count for --fail-on and --max-warnings)')
    .option('--verbose', 'the long terminal report: every finding with its section, text, fix, why and who (default: a summary first, one line a finding)')
    .option('--no-color', 'never use colour (NO_COLOR and FORCE_COLOR are respected too)')
    .addOption(
      new Option('--profile <name>', 'thresholds: standard (GOV.UK), nhs (NHS service manual) or easy-read')
        .choices(['standard', 'nhs', 'easy-read'])
        .default('standard'),
    )
    .option('--reading-age <age>', `${READING_AGE.description} (default: ${defaultsText(READING_AGE)})`, positive('--reading-age', READING_AGE.max));
  addLimitOptions(program)
    .option('--stdin-filename <name>', 'name for standard input: the report names it so, and its extension chooses the format (default: Markdown)')
    .option('--jobs <n>', 'check files on n CPU cores; 1 checks one file at a time (default: every core when there are many files)', wholeNumber('--jobs', 64))
    .addOption(
      new Option('--type <type>', 'the kind of document, which decides what it must tell people (default: detected from its title and headings)')
        .choices(['advert', 'job-description', 'person-specification', 'interview-invitation']),
    )
    .option('-c, --config <file>', 'use this config file for every file (default: the nearest .recruit-checkrc.json, .recruit-checkrc.yaml or package.json "recruit-check" key above each file)')
    .option('--no-config', 'use no config file')
    .option('--no-ignore', "check files the config's `ignore` patterns leave out")
    .option('-o, --output <file>', 'write the report to this file (put in place only when complete) instead of standard output')
    .option('--annotate <out.docx>', 'write a copy of the Word file checked with a comment on each finding (the original is never changed)')
    .option('--force', 'let --annotate replace a file that is already there')
    .option('--fix', 'apply the safe, mechanical fixes (“utilise” → “use”) to Markdown and text files, then report what is left')
    .option('--fix-dry-run', 'print the diff --fix would apply, and change nothing')
    .option('--no-progress', 'never show the progress line (it shows on a terminal when checking 10 or more files, never in pipes or CI)')
    .option('--baseline <file>', 'do not report findings recorded in this baseline file (only new ones count)')
    .option('--update-baseline', 'record every finding of the files checked in the baseline file (--baseline, default .recruit-check-baseline.json)')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Commander's errors quote what was typed: control characters are shown, not sent.
      writeErr: (text) => io.stderr.write(sanitizeLines(text)),
      outputError: (text, write) => write(`recruit-check: ${text.replace(/^error: /, '')}`),
    })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Exit codes:
  0  nothing at or above the --fail-on level
  1  findings at or above the --fail-on level, or more warnings than --max-warnings
  2  a usage error, or a file that could not be read

Examples:
  recruit-check advert.md
  recruit-check adverts/ --format json > report.json
  recruit-check "templates/**/*.md" --fail-on warning
  recruit-check letter.docx --type interview-invitation
  recruit-check explain inclusive-language/driving-licence
  cat advert.txt | recruit-check - --stdin-filename advert.txt`,
  );
  return program;
}

/**
 * The most memory checking one file may take, in MB, unless `--max-memory` says otherwise: the
 * heap limit of each worker. A lower limit makes V8 collect more often, whatever the file: 1,024
 * MB cost a run of Markdown adverts about a fifth more CPU time, 256 MB nearly half; from 2,048
 * MB the cost is within the noise. An advert takes about 16 MB.
 */
const DEFAULT_MAX_MEMORY_MB = 2048;

/** `--reading-age`, as the table of settings describes it. */
const READING_AGE = settingOf('readingAge');

/** The commands, for the “did you mean” of a first argument that is neither a file nor one of them. */
const COMMANDS = ['rules', 'explain', 'init', 'serve', 'audit', 'help'];

/**
 * What to say when the first argument looks like a mistyped command (“explian”, “rule”) and is
 * not a file: null when it is a file, a glob, an option, or nothing like a command.
 */
async function mistypedCommand(first: string | undefined): Promise<string | null> {
  if (first === undefined || first.startsWith('-') || /[./\\*?[\]{}]/.test(first) || COMMANDS.includes(first) || existsSync(first)) return null;
  const { nearWords } = await import('./rule-names.js');
  const near = nearWords(first.toLowerCase(), COMMANDS);
  return near.length > 0 ? `“${sanitize(first)}” is not a file or a command — did you mean \`recruit-check ${near[0]}\`? (\`recruit-check --help\` lists the commands)` : null;
}

/** Run the CLI with `args` (without `node` and the script); resolves to the exit code. */
export async function main(args: readonly string[], io: CliIo = defaultIo): Promise<number> {
  // `recruit-check help` is `--help` (unless there is a file called “help”).
  if (args[0] === 'help' && !existsSync('help')) args = ['--help', ...args.slice(1)];
  const mistyped = await mistypedCommand(args[0]);
  if (mistyped) {
    say(io, `${mistyped}`);
    return 2;
  }
  const program = buildProgram(io);
  let task: (() => Promise<number>) | null = null;
  program.action((files: string[]) => {
    task = () => checkFiles(files, program.opts<ParsedOptions>(), io, (name) => program.getOptionValueSource(name) === 'cli');
  });
  program
    .command('rules')
    .description('list every rule: id, severity, I.D.E.A.S. pillar, category and what it looks for')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((options: { format: 'text' | 'json' }) => {
      task = () => listRules(options.format, io);
    });
  program
    .command('init')
    .description('write a starter config, .recruit-checkrc.yaml, with every setting explained')
    .option('--force', 'replace a config file that is already there')
    .action((options: { force?: boolean }) => {
      task = () => initConfig(options.force === true, io);
    });
  addLimitOptions(program.command('audit'))
    .description('check every document named and sum the results: the share that give each required topic, the barriers, reading age and I.D.E.A.S. scores, by folder, employer or kind of document')
    .argument('<files...>', 'files, folders (searched for documents) or glob patterns')
    .addOption(new Option('-f, --format <format>', 'html (a dashboard), json or csv (default: from --output, else html)').choices(['html', 'json', 'csv']))
    .option('-o, --output <file>', 'write the audit to this file (put in place only when complete) instead of standard output')
    .addOption(new Option('--group-by <what>', 'the groups to measure: folder, employer (from the config, an “Employer:” field, or the folder) or type').choices(['folder', 'employer', 'type']).default('folder'))
    .option('--compare <previous.json>', 'compare with an earlier audit (its JSON): the earlier and current share of every measure, and the change')
    .option('-c, --config <file>', 'use this config file for every file (default: the nearest one above each file)')
    .option('--no-config', 'use no config file')
    .option('--no-ignore', "audit files the config's `ignore` patterns leave out")
    .addOption(new Option('--profile <name>', 'thresholds: standard, nhs or easy-read').choices(['standard', 'nhs', 'easy-read']))
    .addOption(new Option('--type <type>', 'the kind of every document (default: detected)').choices(['advert', 'job-description', 'person-specification', 'interview-invitation']))
    .option('--jobs <n>', 'check files on n CPU cores (default: every core when there are many files)', wholeNumber('--jobs', 64))
    .option('--no-progress', 'never show the progress line')
    .action((files: string[], options: AuditOptions) => {
      task = async () => (await import('./audit/host.js')).auditInHost(files, options, { stdout: io.stdout, stderr: io.stderr, env: io.env, say: (message) => say(io, message) });
    });
  addLimitOptions(program.command('serve'))
    .description('start a page in your browser to check a document without the command line: choose, drop or paste it; nothing leaves this computer')
    .option('--port <port>', 'the port to listen on (0: any free port)', portNumber, 4820)
    .option('--host <address>', 'the address to listen on; anything but 127.0.0.1 lets others on that network use the page', '127.0.0.1')
    .option('--open', 'open the page in the default browser')
    .option('-c, --config <file>', 'use this config file (default: the nearest .recruit-checkrc.json, .recruit-checkrc.yaml or package.json "recruit-check" key in or above this folder)')
    .option('--no-config', 'use no config file')
    .action((options: ServeCommandOptions) => {
      task = async () => (await import('./serve/command.js')).serveCommand(options, { stdout: io.stdout, say: (message) => say(io, message) });
    });
  program
    .command('explain')
    .description('explain a rule: why it matters, who it affects, where it comes from, examples and the fix')
    .argument('<rule>', 'a rule id, as `recruit-check rules` prints it')
    .action((id: string) => {
      task = () => explainRule(id, io);
    });
  try {
    program.parse([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    throw error;
  }
  return task ? await (task as () => Promise<number>)() : 0;
}

/**
 * Say one line on standard error, as `recruit-check: …`: every message goes through here, so
 * no control character from a file name or a document reaches the terminal raw.
 */
function say(io: CliIo, message: string): void {
  io.stderr.write(`recruit-check: ${sanitize(message)}\n`);
}

/** Why `--annotate <out>` cannot be done for these inputs (`force`: it may replace a file), or null. */
function annotateProblem(inputs: readonly Input[], out: string, force: boolean): string | null {
  const [only, ...rest] = inputs;
  if (!only || rest.length > 0 || only.kind !== 'file' || !/\.(docx|dotx|docm)$/i.test(only.path)) {
    return '--annotate needs exactly one Word file (.docx) to check — name one file, for example `recruit-check advert.docx --annotate advert-reviewed.docx`';
  }
  if (!/\.docx$/i.test(out)) return `${out}: the annotated copy must be a .docx file — name it, for example, ${only.path.replace(/\.[^.]+$/, '')}-reviewed.docx`;
  if (resolve(out) === resolve(only.path)) return `${out}: is the file being checked — the original is never changed; name another file for the annotated copy`;
  if (!force && existsSync(out)) return `${out}: is already there — name a new file for the annotated copy, or add --force to replace it`;
  return null;
}

/** Write the annotated copy of a checked Word file; false (after saying why) when it cannot be. */
async function writeAnnotated(result: FileResult, out: string, rules: ReadonlyMap<string, RuleMeta>, io: CliIo): Promise<boolean> {
  if (result.error) return true;
  const [{ annotateDocx }, { writeFileAtomic }] = await Promise.all([import('./annotate/docx-comments.js'), import('./atomic.js')]);
  try {
    const copy = await annotateDocx(readFileSync(result.path), result.findings, { shown: result.path, rules });
    writeFileAtomic(out, copy.bytes, { what: 'the annotated copy' });
    say(io, `wrote ${out}, a copy of ${result.path} with ${counted(copy.anchored + copy.documentLevel, 'comment')}`);
    return true;
  } catch (error) {
    const known = error instanceof Error && (error.name === 'AnnotateError' || error.name === 'WriteRefusal');
    say(io, known ? (error as Error).message : `${out}: the annotated copy cannot be written (${(error as Error).message}) — check the folder exists and you may write in it`);
    return false;
  }
}

/** “1 file”, “2 files”. */
function counted(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The command line's settings that a config may also set: only those given explicitly win. */
function commandLineSettings(options: Partial<ParsedOptions>, given: ((name: string) => boolean) | null): CommandLineSettings {
  return {
    config: options.config === true ? undefined : options.config,
    ignore: options.ignore !== false,
    ...(options.profile && (given?.('profile') ?? true) ? { profile: options.profile } : {}),
    ...(options.readingAge !== undefined ? { readingAge: options.readingAge } : {}),
    ...(options.type ? { type: options.type } : {}),
    ...(options.format === 'html' ? { keepText: true } : {}),
  };
}

/** The checker for commands that check nothing: with the working folder's config (its packs and rule settings). */
async function loadChecker(options: Partial<ParsedOptions>, io: CliIo) {
  const { planRun } = await import('./cli/plan.js');
  try {
    return planRun([], [], commandLineSettings(options, null)).built.get(0) ?? null;
  } catch (error) {
    // A config or rule packs that cannot be used: reported in one line.
    say(io, `${(error as Error).message}`);
    return null;
  }
}

async function initConfig(force: boolean, io: CliIo): Promise<number> {
  const { writeStarterConfig } = await import('./config/init.js');
  const result = writeStarterConfig(process.cwd(), force);
  if (!result.ok) {
    say(io, `${result.message}`);
    return 2;
  }
  io.stdout.write(`Wrote ${result.file}: edit it to suit your documents; recruit-check finds it from any file below this folder.\n`);
  return 0;
}

async function listRules(format: 'text' | 'json', io: CliIo): Promise<number> {
  const checker = await loadChecker({}, io);
  if (!checker) return 2;
  const { formatRuleList, formatRuleListJson } = await import('./report/rules.js');
  const metas = checker.rules.map((rule) => rule.meta);
  io.stdout.write(format === 'json' ? formatRuleListJson(metas) : formatRuleList(metas));
  return 0;
}

async function explainRule(id: string, io: CliIo): Promise<number> {
  const checker = await loadChecker({}, io);
  if (!checker) return 2;
  const [{ formatExplain }, { didYouMean, resolveRuleName }] = await Promise.all([import('./report/rules.js'), import('./rule-names.js')]);
  // The full id, or the name after the slash when only one rule has it (`driving-licence`).
  const name = resolveRuleName(id, checker.rules.map((candidate) => candidate.meta.id));
  if (name.kind !== 'rule') {
    const hint = name.kind === 'ambiguous' ? `it is the name of ${name.ids.join(' and ')}: give the full id` : didYouMean(name.similar);
    say(io, `no rule “${sanitize(id)}” — ${hint}`);
    return 2;
  }
  const rule = checker.rules.find((candidate) => candidate.meta.id === name.id);
  if (!rule) return 2;
  io.stdout.write(formatExplain(rule.meta));
  return 0;
}

async function checkFiles(files: readonly string[], options: ParsedOptions, io: CliIo, given: (name: string) => boolean): Promise<number> {
  if (files.length === 0) {
    say(io, 'no files given — try `recruit-check advert.md`, or `recruit-check --help`');
    return 2;
  }
  // The first worker loads the checker while this thread loads and plans (see early-worker.ts);
  // not for PDFs named here, whose workers get a smaller heap. It is stopped if the run ends early.
  const early = files.some((file) => /\.pdf$/i.test(file)) ? undefined : (await import('./cli/early-worker.js')).startEarlyWorker(options.maxMemory);
  try {
    return await checkPlanned(files, options, io, given, early);
  } finally {
    void early?.worker.terminate();
  }
}

async function checkPlanned(files: readonly string[], options: ParsedOptions, io: CliIo, given: (name: string) => boolean, early: EarlyWorker | undefined): Promise<number> {
  // `-o report.html` without `--format`: the report's format follows the file's extension.
  if (options.output !== undefined && !given('format')) {
    const byExtension = formatForFile(options.output);
    if (byExtension) options = { ...options, format: byExtension };
  }
  const [{ expandInputs }, { Checkers, checkInput }, { autoJobs, checkInPool }, { planRun, ruleMetas }, { commandLineLimits, formatForPath, inputLimit, tooLargeError }, report] = await Promise.all([
    import('./cli/files.js'),
    import('./cli/run.js'),
    import('./cli/pool.js'),
    import('./cli/plan.js'),
    import('./load/read.js'),
    import('./report/index.js'),
  ]);
  let plan: Plan;
  try {
    plan = planRun(await expandInputs(files), files, commandLineSettings(options, given));
  } catch (error) {
    // A config or rule packs that cannot be used: reported in one line, and nothing is checked.
    say(io, `${(error as Error).message}`);
    return 2;
  }
  for (const { path, config } of plan.ignored) {
    say(io, `${path}: not checked — ${config} ignores it (use --no-ignore to check it)`);
  }
  if (plan.inputs.length === 0) {
    say(io, 'every file given is ignored by the config — check its `ignore` patterns, or use --no-ignore');
    return 2;
  }
  const { inputs } = plan;
  if (options.annotate !== undefined) {
    const problem = annotateProblem(inputs, options.annotate, options.force === true);
    if (problem) {
      say(io, problem);
      return 2;
    }
  }
  const [{ applyBaseline, BaselineRecorder, DEFAULT_BASELINE, readBaseline }, { AtomicFileWriter, checkWriteTarget, writeFileAtomic }] = await Promise.all([import('./baseline.js'), import('./atomic.js')]);
  let baseline: Baseline | null = null;
  let recorder: InstanceType<typeof BaselineRecorder> | null = null;
  try {
    if (options.updateBaseline) {
      recorder = new BaselineRecorder(readBaseline(options.baseline ?? DEFAULT_BASELINE, true));
      // Every write's target is checked before any work, so none is wasted.
      checkWriteTarget(recorder.baseline().file, 'the baseline');
    } else if (options.baseline) baseline = readBaseline(options.baseline);
    if (options.annotate !== undefined) checkWriteTarget(options.annotate, 'the annotated copy');
  } catch (error) {
    say(io, (error as Error).message);
    return 2;
  }
  const checkers = new Checkers(plan.checkers, plan.built);
  const checker = checkers.get(0);
  const limits = commandLineLimits(options.maxFileSize, options.timeout);
  const fix = options.fixDryRun ? ('dry-run' as const) : options.fix ? ('write' as const) : undefined;
  // --fix changes Markdown and text files only: say so for the others rather than “0 changes”.
  if (fix) {
    for (const input of inputs) {
      if (input.kind === 'stdin') say(io, `standard input is not changed by --fix${fix === 'dry-run' ? '-dry-run' : ''}: save it as a file and fix that, or pipe it through \`recruit-check - --format json\` to see the suggestions`);
      else if (/\.(?:docx|dotx|docm)$/i.test(input.path)) say(io, `${input.path}: Word files are not changed by --fix — use \`--annotate ${input.path.replace(/\.[^.]+$/, '')}-reviewed.docx\` for a copy with a comment on each finding`);
      else if (/\.(?:pdf|html?|xhtml)$/i.test(input.path)) say(io, `${input.path}: only Markdown and text files are changed by --fix — change the original document, then check it again`);
    }
  }
  const stdinFilename = options.stdinFilename ?? null;
  const stdinLimit = inputLimit(stdinFilename ? formatForPath(stdinFilename) : 'markdown', limits);
  // Checking here happens only when no worker can start; the loader refuses input over the limit.
  const runOptions = { limits, stdinFilename, readStdin: () => io.readStdin(stdinLimit), ...(fix ? { fix } : {}) };
  /** Standard input, read here with its size limit (endless input stops at the limit). */
  const readStdin = async (): Promise<Uint8Array | FileError> => {
    const bytes = await io.readStdin(stdinLimit);
    return bytes.length > stdinLimit ? tooLargeError(stdinFilename ?? 'standard input', stdinLimit, null) : bytes;
  };

  // --output: the report goes to a temporary file, put in place only when it is complete.
  let output: InstanceType<typeof AtomicFileWriter> | null = null;
  if (options.output !== undefined) {
    try {
      output = new AtomicFileWriter(options.output);
    } catch (error) {
      say(io, (error as Error).message);
      return 2;
    }
  }
  const { Progress } = await import('./cli/progress.js');
  const progress = new Progress({ stderr: io.stderr, env: io.env, enabled: options.progress !== false, total: inputs.length });
  const write = (text: string): void => {
    if (output) return void output.write(text);
    // The report and the progress line share the terminal: the line goes while the report is written.
    if (io.stdout.isTTY) progress.clear();
    io.stdout.write(text);
  };
  // Each result is reported as soon as it and every one before it are ready.
  const stream =
    fix === 'dry-run'
      ? null
      : report.reportStream(
          options.format,
          {
            colorLevel: output ? 0 : colorLevel(options.color, io.env, io.stdout.isTTY),
            rules: ruleMetas(plan),
            readingAge: checker.options.readingAge,
            ...(options.verbose ? { verbose: true } : {}),
            ...(options.quiet ? { quiet: true } : {}),
            // Long lines wrap to a terminal's width; a pipe or a file gets them whole.
            ...(!output && io.stdout.isTTY && io.stdout.columns ? { width: io.stdout.columns } : {}),
          },
          write,
        );
  let summary: Summary = report.EMPTY_SUMMARY;
  let unreadable = false;
  let notWritten = false;
  let fixes = { applied: 0, files: 0 };
  let annotated: FileResult | null = null;
  const reportOne = (checked: FileResult): void => {
    if (checked.fixes && checked.fixes.applied > 0) fixes = { applied: fixes.applied + checked.fixes.applied, files: fixes.files + 1 };
    if (fix === 'dry-run') {
      // A dry run prints only the diff of what --fix would change, with control characters shown.
      if (checked.fixes?.diff) write(sanitizeLines(checked.fixes.diff));
      unreadable ||= checked.error !== null;
      return;
    }
    recorder?.add(checked);
    const known = recorder?.baseline() ?? baseline;
    const result = known ? applyBaseline(checked, known) : checked;
    if (options.annotate !== undefined) annotated = result;
    summary = report.addToSummary(summary, result);
    unreadable ||= result.error !== null;
    stream?.file(options.quiet ? report.onlyErrorsOf(result) : result);
  };
  /** Write a file's safe fixes (here, never in a worker); the result to report. */
  const writeFix = (checked: Checked): FileResult => {
    const pending = checked.write;
    if (checked.notFixed) {
      notWritten = true;
      say(io, checked.notFixed);
    }
    if (!pending) return checked.result;
    try {
      writeFileAtomic(pending.path, pending.bytes, { unchangedSince: pending.digest, what: 'the fixes' });
      return checked.result;
    } catch (error) {
      notWritten = true;
      say(io, (error as Error).message);
      return pending.unfixed;
    }
  };
  const onResult = (checked: Checked): void => {
    const result = writeFix(checked);
    reportOne(result);
    // A suppression comment that names no rule suppresses nothing: say so, with the file.
    for (const note of result.notes ?? []) {
      progress.clear();
      say(io, `${result.path}: ${note}`);
    }
    progress.tick();
  };
  const jobs = options.jobs ?? autoJobs(inputs.length);
  const maxMemoryMb = options.maxMemory;
  try {
    await checkInPool(inputs, jobs, { checkers: plan.checkers, limits, stdinFilename, ...(fix ? { fix } : {}) }, { maxMemoryMb, readStdin, checkHere: (input) => checkInput(input, checkers, runOptions), ...(early ? { early } : {}) }, onResult);
    progress.clear();
    stream?.end();
    output?.commit();
  } catch (error) {
    // Never leave a half-written report behind.
    output?.abort();
    if (!(error instanceof Error && error.name === 'WriteRefusal')) throw error;
    say(io, error.message);
    return 2;
  }
  if (output && options.output !== undefined) say(io, `wrote ${options.output} (${options.format})`);
  if (fix === 'dry-run') {
    say(io, `--fix would make ${counted(fixes.applied, 'change')} in ${counted(fixes.files, 'file')}; nothing was changed`);
    return unreadable ? 2 : 0;
  }
  if (annotated && options.annotate !== undefined) {
    const written = await writeAnnotated(annotated, options.annotate, ruleMetas(plan), io);
    if (!written) return 2;
  }
  if (fix && fixes.applied > 0) say(io, `fixed ${counted(fixes.applied, 'finding')} in ${counted(fixes.files, 'file')}`);
  if (recorder) {
    try {
      const written = recorder.write();
      say(io, `wrote ${counted(written.findings, 'finding')} in ${counted(written.files, 'file')} to the baseline ${recorder.baseline().file}`);
    } catch (error) {
      say(io, (error as Error).message);
      return 2;
    }
  }
  if (notWritten) return 2;
  const code = report.exitCodeOf(summary, unreadable, options.failOn, options.maxWarnings ?? null);
  // Say why a run failed on its warnings: the report itself does not.
  if (!unreadable && options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    say(io, `${counted(summary.warnings, 'warning')}, more than --max-warnings ${options.maxWarnings} allows`);
  }
  return code;
}

/** The report format a file's extension asks for: `report.html` → html; null for any other. */
function formatForFile(file: string): ReportFormat | null {
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  const formats: Record<string, ReportFormat> = { html: 'html', htm: 'html', json: 'json', sarif: 'sarif', md: 'markdown', markdown: 'markdown' };
  return formats[extension] ?? null;
}
