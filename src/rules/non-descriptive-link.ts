/**
 * `document-structure/non-descriptive-link`: link text that does not say where the link goes
 * (“click here”, “read more”, a bare web address) and web or email addresses written out as
 * plain text instead of as links.
 */
import { overlapTest } from '../engine/ranges.js';
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const VAGUE = /^(?:click\s+here|click|here|read\s+more|more|more\s+info(?:rmation)?|find\s+out\s+more|learn\s+more|this\s+link|link|this\s+page|this|website|web\s*site|page|go|details|apply\s+here|download|view|see\s+here)[.:!…]*$/i;
const URL_TEXT = /^(?:https?:\/\/|www\.)\S+$/i;
const URL_IN_TEXT = /(?<![\p{L}\p{N}@/.])(?:https?:\/\/|www\.)[^\s<>"')]+[^\s<>"').,;:!?]/giu;
/** The web addresses written in `text`. */
function* urlsIn(text: string): Generator<{ index: number; text: string }> {
  for (const match of text.matchAll(URL_IN_TEXT)) yield { index: match.index, text: match[0] };
}

/** A character an email address may have before its “@”. */
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
/** What may not come just before an email address. */
const NOT_BEFORE_EMAIL = /[\p{L}\p{N}.@]/u;
/** The part of an email address after its “@”, from there. */
const EMAIL_DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?![\p{L}\p{N}@])/uy;

/** The code point of `text` that starts at `index`, as a string. */
function charAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index) ?? 0);
}

/** The code point of `text` that ends at `index`, as a string ('' at the start). */
function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && index >= 2 && text.charCodeAt(index - 2) >= 0xd800 && text.charCodeAt(index - 2) <= 0xdbff;
  return pair ? text.slice(index - 2, index) : text[index - 1] ?? '';
}

/**
 * The email addresses written in `text`, as
 * `text.matchAll(/(?<![\p{L}\p{N}.@])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?![\p{L}\p{N}@])/gu)`
 * finds them, in one pass: that expression tries every place of a run of letters, digits and
 * `._%+-` again, which takes time that grows with the square of a long run without an “@”.
 * Every place of a run where an address may start reaches the same “@” (the first character
 * after the run), so only the first such place of each run needs trying.
 */
export function* emailsIn(text: string): Generator<{ index: number; text: string }> {
  let index = 0;
  while (index < text.length) {
    const char = charAt(text, index);
    if (!LOCAL_CHAR.test(char) || NOT_BEFORE_EMAIL.test(charBefore(text, index))) {
      index += char.length;
      continue;
    }
    let at = index;
    while (at < text.length && LOCAL_CHAR.test(charAt(text, at))) at += charAt(text, at).length;
    if (text[at] === '@') {
      EMAIL_DOMAIN.lastIndex = at + 1;
      const domain = EMAIL_DOMAIN.exec(text);
      if (domain) {
        const end = at + 1 + domain[0].length;
        yield { index, text: text.slice(index, end) };
        index = end;
        continue;
      }
    }
    // No address starts anywhere in this run.
    index = Math.max(at, index + char.length);
  }
}

const rule: Rule = {
  meta: {
    id: 'document-structure/non-descriptive-link',
    category: 'document-structure',
    severity: 'warning',
    pillar: 'support',
    groups: ['neurodivergent', 'deaf', 'everyone'],
    description: 'Links whose text does not say where they go (“click here”, “read more”, a bare web address), and addresses written as plain text.',
    note:
      'Screen reader users often list a page’s links and pick one by its text: “click here” five times tells them nothing. Long web addresses are read out letter by letter, and an email address that is not a link cannot be tapped.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Make the link text say where it goes, for example “Read the job description (Word, 45KB)”; write email addresses in full as links.',
    sources: ['NHS service manual, “Links”', 'GOV.UK style guide, “Links” and “Email addresses”'],
    messages: {
      vague: 'The link text “{text}” does not say where it goes: describe the destination, for example “Read the job description”.',
      bareUrl: 'This link shows a web address: use words that say where it goes.',
      plainUrl: 'This web address is plain text: make it a link with words that say where it goes (and the same for the other addresses in the document).',
      plainEmail: 'This email address is plain text: make it a link so people can tap or click it (and the same for the other email addresses in the document).',
    },
    examples: {
      flagged: ['To apply, [click here](https://example.org/apply).', 'Read more at https://example.org/jobs'],
      passes: ['[Read the job description](https://example.org/jd) before you apply.'],
    },
    fixable: false,
    origin: 'src/rules/non-descriptive-link.ts',
  },
  check(context) {
    const { doc } = context;
    const plainSeen = new Set<'plainUrl' | 'plainEmail'>();
    for (const block of doc.blocks) {
      for (const link of block.links) {
        const text = block.text.slice(link.start, link.end).trim();
        if (VAGUE.test(text)) context.report({ block, start: link.start, end: link.end, messageId: 'vague', data: { text } });
        else if (URL_TEXT.test(text)) context.report({ block, start: link.start, end: link.end, messageId: 'bareUrl' });
      }
      // Plain text files cannot have links, and a PDF's links are known only by their text.
      if (doc.format === 'text' || doc.format === 'pdf') continue;
      const inLink = overlapTest(block.links);
      for (const [find, messageId] of [[urlsIn, 'plainUrl'], [emailsIn, 'plainEmail']] as const) {
        // Addresses typed as text are one habit of the document (often the job board's layout):
        // the first one of each kind says it.
        if (plainSeen.has(messageId)) continue;
        for (const match of find(block.text)) {
          const end = match.index + match.text.length;
          if (inLink(match.index, end)) continue;
          context.report({ block, start: match.index, end, messageId });
          plainSeen.add(messageId);
          break;
        }
      }
    }
  },
};

export default rule;
