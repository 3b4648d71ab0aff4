/** The bundled sample adverts: what the issue promises a user will see. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument, checkText, createChecker } from '../src/check.js';
import { loadFile } from '../src/load/read.js';
import type { TextFormat } from '../src/load/parse.js';
import type { Finding } from '../src/types.js';

const checker = createChecker();

function findingsOf(file: string, format: TextFormat): Finding[] {
  return checkText(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'), format, checker).findings;
}

function find(findings: readonly Finding[], ruleId: string, actual: string): Finding | undefined {
  return findings.find((finding) => finding.ruleId === ruleId && finding.actual === actual);
}

describe('a jargon-heavy advert', () => {
  const findings = findingsOf('fixtures/adverts/healthcare-assistant-jargon.md', 'markdown');

  it('gets simpler-words findings with the exact text and a replacement', () => {
    expect(find(findings, 'plain-language/simpler-words', 'Remuneration')?.suggestions).toEqual(['Pay', 'Payment']);
    expect(find(findings, 'plain-language/simpler-words', 'in accordance with')?.suggestions[0]).toBe('by');
  });

  it('gets jargon and idiom findings with plain alternatives', () => {
    expect(find(findings, 'plain-language/recruitment-jargon', 'pro rata')?.suggestions[0]).toMatch(/full-time pay/);
    expect(find(findings, 'plain-language/recruitment-jargon', 'stakeholders')).toBeDefined();
    expect(find(findings, 'plain-language/recruitment-jargon', 'per annum')?.suggestions).toEqual(['a year']);
    expect(find(findings, 'plain-language/idiom', 'hit the ground running')?.suggestions.length).toBeGreaterThan(0);
    expect(find(findings, 'plain-language/idiom', 'self-starter')).toBeDefined();
    expect(find(findings, 'plain-language/idiom', 'whilst')?.suggestions).toEqual(['while']);
  });

  it('gets undefined acronyms, with the full words where known', () => {
    expect(find(findings, 'plain-language/acronym-not-expanded', 'DBS')?.suggestions).toEqual(['Disclosure and Barring Service (DBS)']);
    expect(find(findings, 'plain-language/acronym-not-expanded', 'NIC')).toBeDefined();
  });

  it('gets long and hard sentences', () => {
    const long = findings.filter((finding) => finding.ruleId === 'readability/sentence-too-long' && finding.severity === 'warning');
    expect(long.length).toBeGreaterThanOrEqual(3);
    expect(long[0]?.actual).toMatch(/^We are seeking a dynamic, highly motivated self-starter .* across the Trust\.$/);
    // Its hard sentences are also its long ones: each sentence gets one readability finding.
    const sentences = findings.filter((finding) => finding.category === 'readability' && finding.location !== null).map((finding) => finding.actual);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('gets the ambiguous date and the midnight deadline', () => {
    expect(find(findings, 'plain-language/date-format', '01/12/27')?.severity).toBe('warning');
    expect(find(findings, 'plain-language/time-format', 'midnight')?.severity).toBe('warning');
  });

  it('gets a document reading age far above the target', () => {
    expect(findings.find((finding) => finding.ruleId === 'readability/reading-age')?.severity).toBe('warning');
  });

  it('finds the same words in the plain text copy of the advert', () => {
    const text = findingsOf('fixtures/adverts/healthcare-assistant-jargon.txt', 'text');
    const words = (list: readonly Finding[]): string[] =>
      list
        .filter((finding) => finding.category === 'plain-language')
        .map((finding) => `${finding.ruleId} ${finding.actual ?? ''}`)
        .sort();
    expect(words(text)).toEqual(words(findings));
  });
});

describe('a well-written plain English advert', () => {
  const findings = findingsOf('fixtures/adverts/support-worker-plain.md', 'markdown');

  it('gets no errors and at most a few warnings', () => {
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings.filter((finding) => finding.severity === 'warning').length).toBeLessThanOrEqual(2);
  });

  it('gets at most one hard sentence, in every format', async () => {
    for (const file of ['support-worker-plain.md', 'support-worker-plain.docx', 'support-worker-plain.pdf']) {
      const loaded = await loadFile(fileURLToPath(new URL(`../fixtures/adverts/${file}`, import.meta.url)), file);
      if (!loaded.ok) throw new Error(loaded.error.message);
      const hard = checkDocument(loaded.doc, checker).findings.filter((finding) => finding.ruleId === 'readability/hard-sentence');
      expect(hard.length, file).toBeLessThanOrEqual(1);
    }
  });
});
