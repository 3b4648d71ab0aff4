/**
 * An annotated copy of a checked Word document: a new .docx with a Word comment on each
 * finding's flagged text, the way a reviewer marks a document up. The original bytes are never
 * changed. Each comment says what the problem is, why it matters, how to fix it and which rule
 * found it. Findings about the whole document, and findings whose text cannot be marked (a
 * picture, a table, text Word does not show), are put on a whole paragraph and say so.
 *
 * Paragraph numbers are the loader's (src/load/docx.ts), read with the loader's own walk (see
 * paragraph-map.ts). Only the main document part, its relationships, `[Content_Types].xml` and
 * the comments part change; every other part is copied through byte for byte, and inside the
 * main part only the paragraphs that get a comment are written anew.
 */
import { allRules } from '../ruleset.js';
import type { RuleMeta } from '../engine/rule.js';
import { checkPackage, describeZipError, mainPartPath, readWithMammoth, type MammothNode } from '../load/docx.js';
import { DEFAULT_LIMITS, type LoadLimits } from '../load/read.js';
import { child, parseXml, type XmlElement } from '../load/xml.js';
import { ZipArchive } from '../load/zip.js';
import { SEVERITY_NAMES } from '../report/labels.js';
import type { Finding } from '../types.js';
import { BodyEdits } from './comment-ranges.js';
import {
  addCommentsContentType,
  addCommentsRelationship,
  commentsPart,
  commentXml,
  existingCommentsPath,
  newCommentsPath,
  relationshipsPath,
  type CommentAuthor,
} from './comments-part.js';
import { WordPackage } from './package.js';
import { ParagraphMap, paragraphTexts, type MappedParagraph } from './paragraph-map.js';
import { RawXml } from './xml-raw.js';

const ZIP_LOCAL_HEADER = 0x04034b50;

/** The author and initials of every comment recruit-check adds. */
export const COMMENT_AUTHOR = { author: 'recruit-check', initials: 'RC' } as const;

/** Options for `annotateDocx`. */
export interface AnnotateOptions {
  /** When the comments were made (default: now). Pass a fixed date for output that is the same on every run. */
  readonly date?: Date;
  /** The file's name in error messages (default “the Word file”). */
  readonly shown?: string;
  /** Rules by id, for the general fix of a finding with no suggestions (default: the bundled rules). */
  readonly rules?: ReadonlyMap<string, Pick<RuleMeta, 'fix'>>;
  /** Limits on reading the file (default: the loader's). */
  readonly limits?: LoadLimits;
}

/** The annotated copy, and how its comments were placed. */
export interface AnnotatedDocx {
  /** The new .docx file. */
  readonly bytes: Uint8Array;
  /** Comments on exactly the flagged text. */
  readonly anchored: number;
  /** Comments on a whole paragraph: about the whole document, or about text that could not be marked. */
  readonly documentLevel: number;
}

/** Why a file could not be annotated: `code` is the loader's (`not-word`, `corrupt-docx`, …) or `not-docx`. */
export class AnnotateError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AnnotateError';
  }
}

/**
 * A copy of the Word file `original` with a comment for each of `findings` (as recruit-check
 * reported them for that file, in the order it reported them). A finding's comment is anchored
 * on its `actual` text in its paragraph; where the same text is flagged more than once in a
 * paragraph, successive findings take successive occurrences (findings of different categories
 * on the same text share one). Other findings get a comment on a whole paragraph, which begins
 * “About the whole document:” (no location: on the first paragraph with text), “About this
 * paragraph:” (a picture, a table, or text not found in its paragraph) or “About paragraph N:”
 * (a paragraph mammoth reads but the XML walk does not, such as some text boxes: on the first
 * paragraph). `anchored + documentLevel` is always `findings.length`.
 *
 * Throws `AnnotateError`, with a one-line message naming the file, for anything that is not a
 * Word document recruit-check can read (the loader's refusals: damaged, encrypted,
 * macro-enabled, unsafe or oversized files; code `not-docx` for a file that is not a zip at all,
 * `empty-docx` for a body with no paragraphs to hold comments).
 */
