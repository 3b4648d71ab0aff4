/**
 * The same advert as Markdown, Word and PDF gets the same plain-language and readability
 * findings — the same words and sentences flagged by the same rules — each located in that
 * format's own terms.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, createChecker } from '../src/check.js';
import { loadFile } from '../src/load/read.js';
import type { Finding } from '../src/types.js';

const checker = createChecker();

async function findings(file: string): Promise<Finding[]> {
  const loaded = await loadFile(new URL(`../${file}`, import.meta.url).pathname, file);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return checkDocument(loaded.doc, checker).findings.filter(
    (finding) => finding.location !== null && ['plain-language', 'readability', 'inclusive-language'].includes(finding.category),
  );
}

/** A finding without its location: the rule and the words flagged (line breaks, and hyphens that end a line, are layout, not text). */
const what = (finding: Finding): string => `${finding.ruleId} ${(finding.actual ?? '').replace(/-\s+/g, '-').replace(/\s+/g, ' ')}`;

describe.each(['healthcare-assistant-jargon', 'support-worker-plain', 'exclusionary'])('%s as Markdown, Word and PDF', (name) => {
  it('gets the same findings in every format', async () => {
    const markdown = (await findings(`fixtures/adverts/${name}.md`)).map(what).sort();
    expect((await findings(`fixtures/adverts/${name}.docx`)).map(what).sort()).toEqual(markdown);
    expect((await findings(`fixtures/adverts/${name}.pdf`)).map(what).sort()).toEqual(markdown);
  });
});

describe('locations in each format’s terms', () => {
  it('gives line and column in Markdown, paragraph number in Word, page and line in PDF', async () => {
    const pick = (list: Finding[]): Finding | undefined => list.find((finding) => finding.actual === 'stakeholders');
    const markdown = pick(await findings('fixtures/adverts/healthcare-assistant-jargon.md'));
    const word = pick(await findings('fixtures/adverts/healthcare-assistant-jargon.docx'));
    const pdf = pick(await findings('fixtures/adverts/healthcare-assistant-jargon.pdf'));
    expect(markdown?.location).toEqual({ line: 9, column: 334, endLine: 9, endColumn: 346, page: null, paragraph: null, section: 'Job summary' });
    expect(word?.location).toEqual({ line: null, column: null, endLine: null, endColumn: null, page: null, paragraph: 3, section: 'Job summary' });
    expect(pdf?.location).toMatchObject({ page: 1, line: 7, endLine: 7, paragraph: null, column: null });
  });
});
