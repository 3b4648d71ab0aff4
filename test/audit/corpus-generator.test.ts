/**
 * The audit's test corpus (scripts/audit-corpus.js) tells the truth: for every advert it writes,
 * the real command finds exactly the topics its manifest says it gives and leaves out, exactly the
 * findings of each barrier rule it put in, takes it for an advert, and reads the employer the
 * manifest names — before and after the scripted fix. The same seed writes the same bytes.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { employerOf } from '../../src/audit/facts.js';
import { loadHtml } from '../../src/load/html.js';
import type { FileResult } from '../../src/types.js';
import { root, runCli } from '../run-cli.js';

interface ManifestDocument {
  readonly path: string;
  readonly folder: string;
  readonly employer: string | null;
  readonly type: string;
  readonly topics: { readonly present: readonly string[]; readonly missing: readonly string[] };
  readonly barriers: Readonly<Record<string, number>>;
}
interface Manifest {
  readonly documents: readonly ManifestDocument[];
  readonly fix?: { readonly payFolders: readonly string[]; readonly drivingLicenceRemoved: readonly string[] };
}

const { buildAuditCorpus, fixAuditCorpus, TOPICS, BARRIER_RULES } = (await import(pathToFileURL(path.join(root, 'scripts/audit-corpus.js')).href)) as {
  buildAuditCorpus: (folder: string, options?: { documents?: number; seed?: number }) => Manifest;
  fixAuditCorpus: (folder: string, manifest: Manifest, options?: { seed?: number }) => Manifest;
  TOPICS: readonly string[];
  BARRIER_RULES: readonly string[];
};

const DOCUMENTS = 80;
const DRIVING = 'inclusive-language/driving-licence';

/** Every file under `folder`, as forward-slash paths relative to it, sorted. */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** One file of the JSON report. */
type FileReport = FileResult;

/** Check the whole folder once with the real command; the report of each file by its path relative to the folder. */
function checkFolder(folder: string): Map<string, FileReport> {
  const run = runCli([folder, '--format', 'json'], { timeout: 300_000 });
  // 1: findings of error severity, which the corpus has (pay left out, a native-speaker rule…).
  expect(run.status, run.stderr).toBe(1);
  const report = JSON.parse(run.stdout) as { files: FileReport[] };
  return new Map(report.files.map((file) => [path.relative(folder, path.resolve(root, file.path)).split(path.sep).join('/'), file]));
}

/** What the checker found in one file, in the manifest's terms. */
function found(file: FileReport): { type: string; present: string[]; missing: string[]; barriers: Record<string, number> } {
  const barriers: Record<string, number> = {};
  for (const finding of file.findings) if (BARRIER_RULES.includes(finding.ruleId)) barriers[finding.ruleId] = (barriers[finding.ruleId] ?? 0) + 1;
  return {
    type: file.type ?? 'none',
    present: (file.scorecard ?? []).flatMap((pillar) => pillar.does).sort(),
    missing: (file.scorecard ?? []).flatMap((pillar) => pillar.missing).sort(),
    barriers,
  };
}

/** Each document's manifest entry against what the checker found, so a failure names the file and the difference. */
function expectTruth(manifest: Manifest, reports: Map<string, FileReport>): void {
  expect([...reports.keys()].sort()).toEqual(manifest.documents.map((document) => document.path).sort());
  for (const document of manifest.documents) {
    const report = reports.get(document.path) as FileReport;
    expect(report.error, document.path).toBeNull();
    expect(found(report), document.path).toEqual({
      type: document.type,
      present: [...document.topics.present].sort(),
      missing: [...document.topics.missing].sort(),
      barriers: document.barriers,
    });
  }
}

/** The employer the audit reads from each advert's “Employer:” field. */
function expectEmployers(folder: string, manifest: Manifest): void {
  for (const document of manifest.documents) {
    const doc = loadHtml(readFileSync(path.join(folder, document.path), 'utf8'));
    expect(employerOf(doc), document.path).toBe(document.employer);
  }
}

const count = (documents: readonly ManifestDocument[], test: (document: ManifestDocument) => boolean): number => documents.filter(test).length;
const gives = (topic: string) => (document: ManifestDocument) => document.topics.present.includes(topic);

