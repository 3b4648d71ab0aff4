import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { XMLValidator } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnnotateError, annotateDocx, type AnnotatedDocx } from '../../src/annotate/docx-comments.js';
import type { DocModel } from '../../src/document/model.js';
import { checkDocument, checkedFile } from '../../src/engine/checker.js';
import { createChecker } from '../../src/ruleset.js';
import { DEFAULT_LIMITS, loadBuffer, loadFile, type LoadResult } from '../../src/load/read.js';
import { attr, child, childrenNamed, descendants, isElement, parseXml, type XmlElement } from '../../src/load/xml.js';
import { ZipArchive } from '../../src/load/zip.js';
import type { Finding } from '../../src/types.js';
import { SEVERITY_NAMES } from '../../src/report/labels.js';
import { filesUnder } from '../helpers.js';
import { annotationsIn, convertWithLibreOffice, ownText, soffice, type Annotation } from '../libreoffice.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const DATE = new Date('2026-01-05T09:00:00Z');
const checker = createChecker();
const RULES = new Map(checker.rules.map((rule) => [rule.meta.id, rule.meta]));
const scratch = mkdtempSync(path.join(tmpdir(), 'recruit-check-annotate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FIXTURES = [
  'fixtures/word/no-headings.docx',
  'fixtures/word/poor-formatting.docx',
  'fixtures/word/poor-structure.docx',
  'fixtures/word/poor-tables-and-images.docx',
  'fixtures/word/well-made.docx',
  'fixtures/adverts/exclusionary.docx',
  'fixtures/adverts/healthcare-assistant-jargon.docx',
  'fixtures/adverts/support-worker-plain.docx',
];

// ---- Checking, as src/cli/run.ts checkInput does -------------------------------------------

interface Checked {
  readonly findings: readonly Finding[];
  readonly doc: DocModel;
}

function checked(result: LoadResult, shown: string): Checked {
  if (!result.ok) throw new Error(result.error.message);
  expect(result.format).toBe('docx');
  return { findings: checkedFile(shown, result.format, checkDocument(result.doc, checker)).findings, doc: result.doc };
}

async function checkBytes(bytes: Uint8Array, shown: string): Promise<Checked> {
  return checked(await loadBuffer(bytes, shown, 'docx'), shown);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// ---- Reading the annotated package ---------------------------------------------------------

function partsOf(bytes: Uint8Array): Map<string, Buffer> {
  const zip = new ZipArchive(Buffer.from(bytes), DEFAULT_LIMITS.maxInflatedBytes);
  return new Map([...zip.entries.keys()].map((name) => [name, zip.read(name) ?? Buffer.alloc(0)]));
}

function partText(parts: ReadonlyMap<string, Buffer>, name: string): string {
  const part = parts.get(name);
  if (!part) throw new Error(`no part ${name}`);
  return part.toString('utf8');
}

/** The text of Word content: `w:t`, tabs and breaks. */
function wordText(element: XmlElement): string {
  return element.children
    .map((node) => {
      if (!isElement(node)) return '';
      if (node.name === 'w:t') return ownText(node);
      if (node.name === 'w:tab') return '\t';
      if (node.name === 'w:br') return '\n';
      return wordText(node);
    })
    .join('');
}

interface WordComment {
  readonly id: string;
  readonly author: string | null;
  readonly initials: string | null;
  readonly date: string | null;
  readonly text: string;
}

function commentsIn(parts: ReadonlyMap<string, Buffer>): WordComment[] {
  const part = parts.get('word/comments.xml');
  if (!part) return [];
  return descendants(parseXml(part.toString('utf8')), 'w:comment').map((comment) => ({
    id: attr(comment, 'w:id') ?? '',
    author: attr(comment, 'w:author'),
    initials: attr(comment, 'w:initials'),
    date: attr(comment, 'w:date'),
    text: childrenNamed(comment, 'w:p').map(wordText).join('\n'),
  }));
}

interface RangeRun {
  readonly text: string;
  readonly bold: boolean;
  readonly link: boolean;
}

interface Range {
  text: string;
  /** How deep in paragraphs it starts: a text box's paragraphs are inside another paragraph. */
  readonly depth: number;
  /** 1-based, counting every `w:p` in document order. */
  readonly paragraph: number;
  /** Offset in the paragraph's text where the range starts. */
  readonly start: number;
  readonly runs: RangeRun[];
}

/** Each comment range of a main part, by id: the `w:t` text between its start and its end. */
function rangesIn(documentXml: string): Map<string, Range> {
  const ranges = new Map<string, Range>();
  const open = new Set<Range>();
  let paragraph = 0;
  let paragraphText = '';
  let depth = 0;
  const add = (text: string, bold: boolean, link: boolean): void => {
    paragraphText += text;
    // A text box is not part of the text of the paragraph that holds it.
    for (const range of [...open].filter((entry) => entry.depth === depth)) {
      range.text += text;
      range.runs.push({ text, bold, link });
    }
  };
  const visit = (element: XmlElement, bold: boolean, link: boolean): void => {
    const id = attr(element, 'w:id') ?? '';
    switch (element.name) {
      case 'w:p': {
        paragraph++;
        paragraphText = '';
        depth++;
        for (const node of element.children) if (isElement(node)) visit(node, bold, link);
        depth--;
        return;
      }
      case 'w:commentRangeStart': {
        const range: Range = { text: '', depth, paragraph, start: paragraphText.length, runs: [] };
        ranges.set(id, range);
        open.add(range);
        return;
      }
      case 'w:commentRangeEnd': {
        const range = ranges.get(id);
        if (range) open.delete(range);
        return;
      }
      case 'w:t':
        add(ownText(element), bold, link);
        return;
      case 'w:tab':
        add('\t', bold, link);
        return;
      case 'w:br':
      case 'w:cr':
        add('\n', bold, link);
        return;
      case 'w:softHyphen':
        add('\u00AD', bold, link);
        return;
      case 'w:noBreakHyphen':
        add('\u2011', bold, link);
        return;
      case 'w:sym':
        add('\uFFFC', bold, link);
        return;
      case 'w:r':
        bold = child(child(element, 'w:rPr'), 'w:b') !== null;
        break;
      case 'w:hyperlink':
        link = true;
        break;
      case 'mc:Choice':
        // The loader, like mammoth, reads the fallback of alternate content.
        return;
      default:
        break;
    }
    for (const node of element.children) if (isElement(node)) visit(node, bold, link);
  };
  visit(parseXml(documentXml), false, false);
  return ranges;
}

// ---- What each finding's comment should be ------------------------------------------------

function blockText(doc: DocModel, paragraph: number): string {
  return doc.blocks.find((block) => block.sourceMap.locate(0, 0).paragraph === paragraph)?.text ?? '';
}

interface Expected {
  /** On exactly the flagged text, or on a whole paragraph. */
  readonly exact: boolean;
  /** The comment's text, paragraphs joined with newlines. */
  readonly text: string;
  /** The text the comment is anchored on. */
  readonly anchor: string;
}

/** Characters XML 1.0 cannot hold, which the comments leave out. */
const NOT_XML = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/gu;

/**
 * `withoutXml`: the finding's paragraph is one the loader reads from mammoth alone (a text box
 * mammoth finds in alternate content), so its comment goes on the first paragraph.
 */
function expectedComment(finding: Finding, doc: DocModel, withoutXml = false, firstOfRule = true): Expected {
  const number = finding.location?.paragraph ?? null;
  const firstText = doc.blocks.find((block) => block.text.trim() !== '')?.text ?? '';
  const paragraphText = number === null || withoutXml ? firstText : blockText(doc, number);
  const exact = !withoutXml && number !== null && finding.actual !== null && finding.actual !== '' && paragraphText.includes(finding.actual);
  const prefix = exact ? '' : withoutXml ? `About paragraph ${number}: ` : number === null ? 'About the whole document: ' : 'About this paragraph: ';
  const fix = finding.suggestions.length > 0 ? finding.suggestions.join(' / ') : RULES.get(finding.ruleId)?.fix;
  const text = [`${prefix}${SEVERITY_NAMES[finding.severity]} — ${finding.message}`, ...(fix && !finding.message.includes(fix) ? [`Fix: ${fix}`] : []), ...(firstOfRule ? [`Why: ${finding.note}`] : []), finding.ruleId]
    .join('\n')
    .replace(NOT_XML, '');
  return { exact, text, anchor: exact ? (finding.actual ?? '') : paragraphText };
}

// ---- Annotating and checking the copy -------------------------------------------------------

/** One comment per finding, each on exactly the flagged text (or on a whole paragraph, saying so). */
function checkComments(name: string, result: AnnotatedDocx, findings: readonly Finding[], doc: DocModel, allowWithoutXml = false) {
  const parts = partsOf(result.bytes);
  const comments = commentsIn(parts).filter((comment) => comment.author === 'recruit-check');
  const documentXml = partText(parts, 'word/document.xml');
  const ranges = rangesIn(documentXml);
  const withoutXml = (finding: Finding, index: number): boolean =>
    allowWithoutXml && comments[index]?.text.startsWith(`About paragraph ${finding.location?.paragraph}: `) === true;
  const seen = new Set<string>();
  const expected = findings.map((finding, index) => {
    const first = !seen.has(finding.ruleId);
    seen.add(finding.ruleId);
    return expectedComment(finding, doc, withoutXml(finding, index), first);
  });
  expect(comments, name).toHaveLength(findings.length);
  expect(new Set(commentsIn(parts).map((comment) => comment.id)).size, name).toBe(commentsIn(parts).length);
  comments.forEach((comment, index) => {
    const want = expected[index];
    expect(comment, name).toMatchObject({ author: 'recruit-check', initials: 'RC', date: '2026-01-05T09:00:00Z', text: want?.text });
    const range = ranges.get(comment.id)?.text;
    if (allowWithoutXml && want && !want.exact && !want.text.startsWith('About this paragraph: ')) {
      // The first paragraph with text in its XML holds these; in an odd file (a text box only
      // mammoth reads, a field mammoth leaves out) it is not the first with text for mammoth.
      expect(range, `${name}: the range of comment ${comment.id}`).toBeTypeOf('string');
    } else {
      // A blank paragraph has no block, and may hold spaces.
      const shown = want?.anchor === '' ? range?.trim() : range;
      expect(shown, `${name}: the range of comment ${comment.id}`).toBe(want?.anchor);
    }
    expect(documentXml, name).toContain(`<w:commentReference w:id="${comment.id}"/>`);
  });
  expect(result.anchored, name).toBe(expected.filter((entry) => entry.exact).length);
  expect(result.documentLevel, name).toBe(findings.length - result.anchored);
  return { parts, comments, ranges, expected };
}

interface Annotated {
  readonly name: string;
  /** SHA-256 of the original, taken before annotating. */
  readonly originalSha: string;
  readonly bytes: Uint8Array;
  readonly findings: readonly Finding[];
  readonly expected: readonly Expected[];
  readonly parts: Map<string, Buffer>;
  readonly ranges: Map<string, Range>;
  /** recruit-check's comments, in the order of the findings. */
  readonly comments: readonly WordComment[];
}

/** The parts annotating may change; every other part must be byte for byte the same. */
const CHANGED = new Set(['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml', 'word/comments.xml']);

/**
 * Annotate `original` with `findings` (default: the real findings) and check what every
 * annotated copy must be: same text for mammoth and our loader, same findings, one comment per
 * finding on exactly its text, the other parts untouched, the original untouched.
 */
async function annotateAndCheck(name: string, original: Buffer, real: Checked, given?: readonly Finding[]): Promise<Annotated> {
  const before = sha256(original);
  const findings = given ?? real.findings;
  const result = await annotateDocx(original, findings, { date: DATE, shown: name, rules: RULES });
  expect(sha256(original)).toBe(before);

  // The text is unchanged, for mammoth and for recruit-check, and so are the findings.
  const [rawBefore, rawAfter] = await Promise.all([mammoth.extractRawText({ buffer: original }), mammoth.extractRawText({ buffer: Buffer.from(result.bytes) })]);
  expect(rawAfter.value).toBe(rawBefore.value);
  const again = await checkBytes(result.bytes, name);
  expect(again.doc.blocks.map((block) => block.text)).toEqual(real.doc.blocks.map((block) => block.text));
  expect(again.findings).toEqual(real.findings);

  const { parts, comments, ranges, expected } = checkComments(name, result, findings, real.doc);

  // Every other part is copied through unchanged.
  const originalParts = partsOf(original);
  for (const [part, bytes] of originalParts) {
    expect(parts.has(part), part).toBe(true);
    if (!CHANGED.has(part)) expect(sha256(parts.get(part) ?? Buffer.alloc(0)), part).toBe(sha256(bytes));
  }
  return { name, originalSha: before, bytes: result.bytes, findings, expected, parts, ranges, comments };
}

const annotated = new Map<string, Promise<Annotated>>();

/** Annotate once per test run; the LibreOffice tests reuse the copies. */
function annotateOnce(name: string, make: () => Promise<Annotated>): Promise<Annotated> {
  let entry = annotated.get(name);
  if (!entry) {
    entry = make();
    annotated.set(name, entry);
  }
  return entry;
}

// ---- Word files made for the edge cases ------------------------------------------------------

async function pack(document: Document): Promise<Buffer> {
  return Buffer.from(await Packer.toBuffer(document));
}

/** Flagged text across differently formatted runs and a hyperlink, a repeated phrase, a phone-only contact. */
function edgeCases(): Promise<Buffer> {
  return pack(
    new Document({
      creator: 'recruit-check tests',
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Care assistant')] }),
            new Paragraph({ children: [new TextRun('We want someone who can hit the '), new TextRun({ text: 'ground running', bold: true }), new TextRun(' on day one.')] }),
            new Paragraph({
              children: [
                new TextRun('You will need to '),
                new ExternalHyperlink({ link: 'https://example.org/jobs', children: [new TextRun({ text: 'hit the ground', style: 'Hyperlink' })] }),
                new TextRun(' running with us.'),
              ],
            }),
            new Paragraph({ children: [new TextRun('You will utilise the rota and utilise the app, and you must utilise the phone.')] }),
            new Paragraph({ children: [new TextRun('Contact us on 020 7946 0000.')] }),
            new Paragraph({ children: [] }),
            new Paragraph({ children: [] }),
            new Paragraph({ children: [] }),
            new Paragraph({ children: [new TextRun('Thank you.')] }),
          ],
        },
      ],
    }),
  );
}

