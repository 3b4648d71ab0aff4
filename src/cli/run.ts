/** Check one input: read it, then run the rules, turning any failure into a result. */
import { readFileSync } from 'node:fs';
import { checkDocument, checkedFile, failedFile, type Checker } from '../engine/checker.js';
import { createChecker, type CheckerInput } from '../ruleset.js';
import { RuleFailure } from '../engine/engine.js';
import { formatForPath, loadBuffer, loadFile, type LoadLimits, type LoadResult } from '../load/read.js';
import { checkWriteTarget, digestOf, WriteRefusal } from '../atomic.js';
import { auditFacts } from '../audit/facts.js';
import type { DocModel } from '../document/model.js';
import { applyEdits, fixDiff, fixesOfBytes } from '../fix.js';
import type { FileResult, Format } from '../types.js';
import type { Input, InputSettings } from './files.js';

/** The checkers of a run, built when first needed (a worker may never need some of them). */
export class Checkers {
  private readonly built = new Map<number, Checker>();

  /** `ready`: checkers already built, by index (the main thread builds them to validate configs). */
  constructor(
    private readonly inputs: readonly CheckerInput[],
    ready: ReadonlyMap<number, Checker> = new Map(),
  ) {
    for (const [index, checker] of ready) this.built.set(index, checker);
  }

  /** The checker with this index. */
  get(index: number): Checker {
    let checker = this.built.get(index);
    if (!checker) {
      checker = createChecker(this.inputs[index] ?? {});
      this.built.set(index, checker);
    }
    return checker;
  }
}

/** How to read the inputs. */
export interface RunOptions {
  readonly limits: LoadLimits;
  /** Name used to choose the format of standard input (default: Markdown). */
  readonly stdinFilename: string | null;
  /** Standard input's bytes (read by the main thread before the input is handed over). */
  readonly readStdin: () => Promise<Uint8Array>;
  /** `--fix` (write the safe fixes) or `--fix-dry-run` (only say what they would be). */
  readonly fix?: 'write' | 'dry-run';
  /** For `recruit-check audit`: each result also carries its audit facts (topics and employer). */
  readonly audit?: boolean;
}

async function load(input: Input, options: RunOptions): Promise<{ path: string; result: LoadResult }> {
  if (input.kind === 'error') {
    return { path: input.path, result: { ok: false, error: input.error, format: null } };
  }
  if (input.kind === 'stdin') {
    const shown = options.stdinFilename ?? '<stdin>';
    const format = options.stdinFilename ? formatForPath(options.stdinFilename) : 'markdown';
    const bytes = await options.readStdin();
    // The report names standard input as --stdin-filename says (as ESLint does), or “-”.
    return { path: options.stdinFilename ?? '-', result: await loadBuffer(bytes, shown, format, options.limits) };
  }
  return { path: input.path, result: await loadFile(input.path, input.path, options.limits) };
}

/**
 * The safe fixes of a file, ready to be written by the main thread (which owns every write, so
 * that a worker stopped part-way never leaves a temporary file behind): the fixed bytes, the
 * digest of the bytes they were made from, and the result to report if the write fails.
 */
export interface PendingFix {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly digest: string;
  readonly unfixed: FileResult;
}

/** A checked input: its result, the fixes to write (with `--fix`), and why it could not be fixed. */
export interface Checked {
  readonly result: FileResult;
  readonly write?: PendingFix;
  /** Why `--fix` left the file alone (read-only, say): one line, and the run exits with 2. */
  readonly notFixed?: string;
}

/** Check one input with its checker (`checkers[input.checker ?? 0]`), working out its fixes when asked. */
export async function checkInput(input: Input, checkers: Checkers, options: RunOptions): Promise<Checked> {
  const { path, result } = await load(input, options);
  if (!result.ok) return { result: failedFile(path, result.format, result.error) };
  const settings: InputSettings = input.kind === 'error' ? {} : input;
  const checkDoc = (doc: DocModel, format: Format): FileResult => {
    try {
      const checked = checkDocument(doc, checkers.get(settings.checker ?? 0), settings.docType);
      const file = checkedFile(path, format, checked);
      return options.audit ? { ...file, audit: auditFacts(doc, checked, settings.employer ?? null) } : file;
    } catch (error) {
      const reason = error instanceof RuleFailure ? error.message : String(error);
      return failedFile(path, format, { code: 'internal-error', message: `${path}: ${reason} — this is a bug in recruit-check; please report it with the file` });
    }
  };
  const checked = checkDoc(result.doc, result.format);
  if (!options.fix || input.kind !== 'file' || checked.error || !FIXABLE.has(result.format)) return { result: checked };
  return fixFile(path, checked, options, async (fixed) => {
    const reloaded = await loadBuffer(Buffer.from(fixed), path, result.format, options.limits);
    return reloaded.ok ? checkDoc(reloaded.doc, result.format) : failedFile(path, result.format, reloaded.error);
  });
}

/** The formats `--fix` edits: the findings' lines and columns are places in the file's own text. */
const FIXABLE: ReadonlySet<Format> = new Set(['markdown', 'text']);

/**
 * Work out the safe fixes of the file and their diff (`--fix-dry-run`), or the fixed bytes for
 * the main thread to write (`--fix`) with the result for the fixed text. Only a UTF-8 file is
 * edited (a UTF-16 one is left alone); a file that cannot be written is not fixed, and says why.
 */
async function fixFile(path: string, checked: FileResult, options: RunOptions, recheck: (fixed: string) => Promise<FileResult>): Promise<Checked> {
  const bytes = readFileSync(path);
  const fixes = fixesOfBytes(bytes, checked.findings);
  if (!fixes) return { result: checked };
  const { text, bom, edits } = fixes;
  if (edits.length === 0) return { result: { ...checked, fixes: { applied: 0, diff: null } } };
  const fixed = applyEdits(text, edits);
  if (options.fix === 'dry-run') return { result: { ...checked, fixes: { applied: edits.length, diff: fixDiff(path, text, fixed) } } };
  try {
    checkWriteTarget(path, 'the fixes');
  } catch (error) {
    if (error instanceof WriteRefusal) return { result: checked, notFixed: error.message };
    throw error;
  }
  const output = Buffer.from(bom ? `\uFEFF${fixed}` : fixed);
  return {
    result: { ...(await recheck(fixed)), fixes: { applied: edits.length, diff: null } },
    write: { path, bytes: output, digest: digestOf(bytes), unfixed: checked },
  };
}
