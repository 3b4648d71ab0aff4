/**
 * `required-content/pay-band-unexplained`: an NHS pay band (“Band 5”, “AfC”, “Agenda for
 * Change”) with no amount in pounds in the same section.
 */
import type { Block } from '../document/model.js';
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const BAND = /(?<![\p{L}\p{N}])(?:(?:AfC|Agenda\s+for\s+Change)\s+)?Band\s+\d(?:[a-d]|\+)?(?![\p{L}\p{N}])|(?<![\p{L}])(?:AfC|Agenda\s+for\s+Change)(?![\p{L}])/u;
const POUNDS = /£\s?\d/u;
/** A band that names other staff (“Band 5 rotational physiotherapists”), not this job's pay. */
const OTHER_STAFF = /^\s+(?:(?:and|or|to)\s+\d\s+)?(?:[\p{L}-]+\s+){0,2}(?:nurses|staff|colleagues|physiotherapists|therapists|practitioners|workers|assistants|members|roles|posts|teams?|doctors|midwives|clinicians|professionals|students|trainees|apprentices)\b/iu;
/** One other person by their band: “under the supervision of a Band 6 physiotherapist”, “report to the Band 7 manager”. */
const SOMEONE_ELSE_BEFORE = /\b(?:by|of|to|from|with|alongside|under|supervise|supervises|support|supports|supporting|shadow|shadowing)\s+(?:an?|the|our|your)\s+$/iu;
const ONE_PERSON = /^\s+(?:[\p{L}-]+\s+){0,2}(?:nurse|physiotherapist|therapist|practitioner|worker|assistant|manager|lead|leader|sister|charge\s+nurse|colleague|doctor|midwife|clinician|pharmacist|technician|supervisor|mentor)\b/iu;
const PROGRESSION = /\b(?:to|towards|into|onto|reach|reaching)\s+(?:an?\s+|a\s+higher\s+)?(?:NHS\s+)?$/iu;

const rule: Rule = {
  meta: {
    id: 'required-content/pay-band-unexplained',
    category: 'required-content',
    severity: 'warning',
    pillar: 'inform',
    groups: ['migrants'],
    description: 'An NHS pay band (“Band 5”, “AfC”) with no amount in pounds nearby.',
    note: 'People outside the NHS — and people who trained abroad — do not know what “Band 3” pays. The band means nothing without the money.',
    seed: SEEDS.clearInformation,
    fix: 'Put the money next to the band: “NHS Band 4 (£26,530 to £29,114 a year)”.',
    sources: ['GOV.UK style guide, “Technical terms”'],
    messages: { band: '“{actual}” does not say what the job pays: put the amount in pounds next to it, for example “Band 4 (£26,530 to £29,114 a year)”.' },
    examples: { flagged: ['This is a Band 5 job.'], passes: ['This is a Band 5 job (£29,970 to £36,483 a year).'] },
    fixable: false,
    origin: 'src/rules/pay-band-unexplained.ts',
    // A person specification does not say what a job pays; the advert and job description do.
    appliesTo: { advert: 'warning', 'job-description': 'warning', 'interview-invitation': 'warning' },
  },
  check(context) {
    const { blocks } = context.doc;
    // The sections (heading paths) with pay in pounds, and whether the document has any: worked
    // out once, not for each band. A section is known by its headings' numbers, not their text.
    const headings = new Map<string, number>();
    const sectionOf = (block: Block): string => block.section.map((heading) => headings.get(heading) ?? headings.set(heading, headings.size).size - 1).join(' ');
    let paid: Set<string> | null = null;
    const sectionsWithPay = (): Set<string> => {
      if (!paid) {
        paid = new Set();
        for (const other of blocks) if (POUNDS.test(other.text)) paid.add(sectionOf(other));
      }
      return paid;
    };
    for (const block of blocks) {
      const match = BAND.exec(block.text);
      if (!match) continue;
      // The same section: the blocks under the same heading path.
      if (sectionsWithPay().has(sectionOf(block))) continue;
      // A band in a heading or title (“Healthcare Assistant (Band 3)”), or a band people can move
      // up to (“clear routes to Band 6”), is explained by the pay given elsewhere.
      const elsewhere = sectionsWithPay().size > 0;
      const progression = PROGRESSION.test(block.text.slice(0, match.index));
      const after = block.text.slice(match.index + match[0].length);
      if (OTHER_STAFF.test(after)) continue;
      if (SOMEONE_ELSE_BEFORE.test(block.text.slice(0, match.index)) && ONE_PERSON.test(after)) continue;
      if (elsewhere && (block.kind === 'heading' || progression)) continue;
      context.report({ block, start: match.index, end: match.index + match[0].length, messageId: 'band' });
    }
  },
};

export default rule;
