/** A report written a file at a time is exactly the report written at once, for every format. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText, createChecker } from '../../src/check.js';
import { checkedFile, failedFile } from '../../src/engine/checker.js';
import { formatReport, reportStream, type ReportFormat } from '../../src/report/index.js';
import type { FileResult } from '../../src/types.js';

const checker = createChecker();
const options = { colorLevel: 1 as const, rules: new Map(checker.rules.map((rule) => [rule.meta.id, rule.meta])), readingAge: 14 };
const resultFor = (file: string): FileResult =>
  checkedFile(file, 'markdown', checkText(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), 'markdown', checker));

describe.each<ReportFormat>(['json', 'stylish'])('%s report stream', (format) => {
  const sets: FileResult[][] = [
    [],
    [resultFor('fixtures/adverts/support-worker-plain.md')],
    [
      resultFor('fixtures/adverts/healthcare-assistant-jargon.md'),
      failedFile('missing.md', 'markdown', { code: 'not-found', message: 'missing.md: file not found — check the name and the folder' }),
      resultFor('fixtures/adverts/bare.md'),
    ],
  ];

  it.each(sets.map((results) => [results.length, results] as const))('writes %i files exactly as the whole report does', (_count, results) => {
    let written = '';
    const stream = reportStream(format, options, (text) => (written += text));
    for (const result of results) stream.file(result);
    stream.end();
    expect(written).toBe(formatReport(format, results, options));
  });
});
