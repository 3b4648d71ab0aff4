/**
 * Untrusted input and careless use, through the real command: endless or special files, files
 * named as what they are not, writes that could lose data, control characters meant for the
 * terminal. Each gives its one-line message and exit code 2, the other files in the run are
 * still reported, and nothing else on disk changes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWriteTarget, writeFileAtomic } from '../../src/atomic.js';
import { root, runCli } from '../run-cli.js';

const bin = path.join(root, 'bin/recruit-check.js');
const advert = path.join(root, 'fixtures/adverts/healthcare-assistant-jargon.md');
const word = path.join(root, 'fixtures/adverts/healthcare-assistant-jargon.docx');

interface Report {
  files: { path: string; error: { code: string; message: string } | null; findings: unknown[] }[];
}

function folder(): string {
  return mkdtempSync(path.join(tmpdir(), 'recruit-check-untrusted-'));
}

/** Every name and byte under `dir` (links as their target), to show nothing else changed. */
function snapshot(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      const info = lstatSync(full);
      hash.update(`${path.relative(dir, full)}|${info.mode}|`);
      if (info.isSymbolicLink()) hash.update(readlinkSync(full));
      else if (info.isDirectory()) walk(full);
      else if (info.isFile()) hash.update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function json(args: readonly string[], cwd: string, input?: string): { status: number | null; report: Report; stderr: string } {
  const run = runCli(['--format', 'json', '--no-config', ...args], { cwd, timeout: 120_000, ...(input !== undefined ? { input } : {}) });
  return { status: run.status, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

/** Run a shell pipeline with the command as `$RC`, with a time limit. */
function shell(script: string, cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { cwd, env: { ...process.env, RC: `${process.execPath} ${bin}` }, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const FIFO_OK = spawnSync('mkfifo', ['--help']).status === 0;

describe('input that never ends or is not a file', () => {
  it('refuses devices and named pipes by type, without waiting, and checks the other files', () => {
    const dir = folder();
    copyFileSync(advert, path.join(dir, 'advert.md'));
    const names = ['/dev/zero', 'advert.md'];
    if (FIFO_OK) {
      spawnSync('mkfifo', [path.join(dir, 'pipe.md')]);
      names.push('pipe.md');
    }
    const before = snapshot(dir);
    const { status, report } = json(names, dir);
    expect(status).toBe(2);
    expect(report.files.map((file) => file.error?.code ?? null)).toEqual(names.map((name) => (name === 'advert.md' ? null : 'not-a-file')));
    expect(report.files[0]?.error?.message).toBe('/dev/zero: is not an ordinary file (a device, pipe or socket) — save the document as a file and check that');
    expect(report.files[1]?.findings.length).toBeGreaterThan(0);
    expect(snapshot(dir)).toBe(before);
  }, 180_000);

  it('stops reading endless standard input at the size limit', () => {
    const dir = folder();
    const run = shell('yes | $RC - --format json --max-file-size 1', dir);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files[0]?.error).toEqual({ code: 'too-large', message: 'standard input: is over the 1 MB limit — check it is the right file, or raise the limit with --max-file-size' });
    expect(readdirSync(dir)).toEqual([]);
  }, 180_000);

  it('refuses a file named as a PDF or Word file that is neither', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'advert.pdf'), 'hello');
    writeFileSync(path.join(dir, 'advert.docx'), 'Job: care assistant\n');
    copyFileSync(advert, path.join(dir, 'real.md'));
    const { status, report } = json(['advert.pdf', 'advert.docx', 'real.md'], dir);
    expect(status).toBe(2);
    expect(report.files.map((file) => file.error?.message ?? null)).toEqual([
      'advert.pdf: is named as a PDF but is not one (it does not begin with “%PDF-”) — check it is the right file, or save it again as PDF',
      'advert.docx: is named as a Word file but is not one (a .docx file is a zip package) — check it is the right file, or save it again from Word as .docx',
      null,
    ]);
  }, 180_000);

  it('checks a file once, however many linked folders lead to it', () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'adverts'));
    copyFileSync(advert, path.join(dir, 'adverts/advert.md'));
    symlinkSync('.', path.join(dir, 'adverts/again'));
    symlinkSync('adverts', path.join(dir, 'alias'));
    const { report } = json(['adverts/**/*.md', 'alias/advert.md', 'adverts'], dir);
    expect(report.files.map((file) => file.path)).toEqual(['adverts/advert.md']);
  }, 180_000);

  it('keeps the exit code of a run with errors when the report is piped into head', () => {
    const dir = folder();
    copyFileSync(advert, path.join(dir, 'advert.md'));
    const run = shell('$RC advert.md | head -1', dir);
    expect(run.stdout).toBe('advert.md\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
  }, 180_000);
});

