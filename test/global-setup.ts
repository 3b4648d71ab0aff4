/** Build dist/ (as `npm run build` does) once before the tests, so tests that run the real `recruit-check` command see the current code. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

export default function setup(): void {
  const require = createRequire(import.meta.url);
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', '.'], { stdio: 'inherit' });
  // The rest of `npm run build`: the bundled command, and the cache of the bundled packs.
  execFileSync(process.execPath, ['scripts/bundle.js'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/cache-packs.js'], { stdio: 'inherit' });
}
