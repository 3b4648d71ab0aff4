/**
 * Hostile Word and PDF files (issue 14), built here rather than committed: decompression bombs
 * in one part or one stream, zips whose records disagree so that different readers see
 * different parts, and zip64. Each must be refused with its own one-line error, quickly and
 * without inflating the bomb; the real fixtures must still load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AnnotateError, annotateDocx } from '../../src/annotate/docx-comments.js';
import { DEFAULT_LIMITS, loadBuffer, loadFile, type LoadResult } from '../../src/load/read.js';
import { scanPdfStreams } from '../../src/load/pdf-streams.js';
import { filesUnder } from '../helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const MB = 1024 * 1024;
const TIMEOUT = 60_000;

// ---- Building zips by hand ---------------------------------------------------------------

/** One entry as written: its (compressed) data and what its records say. */
interface RawEntry {
  readonly name: string;
  readonly data: Buffer;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly size: number;
  /** The name in the local header, when it should differ. */
  readonly localName?: string;
}

/** A deflated entry. */
function deflated(name: string, content: string | Uint8Array): RawEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  return { name, data: deflateRawSync(bytes), method: 8, crc: crc32(bytes), size: bytes.length };
}

/**
 * A deflated entry of `times` repeats of `chunk` between `head` and `tail`, compressed without
 * ever holding the whole: each piece is compressed once, flushed to a byte boundary, and the
 * compressed pieces repeated (a piece's back-references never reach before its start).
 */
function repeated(name: string, head: string, chunk: string, times: number, tail: string, declaredSize?: number): RawEntry {
  const piece = (text: string): Buffer => deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_SYNC_FLUSH });
  const body = piece(chunk);
  const data = Buffer.concat([piece(head), ...Array.from({ length: times }, () => body), piece(tail), Buffer.from([0x03, 0x00])]);
  let crc = crc32(Buffer.from(head));
  const chunkBytes = Buffer.from(chunk);
  for (let index = 0; index < times; index++) crc = crc32(chunkBytes, crc);
  crc = crc32(Buffer.from(tail), crc);
  const size = Buffer.byteLength(head) + chunkBytes.length * times + Buffer.byteLength(tail);
  return { name, data, method: 8, crc, size: declaredSize ?? size };
}

interface ZipOptions {
  /** The entry count the end record gives (default: the number of central entries). */
  readonly count?: number;
  /** Central entries beyond those of the local entries (a second directory record for a part). */
  readonly extraCentral?: readonly RawEntry[];
  /** Write zip64 end records (a well-formed zip64 archive). */
  readonly zip64?: boolean;
  /** Put each entry's checksum and sizes in a data descriptor after its data, as Java's zip writer does. */
  readonly descriptors?: boolean;
}

