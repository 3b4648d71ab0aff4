/** A worker thread that checks files for the pool: its own checker, the same code as the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { createChecker, type CheckerInput } from '../engine/checker.js';
import { readPdfsInThisThread } from '../load/pdf.js';
import type { LoadLimits } from '../load/read.js';
import type { Input } from './files.js';
import type { WorkerMessage } from './pool.js';
import { checkInput } from './run.js';

const setup = workerData as { checker: CheckerInput; limits: LoadLimits };
const checker = createChecker(setup.checker);
const options = {
  limits: setup.limits,
  stdinFilename: null,
  // Standard input is always read by the main thread.
  readStdin: (): Promise<Uint8Array> => Promise.reject(new Error('standard input is read by the main thread')),
};

const say = (message: WorkerMessage): void => parentPort?.postMessage(message);
// PDFs are read here, not in a PDF worker of this worker's own; the pool times each read.
readPdfsInThisThread({ started: () => say({ pdf: 'started' }), ended: () => say({ pdf: 'ended' }) });

parentPort?.on('message', (message: { index: number; input: Input }) => {
  void checkInput(message.input, checker, options).then((result) => say({ index: message.index, result }));
});
say({ ready: true });