/** A document a person has already commented on. */
function alreadyCommented(): Promise<Buffer> {
  return pack(
    new Document({
      creator: 'recruit-check tests',
      comments: {
        children: [{ id: 0, author: 'Ann Reviewer', initials: 'AR', date: new Date('2025-12-01T10:00:00Z'), children: [new Paragraph({ children: [new TextRun('Is this the right title?')] })] }],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new CommentRangeStart(0), new TextRun('Care assistant'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
            new Paragraph({ children: [new TextRun('You will utilise our rota app to plan visits in Lewisham.')] }),
          ],
        },
      ],
    }),
  );
}

function fixture(file: string): Promise<Annotated> {
  return annotateOnce(file, async () => {
    const full = path.join(ROOT, file);
    const original = readFileSync(full);
    return annotateAndCheck(file, original, checked(await loadFile(full, file), file));
  });
}

function edgeCaseCopy(): Promise<Annotated> {
  return annotateOnce('edge-cases.docx', async () => {
    const original = await edgeCases();
    return annotateAndCheck('edge-cases.docx', original, await checkBytes(original, 'edge-cases.docx'));
  });
}

function commentedCopy(): Promise<Annotated> {
  return annotateOnce('already-commented.docx', async () => {
    const original = await alreadyCommented();
    return annotateAndCheck('already-commented.docx', original, await checkBytes(original, 'already-commented.docx'));
  });
}

