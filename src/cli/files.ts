/**
 * Turning command-line arguments into the list of inputs to check: files as given, folders
 * searched recursively for supported files, glob patterns, and `-` for standard input. An
 * argument that yields nothing becomes an input with an error, so it is reported with the rest.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isSupportedPath, EXTENSIONS } from '../load/read.js';
import type { DocType } from '../engine/doc-type.js';
import type { FileError } from '../types.js';

/**
 * How to check one input: which of the run's checkers (one per config file in use; 0 without
 * any), and the document type its config gives it.
 */
export interface InputSettings {
  readonly checker?: number;
  readonly docType?: DocType;
  /** The employer its config's `employers` give it (for `recruit-check audit`). */
  readonly employer?: string;
}

/** One thing to check. */
export type Input =
  | ({ readonly kind: 'file'; readonly path: string } & InputSettings)
  | ({ readonly kind: 'stdin' } & InputSettings)
  | { readonly kind: 'error'; readonly path: string; readonly error: FileError };

/** Folders never searched. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

const SUPPORTED = Object.keys(EXTENSIONS).join(', ');

async function walk(folder: string, found: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await walk(full, found);
    } else if (entry.isFile() && isSupportedPath(entry.name)) {
      found.push(full);
    }
  }
}

/**
 * Expand arguments into inputs, in the order given, each file once: a file reached by several
 * names (through a symbolic link, or a glob that follows linked folders) is checked once.
 */
export async function expandInputs(args: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const addFile = async (file: string): Promise<void> => {
    const key = await realpath(file).catch(() => path.resolve(file));
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind: 'file', path: file });
  };
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ kind: 'stdin' });
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      const found: string[] = [];
      try {
        await walk(arg, found);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        inputs.push({ kind: 'error', path: arg, error: { code: 'unreadable', message: `${arg}: folder cannot be read (${code}) — check you are allowed to read it` } });
        continue;
      }
      if (found.length === 0) {
        inputs.push({ kind: 'error', path: arg, error: { code: 'no-files', message: `${arg}: folder has no files to check — recruit-check looks for ${SUPPORTED}` } });
      }
      for (const file of found) await addFile(file);
    } else if (!info && isDynamicPattern(arg)) {
      const matches = (await glob(arg, { onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false }))
        .filter(isSupportedPath)
        .sort();
      if (matches.length === 0) {
        inputs.push({ kind: 'error', path: arg, error: { code: 'no-files', message: `${arg}: no files match this pattern — recruit-check looks for ${SUPPORTED}` } });
      }
      for (const file of matches) await addFile(file);
    } else {
      await addFile(arg);
    }
  }
  return inputs;
}
