/** A worker thread that checks files for the pool: its own checker, the same code as the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { readPdfsInThisThread } from '../load/pdf.js';
import type { Input } from './files.js';
import type { PoolSetup, WorkerMessage } from './pool.js';
import { Checkers, checkInput, type RunOptions } from './run.js';

const setup = workerData as PoolSetup;
// The first checker is built now (most runs have one), the others when a file needs them.
const checkers = new Checkers(setup.checkers);
checkers.get(0);
const options: RunOptions = {
  limits: setup.limits,
  ...(setup.fix ? { fix: setup.fix } : {}),
  stdinFilename: null,
  // Standard input is always read by the main thread.
  readStdin: (): Promise<Uint8Array> => Promise.reject(new Error('standard input is read by the main thread')),
};

const say = (message: WorkerMessage): void => parentPort?.postMessage(message);
// PDFs are read here, not in a PDF worker of this worker's own; the pool times each read.
readPdfsInThisThread({ started: () => say({ pdf: 'started' }), ended: () => say({ pdf: 'ended' }) });

parentPort?.on('message', (message: { index: number; input: Input }) => {
  void checkInput(message.input, checkers, options).then((result) => say({ index: message.index, result }));
});
say({ ready: true });
