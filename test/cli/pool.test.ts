/**
 * The worker pool when things go wrong: a worker that runs out of memory, and a PDF that runs out
 * of time in a worker. Every file is still reported, once, in input order.
 */
import type { ResourceLimits } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../src/cli/files.js';
import { checkInPool } from '../../src/cli/pool.js';
import { Checkers, checkInput } from '../../src/cli/run.js';
import { DEFAULT_LIMITS, type LoadLimits } from '../../src/load/read.js';
import type { FileResult } from '../../src/types.js';
import { filesUnder } from '../helpers.js';

const pdfs = filesUnder('fixtures/pdf', /\.pdf$/);
const adverts = filesUnder('fixtures/adverts', /\.md$/).slice(0, 6);
const inputs: Input[] = [...pdfs, ...adverts].map((file) => ({ kind: 'file', path: file }));

async function checkAll(limits: LoadLimits, jobs: number, resourceLimits?: ResourceLimits) {
  const checkers = new Checkers([{}]);
  const here: string[] = [];
  const options = { limits, stdinFilename: null, readStdin: () => Promise.reject(new Error('no standard input')) };
  const checkHere = (input: Input): Promise<FileResult> => {
    here.push(input.kind === 'file' ? input.path : input.kind);
    return checkInput(input, checkers, options);
  };
  const results: FileResult[] = [];
  await checkInPool(inputs, jobs, { checkers: [{}], limits }, checkHere, (result) => results.push(result), resourceLimits);
  return { results, here };
}

describe('the worker pool', () => {
  it('reports every file, as checking serially does, when its workers run out of memory', async () => {
    const serial = await checkAll(DEFAULT_LIMITS, 0);
    // Too small a heap to load the checker: each worker dies before it is ready, and the rest
    // of the files are checked in this thread.
    const starved = await checkAll(DEFAULT_LIMITS, 2, { maxOldGenerationSizeMb: 2 });
    expect(starved.results.map((result) => result.path)).toEqual(inputs.map((input) => (input as { path: string }).path));
    expect(JSON.stringify(starved.results)).toBe(JSON.stringify(serial.results));
    expect(starved.here.length).toBe(inputs.length);
    // Room to start but not for every file: workers die part-way, are replaced, and their files
    // are checked here. (Which files depends on the machine; the report must not.)
    const tight = await checkAll(DEFAULT_LIMITS, 2, { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 });
    expect(JSON.stringify(tight.results)).toBe(JSON.stringify(serial.results));
  }, 120_000);

  it('stops a PDF that runs out of time in a worker, and carries on with a fresh worker', async () => {
    const { results, here } = await checkAll({ ...DEFAULT_LIMITS, timeoutMs: 1 }, 2);
    expect(results.map((result) => result.path)).toEqual(inputs.map((input) => (input as { path: string }).path));
    for (const result of results.slice(0, pdfs.length)) {
      expect(result.error?.code, result.path).toBe('timeout');
      expect(result.error?.message).toMatch(/reading this PDF took longer than 0 seconds, so it was stopped/);
    }
    for (const result of results.slice(pdfs.length)) {
      expect(result.error, result.path).toBeNull();
      expect(result.metrics, result.path).not.toBeNull();
    }
    // Nothing needed the main thread: fresh workers took the files after each timeout.
    expect(here).toEqual([]);
  }, 120_000);
});