describe('writes that cannot lose data', () => {
  const utilise = '# Care assistant\n\nYou will utilise the rota.\n';

  it('leaves a read-only file, a file in a read-only folder and a link alone or intact, and fixes the rest', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'locked.md'), utilise);
    chmodSync(path.join(dir, 'locked.md'), 0o444);
    mkdirSync(path.join(dir, 'shut'));
    writeFileSync(path.join(dir, 'shut/inside.md'), utilise);
    chmodSync(path.join(dir, 'shut'), 0o555);
    writeFileSync(path.join(dir, 'target.md'), utilise);
    chmodSync(path.join(dir, 'target.md'), 0o640);
    symlinkSync('target.md', path.join(dir, 'link.md'));
    writeFileSync(path.join(dir, 'plain.md'), utilise);
    const run = runCli(['--fix', '--no-config', '--format', 'json', 'locked.md', 'shut/inside.md', 'link.md', 'plain.md'], { cwd: dir, timeout: 120_000 });
    chmodSync(path.join(dir, 'shut'), 0o755);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toEqual([
      'recruit-check: locked.md: is read-only, so recruit-check did not write the fixes — make it writable (chmod u+w) or name another file',
      'recruit-check: shut/inside.md: the folder shut is read-only, so recruit-check did not write the fixes — make the folder writable or name a file elsewhere',
      'recruit-check: fixed 2 findings in 2 files',
      '',
    ]);
    // Every file is reported; the ones not fixed with their findings as they are.
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files.map((file) => file.path)).toEqual(['locked.md', 'shut/inside.md', 'link.md', 'plain.md']);
    expect(readFileSync(path.join(dir, 'locked.md'), 'utf8')).toBe(utilise);
    expect(readFileSync(path.join(dir, 'shut/inside.md'), 'utf8')).toBe(utilise);
    // The link is still a link; its target is fixed and keeps its permissions.
    expect(lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'target.md'), 'utf8')).toBe(utilise.replace('utilise', 'use'));
    expect(statSync(path.join(dir, 'target.md')).mode & 0o777).toBe(0o640);
    expect(readFileSync(path.join(dir, 'plain.md'), 'utf8')).toBe(utilise.replace('utilise', 'use'));
    // No temporary file anywhere.
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'locked.md', 'plain.md', 'shut', 'target.md']);
    expect(readdirSync(path.join(dir, 'shut'))).toEqual(['inside.md']);
  }, 180_000);

  it('does not write over a file that changed after it was read', () => {
    const dir = folder();
    const file = path.join(dir, 'advert.md');
    writeFileSync(file, utilise);
    const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    // Another program appends a line while the check runs.
    writeFileSync(file, `${utilise}Appended by someone else.\n`);
    expect(() => writeFileAtomic(file, 'fixed', { unchangedSince: digest, what: 'the fixes' })).toThrow(
      `${file}: changed while it was being checked, so it was not changed — check it again`,
    );
    expect(readFileSync(file, 'utf8')).toBe(`${utilise}Appended by someone else.\n`);
    expect(readdirSync(dir)).toEqual(['advert.md']);
    // With the digest of what is there now, the write goes ahead.
    writeFileAtomic(file, 'fixed', { unchangedSince: createHash('sha256').update(readFileSync(file)).digest('hex') });
    expect(readFileSync(file, 'utf8')).toBe('fixed');
  });

  it('refuses a write target that is a folder, missing, or a link to nothing, before any work', () => {
    const dir = folder();
    symlinkSync('nowhere.html', path.join(dir, 'dangling.html'));
    expect(() => checkWriteTarget(dir, 'the report')).toThrow(`${dir}: is a folder — name a file for the report`);
    expect(() => checkWriteTarget(path.join(dir, 'dangling.html'), 'the report')).toThrow(/is a symbolic link to a file that does not exist/);
    expect(() => checkWriteTarget(path.join(dir, 'no/such/report.html'), 'the report')).toThrow(/the folder .*no\/such does not exist — create it first/);
    copyFileSync(advert, path.join(dir, 'advert.md'));
    const before = snapshot(dir);
    for (const [output, message] of [
      ['.', 'recruit-check: .: is a folder — name a file for the report\n'],
      ['dangling.html', 'recruit-check: dangling.html: is a symbolic link to a file that does not exist — remove the link or name the real file\n'],
    ] as const) {
      const run = runCli(['advert.md', '--no-config', '--output', output], { cwd: dir, timeout: 120_000 });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(message);
      expect(run.stdout).toBe('');
    }
    expect(snapshot(dir)).toBe(before);
  }, 180_000);

  it('does not replace an existing file with --annotate unless --force is given', () => {
    const dir = folder();
    copyFileSync(word, path.join(dir, 'advert.docx'));
    writeFileSync(path.join(dir, 'notes.docx'), 'my own notes');
    const refused = runCli(['advert.docx', '--no-config', '--annotate', 'notes.docx'], { cwd: dir, timeout: 120_000 });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('recruit-check: notes.docx: is already there — name a new file for the annotated copy, or add --force to replace it\n');
    expect(readFileSync(path.join(dir, 'notes.docx'), 'utf8')).toBe('my own notes');
    const forced = runCli(['advert.docx', '--no-config', '--annotate', 'notes.docx', '--force'], { cwd: dir, timeout: 120_000 });
    expect(forced.status).toBe(1);
    expect(readFileSync(path.join(dir, 'notes.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).sort()).toEqual(['advert.docx', 'notes.docx']);
  }, 180_000);

  it.each(['SIGINT', 'SIGTERM'] as const)('leaves no temporary file when stopped by %s while writing --output', async (signal) => {
    const dir = folder();
    mkdirSync(path.join(dir, 'adverts'));
    for (let index = 0; index < 400; index++) copyFileSync(advert, path.join(dir, `adverts/advert-${index}.md`));
    const child = spawn(process.execPath, [bin, 'adverts', '--no-config', '--output', 'report.html'], { cwd: dir, stdio: 'ignore' });
    // Wait until the temporary report is there, then stop the run.
    const deadline = Date.now() + 60_000;
    while (!readdirSync(dir).some((name) => name.endsWith('.tmp')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readdirSync(dir).some((name) => name.endsWith('.tmp'))).toBe(true);
    child.kill(signal);
    const exit = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, stopped) => resolve(stopped)));
    expect(exit).toBe(signal);
    expect(readdirSync(dir)).toEqual(['adverts']);
  }, 180_000);
});

