/**
 * What kind of recruitment document this is — advert, job description, person specification or
 * interview invitation — because each must tell people different things. `--type` says so
 * directly; otherwise the document's title and headings decide, and anything else is an advert.
 */
import type { DocModel } from '../document/model.js';

import type { DocumentType } from '../types.js';

/** The document types. */
export type DocType = DocumentType;

/** Every document type. */
export const DOC_TYPES: readonly DocType[] = ['advert', 'job-description', 'person-specification', 'interview-invitation'];

/** Plain names of the document types. */
export const DOC_TYPE_NAMES: Readonly<Record<DocType, string>> = {
  advert: 'job advert',
  'job-description': 'job description',
  'person-specification': 'person specification',
  'interview-invitation': 'interview invitation',
};

const INVITATION = /\b(?:invit(?:e|ing)\s+you\s+(?:to|for)\s+(?:an?\s+|the\s+)?(?:interview|assessment)|invitation\s+to\s+(?:an?\s+)?interview|interview\s+invitation|you\s+have\s+been\s+(?:shortlisted|selected)\s+for\s+(?:an?\s+)?interview)\b/iu;

/** The type of `doc`, from its title, its headings and its opening words. */
export function detectDocType(doc: DocModel): DocType {
  const headings = doc.blocks.filter((block) => block.kind === 'heading').map((block) => block.text);
  const opening = doc.blocks
    .slice(0, 12)
    .map((block) => block.text)
    .join(' ')
    .split(/\s+/)
    .slice(0, 80)
    .join(' ');
  const titles = [doc.meta.title ?? '', ...headings.slice(0, 3), opening.slice(0, 200)].join('\n');
  if (INVITATION.test(opening)) return 'interview-invitation';
  if (/\bjob\s+description\b/iu.test(titles)) return 'job-description';
  if (/\bperson\s+specification\b/iu.test(titles)) return 'person-specification';
  const cells = doc.blocks.filter((block) => block.cell !== null).map((block) => block.text.trim().toLowerCase());
  if (cells.includes('essential') && cells.includes('desirable') && !doc.blocks.some((block) => /\b(?:£\s?\d|closing\s+date|how\s+to\s+apply)\b/iu.test(block.text))) {
    return 'person-specification';
  }
  return 'advert';
}
