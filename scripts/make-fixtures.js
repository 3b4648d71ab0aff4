#!/usr/bin/env node
// Generates the binary fixtures — Word files with the `docx` package, PDFs with LibreOffice,
// scans with poppler and pdf-lib, a protected PDF with qpdf — so that every
// binary file in fixtures/ can be made again from source. Run `npm run fixtures`.
// Needs on the PATH: soffice (LibreOffice), pdftoppm (poppler-utils) and qpdf.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { headingStyles, numbering, writeDocx as writeWordFile } from './word-docs.js';
import JSZip from 'jszip';
import { PDFDocument, PDFName, PDFOperator, PDFOperatorNames, PDFString, StandardFonts } from 'pdf-lib';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = (...parts) => path.join(root, 'fixtures', ...parts);
const scratch = mkdtempSync(path.join(tmpdir(), 'recruit-check-fixtures-'));
// Fixed dates keep the generated files identical from run to run where the tools allow it.
const CREATED = new Date('2026-01-05T09:00:00Z');

/** A solid-colour PNG, written by hand so no image library is needed. */
function png(width, height, [r, g, b]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => [r, g, b][i % 3])]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const LOGO = png(120, 40, [0, 94, 184]);

const HEADING_STYLES = headingStyles([36, 30, 26, 24, 24, 24]);

function wordDocument({ title, language = 'en-GB', size = 24, children }) {
  return new Document({
    creator: 'recruit-check fixtures',
    ...(title ? { title } : {}),
    styles: {
      default: { document: { run: { size, font: 'Arial', ...(language ? { language: { value: language } } : {}) } } },
      paragraphStyles: HEADING_STYLES,
    },
    numbering,
    sections: [{ children }],
  });
}

/** Write a Word file with the generator's fixed date. */
function writeDocx(document, file) {
  return writeWordFile(document, file, CREATED, root);
}

/** Markdown inline content as docx runs. */
function runs(nodes, marks = {}) {
  return nodes.flatMap((node) => {
    if (node.type === 'text' || node.type === 'inlineCode') return [new TextRun({ text: node.value, ...marks })];
    if (node.type === 'strong') return runs(node.children, { ...marks, bold: true });
    if (node.type === 'emphasis') return runs(node.children, { ...marks, italics: true });
    if (node.type === 'break') return [new TextRun({ text: '', break: 1 })];
    if (node.type === 'link') return [new ExternalHyperlink({ link: node.url, children: runs(node.children, { ...marks, style: 'Hyperlink' }) })];
    return [];
  });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** The same advert as a Markdown fixture, as a Word document with real headings and lists. */
function fromMarkdown(file) {
  const source = readFileSync(file, 'utf8');
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(source);
  let title;
  let language;
  const children = [];
  for (const node of tree.children) {
    if (node.type === 'yaml') ({ title, lang: language } = parseYaml(node.value));
    else if (node.type === 'heading') children.push(new Paragraph({ heading: HEADINGS[node.depth - 1], children: runs(node.children) }));
    else if (node.type === 'paragraph') children.push(new Paragraph({ children: runs(node.children) }));
    else if (node.type === 'list') {
      for (const item of node.children) {
        for (const paragraph of item.children.filter((child) => child.type === 'paragraph')) {
          children.push(new Paragraph({ numbering: { reference: node.ordered ? 'numbers' : 'bullets', level: 0 }, children: runs(paragraph.children) }));
        }
      }
    }
  }
  return wordDocument({ title, language: language ?? 'en-GB', children });
}

function cell(text, options = {}) {
  return new TableCell({ width: { size: 4500, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text, ...options })] })] });
}

/** Everything the structure and formatting rules look for, done badly. */
function poorStructure() {
  return wordDocument({
    title: 'Care assistant job advert – Lewisham',
    children: [
      new Paragraph({ children: [new ImageRun({ type: 'png', data: LOGO, transformation: { width: 120, height: 40 } })] }),
      new Paragraph({ children: [new TextRun({ text: 'About the role', bold: true })] }),
      new Paragraph({ children: [new TextRun('You will support older people in their own homes across Lewisham.')] }),
      new Paragraph({ children: [new TextRun({ text: 'Pay and hours', bold: true })] }),
      new Table({
        rows: [
          new TableRow({ children: [cell('Pay'), cell('£12.60 an hour')] }),
          new TableRow({ children: [cell('Hours'), cell('37.5 hours a week')] }),
        ],
      }),
      new Paragraph({ children: [new TextRun({ text: 'How to apply', bold: true })] }),
      new Paragraph({ children: [new TextRun('To see the full job description, '), new ExternalHyperlink({ link: 'https://example.org/jobs/care-assistant', children: [new TextRun({ text: 'click here', style: 'Hyperlink' })] }), new TextRun('.')] }),
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        children: [new TextRun({ text: 'We will pay for your uniform and your travel between visits, and you will get paid training in your first two weeks with an experienced colleague.', size: 18, underline: {} })],
      }),
    ],
  });
}

