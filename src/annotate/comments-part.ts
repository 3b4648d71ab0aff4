/**
 * The package parts a Word comment needs besides the body: the comment itself in
 * `word/comments.xml`, the relationship from the main part to it, and its content type.
 * Existing parts are added to, never rewritten: their comments, ids and relationships stay.
 */
import path from 'node:path';
import { attr, childrenNamed, parseXml } from '../load/xml.js';
import { escapeXml, RawXml } from './xml-raw.js';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** Who wrote a comment, and when. */
export interface CommentAuthor {
  readonly author: string;
  readonly initials: string;
  readonly date: Date;
}

/** One comment: its id and its paragraphs of text. */
export interface CommentSpec {
  readonly id: number;
  readonly paragraphs: readonly string[];
}

/** A date as Word writes it in comments: ISO 8601 to the second, in UTC. */
function wordDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('the comment date is not a valid date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A line of text as the content of a run: tabs and line breaks become Word's own elements. */
function runContent(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .split('\t')
        .map((part) => (part === '' ? '' : `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`))
        .join('<w:tab/>'),
    )
    .join('<w:br/>');
}

/** The `w:comment` element for one comment. */
export function commentXml(comment: CommentSpec, by: CommentAuthor): string {
  const paragraphs = comment.paragraphs.map((text, index) => {
    const mark = index === 0 ? '<w:r><w:annotationRef/></w:r>' : '';
    return `<w:p>${mark}<w:r>${runContent(text)}</w:r></w:p>`;
  });
  const attributes = `w:id="${comment.id}" w:author="${escapeXml(by.author)}" w:date="${wordDate(by.date)}" w:initials="${escapeXml(by.initials)}"`;
  return `<w:comment ${attributes}>${paragraphs.join('')}</w:comment>`;
}

/** A comments part holding `comments` (XML of `w:comment` elements), added to `existing` when there is one. */
export function commentsPart(existing: string | null, comments: string): string {
  if (existing === null) return `${DECLARATION}<w:comments xmlns:w="${W_NS}">${comments}</w:comments>`;
  return new RawXml(existing, parseXml(existing)).appendToRoot(comments);
}

/** The relationships part of a part (`word/document.xml` → `word/_rels/document.xml.rels`). */
export function relationshipsPath(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

/** The comments part the main part already points to, if any. */
export function existingCommentsPath(mainPath: string, rels: string | null): string | null {
  if (rels === null) return null;
  const relationship = childrenNamed(parseXml(rels), 'Relationship').find(
    (entry) => /\/comments$/.test(attr(entry, 'Type') ?? '') && attr(entry, 'TargetMode') !== 'External',
  );
  const target = attr(relationship, 'Target');
  if (!target) return null;
  return target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(mainPath), target));
}

/** A free name for a new comments part next to the main part. */
export function newCommentsPath(mainPath: string, taken: (name: string) => boolean): string {
  const folder = path.posix.dirname(mainPath);
  for (let suffix = 1; ; suffix++) {
    const name = path.posix.join(folder, suffix === 1 ? 'comments.xml' : `comments${suffix}.xml`);
    if (!taken(name)) return name;
  }
}

/** The main part's relationships with one to the comments part added. */
export function addCommentsRelationship(rels: string | null, mainPath: string, commentsPath: string): string {
  const target = path.posix.relative(path.posix.dirname(mainPath), commentsPath);
  if (rels === null) {
    return `${DECLARATION}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${COMMENTS_TYPE}" Target="${escapeXml(target)}"/></Relationships>`;
  }
  const root = parseXml(rels);
  const ids = new Set(childrenNamed(root, 'Relationship').map((entry) => attr(entry, 'Id')));
  let number = ids.size + 1;
  while (ids.has(`rId${number}`)) number++;
  return new RawXml(rels, root).appendToRoot(`<Relationship Id="rId${number}" Type="${COMMENTS_TYPE}" Target="${escapeXml(target)}"/>`);
}

/** `[Content_Types].xml` with the comments part's content type, added when it is missing. */
export function addCommentsContentType(types: string, commentsPath: string): string {
  const root = parseXml(types);
  const partName = `/${commentsPath}`;
  const present = childrenNamed(root, 'Override').some((entry) => (attr(entry, 'PartName') ?? '').toLowerCase() === partName.toLowerCase());
  if (present) return types;
  return new RawXml(types, root).appendToRoot(`<Override PartName="${escapeXml(partName)}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`);
}
