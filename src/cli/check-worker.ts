/** A worker thread that checks files for the pool: its own checker, the same code as the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { createChecker, type CheckerInput } from '../engine/checker.js';
import type { LoadLimits } from '../load/read.js';
import type { Input } from './files.js';
import { checkInput } from './run.js';

const setup = workerData as { checker: CheckerInput; limits: LoadLimits };
const checker = createChecker(setup.checker);
const options = {
  limits: setup.limits,
  stdinFilename: null,
  // Standard input is always read by the main thread.
  readStdin: (): Promise<Uint8Array> => Promise.reject(new Error('standard input is read by the main thread')),
};

parentPort?.on('message', (message: { index: number; input: Input }) => {
  void checkInput(message.input, checker, options).then((result) => parentPort?.postMessage({ index: message.index, result }));
});
parentPort?.postMessage({ ready: true });