export async function annotateDocx(original: Uint8Array, findings: readonly Finding[], options: AnnotateOptions = {}): Promise<AnnotatedDocx> {
  const shown = options.shown ?? 'the Word file';
  const limits = options.limits ?? DEFAULT_LIMITS;
  // A copy: nothing below can write to the caller's bytes.
  const buffer = Buffer.from(original);
  const opened = await openWordFile(buffer, shown, limits);
  const pkg = new WordPackage(buffer, limits.maxInflatedBytes);
  const { mainPath, main, body } = readMainPart(pkg, opened.mainPath, opened.main, shown);
  const map = new ParagraphMap(body, opened.tree);
  const edits = new BodyEdits();
  const placed = placeComments(findings, map, edits, freeIds(pkg, findings.length), shown);
  const annotated = edits.apply(main, body);
  checkTextUnchanged(body, annotated, shown);
  if (placed.length > 0) {
    pkg.setText(mainPath, annotated);
    const by: CommentAuthor = { ...COMMENT_AUTHOR, date: options.date ?? new Date() };
    const fixOf = fixLookup(options.rules);
    // Why a kind of finding matters is said once, in its first comment: the others stay short.
    const explained = new Set<string>();
    const comments = placed.map((entry) => {
      const first = !explained.has(entry.finding.ruleId);
      explained.add(entry.finding.ruleId);
      return commentXml({ id: entry.id, paragraphs: commentText(entry, fixOf, first) }, by);
    });
    writeCommentsPart(pkg, mainPath, comments.join(''));
  }
  const documentLevel = placed.filter((entry) => entry.prefix !== null).length;
  return { bytes: pkg.toZip(), anchored: placed.length - documentLevel, documentLevel };
}

/**
 * Read the file as the loader does (src/load/docx.ts), refusing what it refuses: the name and
 * tree of its main part, and mammoth's tree of the document.
 */
async function openWordFile(buffer: Buffer, shown: string, limits: LoadLimits): Promise<{ mainPath: string; main: XmlElement; tree: MammothNode }> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== ZIP_LOCAL_HEADER) {
    throw new AnnotateError('not-docx', `${shown}: is not a Word document (.docx), so no comments can be added to it — only Word files can be annotated`);
  }
  try {
    const zip = new ZipArchive(buffer, limits.maxInflatedBytes);
    const checked = checkPackage(zip, shown);
    if (!checked.ok) throw new AnnotateError(checked.error.code, checked.error.message);
    const main = checked.parts.get('main');
    if (!main) throw new AnnotateError('corrupt-docx', `${shown}: the Word file has no document part`);
    return { mainPath: mainPartPath(zip), main, tree: await readWithMammoth(buffer) };
  } catch (error) {
    if (error instanceof AnnotateError) throw error;
    const failure = describeZipError(error, shown, limits);
    throw new AnnotateError(failure.error.code, failure.error.message);
  }
}

/** The main document part's text lined up with its tree (`main`, which the loader parsed from that text), and its body. */
function readMainPart(pkg: WordPackage, mainPath: string, main: XmlElement, shown: string): { mainPath: string; main: RawXml; body: XmlElement } {
  const text = pkg.text(mainPath);
  if (text === null) throw new AnnotateError('corrupt-docx', `${shown}: the Word file has no document part`);
  const body = child(main, 'w:body');
  if (!body) throw new AnnotateError('corrupt-docx', `${shown}: the Word file has no document body`);
  return { mainPath, main: new RawXml(text, main), body };
}

/** A comment to write: its finding, its id, and the words before the message when it is on a whole paragraph. */
interface Placed {
  readonly finding: Finding;
  readonly id: number;
  /** Null when the comment is on exactly the flagged text. */
  readonly prefix: string | null;
}

function placeComments(findings: readonly Finding[], map: ParagraphMap, edits: BodyEdits, ids: readonly number[], shown: string): Placed[] {
  const finder = new TextFinder();
  return findings.map((finding, index) => {
    const id = ids[index] ?? index;
    const number = finding.location?.paragraph ?? null;
    const paragraph = number === null ? null : map.paragraph(number);
    if (paragraph) {
      const start = finder.find(paragraph, finding);
      if (start !== null && finding.actual && edits.addTextRange(id, paragraph, start, start + finding.actual.length)) return { finding, id, prefix: null };
      edits.addParagraphRange(id, paragraph);
      return { finding, id, prefix: 'About this paragraph: ' };
    }
    const first = map.first();
    if (!first) throw new AnnotateError('empty-docx', `${shown}: has no paragraphs, so there is nowhere to put comments — the document is empty`);
    edits.addParagraphRange(id, first);
    return { finding, id, prefix: number === null ? 'About the whole document: ' : `About paragraph ${number}: ` };
  });
}

