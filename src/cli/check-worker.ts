/**
 * A worker thread that checks files for the pool: its own checker, the same code as the main
 * thread. It only reads; every write (`--fix`) is left to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readPdfsInThisThread } from '../load/pdf.js';
import type { PoolSetup, WorkerMessage, WorkerTask } from './pool.js';
import { Checkers, checkInput, type RunOptions } from './run.js';

/** Check the files the pool sends, with `setup`. */
function serve(setup: PoolSetup): void {
  // The first checker is built now (most runs have one), the others when a file needs them.
  const checkers = new Checkers(setup.checkers);
  checkers.get(0);
  // PDFs are read here, not in a PDF worker of this worker's own: the pool times every file.
  readPdfsInThisThread();
  parentPort?.on('message', (task: WorkerTask) => {
    const options: RunOptions = {
      limits: setup.limits,
      ...(setup.fix ? { fix: setup.fix } : {}),
      stdinFilename: setup.stdinFilename ?? null,
      ...(setup.audit ? { audit: true } : {}),
      // Standard input is read by the main thread and handed over with the task.
      readStdin: (): Promise<Uint8Array> => (task.stdin ? Promise.resolve(task.stdin) : Promise.reject(new Error('standard input is read by the main thread'))),
    };
    void checkInput(task.input, checkers, options).then((checked) => say({ index: task.index, checked }));
  });
  say({ ready: true });
}

const say = (message: WorkerMessage): void => parentPort?.postMessage(message);
// A worker started before the run was planned (see early-worker.ts) gets its setup as its first message.
const given = workerData as PoolSetup | null;
if (given) serve(given);
else parentPort?.once('message', (message: { setup: PoolSetup }) => serve(message.setup));
