/// <reference lib="dom" />
/**
 * `recruit-check audit` on a generated corpus of job-board adverts whose content is known
 * (scripts/audit-corpus.js, whose truth is tested in corpus-generator.test.ts): the shares it
 * reports are exactly what the generator put in, overall and by folder and employer; `--compare`
 * after a scripted fix reports exactly the changes made; the JSON validates against its schema;
 * the CSV opens in LibreOffice Calc with the right columns; the HTML dashboard passes axe-core in
 * Chromium; a file that cannot be read is listed and counted in no share.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/audit/csv.js';
import type { AuditJson, Change } from '../../src/audit/json.js';
import type { GroupMeasures } from '../../src/audit/measure.js';
import { describeViolations, launchChromium, runAxe } from '../browser.js';
import { convertWithLibreOffice } from '../libreoffice.js';
import { root, runCli } from '../run-cli.js';

interface ManifestDocument {
  readonly path: string;
  readonly folder: string;
  readonly employer: string | null;
  readonly topics: { readonly present: readonly string[]; readonly missing: readonly string[] };
  readonly barriers: Readonly<Record<string, number>>;
}
interface Manifest {
  readonly documents: readonly ManifestDocument[];
}

const { buildAuditCorpus, fixAuditCorpus } = (await import(pathToFileURL(path.join(root, 'scripts/audit-corpus.js')).href)) as {
  buildAuditCorpus: (folder: string, options: { documents: number; seed: number }) => Manifest;
  fixAuditCorpus: (folder: string, manifest: Manifest, options: { seed: number }) => Manifest;
};

const OUTPUT = path.join(root, 'test/output');
const DOCUMENTS = 240;

/** What an audit of the documents should say of each topic: documents that give it, of those it applies to. */
function expectedTopics(documents: readonly ManifestDocument[]): Map<string, { present: number; documents: number }> {
  const found = new Map<string, { present: number; documents: number }>();
  for (const document of documents) {
    for (const [list, present] of [[document.topics.present, true], [document.topics.missing, false]] as const) {
      for (const topic of list) {
        const entry = found.get(topic) ?? { present: 0, documents: 0 };
        entry.documents++;
        if (present) entry.present++;
        found.set(topic, entry);
      }
    }
  }
  return found;
}

/** What the audit said of each topic. */
function reportedTopics(group: GroupMeasures): Map<string, { present: number; documents: number }> {
  return new Map(group.topics.map((topic) => [topic.topic, { present: topic.present, documents: topic.documents }]));
}

/** What the audit said of each barrier rule the generator puts in: documents and findings. */
function reportedBarriers(group: GroupMeasures, rules: readonly string[]): Map<string, { documents: number; count: number }> {
  const all = [...group.rules, ...group.accessibility];
  return new Map(rules.map((rule) => [rule, { documents: all.find((each) => each.rule === rule)?.documents ?? 0, count: all.find((each) => each.rule === rule)?.count ?? 0 }]));
}

function expectedBarriers(documents: readonly ManifestDocument[], rules: readonly string[]): Map<string, { documents: number; count: number }> {
  return new Map(rules.map((rule) => [rule, { documents: documents.filter((document) => (document.barriers[rule] ?? 0) > 0).length, count: documents.reduce((sum, document) => sum + (document.barriers[rule] ?? 0), 0) }]));
}

function audit(args: readonly string[]): { status: number | null; stderr: string } {
  const run = runCli(['audit', ...args], { timeout: 600_000, cwd: root });
  return { status: run.status, stderr: run.stderr };
}

const readJson = (file: string): AuditJson => JSON.parse(readFileSync(file, 'utf8')) as AuditJson;

