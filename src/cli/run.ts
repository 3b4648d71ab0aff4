/** Check one input: read it, then run the rules, turning any failure into a result. */
import { checkDocument, checkedFile, createChecker, failedFile, type Checker, type CheckerInput } from '../engine/checker.js';
import { RuleFailure } from '../engine/engine.js';
import { formatForPath, loadBuffer, loadFile, type LoadLimits, type LoadResult } from '../load/read.js';
import type { FileResult } from '../types.js';
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
  /** Reads all of standard input. */
  readonly readStdin: () => Promise<Uint8Array>;
}

async function load(input: Input, options: RunOptions): Promise<{ path: string; result: LoadResult }> {
  if (input.kind === 'error') {
    return { path: input.path, result: { ok: false, error: input.error, format: null } };
  }
  if (input.kind === 'stdin') {
    const shown = options.stdinFilename ?? '<stdin>';
    const format = options.stdinFilename ? formatForPath(options.stdinFilename) : 'markdown';
    const bytes = await options.readStdin();
    return { path: '-', result: await loadBuffer(bytes, shown, format, options.limits) };
  }
  return { path: input.path, result: await loadFile(input.path, input.path, options.limits) };
}

/** Check one input with its checker (`checkers[input.checker ?? 0]`). */
export async function checkInput(input: Input, checkers: Checkers, options: RunOptions): Promise<FileResult> {
  const { path, result } = await load(input, options);
  if (!result.ok) return failedFile(path, result.format, result.error);
  const settings: InputSettings = input.kind === 'error' ? {} : input;
  try {
    const checker = checkers.get(settings.checker ?? 0);
    return checkedFile(path, result.format, checkDocument(result.doc, checker, settings.docType));
  } catch (error) {
    const reason = error instanceof RuleFailure ? error.message : String(error);
    return failedFile(path, result.format, { code: 'internal-error', message: `${path}: ${reason} — this is a bug in recruit-check; please report it with the file` });
  }
}