describe('control characters never reach the terminal', () => {
  it('shows them in the --fix-dry-run diff and in file names on standard error', () => {
    const dir = folder();
    // Clear screen, a window-title sequence, a bell, a carriage return and a right-to-left override.
    const hostile = '# Care assistant\n\nYou will utilise \u001b[2J\u001b]0;owned\u0007 the rota.\r Pay \u202Eis good.\n';
    writeFileSync(path.join(dir, 'advert.md'), hostile);
    const dry = runCli(['advert.md', '--no-config', '--fix-dry-run'], { cwd: dir, timeout: 120_000 });
    expect(dry.stdout).toContain('-You will utilise \\u{1b}[2J\\u{1b}]0;owned\\u{7} the rota.\\u{d} Pay \\u{202e}is good.');
    expect(dry.stdout + dry.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202E]/);
    expect(readFileSync(path.join(dir, 'advert.md'), 'utf8')).toBe(hostile);

    copyFileSync(word, path.join(dir, 'advert.docx'));
    const name = 'copy\u001b]0;owned\u0007.docx';
    const annotate = runCli(['advert.docx', '--no-config', '--annotate', name], { cwd: dir, timeout: 120_000 });
    expect(annotate.stderr).toMatch(/^recruit-check: wrote copy\\u\{1b\}\]0;owned\\u\{7\}\.docx, a copy of advert\.docx with \d+ comments\n$/);
  }, 180_000);
});
