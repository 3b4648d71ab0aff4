/**
 * Check files in worker threads, where a file that takes too long or too much memory can be
 * stopped: every file, in every format, is checked in a worker with a time limit (from the moment
 * it is handed over to its result) and a heap limit. A worker that runs out of either is stopped,
 * the file is reported as one line, and a fresh worker carries on with the rest, so one hostile
 * document never costs the other files' results.
 *
 * Several workers share the files on several CPU cores, each taking the next file as soon as it
 * finishes one; results are handed on strictly in input order as soon as they can be, so the
 * report is the same, byte for byte, whatever the number of workers, and memory holds only the
 * results that are waiting for an earlier one.
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { failedFile } from '../engine/checker.js';
import type { CheckerInput } from '../ruleset.js';
import { formatForPath, type LoadLimits } from '../load/read.js';
import type { FileError, Format } from '../types.js';
import { compiledWorker } from '../paths.js';
import { fullLimits, type EarlyWorker } from './early-worker.js';
import type { Input } from './files.js';
import type { Checked } from './run.js';

/** How the workers are set up. */
export interface PoolSetup {
  /** What each of the run's checkers is built from (an input's `checker` is an index into it). */
  readonly checkers: readonly CheckerInput[];
  readonly limits: LoadLimits;
  /** `--fix` or `--fix-dry-run`. */
  readonly fix?: 'write' | 'dry-run';
  /** `--stdin-filename`: how standard input is named, and what its format is. */
  readonly stdinFilename?: string | null;
  /** `recruit-check audit`: results carry their audit facts. */
  readonly audit?: boolean;
}

/** What the pool hands a worker: one input, with the bytes of standard input already read. */
export interface WorkerTask {
  readonly index: number;
  readonly input: Input;
  readonly stdin?: Uint8Array;
}

/** What a check worker says: it is ready, or a file's result. */
export type WorkerMessage = { ready: true } | { index: number; checked: Checked };

/** Fewer files than this share one worker: starting another costs more than it saves. */
export const MIN_FILES_PER_WORKER = 4;

/**
 * The old generation of a worker that may read PDFs, in MB. pdf.js leaves a lot of garbage behind
 * each file, and V8 lets a heap grow by a larger factor the higher its limit is. A low limit is a
 * trade of time for memory: on 200 two-page benchmark PDFs, 128 MB took 8.9 s of CPU and 171 MB
 * with one worker (236 MB with two), the full 2,048 MB 6.6 s and 248 MB (331 MB with two). Memory
 * is kept bounded. A PDF too big for it stops the worker, and that file is checked again in a
 * worker of its own with the full limit.
 */
const PDF_OLD_GENERATION_MB = 128;

/** The memory limits of a worker for checking `inputs` with at most `maxMemoryMb` per file. */
export function workerLimits(inputs: readonly Input[], maxMemoryMb: number): ResourceLimits {
  const pdfs = inputs.some((input) => input.kind === 'file' && formatForPath(input.path) === 'pdf');
  return pdfs ? { ...fullLimits(maxMemoryMb), maxOldGenerationSizeMb: Math.min(PDF_OLD_GENERATION_MB, maxMemoryMb) } : fullLimits(maxMemoryMb);
}

/** The number of workers for `files` files when `--jobs` is not given: one, or one per core. */
export function autoJobs(files: number): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** The one-line error for a file that took longer than the time limit to check. */
export function timeoutError(shown: string, limits: LoadLimits): FileError {
  const seconds = Math.round(limits.timeoutMs / 100) / 10;
  return {
    code: 'timeout',
    message: `${shown}: took longer than ${seconds} s to check, so it was stopped — it may be built to slow checkers down; check where it came from, or raise the limit with --timeout`,
  };
}

/** The one-line error for a file that needed more memory than the limit to check. */
export function outOfMemoryError(shown: string, maxMemoryMb: number): FileError {
  return {
    code: 'out-of-memory',
    message: `${shown}: needed more than ${maxMemoryMb.toLocaleString('en-GB')} MB of memory to check, so it was stopped — it may be built to exhaust memory; check where it came from, or raise the limit with --max-memory`,
  };
}

/** How the pool runs: its workers' memory, and where standard input and fallbacks come from. */
export interface PoolOptions {
  /** The most memory one file may take, in MB (the heap limit of a worker). */
  readonly maxMemoryMb: number;
  /** Reads standard input, or says why it cannot be (too large). */
  readonly readStdin: () => Promise<Uint8Array | FileError>;
  /** Checks an input in this thread: only when no worker can start at all. */
  readonly checkHere: (input: Input) => Promise<Checked>;
  /** A worker started before the run was planned: the first worker, when its limits are the run's. */
  readonly early?: EarlyWorker;
  /** The first workers' memory limits (default: from the inputs and `maxMemoryMb`). */
  readonly resourceLimits?: ResourceLimits;
}

/** The name and likely format of an input, for the errors the pool gives it. */
function inputName(input: Input, stdinFilename: string | null): { shown: string; format: Format | null } {
  if (input.kind === 'stdin') return { shown: stdinFilename ?? '-', format: stdinFilename ? formatForPath(stdinFilename) : 'markdown' };
  return { shown: input.path, format: input.kind === 'file' ? formatForPath(input.path) : null };
}

