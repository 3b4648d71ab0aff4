/** Checking on several cores gives the same report, byte for byte, as checking one file at a time. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from './run-cli.js';

function run(args: string[], input?: string): ReturnType<typeof runCli> {
  return runCli(args, { ...(input !== undefined ? { input } : {}), timeout: 120_000 });
}

describe('parallel checking', () => {
  // Every bundled fixture (Markdown, text, Word, PDF and the bad files), plus many small adverts.
  const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-parallel-'));
  const advert = readFileSync(path.join(root, 'fixtures/adverts/healthcare-assistant-jargon.md'), 'utf8');
  for (let index = 0; index < 24; index++) {
    writeFileSync(path.join(folder, `advert-${String(index).padStart(2, '0')}.md`), advert.replace('Band 3', `Band ${(index % 7) + 2}`).slice(0, 400 + index * 40));
  }
  const inputs = ['fixtures', folder, '-', 'missing.md'];
  const stdin = '# Job\n\nYou will utilise the MDT.\n';

  // Each format against one other number of workers: two workers, and more workers than cores.
  it.each([
    ['json', '3'],
    ['stylish', '2'],
  ])('gives the same %s report and exit code with 1 and %s workers', (format, jobs) => {
    const serial = run([...inputs, '--format', format, '--jobs', '1'], stdin);
    expect(serial.stdout.length).toBeGreaterThan(1000);
    const parallel = run([...inputs, '--format', format, '--jobs', jobs], stdin);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.stderr).toBe(serial.stderr);
    expect(parallel.status).toBe(serial.status);
    // Two runs of every fixture: a generous limit, so a busy machine does not fail the test.
  }, 300_000);

  it('refuses a --jobs that is not a whole number from 1 to 64', () => {
    for (const jobs of ['0', '1.5', 'many', '65']) {
      const result = run(['fixtures/adverts/bare.md', '--jobs', jobs]);
      expect(result.status, jobs).toBe(2);
      expect(result.stderr).toMatch(/--jobs must be a whole number from 1 to 64/);
    }
  });
});