/** The same content, done well. */
function wellMade() {
  return wordDocument({
    title: 'Care assistant job advert – Lewisham',
    children: [
      new Paragraph({ children: [new ImageRun({ type: 'png', data: LOGO, transformation: { width: 120, height: 40 }, altText: { name: 'logo', description: 'Lewisham Care Partnership logo', title: 'Lewisham Care Partnership' } })] }),
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Care assistant in Lewisham')] }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('About the role')] }),
      new Paragraph({ children: [new TextRun('You will support older people in their own homes across Lewisham.')] }),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: png(400, 4, [200, 200, 200]), transformation: { width: 400, height: 4 }, decorative: true })] }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Pay and hours')] }),
      new Table({
        rows: [
          new TableRow({ tableHeader: true, children: [cell('What', { bold: true }), cell('Details', { bold: true })] }),
          new TableRow({ children: [cell('Pay'), cell('£12.60 an hour')] }),
          new TableRow({ children: [cell('Hours'), cell('37.5 hours a week')] }),
        ],
      }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('How to apply')] }),
      new Paragraph({ children: [new ExternalHyperlink({ link: 'https://example.org/jobs/care-assistant', children: [new TextRun({ text: 'Read the care assistant job description', style: 'Hyperlink' })] }), new TextRun(' before you apply.')] }),
      new Paragraph({ children: [new TextRun('We will pay for your uniform and your travel between visits. You will get paid training in your first two weeks.')] }),
    ],
  });
}

/** Formatting that is hard to read: pale text, long italics, capitals, no title or language. */
function poorFormatting() {
  return wordDocument({
    language: null,
    children: [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Kitchen assistant')] }),
      new Paragraph({ children: [new TextRun({ text: 'You will help our cook prepare healthy meals for residents.', color: 'AAAAAA' })] }),
      new Paragraph({ children: [new TextRun({ text: 'Please read the whole job description before you apply.', italics: true })] }),
      new Paragraph({ children: [new TextRun({ text: 'applications close on friday', allCaps: true })] }),
      new Paragraph({ children: [new TextRun({ text: 'Call us to ask about the job.', color: 'FFFFFF', shading: { fill: '1D70B8' } })] }),
    ],
  });
}

/** Headings that skip a level, an image whose alt text is its file name, a table with merged cells. */
function poorTablesAndImages() {
  return wordDocument({
    title: 'Night care assistant job advert – Greenwich',
    children: [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Night care assistant')] }),
      new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('About the role')] }),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: LOGO, transformation: { width: 120, height: 40 }, altText: { name: 'IMG_0042.png', description: 'IMG_0042.png', title: 'IMG_0042.png' } })] }),
      new Paragraph({ children: [new TextRun('You will help residents settle at night and keep them safe.')] }),
      new Table({
        rows: [
          new TableRow({ tableHeader: true, children: [new TableCell({ columnSpan: 2, children: [new Paragraph({ children: [new TextRun({ text: 'Shifts', bold: true })] })] })] }),
          new TableRow({ children: [cell('Monday to Thursday'), cell('8pm to 8am')] }),
        ],
      }),
    ],
  });
}

/**
 * A table with a header row, a cell over two rows and a cell over two columns: LibreOffice tags
 * the merged cells in a PDF with /RowSpan and /ColSpan attributes, which the PDF check reads.
 */
