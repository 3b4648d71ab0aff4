/** `--annotate <out.docx>` from the command line: a reviewed copy with one comment per finding; the original untouched. */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../run-cli.js';

const FIXTURE = 'fixtures/adverts/healthcare-assistant-jargon.docx';

describe('--annotate', () => {
  it('writes a copy with one comment per reported finding, and leaves the original alone', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-annotate-'));
    copyFileSync(path.join(root, FIXTURE), path.join(folder, 'advert.docx'));
    const original = readFileSync(path.join(folder, 'advert.docx'));
    const run = runCli(['advert.docx', '--no-config', '--format', 'json', '--annotate', 'reviewed.docx'], { cwd: folder, timeout: 60_000 });
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { files: { findings: unknown[] }[] }).files[0]?.findings.length ?? 0;
    expect(run.stderr).toBe(`recruit-check: wrote reviewed.docx, a copy of advert.docx with ${findings} comments\n`);
    expect(readFileSync(path.join(folder, 'advert.docx')).equals(original)).toBe(true);
    const comments = strFromU8(unzipSync(new Uint8Array(readFileSync(path.join(folder, 'reviewed.docx'))))['word/comments.xml'] ?? new Uint8Array());
    expect(comments.match(/<w:comment /g)?.length).toBe(findings);
    expect(comments).toContain('w:author="recruit-check"');
  });

  it.each([
    [['fixtures/adverts/bare.md', '--annotate', 'x.docx'], /--annotate needs exactly one Word file/],
    [[FIXTURE, 'fixtures/word/well-made.docx', '--annotate', 'x.docx'], /--annotate needs exactly one Word file/],
    [[FIXTURE, '--annotate', 'x.pdf'], /x\.pdf: the annotated copy must be a \.docx file/],
    [[FIXTURE, '--annotate', FIXTURE], /is the file being checked — the original is never changed/],
  ])('refuses %j with one line and exit code 2', (args, message) => {
    const run = runCli([...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(existsSync(path.join(root, 'x.docx'))).toBe(false);
  });
});
