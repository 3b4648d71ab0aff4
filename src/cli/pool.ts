/**
 * Check many files on several CPU cores: worker threads, each with its own checker, take the
 * next file as soon as they finish one; results are handed on strictly in input order as soon as
 * they can be, so the report is the same, byte for byte, as checking one file at a time, and
 * memory holds only the results that are waiting for an earlier one.
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { failedFile } from '../engine/checker.js';
import type { CheckerInput } from '../ruleset.js';
import { formatForPath, pdfTimeoutError, type LoadLimits } from '../load/read.js';
import type { FileResult } from '../types.js';
import { compiledWorker } from '../paths.js';
import type { Input } from './files.js';

/** How the workers are set up. */
export interface PoolSetup {
  /** What each of the run's checkers is built from (an input's `checker` is an index into it). */
  readonly checkers: readonly CheckerInput[];
  readonly limits: LoadLimits;
  /** `--fix` or `--fix-dry-run`. */
  readonly fix?: 'write' | 'dry-run';
}

/** What a check worker says: it is ready, a PDF read started or ended, or a file's result. */
export type WorkerMessage = { ready: true } | { pdf: 'started' | 'ended' } | { index: number; result: FileResult };

/** Fewer files than this are checked in the main thread: starting a worker costs more. */
export const MIN_FILES_PER_WORKER = 4;

/**
 * Each worker's young generation, in MB. A worker holds one document at a time (about 16 MB live
 * after collection); V8's default young generation for a worker (48 MB) lets each one grow well
 * past that between collections. 16 MB keeps a run of Markdown files under 300 MB at the same speed.
 */
const YOUNG_GENERATION_MB = 16;

/**
 * The old generation of a worker that may read PDFs, in MB. pdf.js leaves a lot of garbage behind
 * each file, and V8 lets an uncapped heap grow by up to 170 MB before collecting it; with a cap it
 * collects sooner, for the same speed. A cap costs Markdown checking a third of its speed (V8
 * collects more often whatever the cap), so only runs with PDFs in them get one. A PDF too big for
 * it stops the worker, and that file is read again in the main thread, without the cap.
 */
const PDF_OLD_GENERATION_MB = 128;

/** The memory limits of each worker for checking `inputs`. */
function workerLimits(inputs: readonly Input[]): ResourceLimits {
  const pdfs = inputs.some((input) => input.kind === 'file' && formatForPath(input.path) === 'pdf');
  return { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(pdfs ? { maxOldGenerationSizeMb: PDF_OLD_GENERATION_MB } : {}) };
}

/** The number of workers for `files` files when `--jobs` is not given (0: check in this thread). */
export function autoJobs(files: number): number {
  const cores = availableParallelism();
  if (cores < 2) return 0;
  const jobs = Math.min(cores, Math.floor(files / MIN_FILES_PER_WORKER));
  return jobs >= 2 ? jobs : 0;
}

/**
 * Check `inputs` with `jobs` workers, calling `onResult` for each result in input order.
 * Standard input, and anything a worker could not finish, is checked with `checkHere`; a worker
 * that stops part-way is replaced. `resourceLimits` are each worker's memory limits.
 */
export async function checkInPool(
  inputs: readonly Input[],
  jobs: number,
  setup: PoolSetup,
  checkHere: (input: Input) => Promise<FileResult>,
  onResult: (result: FileResult) => void,
  resourceLimits: ResourceLimits = workerLimits(inputs),
): Promise<void> {
  const waiting = new Map<number, FileResult>();
  let nextToEmit = 0;
  const deliver = (index: number, result: FileResult): void => {
    waiting.set(index, result);
    while (waiting.has(nextToEmit)) {
      const ready = waiting.get(nextToEmit) as FileResult;
      waiting.delete(nextToEmit);
      nextToEmit++;
      onResult(ready);
    }
  };

  const local: Promise<void>[] = [];
  let nextToStart = 0;
  const take = (): number | null => (nextToStart < inputs.length ? nextToStart++ : null);

  // Files no worker can take (workers that cannot start) are checked here, one at a time.
  const checkRestHere = async (): Promise<void> => {
    for (let index = take(); index !== null; index = take()) deliver(index, await checkHere(inputs[index] as Input));
  };

  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(compiledWorker('cli/check-worker.js'), { workerData: setup, resourceLimits });
      let started = false;
      let current: number | null = null;
      let finished = false;
      // The worker reads PDFs itself and says when a read starts and ends; a read that runs out
      // of time is stopped by stopping the worker.
      let pdfTimer: NodeJS.Timeout | null = null;
      const stopTimer = (): void => {
        if (pdfTimer) clearTimeout(pdfTimer);
        pdfTimer = null;
      };
      /** Stop this worker: `done` when there is nothing left, else it failed or ran out of time. */
      const finish = async (why: 'done' | 'failed' | 'timeout'): Promise<void> => {
        if (finished) return;
        finished = true;
        stopTimer();
        const index = current;
        current = null;
        if (why === 'timeout' && index !== null) {
          const input = inputs[index] as Input & { kind: 'file' };
          deliver(index, failedFile(input.path, 'pdf', pdfTimeoutError(input.path, setup.limits)));
        }
        await worker.terminate();
        // A worker that stopped part-way (out of memory, a crash): its file is checked here.
        if (why === 'failed' && index !== null) deliver(index, await checkHere(inputs[index] as Input));
        if (why === 'done') resolve();
        // A fresh worker carries on with the next files, unless this one never got going.
        else if (started) resolve(runWorker());
        else resolve(checkRestHere());
      };
      const next = (): void => {
        let index = take();
        // Standard input can only be read here.
        while (index !== null && (inputs[index] as Input).kind === 'stdin') {
          const stdinIndex = index;
          local.push(checkHere(inputs[stdinIndex] as Input).then((result) => deliver(stdinIndex, result)));
          index = take();
        }
        current = index;
        if (index === null) void finish('done');
        else worker.postMessage({ index, input: inputs[index] });
      };
      worker.on('message', (message: WorkerMessage) => {
        if (finished) return;
        if ('ready' in message) {
          started = true;
          return next();
        }
        if ('pdf' in message) {
          stopTimer();
          if (message.pdf === 'started') pdfTimer = setTimeout(() => void finish('timeout'), setup.limits.timeoutMs);
          return;
        }
        current = null;
        deliver(message.index, message.result);
        next();
      });
      worker.on('error', () => void finish('failed'));
      worker.on('exit', () => void finish('failed'));
    });

  await Promise.all(Array.from({ length: Math.max(1, jobs) }, runWorker));
  await Promise.all(local);
}
