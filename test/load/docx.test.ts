import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocModel } from '../../src/document/model.js';
import { loadFile } from '../../src/load/read.js';

async function load(file: string): Promise<DocModel> {
  const result = await loadFile(new URL(`../../${file}`, import.meta.url).pathname, file);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.format).toBe('docx');
  return result.doc;
}

describe('Word loader', () => {
  it('reads headings, paragraphs, lists and links, numbered by paragraph', async () => {
    const doc = await load('fixtures/adverts/healthcare-assistant-jargon.docx');
    expect(doc.meta).toMatchObject({ title: 'Healthcare Assistant – Older Adults Ward', language: 'en-GB' });
    const summary = doc.blocks.map((block) => [block.kind, block.depth, block.sourceMap.locate(0, 1).paragraph, block.text.slice(0, 24)]);
    expect(summary.slice(0, 5)).toEqual([
      ['heading', 1, 1, 'Healthcare Assistant (Ba'],
      ['heading', 2, 2, 'Job summary'],
      ['paragraph', null, 3, 'We are seeking a dynamic'],
      ['heading', 2, 4, 'Main duties'],
      ['list-item', null, 5, 'Assist registered nurses'],
    ]);
    expect(doc.lists).toEqual([{ id: 0, ordered: false, depth: 0, items: 4, firstBlock: 4 }]);
    expect(doc.blocks[4]?.section).toEqual(['Healthcare Assistant (Band 3)', 'Main duties']);
  });

  it('reads formatting through styles: sizes, bold, justification, underline and colours', async () => {
    const doc = await load('fixtures/word/poor-structure.docx');
    const small = doc.blocks.find((block) => block.text.startsWith('We will pay'));
    expect(small?.style?.alignment).toBe('justify');
    expect(small?.style?.runs.map((run) => [run.sizePt, run.underline])).toEqual([[9, true]]);
    const fake = doc.blocks.find((block) => block.text === 'About the role');
    expect(fake?.kind).toBe('paragraph');
    expect(fake?.style?.runs.every((run) => run.bold && run.sizePt === 12)).toBe(true);
    const formatting = await load('fixtures/word/poor-formatting.docx');
    expect(formatting.blocks[1]?.style?.runs[0]?.color).toBe('AAAAAA');
    expect(formatting.blocks[4]?.style?.runs[0]).toMatchObject({ color: 'FFFFFF', background: '1D70B8' });
    expect(formatting.blocks[3]?.style?.runs[0]?.caps).toBe(true);
    expect(formatting.meta).toMatchObject({ title: null, language: null });
  });

  it('reads images with their alt text and decorative flag, and tables with header rows', async () => {
    const good = await load('fixtures/word/well-made.docx');
    const images = good.blocks.flatMap((block) => block.images.map((image) => [image.alt, image.decorative, block.sourceMap.locate(0, 0).paragraph]));
    expect(images).toEqual([
      ['Lewisham Care Partnership logo', false, 1],
      [null, true, 5],
    ]);
    expect(good.tables).toMatchObject([{ rows: 3, columns: 2, headerRow: true, merged: false, nested: false }]);
    const poor = await load('fixtures/word/poor-structure.docx');
    expect(poor.tables).toMatchObject([{ rows: 2, columns: 2, headerRow: false }]);
    expect(poor.blocks.find((block) => block.links.length > 0)?.links).toEqual([{ start: 33, end: 43, url: 'https://example.org/jobs/care-assistant' }]);
  });

  // From ../shared/corpus, which a clone outside the workspace does not have.
  it.runIf(existsSync('../shared/corpus/docx/poi/VariousPictures.docx'))('counts runs of blank paragraphs and floating objects from real Word files', async () => {
    const result = await loadFile('../shared/corpus/docx/poi/VariousPictures.docx', 'VariousPictures.docx');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.doc.meta.blankRuns).toEqual([{ paragraph: 3, count: 3 }]);
    expect(result.doc.blocks.flatMap((block) => block.images.map((image) => image.alt))).toEqual(['santa.wmf', 'tomcat.png', 'cow.pict', 'wrench.emf', 'clock.jpg']);
  });
});