function mergedTable() {
  const column = (text, { bold = false, ...span } = {}) => new TableCell({ width: { size: 3000, type: WidthType.DXA }, ...span, children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return wordDocument({
    title: 'Support worker shift patterns – Southwark',
    children: [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Support worker shift patterns')] }),
      new Paragraph({ children: [new TextRun('You will work one of these shifts each week.')] }),
      new Table({
        rows: [
          new TableRow({ tableHeader: true, children: [column('Shift', { bold: true }), column('Days', { bold: true }), column('Hours', { bold: true })] }),
          new TableRow({ children: [column('Early', { rowSpan: 2 }), column('Monday to Friday'), column('7am to 3pm')] }),
          new TableRow({ children: [column('Saturday'), column('8am to 2pm')] }),
          new TableRow({ children: [column('Night'), column('Every night on a rota, 9pm to 7am', { columnSpan: 2 })] }),
        ],
      }),
    ],
  });
}

/** More than 300 words and not one heading. */
function noHeadings() {
  const paragraph = 'You will support older people who live in their own homes. You will help them wash, dress and eat, and you will chat with them and help them get out and about. We will train you and pay for your travel between visits.';
  return wordDocument({
    title: 'Home carer job advert – Bexley',
    children: Array.from({ length: 8 }, () => new Paragraph({ children: [new TextRun(paragraph)] })),
  });
}

function soffice(args) {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(scratch, 'profile')}`, ...args], { stdio: 'pipe' });
}

/** Convert with LibreOffice: `filter` like 'pdf:writer_pdf_Export:{...}'. */
function convert(file, filter, target) {
  const dir = mkdtempSync(path.join(scratch, 'convert-'));
  soffice(['--convert-to', filter, '--outdir', dir, file]);
  const produced = path.join(dir, `${path.basename(file, path.extname(file))}.${filter.split(':')[0]}`);
  mkdirSync(path.dirname(target), { recursive: true });
  renameSync(produced, target);
  console.log('wrote', path.relative(root, target));
}

const TAGGED = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"ExportBookmarks":{"type":"boolean","value":"true"}}';
const UNTAGGED = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"false"}}';

/** A scan: each page of a PDF rendered to a picture, and the pictures made into a PDF with no text. */
async function scanned(pdf, target) {
  const prefix = path.join(scratch, 'page');
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, prefix]);
  const document = await PDFDocument.create();
  document.setCreationDate(CREATED);
  document.setModificationDate(CREATED);
  for (let page = 1; ; page++) {
    let bytes;
    try {
      bytes = readFileSync(`${prefix}-${page}.png`);
    } catch {
      break;
    }
    const image = await document.embedPng(bytes);
    const added = document.addPage([image.width * 1.2, image.height * 1.2]);
    added.drawImage(image, { x: 0, y: 0, width: image.width * 1.2, height: image.height * 1.2 });
  }
  writeFileSync(target, await document.save());
  console.log('wrote', path.relative(root, target));
}

/**
 * A tagged PDF written object by object with pdf-lib: a structure tree with a level-1 heading,
 * a paragraph, a figure (with or without alt text) and a heading that skips a level. LibreOffice
 * 7.4 does not tag images in PDFs made from Word files, so this is how the figure checks are tested.
 */
async function taggedPdf({ figureAlt, target }) {
  const document = await PDFDocument.create();
  document.setCreationDate(CREATED);
  document.setModificationDate(CREATED);
  const title = 'Care assistant job advert – Lewisham';
  document.setTitle(title, { showInWindowTitleBar: true });
  document.setLanguage('en-GB');
  const context = document.context;
  const font = await document.embedFont(StandardFonts.Helvetica);
  const image = await document.embedPng(LOGO);
  const page = document.addPage([595, 842]);
  const rootRef = context.nextRef();
  const documentRef = context.nextRef();
  const elements = [];
  const marked = (role, draw, extra = {}) => {
    const mcid = elements.length;
    page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(role), context.obj({ MCID: mcid })]));
    draw();
    page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    elements.push({ ref: context.nextRef(), role, mcid, extra });
  };
  marked('H1', () => page.drawText('Care assistant in Lewisham', { x: 72, y: 760, size: 24, font }));
  marked('Figure', () => page.drawImage(image, { x: 72, y: 690, width: 120, height: 40 }), figureAlt ? { Alt: PDFString.of(figureAlt) } : {});
  marked('H3', () => page.drawText('About the role', { x: 72, y: 650, size: 16, font }));
  marked('P', () => page.drawText('You will support older people in their own homes across Lewisham.', { x: 72, y: 620, size: 12, font }));
  for (const element of elements) {
    context.assign(element.ref, context.obj({ Type: 'StructElem', S: element.role, P: documentRef, Pg: page.ref, K: element.mcid, ...element.extra }));
  }
  context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: elements.map((element) => element.ref) }));
  context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: context.obj({ Nums: [0, elements.map((element) => element.ref)] }), ParentTreeNextKey: 1 }));
  page.node.set(PDFName.of('StructParents'), context.obj(0));
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const metadata = context.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  document.catalog.set(PDFName.of('Metadata'), context.register(metadata));
  document.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  document.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  writeFileSync(target, await document.save({ useObjectStreams: false }));
  console.log('wrote', path.relative(root, target));
}

async function badInputs(goodDocx, goodPdf) {
  const bad = out('bad');
  mkdirSync(bad, { recursive: true });
  const docx = readFileSync(goodDocx);
  writeFileSync(path.join(bad, 'truncated.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  const pdf = readFileSync(goodPdf);
  writeFileSync(path.join(bad, 'truncated.pdf'), pdf.subarray(0, 900));
  writeFileSync(path.join(bad, 'not-a-pdf.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('this is not a PDF at all\n'.repeat(20))]));

  const stamp = (zip) => {
    for (const entry of Object.values(zip.files)) entry.date = CREATED;
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };
  const notWord = new JSZip();
  notWord.file('hello.txt', 'Hello, this zip file is not a Word document.\n');
  writeFileSync(path.join(bad, 'not-word.docx'), await stamp(notWord));

  const macro = await JSZip.loadAsync(docx);
  const types = await macro.file('[Content_Types].xml').async('string');
  macro.file('[Content_Types].xml', types.replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'));
  macro.file('word/vbaProject.bin', Buffer.from('not real macros, just the part that marks a macro-enabled file'));
  writeFileSync(path.join(bad, 'macro-enabled.docm'), await stamp(macro));

  const xxe = await JSZip.loadAsync(docx);
  const body = await xxe.file('word/document.xml').async('string');
  xxe.file('word/document.xml', body.replace(/^(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>').replace('<w:t', '<w:t>&secret;</w:t><w:t'));
  writeFileSync(path.join(bad, 'external-entity.docx'), await stamp(xxe));

  // 300 MB of zeros compresses to about 300 KB: over the 256 MB limit on what a Word file may unpack to.
  const bomb = await JSZip.loadAsync(docx);
  bomb.file('word/media/padding.bin', Buffer.alloc(300 * 1024 * 1024));
  writeFileSync(path.join(bad, 'zip-bomb.docx'), await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
  console.log('wrote fixtures/bad/{truncated,not-word,external-entity,zip-bomb}.docx, macro-enabled.docm, truncated.pdf, not-a-pdf.pdf');

  convert(goodDocx, 'doc:MS Word 97', path.join(bad, 'old-word-format.doc'));
  // LibreOffice 7.4 cannot save an encrypted .docx: the tests use the encrypted Word files in
  // ../shared/corpus (Apache POI's test data) instead.
  execFileSync('qpdf', ['--encrypt', 'recruit', 'owner', '256', '--', goodPdf, path.join(bad, 'password-protected.pdf')]);
  console.log('wrote fixtures/bad/password-protected.pdf');
}

try {
  const advertDocx = out('adverts', 'healthcare-assistant-jargon.docx');
  await writeDocx(fromMarkdown(out('adverts', 'healthcare-assistant-jargon.md')), advertDocx);
  await writeDocx(fromMarkdown(out('adverts', 'support-worker-plain.md')), out('adverts', 'support-worker-plain.docx'));
  await writeDocx(fromMarkdown(out('adverts', 'exclusionary.md')), out('adverts', 'exclusionary.docx'));
  await writeDocx(poorStructure(), out('word', 'poor-structure.docx'));
  await writeDocx(wellMade(), out('word', 'well-made.docx'));
  await writeDocx(poorFormatting(), out('word', 'poor-formatting.docx'));
  await writeDocx(poorTablesAndImages(), out('word', 'poor-tables-and-images.docx'));
  await writeDocx(noHeadings(), out('word', 'no-headings.docx'));

  convert(advertDocx, TAGGED, out('adverts', 'healthcare-assistant-jargon.pdf'));
  convert(out('adverts', 'support-worker-plain.docx'), TAGGED, out('adverts', 'support-worker-plain.pdf'));
  convert(out('adverts', 'exclusionary.docx'), TAGGED, out('adverts', 'exclusionary.pdf'));
  convert(advertDocx, UNTAGGED, out('pdf', 'untagged.pdf'));
  convert(out('word', 'poor-structure.docx'), TAGGED, out('pdf', 'poor-structure.pdf'));
  await taggedPdf({ figureAlt: null, target: out('pdf', 'figure-without-alt.pdf') });
  await taggedPdf({ figureAlt: 'Lewisham Care Partnership logo', target: out('pdf', 'figure-with-alt.pdf') });
  convert(out('word', 'well-made.docx'), TAGGED, out('pdf', 'well-made.pdf'));
  await scanned(out('pdf', 'untagged.pdf'), out('pdf', 'scanned.pdf'));
  // Only the PDF is a fixture: Word's merged cells are tested with poor-tables-and-images.docx.
  await writeDocx(mergedTable(), path.join(scratch, 'merged-table.docx'));
  convert(path.join(scratch, 'merged-table.docx'), TAGGED, out('pdf', 'merged-table.pdf'));

  await badInputs(advertDocx, out('adverts', 'healthcare-assistant-jargon.pdf'));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