const AWKWARD = {
  message: 'Say “<b>” & ‘quotes’ "double" \'single\' ]]> <!-- --> \u0000\u0001\u0008\u000B\u000C\uFFFE\uD800 end',
  note: 'Notes with <tags>, & ampersands, &amp; entities and "quotes".',
  suggestions: ['<i>', 'a & b'],
};

function awkwardCopy(): Promise<Annotated> {
  return annotateOnce('awkward-characters.docx', async () => {
    const original = await edgeCases();
    const real = await checkBytes(original, 'awkward-characters.docx');
    const [first, ...rest] = real.findings;
    if (!first) throw new Error('expected findings');
    // And one on a blank paragraph (`<w:p/>`), as a picture or table finding would be.
    const blank: Finding = { ...first, actual: null, location: { line: null, column: null, endLine: null, endColumn: null, page: null, paragraph: 7, section: null } };
    return annotateAndCheck('awkward-characters.docx', original, real, [{ ...first, ...AWKWARD }, blank, ...rest]);
  });
}

// ---- The tests -------------------------------------------------------------------------------

describe('annotated Word copy', () => {
  it.each(FIXTURES)('%s: same text and findings, one comment on each finding’s text, other parts untouched', async (file) => {
    const copy = await fixture(file);
    expect(copy.findings.length).toBeGreaterThan(0);
    // The original on disk is untouched.
    expect(sha256(readFileSync(path.join(ROOT, file)))).toBe(copy.originalSha);
  });

  it('anchors nearly every finding of a real advert on its exact text', async () => {
    const copy = await fixture('fixtures/adverts/healthcare-assistant-jargon.docx');
    const located = copy.findings.filter((finding) => finding.location !== null && finding.actual);
    expect(located.length).toBeGreaterThan(40);
    expect(copy.expected.filter((entry) => entry.exact)).toHaveLength(located.length);
    // Every new part is wired up once: the relationship and the content type.
    const rels = partText(copy.parts, 'word/_rels/document.xml.rels');
    expect(rels.match(/relationships\/comments"/g)).toHaveLength(1);
    expect(partText(copy.parts, '[Content_Types].xml').match(/PartName="\/word\/comments.xml"/g)).toHaveLength(1);
  });

  it('splits runs so a range wraps text across runs with different formatting, keeping each run’s formatting', async () => {
    const copy = await edgeCaseCopy();
    const idioms = copy.comments.filter((comment) => comment.text.endsWith('plain-language/idiom'));
    expect(idioms).toHaveLength(2);
    const [bold, linked] = idioms.map((comment) => copy.ranges.get(comment.id));
    expect(bold?.runs).toEqual([
      { text: 'hit the ', bold: false, link: false },
      { text: 'ground running', bold: true, link: false },
    ]);
    expect(linked?.runs).toEqual([
      { text: 'hit the ground', bold: false, link: true },
      { text: ' running', bold: false, link: false },
    ]);
    // The text before the range is a run of its own, still plain.
    const xml = partText(copy.parts, 'word/document.xml');
    expect(xml).toContain(`<w:r><w:t xml:space="preserve">We want someone who can </w:t></w:r><w:commentRangeStart w:id="${idioms[0]?.id}"/>`);
  });

  it('puts findings of a phrase repeated in one paragraph on successive occurrences', async () => {
    const copy = await edgeCaseCopy();
    const text = 'You will utilise the rota and utilise the app, and you must utilise the phone.';
    const utilise = copy.comments.filter((comment) => comment.text.endsWith('plain-language/words-to-avoid')).map((comment) => copy.ranges.get(comment.id));
    expect(utilise.map((range) => range?.text)).toEqual(['utilise', 'utilise', 'utilise']);
    const starts = [text.indexOf('utilise'), text.indexOf('utilise', 10), text.lastIndexOf('utilise')];
    expect(utilise.map((range) => [range?.paragraph, range?.start])).toEqual(starts.map((start) => [4, start]));
  });

  it('puts findings about the whole document on the first paragraph, saying so', async () => {
    const copy = await edgeCaseCopy();
    const whole = copy.comments.filter((comment) => comment.text.startsWith('About the whole document: '));
    const documentLevel = copy.findings.filter((finding) => finding.location === null);
    expect(documentLevel.length).toBeGreaterThan(5);
    expect(whole).toHaveLength(documentLevel.length);
    for (const comment of whole) expect(copy.ranges.get(comment.id)).toMatchObject({ text: 'Care assistant', paragraph: 1, start: 0 });
  });

  it('writes valid XML for messages with markup characters, quotes and control characters', async () => {
    const copy = await awkwardCopy();
    const comments = partText(copy.parts, 'word/comments.xml');
    expect(XMLValidator.validate(comments)).toBe(true);
    expect(XMLValidator.validate(partText(copy.parts, 'word/document.xml'))).toBe(true);
    expect(copy.comments[0]?.text.split('\n')).toEqual([
      expect.stringMatching(/^(?:Error|Warning|Info) — Say “<b>” & ‘quotes’ "double" 'single' \]\]> <!-- --> {2}end$/),
      'Fix: <i> / a & b',
      'Why: Notes with <tags>, & ampersands, &amp; entities and "quotes".',
      copy.findings[0]?.ruleId,
    ]);
    // The blank paragraph holds its comment: `<w:p/>` became a paragraph with a range in it.
    const blank = copy.comments[1];
    expect(blank?.text.startsWith('About this paragraph: ')).toBe(true);
    expect(copy.ranges.get(blank?.id ?? '')).toMatchObject({ text: '', paragraph: 7 });
  });

  it('adds to the comments a document already has, keeping them and their ids', async () => {
    const original = await alreadyCommented();
    const before = partsOf(original);
    const copy = await commentedCopy();
    const all = commentsIn(copy.parts);
    expect(all[0]).toMatchObject({ id: '0', author: 'Ann Reviewer', text: 'Is this the right title?' });
    expect(all).toHaveLength(copy.findings.length + 1);
    expect(new Set(all.map((comment) => comment.id)).size).toBe(all.length);
    // The existing part is added to, not rewritten; its range is still on the title.
    const oldComments = partText(before, 'word/comments.xml');
    expect(partText(copy.parts, 'word/comments.xml').startsWith(oldComments.slice(0, oldComments.lastIndexOf('</w:comments>')))).toBe(true);
    expect(copy.ranges.get('0')?.text).toBe('Care assistant');
    expect(partText(copy.parts, 'word/_rels/document.xml.rels')).toBe(partText(before, 'word/_rels/document.xml.rels'));
    expect(partText(copy.parts, '[Content_Types].xml')).toBe(partText(before, '[Content_Types].xml'));
  });

  it('gives the same bytes for the same input and date, and uses the current time by default', async () => {
    const original = readFileSync(path.join(ROOT, 'fixtures/word/poor-structure.docx'));
    const { findings } = await checkBytes(original, 'poor-structure.docx');
    const [one, two] = await Promise.all([annotateDocx(original, findings, { date: DATE }), annotateDocx(original, findings, { date: DATE })]);
    expect(sha256(one.bytes)).toBe(sha256(two.bytes));
    const started = Date.now();
    const now = commentsIn(partsOf((await annotateDocx(original, findings)).bytes));
    const stamped = Date.parse(now[0]?.date ?? '');
    expect(stamped).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });

  it('gives a copy with no comments part for a document with nothing to report', async () => {
    const original = readFileSync(path.join(ROOT, 'fixtures/word/well-made.docx'));
    const result = await annotateDocx(original, [], { date: DATE });
    expect(result).toMatchObject({ anchored: 0, documentLevel: 0 });
    const parts = partsOf(result.bytes);
    const originalParts = partsOf(original);
    expect([...parts.keys()]).toEqual([...originalParts.keys()]);
    for (const [name, bytes] of originalParts) expect(sha256(parts.get(name) ?? Buffer.alloc(0)), name).toBe(sha256(bytes));
  });

  it.each([
    ['fixtures/bad/not-word.docx', /^fixtures\/bad\/not-word\.docx: /],
    ['fixtures/bad/truncated.docx', /^fixtures\/bad\/truncated\.docx: the Word file is damaged/],
    ['fixtures/bad/zip-bomb.docx', /^fixtures\/bad\/zip-bomb\.docx: unpacks to more than/],
    ['fixtures/bad/macro-enabled.docm', /^fixtures\/bad\/macro-enabled\.docm: is a macro-enabled Word file/],
    ['fixtures/bad/external-entity.docx', /^fixtures\/bad\/external-entity\.docx: contains XML entity declarations/],
    ['fixtures/bad/old-word-format.doc', /^fixtures\/bad\/old-word-format\.doc: is not a Word document \(\.docx\)/],
    ['fixtures/adverts/exclusionary.pdf', /^fixtures\/adverts\/exclusionary\.pdf: is not a Word document \(\.docx\)/],
  ])('refuses %s with a clear message', async (file, message) => {
    const bytes = readFileSync(path.join(ROOT, file));
    const failure = annotateDocx(bytes, [], { shown: file });
    await expect(failure).rejects.toBeInstanceOf(AnnotateError);
    await expect(failure).rejects.toThrow(message);
  });
});

