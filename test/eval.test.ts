/**
 * The evaluation set (eval/labels.yml, eval/documents/): every document loads, every label is
 * sound, and the figures of `npm run eval` are at least as good as the ones measured when the
 * set was made. The labels were written from what a careful human editor would flag, not from the
 * tool's output, so the figures are far from perfect.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The figures the rules reach on the set (issue 12), held so a change that makes the tool worse on
// real documents fails: raise MIN_RECALL and lower the others as the rules improve. A failure here
// means a change lost barriers or flagged innocent text — run `npm run eval` to see which misses
// and false findings are new. The set is written to be full of barriers, so its findings per
// 1,000 words are far above a typical advert's.
const MIN_RECALL = 0.988; // labelled barriers found (707 of 715 when set)
const MAX_FALSE_MISSING = 0; // topics labelled present that a missing-* rule still claims are missing (of 487)
const MAX_WRONGLY_FLAGGED = 0; // innocent phrases flagged (of 336)
const MAX_TYPE_MISMATCHES = 0; // documents detected as the wrong type (of 49)
const MAX_FINDINGS_PER_1000_WORDS = 68; // everything reported, per 1,000 words of prose (67.3 when set)

// The size of the set, as the issue asks for it.
const MIN_DOCUMENTS = 28;
const MIN_MUST_FIND = 120;
const MIN_MUST_NOT_FIND = 120;

interface Figures {
  documents: number;
  recall: number | null;
  mustFind: number;
  mustNotFind: number;
  wronglyFlagged: number;
  falseMissing: number;
  typeMismatches: number;
  loadFailures: number;
  findingsPer1000Words: number | null;
}
interface Evaluation {
  figures: Figures;
  labelProblems: string[];
  loadFailures: { file: string; error: string }[];
  typeMismatches: { file: string; expected: string; detected: string }[];
  documents: { file: string; format: string }[];
}

const root = new URL('../', import.meta.url);
let evaluation: Evaluation;

beforeAll(() => {
  // `npm run eval` itself (scripts/eval.js and scripts/eval-lib.js on the built library), in plain
  // Node: much faster than loading the library through the test runner.
  const dir = mkdtempSync(path.join(tmpdir(), 'recruit-check-eval-'));
  try {
    const json = path.join(dir, 'evaluation.json');
    const run = spawnSync(process.execPath, [fileURLToPath(new URL('scripts/eval.js', root)), '--json', json], { cwd: fileURLToPath(root), encoding: 'utf8' });
    if (run.error) throw run.error;
    if (![0, 1].includes(run.status ?? -1)) throw new Error(`npm run eval failed (exit ${run.status}):\n${run.stderr}`);
    evaluation = JSON.parse(readFileSync(json, 'utf8')) as Evaluation;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

describe('the evaluation set', () => {
  it('loads every document', () => {
    expect(evaluation.loadFailures).toEqual([]);
  });

  it('has sound labels: existing files, rule ids and topics, and texts that are in the documents', () => {
    expect(evaluation.labelProblems).toEqual([]);
  });

  it('labels every document in eval/documents', () => {
    const files = readdirSync(new URL('eval/documents/', root)).map((name) => `documents/${name}`).sort();
    expect(evaluation.documents.map((document) => document.file).sort()).toEqual(files);
  });

  it('is big enough, in every format', () => {
    const { figures, documents } = evaluation;
    expect(figures.documents).toBeGreaterThanOrEqual(MIN_DOCUMENTS);
    expect(figures.mustFind).toBeGreaterThanOrEqual(MIN_MUST_FIND);
    expect(figures.mustNotFind).toBeGreaterThanOrEqual(MIN_MUST_NOT_FIND);
    expect(new Set(documents.map((document) => document.format))).toEqual(new Set(['html', 'docx', 'pdf', 'markdown', 'text']));
  });
});

describe('the figures', () => {
  it(`find at least ${MIN_RECALL * 100}% of the labelled barriers`, () => {
    expect(evaluation.figures.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it(`claim at most ${MAX_FALSE_MISSING} topics that are there are missing`, () => {
    expect(evaluation.figures.falseMissing).toBeLessThanOrEqual(MAX_FALSE_MISSING);
  });

  it(`flag at most ${MAX_WRONGLY_FLAGGED} innocent phrases`, () => {
    expect(evaluation.figures.wronglyFlagged).toBeLessThanOrEqual(MAX_WRONGLY_FLAGGED);
  });

  it(`get the document type wrong at most ${MAX_TYPE_MISMATCHES} times`, () => {
    expect(evaluation.typeMismatches.length).toBeLessThanOrEqual(MAX_TYPE_MISMATCHES);
  });

  it(`report at most ${MAX_FINDINGS_PER_1000_WORDS} findings per 1,000 words`, () => {
    expect(evaluation.figures.findingsPer1000Words).toBeLessThanOrEqual(MAX_FINDINGS_PER_1000_WORDS);
  });
});
