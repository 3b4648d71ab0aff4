/**
 * `npm run fuzz` in CI: every pathological input of the fuzz script, at two sizes eight times
 * apart, through the built command's loaders and rules, each timed once (a case that seems too
 * slow is timed again, the fastest of three runs counting). It fails when any case's time per byte
 * grows more than 3 times (work that grows with the square of the size gives 8), when one input
 * takes more than 5 seconds, or when an input crashes or hangs the checker (each measurement runs
 * in a worker that is stopped after 20 seconds), so a regression cannot make CI hang either.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { root } from './run-cli.js';

it('checks every pathological input in time that grows no faster than its size', () => {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/fuzz.js'), '--sizes', '4,32', '--runs', '1'], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  // The summary says the largest growth found, whatever the outcome.
  expect(run.stdout).toMatch(/^Largest growth: \d+\.\d\d \(.+\); the limit is 3\.$/m);
  expect(run.stdout, run.stdout.split('\n').slice(-6).join('\n')).toMatch(/^\d+ passed, 0 failed in \d+ s\.$/m);
  expect(run.status).toBe(0);
}, 900_000);