// ---- Real Word files -------------------------------------------------------------------------

const CORPUS = path.join(ROOT, '../shared/corpus');
// Its zip has two local entries named word/document.xml; mammoth reads the one the central
// directory does not point to, so the copy (written from the central directory) reads differently.
const AMBIGUOUS_ZIP = 'unicode-path.docx';
// The three files over 200 KB (thousands of paragraphs) take 15 s or more each to check, annotate,
// check again and compare; the other 92 take about 0.3 s each.
const MAX_SWEPT_BYTES = 200_000;

// From ../shared/corpus, which a clone outside the workspace does not have.
describe.runIf(existsSync(CORPUS))('annotated copies of real Word files', () => {
  it('keep their text, and get one comment per finding on exactly its text', async () => {
    let annotatedFiles = 0;
    let withoutXml = 0;
    for (const file of filesUnder(CORPUS, /\.docx$/i)) {
      const original = readFileSync(file);
      if (original.length > MAX_SWEPT_BYTES) continue;
      const loaded = await loadFile(file, file);
      if (!loaded.ok) continue;
      const real = checked(loaded, file);
      if (real.doc.blocks.length === 0 && !partText(partsOf(original), 'word/document.xml').includes('<w:p')) {
        await expect(annotateDocx(original, real.findings), file).rejects.toThrow(/has no paragraphs, so there is nowhere to put comments/);
        continue;
      }
      const result = await annotateDocx(original, real.findings, { date: DATE, shown: file, rules: RULES });
      if (!file.endsWith(AMBIGUOUS_ZIP)) {
        const again = await checkBytes(result.bytes, file);
        expect(again.doc.blocks.map((block) => block.text), file).toEqual(real.doc.blocks.map((block) => block.text));
        // Formatting findings name one run of a paragraph, and a comment can split a run in two
        // (the loader does not merge runs with the same formatting), so only the others are compared.
        const notFormatting = (findings: readonly Finding[]): Finding[] => findings.filter((finding) => finding.category !== 'formatting');
        expect(notFormatting(again.findings), file).toEqual(notFormatting(real.findings));
        const [before, after] = await Promise.all([mammoth.extractRawText({ buffer: original }), mammoth.extractRawText({ buffer: Buffer.from(result.bytes) })]);
        expect(after.value, file).toBe(before.value);
      }
      const { expected } = checkComments(file, result, real.findings, real.doc, true);
      withoutXml += expected.filter((entry) => entry.text.startsWith('About paragraph ')).length;
      annotatedFiles++;
    }
    expect(annotatedFiles).toBeGreaterThan(50);
    // Only text boxes that mammoth reads from alternate content have no XML paragraph.
    expect(withoutXml).toBeLessThan(10);
  }, 600_000);
});

