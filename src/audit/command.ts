/**
 * The `recruit-check audit` command: check every document named (files, folders, globs) with the
 * same loaders, rules, config, limits and workers as a check, sum the results as they arrive, and
 * write the dashboard (HTML), the JSON or the CSV — compared with an earlier audit when asked.
 */
import type { ResourceLimits } from 'node:worker_threads';
import { checkWriteTarget } from '../atomic.js';
import { expandInputs, type Input } from '../cli/files.js';
import { planRun, ruleMetas, type Plan } from '../cli/plan.js';
import { autoJobs, checkInPool, workerLimits } from '../cli/pool.js';
import { Progress } from '../cli/progress.js';
import { Checkers, checkInput } from '../cli/run.js';
import type { DocType } from '../engine/doc-type.js';
import type { Profile } from '../engine/options.js';
import { commandLineLimits } from '../load/read.js';
import { formatAuditCsv } from './csv.js';
import { auditHtmlPieces } from './html.js';
import { auditJsonPieces, compareAudits, readPreviousAudit, type AuditJson } from './json.js';
import { AuditTally, type GroupBy } from './measure.js';

/**
 * The heap of an audit's workers, in MB. An audit may read thousands of files, and V8 lets a heap
 * grow by a larger factor before collecting it the higher its limit is: with the check's 2,048 MB
 * old generation, an audit of 1,000 job-board pages peaked at 293 MB; with 1,024 MB at 194 MB,
 * for about a fifth more CPU time (23.3 s against 19.1 s). A worker holds one document at a time,
 * so a 4 MB young generation (the check's is 16 MB) costs no time that could be measured and
 * keeps another 10 MB a worker (1,000 pages: 172 MB against 193 MB, 21.6 s of CPU against 22.6 s).
 * An audit trades that time for memory that stays flat; a file that needs more old generation
 * is checked again with the full limit (`--max-memory`). Workers that may read PDFs keep their
 * lower limit (see `workerLimits`).
 */
const AUDIT_OLD_GENERATION_MB = 1024;
const AUDIT_YOUNG_GENERATION_MB = 4;

/** The memory limits of an audit's workers. */
function auditWorkerLimits(inputs: readonly Input[], maxMemoryMb: number): ResourceLimits {
  const limits = workerLimits(inputs, maxMemoryMb);
  return { ...limits, maxOldGenerationSizeMb: Math.min(AUDIT_OLD_GENERATION_MB, limits.maxOldGenerationSizeMb ?? maxMemoryMb), maxYoungGenerationSizeMb: AUDIT_YOUNG_GENERATION_MB };
}

/** The formats of an audit. */
export type AuditFormat = 'html' | 'json' | 'csv';

/** The command's options, as commander gives them. */
export interface AuditOptions {
  readonly format?: AuditFormat;
  readonly output?: string;
  readonly groupBy: GroupBy;
  readonly compare?: string;
  /** `--config <file>` (a string), `--no-config` (false), or neither (true). */
  readonly config: string | boolean;
  readonly ignore: boolean;
  readonly profile?: Profile;
  readonly type?: DocType;
  readonly maxFileSize: number;
  readonly timeout: number;
  readonly maxMemory: number;
  readonly jobs?: number;
  readonly progress: boolean;
}

/** Where the command writes. */
export interface AuditIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Say one line (`recruit-check: …`) on standard error. */
  readonly say: (message: string) => void;
  /** Write the audit to `file` a chunk at a time, put in place only when complete; rejects with why it could not be. */
  readonly writeFile: (file: string, chunks: Iterable<string>) => Promise<void>;
}

/** How many characters of the report go in one chunk: few messages to the main thread, and never the whole report in one string. */
const CHUNK_CHARACTERS = 1 << 16;

