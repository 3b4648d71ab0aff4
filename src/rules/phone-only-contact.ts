/**
 * `required-content/phone-only-contact`: a document whose only way to get in touch is a phone
 * number (an error: Deaf people, and many neurodivergent people and people reading English as a
 * second language, cannot use it), or that gives no way at all (a warning).
 */
import type { Block } from '../document/model.js';
import { documentText, hasNoText } from '../engine/document-text.js';
import type { Rule, RuleMeta } from '../engine/rule.js';

// The number itself is flagged when there is one, else the words that ask for a call.
const PHONE_NUMBER = /(?<![\p{N}])(?:\+44\s?\(?0?\)?\s?\d{2,4}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\p{N}])/u;
const PHONE_WORDS = /\b(?:call|phone|ring|telephone)\s+(?:us|me|them|the\s+team)\b/iu;
const PHONE = [PHONE_NUMBER, PHONE_WORDS];
const OTHER = [
  // An email address. It is looked for only from the start of a run of the characters an address
  // may start with: a match from inside the run is also one from its start, and trying every
  // place of a long run without an “@” would take time that grows with the square of the run.
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u,
  /\b(?:e-?mail|text(?:\s+us|\s+message)?|SMS|WhatsApp|Relay\s+UK|textphone|minicom|SignVideo|video\s+(?:call|relay)|BSL\s+video|in\s+person|contact\s+form|online\s+form|live\s+chat|by\s+post|write\s+to\s+us)\b/iu,
];

/** Text about the people the job answers, not about applicants. */
const ABOUT_CALLERS = /\b(?:answer(?:ing)?|tak(?:e|ing)|handl(?:e|ing))\s+(?:\w+\s+){0,2}calls\b|\bcallers?\b|\bcalls\s+from\b/iu;

const meta: RuleMeta = {
    id: 'required-content/phone-only-contact',
    category: 'required-content',
    severity: 'error',
    pillar: 'support',
    groups: ['deaf', 'neurodivergent', 'migrants'],
    description: 'A phone number as the only way to ask questions, apply or rearrange — or no way to get in touch at all.',
    note: 'Deaf people cannot use a phone number on its own, and many neurodivergent people and people reading English as a second language find calls hard. One other way — email, text, or a BSL video relay — lets them ask what everyone else can.',
    seed: 'Support — neurodivergent people: “explore preferred method of communicating with managers”; deaf and hard of hearing individuals: “understand different needs of each individual”.',
    fix: 'Give more than one way to get in touch: email, text, or phone, and mention Relay UK or a BSL video relay service.',
    sources: ['RNID, “Making recruitment accessible – application process” (share preferred ways of communicating; BSL video applications)'],
    messages: {
      phoneOnly: 'The only way to get in touch is by phone: add an email address or a mobile number people can text, and mention Relay UK.',
      none: 'Give a named person to contact, with more than one way to reach them (email, text or phone).',
    },
    examples: { flagged: ['Call us on 020 7946 0000 to ask about the job.'], passes: ['Call us on 020 7946 0000 or email jobs@example.org.'] },
    fixable: false,
    origin: 'src/rules/phone-only-contact.ts',
    appliesTo: { advert: 'error', 'interview-invitation': 'error' },
};

const rule: Rule = {
  meta,
  check(context) {
    const { doc } = context;
    if (hasNoText(doc)) return;
    const text = documentText(doc);
    const hasPhone = PHONE.some((pattern) => pattern.test(text));
    // A duty of the job (“answer calls from Deaf people through Relay UK”) is not a way for
    // applicants to get in touch.
    const hasOther =
      doc.blocks.some((block) => !ABOUT_CALLERS.test(block.text) && OTHER.some((pattern) => pattern.test(block.text))) ||
      doc.blocks.some((block) => block.links.some((link) => /^(?:mailto:|sms:)/i.test(link.url)));
    context.recordTopic({ ruleId: meta.id, topic: 'ways to get in touch', pillar: meta.pillar, groups: meta.groups, present: hasOther });
    if (hasOther) return;
    if (hasPhone) {
      let block: Block | undefined;
      let match: RegExpExecArray | null = null;
      for (const pattern of PHONE) {
        block = doc.blocks.find((candidate) => pattern.test(candidate.text));
        match = block ? pattern.exec(block.text) : null;
        if (match) break;
      }
      const suggestions = ['Email jobs@example.org, text 07700 900123 or call 020 7946 0000. You can use Relay UK or a BSL video relay service.'];
      if (block && match) context.report({ block, start: match.index, end: match.index + match[0].length, messageId: 'phoneOnly', suggestions });
      else context.report({ messageId: 'phoneOnly', suggestions });
    } else {
      context.report({ messageId: 'none', severity: 'warning', suggestions: ['Contact Amina Yusuf, service manager: email jobs@example.org or text 07700 900123.'] });
    }
  },
};

export default rule;