/** A zip: local entries, then the central directory, then the end record(s). */
function writeZip(entries: readonly RawEntry[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const offsets = new Map<RawEntry, number>();
  let offset = 0;
  for (const entry of [...entries, ...(options.extraCentral ?? [])]) {
    const name = Buffer.from(entry.localName ?? entry.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(options.descriptors ? 0x0808 : 0x0800, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(0x21, 12);
    if (!options.descriptors) {
      header.writeUInt32LE(entry.crc, 14);
      header.writeUInt32LE(entry.data.length, 18);
      header.writeUInt32LE(entry.size, 22);
    }
    header.writeUInt16LE(name.length, 26);
    offsets.set(entry, offset);
    const descriptor = Buffer.alloc(options.descriptors ? 16 : 0);
    if (options.descriptors) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(entry.crc, 4);
      descriptor.writeUInt32LE(entry.data.length, 8);
      descriptor.writeUInt32LE(entry.size, 12);
    }
    locals.push(header, name, entry.data, descriptor);
    offset += header.length + name.length + entry.data.length + descriptor.length;
  }
  const directoryStart = offset;
  const central: Buffer[] = [];
  const all = [...entries, ...(options.extraCentral ?? [])];
  for (const entry of all) {
    const name = Buffer.from(entry.name);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(options.descriptors ? 0x0808 : 0x0800, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offsets.get(entry) ?? 0, 42);
    central.push(header, name);
  }
  const directory = Buffer.concat(central);
  const count = options.count ?? all.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(directoryStart), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(directoryStart + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    return Buffer.concat([...locals, directory, record, locator, end]);
  }
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(directoryStart, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a real Word file (fixtures/word/well-made.docx), as text, in order. */
const BASE = Object.entries(unzipSync(readFileSync(path.join(ROOT, 'fixtures/word/well-made.docx'))))
  .filter(([name]) => !name.endsWith('/'))
  .map(([name, bytes]) => ({ name, text: Buffer.from(bytes).toString('latin1'), bytes }));

/** The well-made fixture's entries, with some parts replaced. */
function wordEntries(replace: Readonly<Record<string, RawEntry>> = {}): RawEntry[] {
  return BASE.map((part) => replace[part.name] ?? deflated(part.name, part.bytes));
}

const DOCUMENT = BASE.find((part) => part.name === 'word/document.xml')?.text ?? '';
const STYLES = BASE.find((part) => part.name === 'word/styles.xml')?.text ?? '';

/** A document.xml whose body is `paragraphs`. */
function documentXml(paragraphs: string): string {
  return DOCUMENT.replace(/<w:body>[\s\S]*?(<w:sectPr)/, `<w:body>${paragraphs}$1`);
}

function paragraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

async function load(bytes: Uint8Array, name: string): Promise<{ result: LoadResult; ms: number }> {
  const start = performance.now();
  const result = await loadBuffer(bytes, name, null);
  return { result, ms: performance.now() - start };
}

function expectRefused(result: LoadResult, name: string, code: string, pattern?: RegExp): string {
  if (result.ok) throw new Error(`${name} was loaded`);
  expect(result.error.code).toBe(code);
  const { message } = result.error;
  expect(message.split('\n')).toHaveLength(1);
  expect(message.startsWith(`${name}: `)).toBe(true);
  expect(message).toMatch(/ — \S/);
  if (pattern) expect(message).toMatch(pattern);
  return message;
}

/** A zip with one part's central directory record taken out (its local entry left where it is). */
function dropFromDirectory(file: Buffer, name: string): Buffer {
  const directoryAt = file.readUInt32LE(file.length - 6);
  const records: Buffer[] = [];
  for (let position = directoryAt; file.readUInt32LE(position) === 0x02014b50; ) {
    const length = 46 + file.readUInt16LE(position + 28) + file.readUInt16LE(position + 30) + file.readUInt16LE(position + 32);
    if (file.toString('utf8', position + 46, position + 46 + file.readUInt16LE(position + 28)) !== name) records.push(file.subarray(position, position + length));
    position += length;
  }
  const directory = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(records.length, 8);
  end.writeUInt16LE(records.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([file.subarray(0, directoryAt), directory, end]);
}

// ---- Word --------------------------------------------------------------------------------

describe('hostile Word files', () => {
  it('refuses a 60 MB document.xml (a 200 KB file) before inflating it', { timeout: TIMEOUT }, async () => {
    const chunk = paragraph('We are looking for a caring support worker to join our team. ').repeat(4096);
    const bomb = repeated('word/document.xml', documentXml('').replace(/<\/w:body>[\s\S]*$/, ''), chunk, Math.ceil((60 * MB) / chunk.length), '</w:body></w:document>');
    expect(bomb.size).toBeGreaterThan(60 * MB);
    const file = writeZip(wordEntries({ 'word/document.xml': bomb }));
    expect(file.length).toBeLessThan(400 * 1024);
    const before = process.memoryUsage().rss;
    const { result } = await load(file, 'big-body.docx');
    expectRefused(result, 'big-body.docx', 'zip-bomb', /word\/document\.xml unpacks to more than 16 MB.*zip bomb/);
    // Refused from its recorded size: nothing near 60 MB was inflated, let alone parsed.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
  });

  it('refuses a 200 MB styles.xml', { timeout: TIMEOUT }, async () => {
    const style = '<w:style w:type="paragraph" w:styleId="Padding"><w:name w:val="Padding"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="24"/></w:rPr></w:style>'.repeat(8192);
    const open = STYLES.replace(/<\/w:styles>\s*$/, '');
    const bomb = repeated('word/styles.xml', open, style, Math.ceil((200 * MB) / style.length), '</w:styles>');
    const { result } = await load(writeZip(wordEntries({ 'word/styles.xml': bomb })), 'big-styles.docx');
    expectRefused(result, 'big-styles.docx', 'zip-bomb', /word\/styles\.xml unpacks to more than 8 MB/);
  });

  it('refuses XML parts that together unpack to more than 24 MB, each under its own limit', { timeout: TIMEOUT }, async () => {
    const filler = '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">';
    const chunk = paragraph('Header text. ').repeat(4096);
    const headers = Array.from({ length: 4 }, (_, index) => repeated(`word/header${index + 10}.xml`, filler, chunk, Math.ceil((7 * MB) / chunk.length), '</w:hdr>'));
    const { result } = await load(writeZip([...wordEntries(), ...headers]), 'headers.docx');
    expectRefused(result, 'headers.docx', 'zip-bomb', /the XML in it unpacks to more than 24 MB/);
  });

  it('refuses a part whose checksum does not match', { timeout: TIMEOUT }, async () => {
    const good = deflated('word/document.xml', DOCUMENT);
    const { result } = await load(writeZip(wordEntries({ 'word/document.xml': { ...good, crc: (good.crc + 1) >>> 0 } })), 'checksum.docx');
    expectRefused(result, 'checksum.docx', 'corrupt-docx', /part word\/document\.xml fails its checksum/);
  });

  it('refuses a part that unpacks to more than its directory entry says, without inflating the rest', { timeout: TIMEOUT }, async () => {
    const chunk = paragraph('Hidden bulk. ').repeat(4096);
    const lying = repeated('word/document.xml', documentXml('').replace(/<\/w:body>[\s\S]*$/, ''), chunk, Math.ceil((60 * MB) / chunk.length), '</w:body></w:document>', 40_000);
    const { result } = await load(writeZip(wordEntries({ 'word/document.xml': lying })), 'lying.docx');
    expectRefused(result, 'lying.docx', 'corrupt-docx', /unpacks to more than the 40000 bytes its directory entry records/);
  });

  it('refuses parts that add up to more than the limit, even pictures, which are otherwise never inflated', { timeout: TIMEOUT }, async () => {
    const zeros = '\0'.repeat(MB);
    const picture = repeated('word/media/padding.png', '', zeros, 300, '');
    const { result } = await load(writeZip([...wordEntries(), picture]), 'padded.docx');
    expectRefused(result, 'padded.docx', 'zip-bomb', /unpacks to more than 256 MB — it may be a “zip bomb”/);
  });

  const HIDDEN = 'HIDDEN-TEXT-6c1d';
  const hiddenDocument = (name = 'word/document.xml'): RawEntry => deflated(name, documentXml(paragraph(`Apply by Friday. ${HIDDEN} men only`)));

  it('refuses a second, uncounted word/document.xml that mammoth would read instead, and never shows its text', { timeout: TIMEOUT }, async () => {
    const entries = wordEntries();
    // The end record counts the real parts; the directory goes on with one more.
    const file = writeZip(entries, { count: entries.length, extraCentral: [hiddenDocument()] });
    // The file really is hostile: mammoth (JSZip) reads the uncounted part.
    expect((await mammoth.extractRawText({ buffer: file })).value).toContain(HIDDEN);
    const { result } = await load(file, 'hidden.docx');
    const message = expectRefused(result, 'hidden.docx', 'corrupt-docx', /more entries than the \d+ its end record counts/);
    expect(message).not.toContain(HIDDEN);
    expect(JSON.stringify(result)).not.toContain(HIDDEN);
    // The annotator, which writes the file back out, refuses it too.
    await expect(annotateDocx(file, [], { shown: 'hidden.docx' })).rejects.toThrow(AnnotateError);
  });

  it('refuses two parts with the same name, however it is spelt', { timeout: TIMEOUT }, async () => {
    for (const name of ['word/document.xml', 'word\\document.xml', '/word/document.xml', 'Word/Document.xml']) {
      const { result } = await load(writeZip([...wordEntries(), hiddenDocument(name)]), 'twice.docx');
      const message = expectRefused(result, 'twice.docx', 'corrupt-docx', /two parts/);
      expect(message).not.toContain(HIDDEN);
    }
  });

  it('refuses an end record that counts fewer entries than the directory has', { timeout: TIMEOUT }, async () => {
    const entries = wordEntries();
    const { result } = await load(writeZip(entries, { count: entries.length - 1 }), 'miscounted.docx');
    expectRefused(result, 'miscounted.docx', 'corrupt-docx', /more entries than the \d+ its end record counts/);
  });

  it('refuses a local header that names another part than its directory entry', { timeout: TIMEOUT }, async () => {
    const entries = wordEntries();
    const index = entries.findIndex((entry) => entry.name === 'word/document.xml');
    entries[index] = { ...hiddenDocument(), localName: 'word/documenX.xml' };
    const { result } = await load(writeZip(entries), 'renamed.docx');
    expectRefused(result, 'renamed.docx', 'corrupt-docx', /part word\/document\.xml has another name in its local header/);
  });

  it('refuses local entries that the directory does not list', { timeout: TIMEOUT }, async () => {
    const file = dropFromDirectory(writeZip([hiddenDocument('word/unlisted.xml'), ...wordEntries()]), 'word/unlisted.xml');
    // mammoth (JSZip) reads by the directory, so does not see it; a reader that walks the local headers would.
    expect((await mammoth.extractRawText({ buffer: file })).value).not.toContain(HIDDEN);
    const { result } = await load(file, 'unlisted.docx');
    expectRefused(result, 'unlisted.docx', 'corrupt-docx', /bytes before part .* that the central directory does not list/);
  });

  it('refuses zip64 with its own message, not as damaged', { timeout: TIMEOUT }, async () => {
    const file = writeZip(wordEntries(), { zip64: true });
    const { result } = await load(file, 'zip64.docx');
    expectRefused(result, 'zip64.docx', 'zip64', /uses the zip64 format, which recruit-check does not read — open it in Word and save it again as \.docx/);
  });

  it('still reads the Word fixtures, and files written by this test without tricks (with data descriptors too)', { timeout: TIMEOUT }, async () => {
    for (const descriptors of [false, true]) {
      const plain = await load(writeZip(wordEntries(), { descriptors }), 'plain.docx');
      if (!plain.result.ok) throw new Error(plain.result.error.message);
      expect(plain.result.doc.blocks.length).toBeGreaterThan(3);
    }
    const files = filesUnder(path.join(ROOT, 'fixtures'), /\.docx$/i).filter((file) => !file.includes(`${path.sep}bad${path.sep}`));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const result = await loadFile(file, path.relative(ROOT, file));
      if (!result.ok) throw new Error(result.error.message);
      expect(result.doc.blocks.length, file).toBeGreaterThan(0);
    }
  });
});

// ---- PDF ---------------------------------------------------------------------------------

/** zlib data of `megabytes` MB of zeros, compressed once per megabyte and repeated. */
function zeroBomb(megabytes: number): Buffer {
  const piece = deflateRawSync(Buffer.alloc(MB), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array.from({ length: megabytes }, () => piece), Buffer.from([0x03, 0x00]), Buffer.alloc(4)]);
}

/** A PDF of numbered objects (`N 0 obj … endobj`, each a string or a stream), with a cross-reference table. */
function writePdf(objects: readonly (string | { dict: string; data: Buffer })[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(offset);
    const body =
      typeof object === 'string'
        ? Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, 'latin1')
        : Buffer.concat([Buffer.from(`${index + 1} 0 obj\n${object.dict}\nstream\n`, 'latin1'), object.data, Buffer.from('\nendstream\nendobj\n')]);
    parts.push(body);
    offset += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const TEXT = deflateSync(Buffer.from('BT /F1 24 Tf 72 700 Td (Care assistant wanted in Lewisham) Tj ET'));

/** An object stream holding object 6: `head`, `data`, `tail`. */
function objectStream(head: string, data: Buffer, tail: string): { dict: string; data: Buffer } {
  const content = deflateSync(Buffer.concat([Buffer.from(`6 0 ${head}`), data, Buffer.from(tail)]));
  return { dict: `<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${content.length} >>`, data: content };
}

/** A one-page PDF whose page content is `contents` (objects from 5 on are `extra`). */
function onePage(contents: string, extra: readonly (string | { dict: string; data: Buffer })[] = [], resources = ''): Buffer {
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contents} /Resources << /Font << /F1 4 0 R >> ${resources} >> >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...extra,
  ]);
}

describe('hostile PDFs', () => {
  it('refuses a 1 MB PDF with a Flate stream that inflates to 1 GB', { timeout: TIMEOUT }, async () => {
    const bomb = zeroBomb(1024);
    const file = onePage('5 0 R', [{ dict: `<< /Length ${bomb.length} /Filter /FlateDecode >>`, data: bomb }]);
    expect(file.length).toBeLessThan(2 * MB);
    const before = process.memoryUsage().rss;
    const { result } = await load(file, 'bomb.pdf');
    expectRefused(result, 'bomb.pdf', 'zip-bomb', /has a stream that unpacks to more than 64 MB.*\(“a decompression bomb”\); do not open it, and check where it came from$/);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * MB);
  });

  it('refuses streams that add up to more than 256 MB', { timeout: TIMEOUT }, async () => {
    const data = zeroBomb(60);
    const streams = Array.from({ length: 5 }, () => ({ dict: `<< /Length ${data.length} /Filter /FlateDecode >>`, data }));
    const { result } = await load(onePage('[5 0 R 6 0 R 7 0 R 8 0 R 9 0 R]', streams), 'many.pdf');
    expectRefused(result, 'many.pdf', 'zip-bomb', /: unpacks to more than 256 MB — it may be built to exhaust memory/);
  });

  it('finds a bomb however its stream is described: /F for /Filter, an indirect /Length, an image, an object stream, LZW', { timeout: TIMEOUT }, async () => {
    const bomb = zeroBomb(100);
    const variants: Record<string, Buffer> = {
      // pdf.js takes /F as the filter, and finds the end by `endstream` when /Length is elsewhere.
      abbreviated: onePage('5 0 R', [{ dict: '<< /Length 6 0 R /F /Fl >>', data: bomb }, String(bomb.length)]),
      // The filter's name in another object.
      'indirect-filter': onePage('5 0 R', [{ dict: '<< /Length 6 0 R /Filter 7 0 R >>', data: bomb }, String(bomb.length), '/FlateDecode']),
      // No filter named at all (or a dictionary that cannot be read): zlib data is inflated anyway.
      unnamed: onePage('5 0 R', [{ dict: `<< /Length ${bomb.length} >>`, data: bomb }]),
      // An image of a few pixels whose data inflates far past them: pdf.js inflates an image whole.
      image: onePage(
        '5 0 R',
        [{ dict: `<< /Length ${TEXT.length} /Filter /FlateDecode >>`, data: TEXT }, { dict: `<< /Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${bomb.length} /Filter /FlateDecode >>`, data: bomb }],
        '/XObject << /Im1 6 0 R >>',
      ),
      // A stream inside a (Flate-compressed) object stream.
      nested: onePage('6 0 R', [objectStream(`<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`, bomb, '\nendstream\n')]),
    };
    for (const [name, file] of Object.entries(variants)) {
      const { result } = await load(file, `${name}.pdf`);
      expectRefused(result, `${name}.pdf`, 'zip-bomb');
    }
    // LZW: 12-bit codes for ever-longer runs of zeros expand about 2,700 times. Decoded as pdf.js decodes it:
    const small = lzwZeros(10 * MB);
    const measured = scanPdfStreams(onePage('5 0 R', [{ dict: `<< /Length ${small.length} /Filter /LZWDecode >>`, data: small }]), { total: 256 * MB, perStream: 64 * MB });
    expect(measured).toMatchObject({ ok: true });
    expect(measured.ok && measured.decoded).toBeGreaterThanOrEqual(10 * MB);
    expect(measured.ok && measured.decoded).toBeLessThan(10 * MB + 4096);
    const lzw = lzwZeros(100 * MB);
    expect(lzw.length).toBeLessThan(MB);
    const { result } = await load(onePage('5 0 R', [{ dict: `<< /Length ${lzw.length} /Filter /LZWDecode >>`, data: lzw }]), 'lzw.pdf');
    expectRefused(result, 'lzw.pdf', 'zip-bomb');
  });

  it('leaves a stream it cannot inflate to pdf.js, which reads the rest of the file', { timeout: TIMEOUT }, async () => {
    const broken = Buffer.concat([Buffer.from([0x78, 0x9c]), Buffer.from('this is not deflate data at all, just bytes')]);
    const file = onePage('[5 0 R 6 0 R]', [{ dict: `<< /Length ${TEXT.length} /Filter /FlateDecode >>`, data: TEXT }, { dict: `<< /Length ${broken.length} /Filter /FlateDecode >>`, data: broken }]);
    expect(scanPdfStreams(file, { total: DEFAULT_LIMITS.maxInflatedBytes, perStream: 64 * MB }).ok).toBe(true);
    const { result } = await load(file, 'broken.pdf');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.doc.blocks.map((block) => block.text)).toEqual(['Care assistant wanted in Lewisham']);
  });

  it('still reads the PDF fixtures, and one written by pdf-lib with object streams', { timeout: TIMEOUT }, async () => {
    const files = filesUnder(path.join(ROOT, 'fixtures'), /\.pdf$/i).filter((file) => !file.includes(`${path.sep}bad${path.sep}`));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const result = await loadFile(file, path.relative(ROOT, file));
      if (!result.ok) throw new Error(result.error.message);
    }
    const compressed = await (await PDFDocument.load(readFileSync(path.join(ROOT, 'fixtures/pdf/well-made.pdf')))).save({ useObjectStreams: true });
    const result = await loadBuffer(compressed, 'compressed.pdf', 'pdf');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.doc.blocks.length).toBeGreaterThan(3);
  });
});

/**
 * LZW codes (9 to 12 bits, as pdf.js reads them) for at least `size` zero bytes: a zero, then
 * each next code is defined as the last run and one more zero (2, 3, … 3,839 zeros), until the
 * table is full; then its longest run again and again.
 */
function lzwZeros(size: number): Buffer {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  const write = (code: number, length: number): void => {
    buffer = (buffer << length) | code;
    bits += length;
    while (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >>> bits) & 0xff);
    }
    buffer &= (1 << bits) - 1;
  };
  let codeLength = 9;
  let nextCode = 258;
  write(0, codeLength);
  let produced = 1;
  while (produced < size) {
    const code = Math.min(nextCode, 4095);
    write(code, codeLength);
    // Code k stands for k - 256 zeros.
    produced += code - 256;
    nextCode++;
    // As pdf.js (EarlyChange 1): a longer code once the next code and one is a power of two.
    if (((nextCode + 1) & nextCode) === 0) codeLength = Math.min(Math.log2(nextCode + 1) + 1, 12);
  }
  write(257, codeLength);
  if (bits > 0) write(0, 8 - bits);
  return Buffer.from(bytes);
}
