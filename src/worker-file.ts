/** Where a worker thread's compiled script is, whether this code runs built (dist/) or from source (src/, in tests). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled worker `name` (for example `load/pdf-worker.js`): beside the calling module when
 * it is built, else in dist/.
 */
export function compiledWorker(name: string): string {
  const built = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return existsSync(built) ? built : fileURLToPath(new URL(`../dist/${name}`, import.meta.url));
}
