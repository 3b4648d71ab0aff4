/** The worker that reads PDFs, so a file that never finishes can be stopped. */
import { parentPort } from 'node:worker_threads';
import { readPdfFacts } from './pdf-facts.js';

parentPort?.on('message', (message: { id: number; data: Uint8Array }) => {
  void readPdfFacts(message.data).then((result) => parentPort?.postMessage({ id: message.id, result }));
});
