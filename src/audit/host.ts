/**
 * `recruit-check audit` runs in a worker thread of its own, the audit's host, which reads the
 * files named, starts the check workers and sums their results; the main thread passes on what
 * the host says and writes the report as the host sends it, a chunk at a time, so every write
 * (and the removal of its temporary file on Ctrl+C) stays in the main thread. The host's young
 * generation is capped (its `resourceLimits`), which the main thread's cannot be once Node has
 * started: V8 doubles a young generation whose objects keep surviving, and the list of 15,000
 * files alone made the main thread's grow from 16 to 32 MB, so an audit of 15,000 pages took a
 * fifth more memory than one of 1,000. With the cap, the audit's memory grows only with what it
 * must keep (each file's name and one compact row).
 */
import { Worker } from 'node:worker_threads';
import { AtomicFileWriter } from '../atomic.js';
import { compiledWorker } from '../paths.js';
import type { AuditIo, AuditOptions } from './command.js';

/** The host's young generation, in MB: it holds the tallies and one result at a time. */
const HOST_YOUNG_GENERATION_MB = 8;

/**
 * The host's old generation, in MB. V8 collects an old generation for the first time later the
 * higher its limit is, and with this machine's default (about 4 GB) the garbage of listing
 * 15,000 files stayed in the host's heap all through the audit: with 256 MB, an audit of 15,000
 * pages peaked at 187 MB instead of 193 MB (1,000 pages: 178 MB either way). 15,000 files take
 * about 20 MB of it, so it holds several hundred thousand.
 */
const HOST_OLD_GENERATION_MB = 256;

/** What the host is given. */
export interface AuditHostData {
  readonly files: readonly string[];
  readonly options: AuditOptions;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stderrIsTTY: boolean;
}

/**
 * What the host says: text for standard output or error, a line to say, a step of writing the
 * report (start a file, a chunk of it, it is complete), or its exit code.
 */
export type AuditHostMessage = { stdout: string } | { stderr: string } | { say: string } | { write: { file: string } } | { chunk: string } | { done: true } | { exitCode: number };

/** The main thread's answer to a write: done, or why not (one line). */
export type AuditWriteAnswer = { written: true } | { refused: string };

/** Run `recruit-check audit` in its host thread; resolves to the exit code. */
export function auditInHost(files: readonly string[], options: AuditOptions, io: Omit<AuditIo, 'writeFile'>): Promise<number> {
  const data: AuditHostData = { files, options, env: { ...io.env }, stderrIsTTY: io.stderr.isTTY === true };
  return new Promise<number>((resolve) => {
    const host = new Worker(compiledWorker('audit/audit-host.js'), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: HOST_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: HOST_OLD_GENERATION_MB } });
    let exitCode: number | null = null;
    let output: AtomicFileWriter | null = null;
    host.on('message', (message: AuditHostMessage) => {
      if ('stdout' in message) io.stdout.write(message.stdout);
      else if ('stderr' in message) io.stderr.write(message.stderr);
      else if ('say' in message) io.say(message.say);
      else if ('write' in message) answer(() => (output = new AtomicFileWriter(message.write.file, 'the audit')));
      else if ('chunk' in message) answer(() => output?.write(message.chunk));
      else if ('done' in message)
        answer(() => {
          output?.commit();
          output = null;
        });
      else exitCode = message.exitCode;
    });
    /** Do a step of the write and tell the host it is done, or why not (and leave the target as it was). */
    const answer = (step: () => unknown): void => {
      let reply: AuditWriteAnswer = { written: true };
      try {
        step();
      } catch (error) {
        output?.abort();
        output = null;
        reply = { refused: (error as Error).message };
      }
      host.postMessage(reply);
    };
    let failure: string | null = null;
    host.on('error', (error: Error & { code?: string }) => {
      failure = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the audit ran out of memory — audit fewer files at a time' : `the audit stopped (${error.message}) — this is a bug in recruit-check; please report it`;
    });
    host.on('exit', () => {
      output?.abort();
      if (exitCode === null) io.say(failure ?? 'the audit stopped before it finished — this is a bug in recruit-check; please report it');
      resolve(exitCode ?? 2);
    });
  });
}