/** Check `inputs` with `jobs` workers (at least one), calling `onResult` for each in input order. */
export async function checkInPool(
  inputs: readonly Input[],
  jobs: number,
  setup: PoolSetup,
  options: PoolOptions,
  onResult: (checked: Checked) => void | Promise<void>,
): Promise<void> {
  const waiting = new Map<number, Checked>();
  let nextToEmit = 0;
  // Results are handed on one at a time, in order, even when handing one on takes a while.
  let emitting: Promise<void> = Promise.resolve();
  const deliver = (index: number, checked: Checked): void => {
    waiting.set(index, checked);
    emitting = emitting.then(async () => {
      while (waiting.has(nextToEmit)) {
        const ready = waiting.get(nextToEmit) as Checked;
        waiting.delete(nextToEmit);
        nextToEmit++;
        await onResult(ready);
      }
    });
  };
  const fail = (index: number, error: (shown: string) => FileError): void => {
    const { shown, format } = inputName(inputs[index] as Input, setup.stdinFilename ?? null);
    deliver(index, { result: failedFile(shown, format, error(shown)) });
  };

  let nextToStart = 0;
  const take = (): number | null => (nextToStart < inputs.length ? nextToStart++ : null);
  const extra: Promise<void>[] = [];

  // Files no worker can take (workers that cannot start at all) are checked here, one at a time.
  const checkRestHere = async (): Promise<void> => {
    for (let index = take(); index !== null; index = take()) deliver(index, await options.checkHere(inputs[index] as Input));
  };

  const full = fullLimits(options.maxMemoryMb);
  const firstLimits = options.resourceLimits ?? workerLimits(inputs, options.maxMemoryMb);
  const belowFull = (limits: ResourceLimits): boolean => (limits.maxOldGenerationSizeMb ?? Infinity) < options.maxMemoryMb;

  /**
   * A worker with `limits` that checks the files `next` gives it until there are none. A file
   * that runs out of memory is checked again with the full limit when this worker had less.
   */
  const runWorker = (limits: ResourceLimits, nextFile: () => number | null, early?: Worker): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = early ?? new Worker(compiledWorker('cli/check-worker.js'), { workerData: setup, resourceLimits: limits });
      if (early) {
        early.ref();
        early.postMessage({ setup });
      }
      let started = false;
      let current: number | null = null;
      let finished = false;
      let timer: NodeJS.Timeout | null = null;
      const stopTimer = (): void => {
        if (timer) clearTimeout(timer);
        timer = null;
      };
      /** Stop this worker: `done` when there is nothing left, else why it stopped part-way. */
      const finish = async (why: 'done' | 'timeout' | 'out-of-memory' | 'crashed', detail = ''): Promise<void> => {
        if (finished) return;
        finished = true;
        stopTimer();
        const index = current;
        current = null;
        if (index !== null) {
          if (why === 'timeout') fail(index, (shown) => timeoutError(shown, setup.limits));
          else if (why === 'out-of-memory' && belowFull(limits)) extra.push(runWorker(full, once(index)));
          else if (why === 'out-of-memory') fail(index, (shown) => outOfMemoryError(shown, options.maxMemoryMb));
          else if (why === 'crashed') fail(index, (shown) => ({ code: 'internal-error', message: `${shown}: checking it stopped the checker (${detail || 'no reason given'}) — this is a bug in recruit-check; please report it with the file` }));
        }
        await worker.terminate();
        if (why === 'done') resolve();
        // A fresh worker carries on with the next files, unless this one never got going.
        else if (started) resolve(runWorker(limits, nextFile));
        else resolve(checkRestHere());
      };
      const next = async (): Promise<void> => {
        const index = nextFile();
        current = index;
        if (index === null) return void finish('done');
        const input = inputs[index] as Input;
        let stdin: Uint8Array | undefined;
        if (input.kind === 'stdin') {
          const read = await options.readStdin();
          if (!(read instanceof Uint8Array)) {
            current = null;
            fail(index, () => read);
            return next();
          }
          stdin = read;
        }
        if (finished) return;
        timer = setTimeout(() => void finish('timeout'), setup.limits.timeoutMs);
        const task: WorkerTask = { index, input, ...(stdin ? { stdin } : {}) };
        worker.postMessage(task);
      };
      worker.on('message', (message: WorkerMessage) => {
        if (finished) return;
        if ('ready' in message) {
          started = true;
          return void next();
        }
        stopTimer();
        current = null;
        deliver(message.index, message.checked);
        void next();
      });
      worker.on('error', (error: Error & { code?: string }) => {
        void finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'crashed', error.message);
      });
      worker.on('exit', (code) => void finish('crashed', `exit code ${code}`));
    });

  // The early worker is the first, if it is alive and has the run's limits; otherwise it is stopped.
  const early = options.early;
  const sameLimits =
    early !== undefined &&
    !early.dead() &&
    early.limits.maxOldGenerationSizeMb === firstLimits.maxOldGenerationSizeMb &&
    early.limits.maxYoungGenerationSizeMb === firstLimits.maxYoungGenerationSizeMb;
  if (early && !sameLimits) void early.worker.terminate();
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, (_, index) => runWorker(firstLimits, take, index === 0 && sameLimits ? early?.worker : undefined)));
  // Files checked again with more memory may start further ones.
  while (extra.length > 0) await Promise.all(extra.splice(0));
  await emitting;
}

/** A source of files that gives `index` once. */
function once(index: number): () => number | null {
  let given = false;
  return () => {
    if (given) return null;
    given = true;
    return index;
  };
}