/**
 * Finds a finding's text in its paragraph. recruit-check reports a paragraph's findings in the
 * order of their text, so each is looked for from where the one before it was found; a finding
 * of the same category on the same text as an earlier one must be a later occurrence (the engine
 * keeps one finding per span and category), while findings of different categories may share
 * one.
 */
class TextFinder {
  private readonly floor = new Map<number, number>();
  private readonly used = new Map<string, Set<number>>();

  /** Where `finding.actual` starts in `paragraph`'s text, or null when it is not there. */
  find(paragraph: MappedParagraph, finding: Finding): number | null {
    const actual = finding.actual;
    if (!actual) return null;
    const all = occurrences(paragraph.text, actual);
    const key = `${paragraph.number}\u0000${finding.category}\u0000${actual}`;
    const used = this.used.get(key) ?? new Set<number>();
    const floor = this.floor.get(paragraph.number) ?? 0;
    const start = all.find((at) => at >= floor && !used.has(at)) ?? all.find((at) => !used.has(at)) ?? all[0] ?? null;
    if (start === null) return null;
    used.add(start);
    this.used.set(key, used);
    this.floor.set(paragraph.number, Math.max(floor, start));
    return start;
  }
}

/** Every position at which `needle` starts in `text`. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * A comment's paragraphs, short enough for the margin of a one-page advert: the severity and the
 * message, the fix (unless the message already gives it), why it matters only in the first
 * comment of each rule, and the rule's id.
 */
function commentText(entry: Placed, fixOf: (ruleId: string) => string | null, firstOfRule: boolean): string[] {
  const { finding } = entry;
  const fix = finding.suggestions.length > 0 ? finding.suggestions.join(' / ') : fixOf(finding.ruleId);
  return [
    `${entry.prefix ?? ''}${SEVERITY_NAMES[finding.severity]} — ${finding.message}`,
    ...(fix && !finding.message.includes(fix) ? [`Fix: ${fix}`] : []),
    ...(firstOfRule ? [`Why: ${finding.note}`] : []),
    finding.ruleId,
  ];
}

/** A rule's general fix: from the rules given, else from the bundled rules (read only if needed). */
function fixLookup(rules: ReadonlyMap<string, Pick<RuleMeta, 'fix'>> | undefined): (ruleId: string) => string | null {
  let bundled: Map<string, string> | null = null;
  return (ruleId) => {
    const given = rules?.get(ruleId)?.fix;
    if (given) return given;
    bundled ??= new Map(allRules().map((rule) => [rule.meta.id, rule.meta.fix]));
    return bundled.get(ruleId) ?? null;
  };
}

/**
 * `count` ids that no `w:id` in any XML part uses, smallest first, so new comments clash with no
 * comment, bookmark or revision (and stay small, as Word expects, whatever ids the file has).
 */
function freeIds(pkg: WordPackage, count: number): number[] {
  const used = new Set<number>();
  for (const name of pkg.names()) {
    if (!/\.xml$/i.test(name)) continue;
    for (const match of (pkg.text(name) ?? '').matchAll(/\bw:id=["'](\d+)["']/g)) used.add(Number(match[1]));
  }
  const ids: number[] = [];
  for (let id = 0; ids.length < count; id++) if (!used.has(id)) ids.push(id);
  return ids;
}

/** The comments must not change a word of the text the loader reads; if they would, that is a bug. */
function checkTextUnchanged(body: XmlElement, annotated: string, shown: string): void {
  const after = child(parseXml(annotated), 'w:body');
  const before = paragraphTexts(body);
  const now = after ? paragraphTexts(after) : [];
  if (now.length !== before.length || now.some((text, index) => text !== before[index])) {
    throw new Error(`${shown}: adding the comments would have changed the document's text — this is a bug in recruit-check; please report it with the file`);
  }
}

/** Add comments (XML of `w:comment` elements) to the package's comments part, creating it, its relationship and its content type if need be. */
function writeCommentsPart(pkg: WordPackage, mainPath: string, comments: string): void {
  const relsPath = relationshipsPath(mainPath);
  const rels = pkg.text(relsPath);
  const existing = existingCommentsPath(mainPath, rels);
  const commentsPath = existing ?? newCommentsPath(mainPath, (name) => pkg.has(name));
  pkg.setText(commentsPath, commentsPart(existing ? pkg.text(existing) : null, comments));
  if (!existing) pkg.setText(relsPath, addCommentsRelationship(rels, mainPath, commentsPath));
  const types = pkg.text('[Content_Types].xml');
  if (types !== null) pkg.setText('[Content_Types].xml', addCommentsContentType(types, commentsPath));
}
