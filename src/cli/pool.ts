/**
 * Check many files on several CPU cores: worker threads, each with its own checker, take the
 * next file as soon as they finish one; results are handed on strictly in input order as soon as
 * they can be, so the report is the same, byte for byte, as checking one file at a time, and
 * memory holds only the results that are waiting for an earlier one.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckerInput } from '../engine/checker.js';
import type { LoadLimits } from '../load/read.js';
import type { FileResult } from '../types.js';
import { compiledWorker } from '../worker-file.js';
import type { Input } from './files.js';

/** How the workers are set up. */
export interface PoolSetup {
  readonly checker: CheckerInput;
  readonly limits: LoadLimits;
}

/** Fewer files than this are checked in the main thread: starting a worker costs more. */
export const MIN_FILES_PER_WORKER = 4;

/**
 * Each worker's young generation, in MB. A worker holds one document at a time (about 16 MB live
 * after collection); V8's default young generation for a worker (48 MB) lets each one grow well
 * past that between collections. 16 MB keeps the whole run under 300 MB at the same speed (a cap
 * on the old generation as well made checking a third slower).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/** The number of workers for `files` files when `--jobs` is not given (0: check in this thread). */
export function autoJobs(files: number): number {
  const cores = availableParallelism();
  if (cores < 2) return 0;
  const jobs = Math.min(cores, Math.floor(files / MIN_FILES_PER_WORKER));
  return jobs >= 2 ? jobs : 0;
}

/**
 * Check `inputs` with `jobs` workers, calling `onResult` for each result in input order.
 * Standard input, and anything a worker could not finish, is checked with `checkHere`.
 */
export async function checkInPool(
  inputs: readonly Input[],
  jobs: number,
  setup: PoolSetup,
  checkHere: (input: Input) => Promise<FileResult>,
  onResult: (result: FileResult) => void,
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

  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(compiledWorker('cli/check-worker.js'), { workerData: setup, resourceLimits: WORKER_LIMITS });
      let current: number | null = null;
      let finished = false;
      const finish = async (): Promise<void> => {
        if (finished) return;
        finished = true;
        // A worker that stopped part-way: its file is checked here instead.
        if (current !== null) {
          const index = current;
          current = null;
          deliver(index, await checkHere(inputs[index] as Input));
        }
        await worker.terminate();
        resolve();
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
        if (index === null) void finish();
        else worker.postMessage({ index, input: inputs[index] });
      };
      worker.on('message', (message: { ready?: true; index?: number; result?: FileResult }) => {
        if (message.ready) return next();
        if (message.index === undefined || !message.result) return;
        current = null;
        deliver(message.index, message.result);
        next();
      });
      worker.on('error', () => void finish());
      worker.on('exit', () => void finish());
    });

  await Promise.all(Array.from({ length: Math.max(1, jobs) }, runWorker));
  await Promise.all(local);
}