describe('recruit-check audit on a generated corpus', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'recruit-check-audit-'));
  const corpus = path.join(work, 'corpus');
  let before: Manifest;
  let after: Manifest;
  let barrierRules: string[];
  const files = { before: path.join(work, 'before.json'), after: path.join(work, 'after.json'), employers: path.join(work, 'employers.json'), csv: path.join(work, 'after.csv'), html: path.join(work, 'after.html') };
  const statuses: Record<string, number | null> = {};

  beforeAll(() => {
    mkdirSync(corpus, { recursive: true });
    before = buildAuditCorpus(corpus, { documents: DOCUMENTS, seed: 1 });
    barrierRules = [...new Set(before.documents.flatMap((document) => Object.keys(document.barriers)))].sort();
    statuses['before'] = audit([corpus, '--format', 'json', '-o', files.before]).status;
    statuses['employers'] = audit([corpus, '--group-by', 'employer', '-o', files.employers]).status;
    after = fixAuditCorpus(corpus, before, { seed: 2 });
    statuses['after'] = audit([corpus, '-o', files.after, '--compare', files.before]).status;
    statuses['csv'] = audit([corpus, '-o', files.csv, '--compare', files.before]).status;
    statuses['html'] = audit([corpus, '-o', files.html, '--compare', files.before]).status;
  }, 900_000);

  it('reads every document, and exits with 0', () => {
    expect(statuses).toEqual({ before: 0, employers: 0, after: 0, csv: 0, html: 0 });
    const report = readJson(files.before);
    expect(report.documents).toBe(DOCUMENTS);
    expect(report.unreadable).toBe(0);
  });

  it('reports exactly the topics and barriers the generator put in, overall and in each folder', () => {
    const report = readJson(files.before);
    expect(reportedTopics(report.overall)).toEqual(expectedTopics(before.documents));
    expect(reportedBarriers(report.overall, barrierRules)).toEqual(expectedBarriers(before.documents, barrierRules));
    const folders = [...new Set(before.documents.map((document) => document.folder))].sort();
    // Each group is a folder, named as the files' paths name it.
    expect(report.groups.map((group) => group.name)).toEqual(folders.map((folder) => path.join(corpus, folder).split(path.sep).join('/')));
    for (const folder of folders) {
      const mine = before.documents.filter((document) => document.folder === folder);
      const group = report.groups.find((each) => each.name.endsWith(`/${folder}`)) as GroupMeasures;
      expect(group.documents, folder).toBe(mine.length);
      expect(reportedTopics(group), folder).toEqual(expectedTopics(mine));
      expect(reportedBarriers(group, barrierRules), folder).toEqual(expectedBarriers(mine, barrierRules));
    }
    // A pillar's score is the share of documents with nothing to fix under it.
    for (const pillar of report.overall.pillars) expect(pillar.score).toBe(pillar.clean / DOCUMENTS);
  });

  it('groups by employer: the “Employer:” field, or else the folder', () => {
    const report = readJson(files.employers);
    const expected = new Map<string, number>();
    for (const document of before.documents) {
      const name = document.employer ?? `${document.folder} (folder)`;
      expected.set(name, (expected.get(name) ?? 0) + 1);
    }
    expect(new Map(report.groups.map((group) => [group.name, group.documents]))).toEqual(expected);
  });

  it('compares with the earlier audit: the change of every measure, exactly as the scripted fix made it', () => {
    const report = readJson(files.after);
    expect(reportedTopics(report.overall)).toEqual(expectedTopics(after.documents));
    const changes = report.compare?.changes ?? [];
    const overall = (kind: Change['kind'], measure: string): Change | undefined => changes.find((change) => change.group === 'All documents' && change.kind === kind && change.measure === measure);
    const was = expectedTopics(before.documents);
    const now = expectedTopics(after.documents);
    let changed = 0;
    for (const [topic, counts] of now) {
      const old = was.get(topic) as { present: number; documents: number };
      const change = overall('topic', topic);
      expect(change?.before, topic).toBe(old.present / old.documents);
      expect(change?.after, topic).toBe(counts.present / counts.documents);
      expect(change?.change, topic).toBeCloseTo(counts.present / counts.documents - old.present / old.documents, 6);
      if (counts.present !== old.present) changed++;
    }
    expect(changed).toBeGreaterThan(0);
    const oldBarriers = expectedBarriers(before.documents, barrierRules);
    const newBarriers = expectedBarriers(after.documents, barrierRules);
    for (const rule of barrierRules) {
      const change = overall('rule', rule);
      expect(change?.before, rule).toBe((oldBarriers.get(rule)?.documents ?? 0) / DOCUMENTS);
      expect(change?.after, rule).toBe((newBarriers.get(rule)?.documents ?? 0) / DOCUMENTS);
    }
  });

  it('writes JSON that validates against schema/audit.schema.json', () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'schema/audit.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    for (const file of [files.before, files.after, files.employers]) {
      const valid = validate(readJson(file));
      expect(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    }
  });

  it('writes its JSON and dashboard a piece at a time, yet whole: the JSON is exactly JSON.stringify’s, the table has every document, worst first', () => {
    for (const file of [files.before, files.after, files.employers]) {
      const text = readFileSync(file, 'utf8');
      // Longer than two of the chunks the audit writes (64 K characters), so the pieces join across them.
      expect(text.length).toBeGreaterThan(2 * 65_536);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
    const html = readFileSync(files.html, 'utf8');
    expect(html.endsWith('</html>')).toBe(true);
    const table = html.slice(html.indexOf('<table class="sortable">'), html.indexOf('</table>', html.indexOf('<table class="sortable">')));
    const rows = [...table.matchAll(/<tr><th scope="row"><code>([^<]*)<\/code><\/th><td>[^<]*<\/td><td>[^<]*<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/g)].map((match) => ({ path: match[1] as string, errors: Number(match[2]), warnings: Number(match[3]) }));
    expect(rows).toHaveLength(DOCUMENTS);
    const worstFirst = [...rows].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    expect(rows).toEqual(worstFirst);
    const after = readJson(files.after);
    expect(new Set(rows.map((row) => row.path))).toEqual(new Set(after.documentsTable.map((row) => row.path)));
  });

  it('writes CSV that LibreOffice Calc opens with the right columns and figures', async () => {
    const csv = readFileSync(files.csv, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    const converted = path.join(work, 'calc');
    await convertWithLibreOffice([files.csv], 'fods', converted, work);
    const fods = readFileSync(path.join(converted, 'after.fods'), 'utf8');
    const rows = [...fods.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((row) =>
      [...(row[1] as string).matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].flatMap((cell) => {
        const repeated = Number(/table:number-columns-repeated="(\d+)"/.exec(cell[1] as string)?.[1] ?? '1');
        const text = [...(cell[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((p) => (p[1] as string).replace(/<[^>]+>/g, '').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join('\n');
        return Array.from({ length: Math.min(repeated, 20) }, () => text);
      }),
    );
    expect(rows[0]?.slice(0, CSV_COLUMNS.length)).toEqual([...CSV_COLUMNS]);
    expect(rows.filter((row) => row.some((cell) => cell !== ''))).toHaveLength(lines.length);
    const pay = rows.find((row) => row[0] === 'All documents' && row[1] === 'topic' && row[2] === 'pay') as string[];
    const expected = expectedTopics(after.documents).get('pay') as { present: number; documents: number };
    expect(pay[CSV_COLUMNS.indexOf('documents')]).toBe(String(expected.documents));
    expect(pay[CSV_COLUMNS.indexOf('with')]).toBe(String(expected.present));
  }, 300_000);

  describe('the HTML dashboard in Chromium', () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launchChromium();
      page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(pathToFileURL(files.html).href, { waitUntil: 'load' });
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('has no accessibility violations (axe-core: WCAG 2.0, 2.1 and 2.2 A and AA, best practice)', async () => {
      // The page's own policy allows only its sorting script: axe is added through the DevTools protocol.
      await page.setBypassCSP(true);
      await page.reload({ waitUntil: 'load' });
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, 'audit-dashboard.png') });
    }, 120_000);

    it('has a chart with its table and summary for each measure, and the changes since the earlier audit', async () => {
      const charts = await page.$$eval('figure.chart', (figures) => figures.map((figure) => ({ svg: figure.querySelector('svg[role="img"] title') !== null, caption: figure.querySelector('figcaption')?.textContent ?? '' })));
      expect(charts.length).toBeGreaterThanOrEqual(3);
      for (const chart of charts) {
        expect(chart.svg).toBe(true);
        expect(chart.caption.length).toBeGreaterThan(20);
      }
      expect(await page.$eval('#compare-title', (heading) => heading.textContent)).toBe('Since the earlier audit');
    });

    it('sorts the table of documents from the keyboard', async () => {
      await page.setBypassCSP(false);
      await page.reload({ waitUntil: 'load' });
      const button = await page.$('table.sortable thead th:nth-child(4) button');
      expect(button).not.toBeNull();
      await button?.focus();
      await page.keyboard.press('Enter');
      const errors = await page.$$eval('table.sortable tbody tr', (rows) => rows.map((row) => Number(row.cells[3]?.textContent)));
      expect(errors).toEqual([...errors].sort((a, b) => a - b));
      expect(await page.$eval('table.sortable thead th:nth-child(4)', (th) => th.getAttribute('aria-sort'))).toBe('ascending');
    });
  });

  it('lists a file that cannot be read, counts it in no share, and exits with 2', () => {
    const broken = path.join(work, 'with-broken');
    mkdirSync(broken, { recursive: true });
    copyFileSync(path.join(root, 'fixtures/adverts/support-worker-plain.md'), path.join(broken, 'good.md'));
    copyFileSync(path.join(root, 'fixtures/bad/truncated.pdf'), path.join(broken, 'broken.pdf'));
    writeFileSync(path.join(broken, 'empty.txt'), '');
    const out = path.join(work, 'broken.json');
    const run = audit([broken, '--format', 'json', '-o', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('broken.pdf: the PDF is damaged');
    const report = readJson(out);
    expect(report.documents).toBe(1);
    expect(report.unreadable).toBe(2);
    expect(report.unreadableFiles.map((file) => path.basename(file.path)).sort()).toEqual(['broken.pdf', 'empty.txt']);
    for (const topic of report.overall.topics) expect(topic.documents).toBe(1);
  }, 120_000);
});