/** The report's pieces joined into chunks of about CHUNK_CHARACTERS. */
function* chunksOf(pieces: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= CHUNK_CHARACTERS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** The format `--output`'s extension asks for, or null. */
function formatOfFile(file: string | undefined): AuditFormat | null {
  const extension = /\.([a-z]+)$/i.exec(file ?? '')?.[1]?.toLowerCase();
  return extension === 'html' || extension === 'htm' ? 'html' : extension === 'json' ? 'json' : extension === 'csv' ? 'csv' : null;
}

/** Run an audit of `files`; resolves to the exit code (2 when a file could not be read, else 0). */
export async function auditCommand(files: readonly string[], options: AuditOptions, io: AuditIo): Promise<number> {
  if (files.includes('-')) {
    io.say('an audit reads files and folders, not standard input — name the folders of the documents, for example `recruit-check audit adverts/`');
    return 2;
  }
  const format = options.format ?? formatOfFile(options.output) ?? 'html';
  let previous: AuditJson | null = null;
  try {
    // A report that cannot be written is said before any file is checked.
    if (options.output !== undefined) checkWriteTarget(options.output, 'the audit');
    if (options.compare !== undefined) previous = readPreviousAudit(options.compare);
  } catch (error) {
    io.say((error as Error).message);
    return 2;
  }
  let plan: Plan;
  try {
    plan = planRun(await expandInputs(files), files, {
      config: options.config === true ? undefined : options.config,
      ignore: options.ignore,
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.type ? { type: options.type } : {}),
    });
  } catch (error) {
    io.say((error as Error).message);
    return 2;
  }
  for (const { path, config } of plan.ignored) io.say(`${path}: not audited — ${config} ignores it (use --no-ignore to audit it)`);
  const inputs: readonly Input[] = plan.inputs;
  if (inputs.length === 0) {
    io.say('every file given is ignored by the config — check its `ignore` patterns, or use --no-ignore');
    return 2;
  }
  const limits = commandLineLimits(options.maxFileSize, options.timeout);
  const checkers = new Checkers(plan.checkers, plan.built);
  const rules = ruleMetas(plan);
  const tally = new AuditTally(options.groupBy, rules, { rows: inputs.length, pathUnits: inputs.reduce((units, input) => units + ('path' in input ? input.path.length : 0), 0) });
  const progress = new Progress({ stderr: io.stderr, env: io.env, enabled: options.progress, total: inputs.length });
  const noStdin = (): Promise<Uint8Array> => Promise.reject(new Error('an audit does not read standard input'));
  await checkInPool(
    inputs,
    options.jobs ?? autoJobs(inputs.length),
    { checkers: plan.checkers, limits, audit: true },
    {
      maxMemoryMb: options.maxMemory,
      readStdin: noStdin,
      checkHere: (input) => checkInput(input, checkers, { limits, stdinFilename: null, readStdin: noStdin, audit: true }),
      resourceLimits: auditWorkerLimits(inputs, options.maxMemory),
    },
    (checked) => {
      tally.add(checked.result);
      progress.tick();
    },
  );
  progress.clear();
  const result = tally.result();
  const comparison = previous && options.compare !== undefined ? compareAudits(options.compare, previous, result) : null;
  const pieces = format === 'json' ? auditJsonPieces(result, comparison) : format === 'csv' ? [formatAuditCsv(result, comparison)] : auditHtmlPieces(result, comparison, { readingAge: checkers.get(0).options.readingAge });
  if (options.output !== undefined) {
    try {
      await io.writeFile(options.output, chunksOf(pieces));
    } catch (error) {
      io.say((error as Error).message);
      return 2;
    }
    io.say(`wrote ${options.output} (${format}): ${result.overall.documents.toLocaleString('en-GB')} documents${result.overall.unreadable > 0 ? `, ${result.overall.unreadable.toLocaleString('en-GB')} could not be read` : ''}`);
  } else for (const chunk of chunksOf(pieces)) io.stdout.write(chunk);
  for (const row of result.table.unreadable()) if (row.error) io.say(row.error.message);
  return result.overall.unreadable > 0 ? 2 : 0;
}
