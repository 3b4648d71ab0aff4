/**
 * Every Word and PDF file in ../shared/corpus (real files from other projects' test suites) is
 * either checked or refused with a clear error — never a crash or a hang — and what the loaders
 * read agrees with the corpus's labels and with veraPDF's PDF/UA verdicts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, createChecker } from '../../src/check.js';
import type { DocModel } from '../../src/document/model.js';
import { loadFile, type LoadResult } from '../../src/load/read.js';
import { filesUnder } from '../helpers.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

function csv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path.join(corpus, file), 'utf8').trim().split(/\r?\n/);
  const names = (header ?? '').split(',');
  return rows.map((row) => {
    const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
    return Object.fromEntries(names.map((name, index) => [name, cells[index] ?? '']));
  });
}

describe.runIf(existsSync(corpus))('corpus sweep', () => {
  const results = new Map<string, LoadResult>();
  const checker = createChecker();

  beforeAll(async () => {
    for (const file of filesUnder(corpus, /\.(docx|docm|dotx|pdf)$/i)) {
      results.set(path.relative(corpus, file), await loadFile(file, path.relative(corpus, file)));
    }
  }, 300_000);

  it('checks or clearly refuses every Word and PDF file, and every rule runs on what loads', () => {
    expect(results.size).toBeGreaterThan(300);
    for (const [file, result] of results) {
      if (result.ok) {
        expect(() => checkDocument(result.doc, checker), file).not.toThrow();
      } else {
        expect(result.error.message.startsWith(`${file}: `), file).toBe(true);
        expect(result.error.message.split('\n'), file).toHaveLength(1);
        expect(result.error.message, file).toMatch(/ — \S/);
      }
    }
  });

  it('refuses exactly the encrypted, damaged and macro-enabled files', () => {
    const refused = [...results].filter(([, result]) => !result.ok).map(([file, result]) => `${file} ${result.ok ? '' : result.error.code}`);
    expect(refused).toEqual([
      'docx/edge-cases/poi__45690.docm macro-enabled',
      'docx/edge-cases/poi__60158.docm macro-enabled',
      'docx/edge-cases/poi__ExternalEntityInText.docx unsafe-xml',
      'docx/edge-cases/poi__SimpleMacro.docm macro-enabled',
      'docx/edge-cases/poi__bug53475-password-is-pass.docx encrypted',
      'docx/edge-cases/poi__bug53475-password-is-solrcell.docx encrypted',
      'docx/edge-cases/poi__clusterfuzz-testcase-minimized-POIXWPFFuzzer-4791943399604224.docx corrupt-docx',
      'docx/edge-cases/poi__clusterfuzz-testcase-minimized-POIXWPFFuzzer-5313273089884160.docx corrupt-docx',
      'docx/edge-cases/poi__cpansearch.perl.org_src_tobyink_acme-rundoc-0.001_word-lib_hello_world.docm old-word-format',
      'docx/edge-cases/poi__crash-517626e815e0afa9decd0ebb6d1dee63fb9907dd.docx corrupt-docx',
      'docx/edge-cases/poi__protected_agile.docx encrypted',
      'docx/edge-cases/poi__truncated62886.docx corrupt-docx',
      // A local header whose size disagrees with the directory (unzip -t reports it too).
      'docx/poi/clusterfuzz-testcase-minimized-POIXWPFFuzzer-6733884933668864.docx corrupt-docx',
      // A Unicode-path field renames a part, so another zip reader would read different text.
      'docx/poi/unicode-path.docx corrupt-docx',
      'pdf/ocrmypdf/invalid.pdf corrupt-pdf',
      'pdf/pdfjs/bug1782186.pdf encrypted',
      'pdf/pdfjs/encrypted-attachment.pdf encrypted',
      'pdf/pdfjs/issue15893_reduced.pdf encrypted',
      'pdf/pdfjs/issue21579.pdf encrypted',
      'pdf/pdfjs/issue3371.pdf encrypted',
      'pdf/pdfjs/issue6010_1.pdf encrypted',
      'pdf/qpdf/bad-encryption-length.pdf encrypted',
      // Five bytes of text (“oops”) named .pdf.
      'pdf/qpdf/bad1.pdf not-pdf',
      'pdf/qpdf/enc-R2-V1_user-view_owner-master.pdf encrypted',
      'pdf/qpdf/enc-R6-V5-AES256_user-view_owner-master.pdf encrypted',
    ]);
  });

  it('agrees with the corpus labels on which PDFs are tagged and which are scans', () => {
    let compared = 0;
    let agreed = 0;
    const disagreements: string[] = [];
    for (const row of csv('labels/pdf_features.csv')) {
      const result = results.get(row['file']?.replace(/^pdf\//, 'pdf/') ?? '');
      if (!result?.ok || (row['tagged'] !== 'yes' && row['tagged'] !== 'no')) continue;
      const meta = (result.doc as DocModel).meta;
      const labelledScan = row['likely_image_only'] === 'yes';
      for (const [what, ours, theirs] of [
        ['tagged', meta.tagged, row['tagged'] === 'yes'],
        ['scan', meta.textLayer === false, labelledScan],
      ] as const) {
        compared++;
        if (ours === theirs) agreed++;
        else disagreements.push(`${row['file']} ${what}: ours ${String(ours)}, label ${String(theirs)}`);
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(agreed / compared, disagreements.join('\n')).toBeGreaterThan(0.97);
  });

  it('finds the images of Word files that the corpus labels count, and flags each one without alt text', () => {
    const missingAlt = createChecker({ only: ['document-structure/image-missing-alt'] });
    const disagreements: string[] = [];
    let images = 0;
    for (const row of csv('labels/docx_features.csv')) {
      const result = results.get(row['file'] ?? '');
      if (!result?.ok || Number(row['images']) === 0) continue;
      const found = result.doc.blocks.flatMap((block) => block.images);
      const ours = [found.length, found.filter((image) => image.alt !== null).length, checkDocument(result.doc, missingAlt).findings.length];
      const labelled = [Number(row['images']), Number(row['images_with_descr']), Number(row['images']) - Number(row['images_with_descr']) - Number(row['decorative'])];
      images += labelled[0] ?? 0;
      if (ours.join('/') !== labelled.join('/')) disagreements.push(`${row['file']}: ours ${ours.join('/')}, label ${labelled.join('/')}`);
    }
    expect(images).toBe(77);
    // The labels count a text box as an image (it has a drawing's properties); recruit-check reads its text.
    expect(disagreements).toEqual([
      'docx/poi/bib-chernigovka.netdo.ru_download_docs_17459.docx: ours 0/0/0, label 1/0/1',
      'docx/edge-cases/mammoth__text-box.docx: ours 0/0/0, label 1/0/1',
    ]);
    // Five pictures in one paragraph, each with its file name for alt text: five findings, not one.
    const various = results.get('docx/poi/VariousPictures.docx');
    if (!various?.ok) throw new Error('VariousPictures.docx did not load');
    const filenames = checkDocument(various.doc, createChecker({ only: ['document-structure/alt-text-is-filename'] })).findings;
    expect(filenames.map((finding) => [finding.actual, finding.location?.paragraph])).toEqual(['santa.wmf', 'tomcat.png', 'cow.pict', 'wrench.emf', 'clock.jpg'].map((name) => [name, 6]));
  });

  it('reads the languages set on the text of Word files as the corpus labels list them, and takes Word’s own codes', () => {
    const language = createChecker({ only: ['document-structure/missing-document-language'] });
    const disagreements: string[] = [];
    const invalid: string[] = [];
    let compared = 0;
    for (const row of csv('labels/docx_features.csv')) {
      const result = results.get(row['file'] ?? '');
      if (!result?.ok) continue;
      compared++;
      const ours = [...result.doc.meta.partLanguages].sort().join(' ');
      const labelled = (row['lang'] ?? '').split(' ').filter(Boolean).sort().join(' ');
      if (ours !== labelled) disagreements.push(`${row['file']}: ours ${ours}, label ${labelled}`);
      for (const finding of checkDocument(result.doc, language).findings) if (finding.actual !== null) invalid.push(`${row['file']}: ${finding.actual}`);
    }
    // Every labelled file that loads: two are refused above as inconsistent zips.
    expect(compared).toBe(89 - 2);
    expect(disagreements).toEqual([]);
    // es-ES_tradnl (Spanish, traditional sort), x-none (no proofing) and uz-Cyrl-UZ are all used by Word.
    expect(invalid).toEqual([]);
  });

  it('agrees with veraPDF on figure alt text, language, title, tagging and heading order', () => {
    const language = 'document-structure/missing-document-language';
    const checks: Readonly<Record<string, string>> = {
      '7.3-t01': 'document-structure/image-missing-alt',
      // 7.2-3: the language of all text, alt text, bookmarks and the title can be told, and is a valid code.
      ...Object.fromEntries(['02', '21', '22', '23', '24', '29', '30', '31', '32', '33', '34'].map((test) => [`7.2-t${test}`, language])),
      '7.1-t09': 'document-structure/missing-document-title',
      '7.1-t11': 'document-structure/pdf-untagged',
      '7.4.2-t01': 'document-structure/heading-level-skipped',
    };
    const disagreements: string[] = [];
    let compared = 0;
    for (const row of csv('labels/verapdf_pdfua1_expected.csv')) {
      const clause = Object.keys(checks).find((prefix) => row['file']?.startsWith(`${prefix}-`));
      if (!clause) continue;
      const result = results.get(`pdf/verapdf-pdfua1/${row['file']}`);
      if (!result?.ok) throw new Error(`${row['file']} did not load`);
      const rule = checks[clause] ?? '';
      const flagged = checkDocument(result.doc, createChecker({ only: [rule] })).findings.length > 0;
      compared++;
      if (flagged !== (row['expected'] === 'non-compliant')) disagreements.push(`${row['file']} (${rule})`);
    }
    expect(compared).toBe(74);
    expect(disagreements).toEqual([
      // On purpose: PDF/UA-1 allows any 1 to 8 letters as the language (“p”, “portugue”); no
      // screen reader knows those, and BCP 47 languages have 2 or 3 letters.
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((test) => `7.2-t29-pass-${test}.pdf (${language})`),
      // The text's language is in the page content's marked-content properties, which pdf.js does not give.
      ...['7.2-t30-pass-a', '7.2-t31-pass-a', '7.2-t32-pass-a', '7.2-t34-pass-c'].map((file) => `${file}.pdf (${language})`),
      // pdf.js reports an empty /ActualText (allowed) and an empty /Alt (not allowed) the same way.
      '7.3-t01-pass-c.pdf (document-structure/image-missing-alt)',
    ]);
  });

  it('finds the tables with merged cells that veraPDF’s test files describe, and no others', () => {
    const spans = new Map(csv('labels/verapdf_pdfua1_expected.csv').map((row) => [`pdf/verapdf-pdfua1/${row['file']}`, row['outline'] ?? '']));
    const found: string[] = [];
    const expected: string[] = [];
    let tables = 0;
    for (const [file, result] of results) {
      if (!result.ok || result.format !== 'pdf') continue;
      // “Attribute RowSpan with value 2 is present…”: a cell over 2 rows.
      const merged = [...(spans.get(file) ?? '').matchAll(/(?:Row|Col)Span with value (\d+)/g)].some((match) => Number(match[1]) > 1);
      for (const table of result.doc.tables) {
        tables++;
        if (table.merged) found.push(file);
        if (merged) expected.push(file);
      }
    }
    expect(tables).toBe(37);
    expect(found).toEqual(expected);
    expect(found).toHaveLength(4);
  });
});
