/**
 * The worker pool when things go wrong: workers that cannot start, workers that run out of
 * memory part-way, files that run out of time or memory. Every file is still reported, once, in
 * input order, and a hostile file costs only its own result.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Input } from '../../src/cli/files.js';
import { startEarlyWorker, type EarlyWorker } from '../../src/cli/early-worker.js';
import { checkInPool } from '../../src/cli/pool.js';
import { Checkers, checkInput, type Checked } from '../../src/cli/run.js';
import { DEFAULT_LIMITS, type LoadLimits } from '../../src/load/read.js';
import { filesUnder } from '../helpers.js';

const pdfs = filesUnder('fixtures/pdf', /\.pdf$/);
const adverts = filesUnder('fixtures/adverts', /\.md$/).slice(0, 6);
const fileInputs: Input[] = [...pdfs, ...adverts].map((file) => ({ kind: 'file', path: file }));

interface Run {
  readonly inputs?: readonly Input[];
  readonly limits?: LoadLimits;
  readonly jobs?: number;
  readonly resourceLimits?: ResourceLimits;
  readonly maxMemoryMb?: number;
  readonly stdin?: Uint8Array;
  readonly early?: EarlyWorker;
}

async function checkAll(run: Run = {}) {
  const inputs = run.inputs ?? fileInputs;
  const limits = run.limits ?? DEFAULT_LIMITS;
  const checkers = new Checkers([{}]);
  const here: string[] = [];
  const options = { limits, stdinFilename: null, readStdin: () => Promise.reject(new Error('no standard input here')) };
  const checkHere = (input: Input): Promise<Checked> => {
    here.push(input.kind === 'file' ? input.path : input.kind);
    return checkInput(input, checkers, options);
  };
  const results: Checked['result'][] = [];
  await checkInPool(
    inputs,
    run.jobs ?? 2,
    { checkers: [{}], limits },
    {
      maxMemoryMb: run.maxMemoryMb ?? 1024,
      readStdin: () => Promise.resolve(run.stdin ?? new Uint8Array()),
      checkHere,
      ...(run.resourceLimits ? { resourceLimits: run.resourceLimits } : {}),
      ...(run.early ? { early: run.early } : {}),
    },
    (checked) => void results.push(checked.result),
  );
  return { results, here };
}

/** The results of checking every file with one worker, worked out once. */
let serialRun: ReturnType<typeof checkAll> | null = null;
const serial = (): ReturnType<typeof checkAll> => (serialRun ??= checkAll({ jobs: 1 }));

const paths = (inputs: readonly Input[]): string[] => inputs.map((input) => (input.kind === 'stdin' ? '-' : input.path));

