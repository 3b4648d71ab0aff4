/**
 * The worker thread `recruit-check audit` runs in (see host.ts): the whole command, with what it
 * says and the report it writes sent to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { auditCommand } from './command.js';
import type { AuditHostData, AuditHostMessage, AuditWriteAnswer } from './host.js';

const { files, options, env, stderrIsTTY } = workerData as AuditHostData;
const post = (message: AuditHostMessage): void => parentPort?.postMessage(message);
/** Send a step of a write, and wait until the main thread has done it: one chunk at a time is all either thread holds. */
const ask = (message: AuditHostMessage): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    parentPort?.once('message', (answer: AuditWriteAnswer) => ('refused' in answer ? reject(new Error(answer.refused)) : resolve()));
    post(message);
  });
const exitCode = await auditCommand(files, options, {
  stdout: { write: (text: string) => post({ stdout: text }) },
  stderr: { write: (text: string) => post({ stderr: text }), isTTY: stderrIsTTY },
  env,
  say: (message) => post({ say: message }),
  writeFile: async (file, chunks) => {
    await ask({ write: { file } });
    for (const chunk of chunks) await ask({ chunk });
    await ask({ done: true });
  },
});
post({ exitCode });
