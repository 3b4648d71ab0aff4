/**
 * Set-up from any folder (issue 13, point 4): the project packed as npm publishes it, installed
 * into an empty folder, gives a `recruit-check` command that checks a document there. Packing
 * uses the build the tests already have; installing takes the dependencies from npm's cache
 * (filled by `npm ci`), so it needs no network when the cache is warm.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './run-cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the packed command, installed in an empty folder', () => {
  it('checks a document there, exits as documented, and has the version of package.json', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'recruit-check-install-'));
    const packed = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop() ?? '';
    const tarball = path.join(work, packed);
    expect(readdirSync(work)).toContain(packed);
    const folder = path.join(work, 'hr-adverts');
    execFileSync('mkdir', ['-p', folder]);
    writeFileSync(path.join(folder, 'package.json'), '{"name": "hr-adverts", "private": true}\n');
    const install = spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel', 'error', tarball], { cwd: folder, encoding: 'utf8', timeout: 240_000 });
    expect(install.status, install.stderr).toBe(0);
    // No engine warnings on this (supported) Node version.
    expect(install.stderr).not.toMatch(/EBADENGINE/);
    writeFileSync(path.join(folder, 'advert.md'), '# Care assistant\n\nWe utilise a rota. The successful candidate will have a DBS check.\n');
    const bin = path.join(folder, 'node_modules', '.bin', 'recruit-check');
    const run = spawnSync(bin, ['advert.md'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^advert\.md\n {2}Checked as a job advert/);
    expect(run.stdout).toMatch(/“utilise”/);
    const version = spawnSync(bin, ['--version'], { cwd: folder, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version);
  }, 300_000);
});
