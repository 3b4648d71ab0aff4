/** Check one input: read it, then run the rules, turning any failure into a result. */
import { checkDocument, checkedFile, failedFile, type Checker } from '../engine/checker.js';
import { RuleFailure } from '../engine/engine.js';
import { formatForPath, loadBuffer, loadFile, type LoadLimits, type LoadResult } from '../load/read.js';
import type { FileResult } from '../types.js';
import type { Input } from './files.js';

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

/** Check one input with a ready checker. */
export async function checkInput(input: Input, checker: Checker, options: RunOptions): Promise<FileResult> {
  const { path, result } = await load(input, options);
  if (!result.ok) return failedFile(path, result.format, result.error);
  try {
    return checkedFile(path, result.format, checkDocument(result.doc, checker));
  } catch (error) {
    const reason = error instanceof RuleFailure ? error.message : String(error);
    return failedFile(path, result.format, { code: 'internal-error', message: `${path}: ${reason} — this is a bug in recruit-check; please report it with the file` });
  }
}
