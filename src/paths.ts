/**
 * Where the package's own files are. The code runs from src/ (in the tests), dist/ (the compiled
 * modules: the library) and dist/bundle/ (the command, bundled into a few files so that it starts
 * quickly), so paths are found from the package root rather than from this module.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function findRoot(): string {
  for (let folder = here; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'package.json'))) return folder;
    if (path.dirname(folder) === folder) return path.resolve(here, '..');
  }
}

/** The package root: the folder of recruit-check's package.json. */
export const ROOT = findRoot();

/** A file or folder of the package, from its path below the root (`rules/data`). */
export function packagePath(...parts: string[]): string {
  return path.join(ROOT, ...parts);
}

let version: string | undefined;

/** recruit-check's version, from its package.json (read once). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/**
 * The compiled worker `name` (for example `cli/check-worker.js`): in the bundle, the file of
 * that name beside this code; in dist/, at that path beside it; from src/ (in the tests), in dist/.
 */
export function compiledWorker(name: string): string {
  for (const file of [path.join(here, path.basename(name)), path.join(here, name)]) if (existsSync(file)) return file;
  return packagePath('dist', name);
}
