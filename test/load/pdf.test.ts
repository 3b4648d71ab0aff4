import { existsSync, readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { DocModel } from '../../src/document/model.js';
import { mergedTableContent } from '../../src/load/pdf-structure.js';
import { loadBuffer, loadFile } from '../../src/load/read.js';

async function load(file: string): Promise<DocModel> {
  const result = await loadFile(new URL(`../../${file}`, import.meta.url).pathname, file);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.format).toBe('pdf');
  return result.doc;
}

describe('PDF loader', () => {
  it('follows the tags of a tagged PDF for its paragraphs, located by page and line', async () => {
    const doc = await load('fixtures/adverts/healthcare-assistant-jargon.pdf');
    expect(doc.meta).toMatchObject({ pages: 1, tagged: true, textLayer: true, scannedPages: [], language: 'en-GB', title: 'Healthcare Assistant – Older Adults Ward' });
    const summary = doc.blocks.slice(0, 4).map((block) => {
      const place = block.sourceMap.locate(0, block.text.length);
      return [block.kind, block.depth, place.page, place.line, place.endLine, block.text.slice(0, 20)];
    });
    // LibreOffice tags Word's heading styles as H1 and H2 (through the role map), and so they are read.
    expect(summary).toEqual([
      ['heading', 1, 1, 1, 1, 'Healthcare Assistant'],
      ['heading', 2, 1, 2, 2, 'Job summary'],
      ['paragraph', null, 1, 3, 8, 'We are seeking a dyn'],
      ['heading', 2, 1, 9, 9, 'Main duties'],
    ]);
    expect(doc.blocks[4]?.kind).toBe('list-item');
    expect(doc.blocks[4]?.text.startsWith('Assist registered nurses')).toBe(true);
  });

  it('locates a word on its own line', async () => {
    const doc = await load('fixtures/adverts/healthcare-assistant-jargon.pdf');
    const paragraph = doc.blocks[2];
    const at = paragraph?.text.indexOf('stakeholders') ?? -1;
    expect(paragraph?.sourceMap.locate(at, at + 12)).toMatchObject({ page: 1, line: 7, endLine: 7, paragraph: null });
  });

  it('rebuilds headings, paragraphs and list items from lines in an untagged PDF', async () => {
    const doc = await load('fixtures/pdf/untagged.pdf');
    expect(doc.blocks.slice(0, 5).map((block) => [block.kind, block.depth, block.text.slice(0, 20)])).toEqual([
      ['heading', 1, 'Healthcare Assistant'],
      ['heading', 2, 'Job summary'],
      ['paragraph', null, 'We are seeking a dyn'],
      ['heading', 2, 'Main duties'],
      ['list-item', null, 'Assist registered nu'],
    ]);
    expect(doc.lists[0]?.items).toBe(4);
    expect(doc.blocks[4]?.section).toEqual(['Healthcare Assistant (Band 3)', 'Main duties']);
  });

  // From ../shared/corpus, which a clone outside the workspace does not have.
  it.runIf(existsSync('../shared/corpus/pdf/recruitment/us-va-digital-service-expert-gs15.pdf'))('carries a paragraph over a page break', async () => {
    const result = await loadFile('../shared/corpus/pdf/recruitment/us-va-digital-service-expert-gs15.pdf', 'va.pdf');
    if (!result.ok) throw new Error(result.error.message);
    const across = result.doc.blocks.find((block) => block.text.startsWith('Incumbent collaboratively develops'));
    expect(across?.text).toMatch(/business-facing\ngovernment services\. Identifies/);
    expect(across?.sourceMap.locate(0, 9)).toMatchObject({ page: 1 });
    const at = across?.text.indexOf('government services.') ?? 0;
    expect(across?.sourceMap.locate(at, at + 20)).toMatchObject({ page: 2, line: 1 });
  });

  it('says whether a PDF is tagged, scanned, titled, and what its figures and headings are', async () => {
    expect((await load('fixtures/pdf/untagged.pdf')).meta.tagged).toBe(false);
    const scan = await load('fixtures/pdf/scanned.pdf');
    expect(scan.meta).toMatchObject({ textLayer: false, scannedPages: [1], tagged: false });
    expect(scan.blocks).toEqual([]);
    const figure = await load('fixtures/pdf/figure-without-alt.pdf');
    expect(figure.meta).toMatchObject({ tagged: true, figures: [{ alt: null, page: 1 }], headingLevels: [1, 3], language: 'en-GB', title: 'Care assistant job advert – Lewisham' });
    expect((await load('fixtures/pdf/figure-with-alt.pdf')).meta.figures).toEqual([{ alt: 'Lewisham Care Partnership logo', page: 1 }]);
  });

  it('reads merged cells from the /RowSpan and /ColSpan of a tagged table, which pdf.js does not give', async () => {
    const doc = await load('fixtures/pdf/merged-table.pdf');
    expect(doc.tables).toMatchObject([{ rows: 4, columns: 3, headerRow: true, merged: true, place: { page: 1 } }]);
    expect((await load('fixtures/pdf/well-made.pdf')).tables).toMatchObject([{ rows: 3, columns: 2, headerRow: true, merged: false }]);
  });

  it('reads the spans from compressed object streams too', async () => {
    const original = readFileSync(new URL('../../fixtures/pdf/merged-table.pdf', import.meta.url));
    // pdf-lib writes every object, the structure elements too, into object streams.
    const compressed = await (await PDFDocument.load(original)).save({ useObjectStreams: true });
    expect(Buffer.from(compressed).toString('latin1')).toMatch(/\/Type\s*\/ObjStm/);
    expect(Buffer.from(compressed).toString('latin1')).not.toMatch(/\/RowSpan/);
    expect([...mergedTableContent(compressed)]).toEqual([...mergedTableContent(original)]);
    expect(mergedTableContent(original).size).toBeGreaterThan(0);
    const result = await loadBuffer(compressed, 'merged.pdf', 'pdf');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.doc.tables).toMatchObject([{ merged: true }]);
  });

  // From ../shared/corpus (veraPDF's PDF/UA-1 test files), which a clone outside the workspace does not have.
  it.runIf(existsSync('../shared/corpus/pdf/verapdf-pdfua1'))('takes the document language from the catalog, not from a tagged part', async () => {
    const meta = async (file: string): Promise<DocModel['meta']> => {
      const result = await loadFile(`../shared/corpus/pdf/verapdf-pdfua1/${file}`, file);
      if (!result.ok) throw new Error(result.error.message);
      return result.doc.meta;
    };
    // A paragraph in en-US, but a heading whose replacement text has no language.
    expect(await meta('7.2-t21-fail-a.pdf')).toMatchObject({ language: null, partLanguages: ['en-US'], languageFromParts: false });
    // Every element in en-US, no bookmarks, and a title in en-US: nothing is without a language.
    expect(await meta('7.2-t34-pass-b.pdf')).toMatchObject({ language: null, partLanguages: ['en-US'], languageFromParts: true });
    // The same, but with bookmarks, whose language only the catalog gives.
    expect(await meta('7.2-t02-fail-a.pdf')).toMatchObject({ language: null, languageFromParts: false });
    expect(await meta('7.2-t02-pass-a.pdf')).toMatchObject({ language: 'en', partLanguages: ['EN-US'] });
  });

  it('reads font sizes, tables and links', async () => {
    const doc = await load('fixtures/pdf/poor-structure.pdf');
    expect(doc.tables).toMatchObject([{ rows: 2, columns: 2, headerRow: false }]);
    expect(doc.blocks.flatMap((block) => block.links.map((link) => [block.text.slice(link.start, link.end), link.url]))).toEqual([['click here', 'https://example.org/jobs/care-assistant']]);
    const small = doc.blocks.find((block) => block.text.startsWith('We will pay'));
    expect(small?.style?.runs.every((run) => run.sizePt === 9)).toBe(true);
  });
});
