/**
 * Checking one upload for `recruit-check serve`, the way the command checks standard input: in
 * a worker thread of the pool, with the same size, time and memory limits, so that a hostile
 * document costs only its own answer and the server carries on. The upload's bytes are handed to
 * the worker from memory; nothing is written to disk. The downloads (the report, the JSON, the
 * annotated Word copy, the fixed text) are made here, from the result, and live only in the
 * answer.
 */
import { checkInPool } from '../cli/pool.js';
import { Checkers, checkInput, type Checked } from '../cli/run.js';
import { startEarlyWorker, type EarlyWorker } from '../cli/early-worker.js';
import { planRun, ruleMetas, type Plan } from '../cli/plan.js';
import { failedFile } from '../engine/checker.js';
import { formatForPath, type LoadLimits } from '../load/read.js';
import { applyEdits, fixesOfBytes } from '../fix.js';
import { formatHtml, type HtmlOptions } from '../report/html.js';
import { formatJson } from '../report/json.js';
import type { FileResult } from '../types.js';
import type { Choice, Download } from './page.js';

/** How the server checks documents: the command's limits and config. */
export interface CheckSettings {
  readonly limits: LoadLimits;
  readonly maxMemoryMb: number;
  /** `--config <file>`, `--no-config` (false) or the nearest config above the working folder (undefined). */
  readonly config: string | false | undefined;
}

/** One document sent from the page: its name (null for pasted text) and bytes. */
export interface Upload {
  readonly name: string | null;
  readonly bytes: Uint8Array;
}

/** A checked upload: its result, the report's options, and the files the page offers. */
export interface CheckedUpload {
  readonly result: FileResult;
  readonly report: HtmlOptions;
  readonly downloads: readonly Download[];
}

/** What pasted text is called in the report (its extension makes it plain text). */
export const PASTED_NAME = 'pasted-text.txt';

/** The name without its extension, for the names of the downloads. */
function stem(name: string): string {
  return name.replace(/\.[^.]*$/, '') || 'document';
}

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Checks uploads one at a time, keeping one worker started and ready for the next. */
export class UploadChecker {
  private readonly plans = new Map<string, Plan>();
  private early: EarlyWorker | undefined;

  /** Build the first checker now, so that a config that cannot be used stops the server at the start. */
  constructor(private readonly settings: CheckSettings) {
    this.planFor({ type: 'auto', profile: 'standard' });
    this.early = startEarlyWorker(settings.maxMemoryMb);
  }

  /** The run's plan for a choice: one checker for standard input, with the config of the working folder. */
  private planFor(choice: Choice): Plan {
    const key = `${choice.profile} ${choice.type}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = planRun([{ kind: 'stdin' }], [], {
        config: this.settings.config,
        ignore: false,
        profile: choice.profile,
        ...(choice.type !== 'auto' ? { type: choice.type } : {}),
        keepText: true,
      });
      this.plans.set(key, plan);
    }
    return plan;
  }

  /** Check `upload` as `choice` says; never throws for a bad document (its result says why). */
  async check(upload: Upload, choice: Choice): Promise<CheckedUpload> {
    const plan = this.planFor(choice);
    const name = upload.name ?? PASTED_NAME;
    const { limits, maxMemoryMb } = this.settings;
    const readStdin = (): Promise<Uint8Array> => Promise.resolve(upload.bytes);
    let checked: Checked | null = null;
    const early = this.early;
    this.early = undefined;
    try {
      await checkInPool(
        plan.inputs,
        1,
        { checkers: plan.checkers, limits, stdinFilename: name },
        {
          maxMemoryMb,
          readStdin,
          checkHere: (input) => checkInput(input, new Checkers(plan.checkers, plan.built), { limits, stdinFilename: name, readStdin }),
          ...(early ? { early } : {}),
        },
        (result) => {
          checked = result;
        },
      );
    } finally {
      // The next upload's worker starts now, while this answer is written and read.
      this.early = startEarlyWorker(maxMemoryMb);
    }
    const result = (checked as Checked | null)?.result ?? failedFile(name, formatForPath(name), { code: 'internal-error', message: `${name}: the check gave no result — this is a bug in recruit-check; please report it with the file` });
    const report: HtmlOptions = { rules: ruleMetas(plan), readingAge: new Checkers(plan.checkers, plan.built).get(0).options.readingAge };
    return { result, report, downloads: result.error ? [] : await downloadsOf(result, upload, name, report) };
  }

  /** Stop the worker kept ready. */
  async close(): Promise<void> {
    const early = this.early;
    this.early = undefined;
    await early?.worker.terminate();
  }
}

/** The files the page offers for a checked document. */
async function downloadsOf(result: FileResult, upload: Upload, name: string, report: HtmlOptions): Promise<Download[]> {
  const base = stem(name);
  const downloads: Download[] = [
    { label: 'The report, as a web page to share (HTML)', name: `${base}-report.html`, mediaType: 'text/html;charset=utf-8', bytes: Buffer.from(formatHtml([result], report)) },
    { label: 'The findings, for other tools (JSON)', name: `${base}-report.json`, mediaType: 'application/json', bytes: Buffer.from(formatJson([result])) },
  ];
  if (result.format === 'docx' && result.findings.length > 0) {
    const { annotateDocx } = await import('../annotate/docx-comments.js');
    try {
      const copy = await annotateDocx(upload.bytes, result.findings, { shown: name, rules: report.rules });
      downloads.push({ label: 'A copy of the Word file with a comment on each finding', name: `${base}-reviewed.docx`, mediaType: WORD, bytes: copy.bytes });
    } catch {
      // A Word file whose copy cannot be made (no paragraph to hold a comment) still has its report.
    }
  }
  if (result.format === 'markdown' || result.format === 'text') {
    const fixes = fixesOfBytes(upload.bytes, result.findings);
    if (fixes && fixes.edits.length > 0) {
      const { text, edits } = fixes;
      const fixed = applyEdits(text, edits);
      const extension = result.format === 'markdown' ? 'md' : 'txt';
      const count = `${edits.length} safe ${edits.length === 1 ? 'fix' : 'fixes'}`;
      downloads.push({ label: `The text with the ${count} made`, name: `${base}-fixed.${extension}`, mediaType: 'text/plain;charset=utf-8', bytes: Buffer.from(fixed) });
    }
  }
  return downloads;
}
