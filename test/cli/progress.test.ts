/** The progress line: on a terminal when many files are checked, never in pipes or CI, never in the report. */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli.js';
import { Progress, showsProgress } from '../../src/cli/progress.js';
import { root } from '../run-cli.js';

function capture(tty: { stdout: boolean; stderr: boolean }, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (text: string) => out.push(text), isTTY: tty.stdout },
    stderr: { write: (text: string) => err.push(text), isTTY: tty.stderr },
    readStdin: () => Promise.resolve(new Uint8Array()),
    env: { TERM: 'xterm', ...env },
  };
  return { io, out, err };
}

const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-progress-'));
for (let index = 0; index < 12; index++) copyFileSync(path.join(root, 'fixtures/adverts/support-worker-plain.md'), path.join(folder, `advert-${String(index).padStart(2, '0')}.md`));

describe('the progress line', () => {
  it('shows on a terminal, is cleared at the end, and never reaches the report', async () => {
    const { io, out, err } = capture({ stdout: false, stderr: true });
    await main([folder, '--format', 'json', '--jobs', '1', '--no-config'], io);
    const progress = err.join('');
    expect(progress).toMatch(/checked \d+ of 12 files/);
    expect(progress).toContain('checked 12 of 12 files');
    expect(progress.endsWith('\r\u001b[2K')).toBe(true);
    expect(JSON.parse(out.join('')).files).toHaveLength(12);
    expect(out.join('')).not.toMatch(/checked \d+ of/);
  });

  it('is cleared before each piece of a report on the same terminal', async () => {
    const { io, out, err } = capture({ stdout: true, stderr: true });
    const writes: string[] = [];
    const shared: CliIo = {
      ...io,
      stdout: { write: (text: string) => writes.push(`out:${text}`) && out.push(text), isTTY: true },
      stderr: { write: (text: string) => writes.push(`err:${text}`) && err.push(text), isTTY: true },
    };
    await main([folder, '--jobs', '1', '--no-config'], shared);
    writes.forEach((entry, index) => {
      if (entry.startsWith('out:') && index > 0 && writes[index - 1]?.startsWith('err:checked')) throw new Error(`report written over the progress line at ${index}`);
    });
    expect(err.join('')).toMatch(/checked \d+ of 12 files/);
  });

  it.each([
    ['in a pipe', { stdout: false, stderr: false }, {}, []],
    ['in CI', { stdout: false, stderr: true }, { CI: 'true' }, []],
    ['on a dumb terminal', { stdout: false, stderr: true }, { TERM: 'dumb' }, []],
    ['with --no-progress', { stdout: false, stderr: true }, {}, ['--no-progress']],
  ])('never shows %s', async (_name, tty, env, extra) => {
    const { io, err } = capture(tty, env);
    await main([folder, '--format', 'json', '--jobs', '1', '--no-config', ...extra], io);
    expect(err.join('')).toBe('');
  });

  it('waits for 10 files, and redraws at most every 100 ms', () => {
    const stderr = { written: [] as string[], write(text: string) { this.written.push(text); }, isTTY: true };
    expect(showsProgress({ stderr, env: {}, enabled: true, total: 9 })).toBe(false);
    let now = 0;
    const progress = new Progress({ stderr, env: {}, enabled: true, total: 20, now: () => now });
    for (let file = 0; file < 20; file++) {
      progress.tick();
      now += 30;
    }
    // Drawn at 0, 120, 240, 360, 480 and 570 ms (the last file always).
    expect(stderr.written).toHaveLength(6);
    expect(stderr.written.at(-1)).toBe('\r\u001b[2Kchecked 20 of 20 files');
  });
});
