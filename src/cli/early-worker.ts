/**
 * The first check worker, started before the run is planned: the main thread and the worker then
 * load the bundle and build their checkers at the same time, on two cores, instead of one after
 * the other (the worker used to start only once the main thread had loaded and planned, which
 * doubled the time to check one advert). The worker waits for its setup; the pool gives it that
 * when it takes the worker, or stops it when the run needs other memory limits or never starts.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { compiledWorker } from '../paths.js';

/**
 * Each worker's young generation, in MB. A worker holds one document at a time (about 16 MB live
 * after collection); V8's default young generation for a worker (48 MB) lets each one grow well
 * past that between collections. 16 MB keeps a run of Markdown files under 300 MB at the same speed.
 */
export const YOUNG_GENERATION_MB = 16;

/** A check worker started early, not yet given its setup. */
export interface EarlyWorker {
  readonly worker: Worker;
  readonly limits: ResourceLimits;
  /** True once it has stopped or failed (it then cannot be used). */
  readonly dead: () => boolean;
}

/** The limits of a worker with the full heap of `maxMemoryMb`. */
export function fullLimits(maxMemoryMb: number): ResourceLimits {
  return { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: maxMemoryMb };
}

/** Start a check worker with the full heap of `maxMemoryMb`, which waits for its setup. */
export function startEarlyWorker(maxMemoryMb: number): EarlyWorker {
  const limits = fullLimits(maxMemoryMb);
  const worker = new Worker(compiledWorker('cli/check-worker.js'), { workerData: null, resourceLimits: limits });
  // It keeps the process alive only once the pool takes it.
  worker.unref();
  let dead = false;
  const died = (): void => {
    dead = true;
  };
  worker.once('error', died);
  worker.once('exit', died);
  return { worker, limits, dead: () => dead };
}