// ---- LibreOffice reads the comments where Word would show them --------------------------------

function byTextAndAnchor(entries: readonly { readonly text: string; readonly anchor: string }[]): string[] {
  return entries.map((entry) => JSON.stringify([entry.text, entry.anchor])).sort();
}

describe('annotated Word copy in LibreOffice', () => {
  const converted = new Map<string, Annotation[]>();
  const copies: Annotated[] = [];

  beforeAll(async () => {
    soffice();
    copies.push(...(await Promise.all([...FIXTURES.map(fixture), edgeCaseCopy(), commentedCopy(), awkwardCopy()])));
    const input = path.join(scratch, 'docx');
    const output = path.join(scratch, 'fodt');
    mkdirSync(input, { recursive: true });
    const files = copies.map((copy, index) => {
      const file = path.join(input, `copy-${index}.docx`);
      writeFileSync(file, copy.bytes);
      return file;
    });
    await convertWithLibreOffice(files, 'fodt', output, scratch);
    copies.forEach((copy, index) => converted.set(copy.name, annotationsIn(readFileSync(path.join(output, `copy-${index}.fodt`), 'utf8'))));
  }, 300_000);

  it('shows one annotation per finding, by recruit-check, on exactly the flagged text', () => {
    expect(copies.length).toBe(FIXTURES.length + 3);
    for (const copy of copies) {
      const ours = (converted.get(copy.name) ?? []).filter((annotation) => annotation.author === 'recruit-check');
      expect(ours, copy.name).toHaveLength(copy.findings.length);
      for (const annotation of ours) expect(annotation.date, copy.name).toMatch(/^2026-01-05T09:00:00/);
      expect(byTextAndAnchor(ours), copy.name).toEqual(byTextAndAnchor(copy.expected));
    }
  });

  it('keeps the comments a document already had', () => {
    const theirs = (converted.get('already-commented.docx') ?? []).filter((annotation) => annotation.author !== 'recruit-check');
    expect(theirs.map((annotation) => [annotation.author, annotation.text, annotation.anchor])).toEqual([['Ann Reviewer', 'Is this the right title?', 'Care assistant']]);
  });
});
