/** The JSON report matches the contract: real output validated against schema/report.schema.json. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { checkText, createChecker } from '../../src/check.js';
import { checkedFile, failedFile } from '../../src/engine/checker.js';
import { formatJson } from '../../src/report/json.js';
import type { FileResult } from '../../src/types.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const checker = createChecker();

function resultFor(file: string): FileResult {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  return checkedFile(file, 'markdown', checkText(text, 'markdown', checker));
}

const results: FileResult[] = [
  resultFor('fixtures/adverts/healthcare-assistant-jargon.md'),
  resultFor('fixtures/adverts/support-worker-plain.md'),
  failedFile('missing.md', 'markdown', { code: 'not-found', message: 'missing.md: file not found — check the name and the folder' }),
];

describe('JSON report', () => {
  const report = JSON.parse(formatJson(results)) as {
    version: number;
    files: { findings: Record<string, unknown>[] }[];
    summary: Record<string, number>;
  };

  it('validates against the schema', () => {
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('has findings with every field of the contract, in order', () => {
    const findings = report.files[0]?.findings ?? [];
    expect(findings.length).toBeGreaterThan(20);
    expect(Object.keys(findings.find((finding) => finding['location'] !== null) ?? {}).slice(0, 10)).toEqual([
      'ruleId', 'category', 'severity', 'message', 'actual', 'suggestions', 'location', 'pillar', 'groups', 'note',
    ]);
    expect(findings.some((finding) => finding['fix'] !== undefined)).toBe(true);
  });

  it('leaves out the message id the engine keeps on each finding for the rule tests', () => {
    expect(results[0]?.findings.every((finding) => typeof finding.messageId === 'string')).toBe(true);
    const all = report.files.flatMap((file) => file.findings);
    expect(all.filter((finding) => 'messageId' in finding)).toEqual([]);
  });

  it('counts findings by severity in the summary', () => {
    const all = report.files.flatMap((file) => file.findings);
    expect(report.summary).toEqual({
      files: 3,
      errors: all.filter((finding) => finding['severity'] === 'error').length,
      warnings: all.filter((finding) => finding['severity'] === 'warning').length,
      info: all.filter((finding) => finding['severity'] === 'info').length,
      suppressed: 0,
    });
  });

  it('fails validation when a contract field is missing', () => {
    for (const field of ['ruleId', 'category', 'severity', 'message', 'actual', 'suggestions', 'location', 'pillar', 'groups', 'note']) {
      const broken = structuredClone(report);
      const finding = broken.files[0]?.findings[0];
      if (finding) delete finding[field];
      expect(validate(broken), `without ${field}`).toBe(false);
    }
    for (const field of ['metrics', 'type', 'scorecard']) {
      const broken = structuredClone(report) as unknown as { files: Record<string, unknown>[] };
      delete broken.files[0]?.[field];
      expect(validate(broken), `without ${field}`).toBe(false);
    }
  });

  it('gives each checked file its document type and an I.D.E.A.S. scorecard', () => {
    const files = report.files as unknown as { type: string | null; scorecard: { pillar: string; findings: number; does: string[]; missing: string[]; groups: string[] }[] | null }[];
    expect(files.map((file) => file.type)).toEqual(['advert', 'advert', null]);
    expect(files[0]?.scorecard?.map((entry) => entry.pillar)).toEqual(['inform', 'develop', 'encourage', 'awareness', 'support']);
    expect(files[2]?.scorecard).toBeNull();
    const support = files[0]?.scorecard?.find((entry) => entry.pillar === 'support');
    expect(support?.missing).toContain('adjustments');
    expect(support?.groups.length).toBeGreaterThan(0);
    expect(files[1]?.scorecard?.every((entry) => entry.missing.length === 0)).toBe(true);
  });
});