describe('the audit corpus generator', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'recruit-check-audit-corpus-'));
  const corpus = path.join(work, 'corpus');
  const again = path.join(work, 'again');
  const unfixed = path.join(work, 'unfixed');
  let before: Manifest;
  let after: Manifest;
  let reportsBefore: Map<string, FileReport>;
  let reportsAfter: Map<string, FileReport>;

  beforeAll(() => {
    before = buildAuditCorpus(corpus, { documents: DOCUMENTS, seed: 1 });
    cpSync(corpus, unfixed, { recursive: true });
    reportsBefore = checkFolder(corpus);
    after = fixAuditCorpus(corpus, before, { seed: 2 });
    reportsAfter = checkFolder(corpus);
  }, 600_000);

  it('writes only the adverts of the manifest, in folders of uneven sizes', () => {
    expect(before.documents).toHaveLength(DOCUMENTS);
    expect(filesIn(unfixed)).toEqual(before.documents.map((document) => document.path).sort());
    for (const document of before.documents) {
      expect(document.path.split('/')[0]).toBe(document.folder);
      expect(document.path).toMatch(/\.html$/);
      expect([...document.topics.present, ...document.topics.missing].sort()).toEqual([...TOPICS].sort());
    }
    const sizes = new Map<string, number>();
    for (const document of before.documents) sizes.set(document.folder, (sizes.get(document.folder) ?? 0) + 1);
    expect(sizes.size).toBeGreaterThanOrEqual(4);
    expect(sizes.size).toBeLessThanOrEqual(6);
    expect(new Set(sizes.values()).size).toBeGreaterThan(1);
  });

  it('tells the truth about every advert: its type, topics and barriers', () => {
    expectTruth(before, reportsBefore);
  });

  it('names the employer the audit reads, and leaves about a tenth without one', () => {
    expectEmployers(unfixed, before);
    const without = count(before.documents, (document) => document.employer === null);
    expect(without).toBeGreaterThanOrEqual(DOCUMENTS * 0.05);
    expect(without).toBeLessThanOrEqual(DOCUMENTS * 0.2);
    // Some folders hold more than one employer, and some employer is in more than one folder.
    const employers = new Map<string, Set<string>>();
    const folders = new Map<string, Set<string>>();
    for (const { folder, employer } of before.documents) {
      if (employer === null) continue;
      employers.set(folder, (employers.get(folder) ?? new Set()).add(employer));
      folders.set(employer, (folders.get(employer) ?? new Set()).add(folder));
    }
    expect([...employers.values()].some((names) => names.size > 1)).toBe(true);
    expect([...folders.values()].some((names) => names.size > 1)).toBe(true);
  });

  it('leaves every topic out of some adverts and puts it in others, and each barrier in some', () => {
    for (const topic of TOPICS) {
      const present = count(before.documents, gives(topic));
      expect(present, topic).toBeGreaterThan(0);
      expect(present, topic).toBeLessThan(DOCUMENTS);
      // Roughly 15 to 50% of adverts leave it out.
      expect(DOCUMENTS - present, topic).toBeGreaterThanOrEqual(DOCUMENTS * 0.1);
      expect(DOCUMENTS - present, topic).toBeLessThanOrEqual(DOCUMENTS * 0.55);
    }
    for (const rule of BARRIER_RULES) {
      const documents = count(before.documents, (document) => (document.barriers[rule] ?? 0) > 0);
      expect(documents, rule).toBeGreaterThanOrEqual(DOCUMENTS * 0.05);
      expect(documents, rule).toBeLessThanOrEqual(DOCUMENTS * 0.45);
    }
  });

  it('is deterministic: the same seed writes the same bytes, another seed other adverts', () => {
    const manifest = buildAuditCorpus(again, { documents: DOCUMENTS, seed: 1 });
    expect(manifest).toEqual(before);
    expect(filesIn(again)).toEqual(filesIn(unfixed));
    for (const file of filesIn(unfixed)) expect(readFileSync(path.join(again, file)).equals(readFileSync(path.join(unfixed, file))), file).toBe(true);
    const other = buildAuditCorpus(path.join(work, 'other'), { documents: DOCUMENTS, seed: 3 });
    expect(other.documents.map((document) => document.topics)).not.toEqual(before.documents.map((document) => document.topics));
  });

  it('tells the truth after the scripted fix', () => {
    expectTruth(after, reportsAfter);
    expectEmployers(corpus, after);
  });

  it('fixes what it says it fixes, and nothing else', () => {
    const payFolders = after.fix?.payFolders ?? [];
    expect(payFolders).toHaveLength(2);
    // The pay, in every advert of two folders.
    expect(count(after.documents, gives('pay'))).toBeGreaterThan(count(before.documents, gives('pay')));
    for (const folder of payFolders) expect(count(after.documents, (document) => document.folder === folder && !gives('pay')(document)), folder).toBe(0);
    expect(count(after.documents, (document) => !payFolders.includes(document.folder) && gives('pay')(document))).toBe(count(before.documents, (document) => !payFolders.includes(document.folder) && gives('pay')(document)));
    // The adjustments, everywhere.
    expect(count(before.documents, gives('adjustments'))).toBeLessThan(DOCUMENTS);
    expect(count(after.documents, gives('adjustments'))).toBe(DOCUMENTS);
    // The driving licence, out of half the adverts that asked for it.
    const licences = (manifest: Manifest): number => count(manifest.documents, (document) => (document.barriers[DRIVING] ?? 0) > 0);
    expect(licences(after)).toBe(licences(before) - Math.ceil(licences(before) / 2));
    // Nothing else changed: other topics and barriers, and the files of adverts it did not fix.
    for (const [index, document] of after.documents.entries()) {
      const old = before.documents[index] as ManifestDocument;
      expect(document.path).toBe(old.path);
      expect(document.topics.missing.filter((topic) => topic !== 'pay' && topic !== 'adjustments')).toEqual(old.topics.missing.filter((topic) => topic !== 'pay' && topic !== 'adjustments'));
      const { [DRIVING]: _new, ...barriers } = document.barriers;
      const { [DRIVING]: _old, ...oldBarriers } = old.barriers;
      expect(barriers).toEqual(oldBarriers);
      const same = JSON.stringify(document.topics) === JSON.stringify(old.topics) && JSON.stringify(document.barriers) === JSON.stringify(old.barriers);
      expect(readFileSync(path.join(corpus, document.path)).equals(readFileSync(path.join(unfixed, document.path))), document.path).toBe(same);
    }
  });
});