const temporary = mkdtempSync(path.join(tmpdir(), 'recruit-check-pool-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('the worker pool', () => {
  it('reports every file, as one worker does, however many workers there are', async () => {
    const one = await serial();
    const two = await checkAll({ jobs: 2 });
    expect(two.results.map((result) => result.path)).toEqual(paths(fileInputs));
    expect(JSON.stringify(two.results)).toBe(JSON.stringify(one.results));
    expect(one.here).toEqual([]);
  }, 180_000);

  it('checks the files in this thread when no worker can even start', async () => {
    // Too small a heap to load the checker: each worker dies before it is ready.
    const starved = await checkAll({ resourceLimits: { maxOldGenerationSizeMb: 2 } });
    expect(JSON.stringify(starved.results)).toBe(JSON.stringify((await serial()).results));
    expect(starved.here.length).toBe(fileInputs.length);
  }, 180_000);

  it('checks a file again with the full memory limit when a worker with less runs out', async () => {
    // Room to start but not for every file: those files are checked again in a worker of their
    // own with the full limit. (Which files depends on the machine; the report must not.)
    const inputs = [...fileInputs.slice(0, 2), ...fileInputs.slice(-2)];
    const tight = await checkAll({ inputs, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
    const expected = (await serial()).results.filter((result) => paths(inputs).includes(result.path));
    expect(JSON.stringify(tight.results)).toBe(JSON.stringify(expected));
    expect(tight.here).toEqual([]);
  }, 180_000);

  it('stops a file of any format that runs out of time, and carries on with a fresh worker', async () => {
    const { results, here } = await checkAll({ limits: { ...DEFAULT_LIMITS, timeoutMs: 1 } });
    expect(results.map((result) => result.path)).toEqual(paths(fileInputs));
    for (const result of results) {
      expect(result.error?.code, result.path).toBe('timeout');
      expect(result.error?.message).toBe(
        `${result.path}: took longer than 0 s to check, so it was stopped — it may be built to slow checkers down; check where it came from, or raise the limit with --timeout`,
      );
    }
    expect(here).toEqual([]);
  }, 180_000);

  it('stops a file that needs more memory than the limit, and still reports the others', async () => {
    // About 5 MB of Markdown in 40,000 short paragraphs: far more than 48 MB of heap to check.
    const big = path.join(temporary, 'big.md');
    writeFileSync(big, '# Care assistant\n\n' + 'You will utilise the rota and liaise with the team daily.\n\n'.repeat(40_000));
    const inputs: Input[] = [{ kind: 'file', path: adverts[0] as string }, { kind: 'file', path: big }, { kind: 'file', path: adverts[1] as string }];
    const { results } = await checkAll({ inputs, maxMemoryMb: 48, limits: { ...DEFAULT_LIMITS, maxBytes: 8 * 1024 * 1024 } });
    expect(results.map((result) => result.path)).toEqual(paths(inputs));
    expect(results[1]?.error?.code).toBe('out-of-memory');
    expect(results[1]?.error?.message).toBe(
      `${big}: needed more than 48 MB of memory to check, so it was stopped — it may be built to exhaust memory; check where it came from, or raise the limit with --max-memory`,
    );
    for (const result of [results[0], results[2]]) {
      expect(result?.error, result?.path).toBeNull();
      expect(result?.findings.length, result?.path).toBeGreaterThan(0);
    }
  }, 180_000);

  it('takes a worker started before the run when its limits are the run’s, and stops it when they are not', async () => {
    const inputs: Input[] = adverts.map((file) => ({ kind: 'file', path: file }));
    const expected = JSON.stringify((await serial()).results.filter((result) => paths(inputs).includes(result.path)));
    // Same heap as the run (checkAll's 1,024 MB): it is the first worker, and is stopped at the end.
    const same = startEarlyWorker(1024);
    const taken = await checkAll({ inputs, jobs: 1, early: same });
    expect(JSON.stringify(taken.results)).toBe(expected);
    expect(taken.here).toEqual([]);
    await vi.waitFor(() => expect(same.dead()).toBe(true));
    // Another heap: it is stopped, and the run's own workers check the files.
    const other = startEarlyWorker(512);
    const declined = await checkAll({ inputs, early: other });
    expect(JSON.stringify(declined.results)).toBe(expected);
    await vi.waitFor(() => expect(other.dead()).toBe(true));
    // One that could not even start is not used.
    const starved = startEarlyWorker(1);
    await vi.waitFor(() => expect(starved.dead()).toBe(true), { timeout: 60_000 });
    const without = await checkAll({ inputs, early: starved });
    expect(JSON.stringify(without.results)).toBe(expected);
    expect(without.here).toEqual([]);
  }, 180_000);

  it('hands standard input, read by the main thread, to a worker', async () => {
    const text = '# Care assistant\n\nYou will utilise the rota.\n';
    const { results } = await checkAll({ inputs: [{ kind: 'stdin' }], stdin: new TextEncoder().encode(text) });
    expect(results[0]?.path).toBe('-');
    expect(results[0]?.findings.some((finding) => /utilise/.test(finding.actual ?? finding.message))).toBe(true);
  }, 60_000);
});
