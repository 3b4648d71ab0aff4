/**
 * What kind of recruitment document this is — advert, job description, person specification or
 * interview invitation — because each must tell people different things. `--type` says so
 * directly; otherwise the document's title and headings decide, and anything else is an advert.
 */
import type { DocModel } from '../document/model.js';
import { firstMatch } from './document-text.js';

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

/** The kind of document with its article: “a job advert”, “an interview invitation”. */
export function withArticle(type: DocType): string {
  const name = DOC_TYPE_NAMES[type];
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

const INVITATION =
  /\b(?:invit(?:e|ing)\s+you\s+(?:to|for)\s+(?:attend\s+)?(?:an?\s+|the\s+)?(?:interview|assessment)|invitation\s+to\s+(?:an?\s+)?interview|interview\s+invitation|you\s+(?:are|have\s+been)\s+invited\s+to\s+(?:attend\s+)?(?:an?\s+|the\s+)?(?:interview|assessment)|you\s+have\s+been\s+(?:shortlisted|selected)\s+for\s+(?:an?\s+|the\s+)?(?:above\s+)?(?:interview|post|role|job|position|vacancy))\b/iu;
const JOB_DESCRIPTION = /\bjob\s+description\b/iu;
const PERSON_SPECIFICATION = /\bperson\s+spec(?:ification)?\b/iu;
/** What an advert says and a job description or person specification does not: how and by when to apply, the job board's key fields, a call to join. */
const ADVERT_SIGNAL = /\b(?:closing\s+date|how\s+to\s+apply|to\s+apply|please\s+apply|apply\s+(?:now|online|by|before|here|today|via|through|using|for\s+this)|applications?\s+(?:close|must)|interviews?\s+(?:will\s+be\s+held|are\s+on|date)|we\s+are\s+(?:looking\s+for|recruiting|hiring)|join\s+our\s+(?:[\p{L}-]+\s+){0,2}team|job\s+overview|working\s+pattern\s*:?$|salary\s*:)/imu;

/** The type of a document and, in plain words, why it was taken for that type. */
export interface DocTypeVerdict {
  readonly type: DocType;
  /** Why: “its title says “Job description””, “it opens by inviting you to an interview”… */
  readonly reason: string;
}

/**
 * The type of `doc`: an interview invitation when it opens by inviting you to one; a job
 * description or person specification when its title says so, or a heading near the top does and
 * nothing in it asks people to apply (an advert often has a person specification section, and is
 * still an advert); a person specification when it is a table of essential and desirable criteria
 * with no pay or closing date; otherwise an advert.
 */
export function detectDocType(doc: DocModel): DocTypeVerdict {
  const headings = doc.blocks.filter((block) => block.kind === 'heading').map((block) => block.text);
  const opening = doc.blocks
    .slice(0, 12)
    .map((block) => block.text)
    .join(' ')
    .split(/\s+/)
    .slice(0, 80)
    .join(' ');
  if (INVITATION.test(opening)) return { type: 'interview-invitation', reason: 'it opens by inviting you to an interview' };
  const title = (doc.meta.title ?? '').trim() || (headings[0] ?? doc.blocks.find((block) => block.text.trim() !== '')?.text ?? '').trim();
  const quoted = (text: string): string => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
  if (JOB_DESCRIPTION.test(title)) return { type: 'job-description', reason: `its title is ${quoted(title)}` };
  if (PERSON_SPECIFICATION.test(title)) return { type: 'person-specification', reason: `its title is ${quoted(title)}` };
  const signal = firstMatch(doc, [ADVERT_SIGNAL])?.match[0].trim() ?? null;
  const asksToApply = signal !== null;
  if (!asksToApply) {
    const near = [...headings.slice(0, 3), opening.slice(0, 200)];
    const jd = near.find((text) => JOB_DESCRIPTION.test(text));
    if (jd !== undefined) return { type: 'job-description', reason: `it starts with ${quoted(jd.trim())} and does not ask people to apply` };
    const ps = near.find((text) => PERSON_SPECIFICATION.test(text));
    if (ps !== undefined) return { type: 'person-specification', reason: `it starts with ${quoted(ps.trim())} and does not ask people to apply` };
    const cells = doc.blocks.filter((block) => block.cell !== null).map((block) => block.text.trim().toLowerCase());
    if (cells.includes('essential') && cells.includes('desirable') && !doc.blocks.some((block) => /£\s?\d/u.test(block.text))) {
      return { type: 'person-specification', reason: 'it is a table of essential and desirable criteria, with no pay or closing date' };
    }
  }
  return { type: 'advert', reason: signal !== null ? `it says ${quoted(signal)}, as adverts do` : 'it is not an interview invitation, job description or person specification' };
}
