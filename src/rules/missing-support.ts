/**
 * `required-content/missing-support`: one finding for the support a document does not offer.
 *
 * Adverts that leave out the offer of adjustments usually leave out BSL and communication support,
 * Access to Work, other formats, an informal chat and carers' support too: six findings that say
 * “add a sentence” for one gap, on almost every advert, soon go unread. This rule checks nothing
 * itself; the engine puts the document-level findings of the rules it `combines` into one, which
 * lists what is missing and gives one paragraph covering exactly those parts, a sentence each.
 *
 * Each topic keeps its own rule id: turning one off, or a comment suppressing it, takes it out of
 * the paragraph. Turning this rule off reports the topics one by one again.
 */
import type { Rule } from '../engine/rule.js';

const rule: Rule = {
  meta: {
    id: 'required-content/missing-support',
    category: 'required-content',
    severity: 'error',
    pillar: 'support',
    groups: ['everyone', 'deaf', 'neurodivergent', 'carers', 'migrants'],
    description:
      'The support a document does not offer — adjustments, BSL and communication support, Access to Work, other formats, an informal chat, carers’ support — as one finding with one paragraph to add.',
    note: 'Disabled, Deaf and neurodivergent people, carers and people new to UK care work often do not apply, or do not ask, unless the document tells them what support they can have. One short paragraph that names each kind of support, and how to ask for it, opens the process to all of them.',
    seed: 'Support — “understand different needs of each individual”, “provide adequate BSL interpretation for all stages of recruitment & on-boarding process”, “develop lone-parent/carer policy to allow flexibility around caring hours & emergencies”; Inform — “Raise awareness of existing financial assistance”.',
    fix: 'Add one paragraph that offers each kind of support and says how to ask for it (the suggestion covers exactly what is missing).',
    sources: [
      'EHRC, “What equality law means for you as an employer” (sample wording)',
      'RNID, “Making recruitment accessible”',
      'GOV.UK, “Access to Work”',
      'Carers UK (Carer’s Leave Act 2023)',
    ],
    messages: {
      missing: 'Tell people what support they can have: this {document} says nothing about {topics}.',
    },
    examples: {
      flagged: ['You will help people. The pay is £12 an hour.'],
      passes: [
        'If you need any changes to help you apply, tell us. We will book a BSL interpreter for any stage. Access to Work can help too. You can get this advert in Easy Read. Book a chat with our manager. We offer carer’s leave.',
      ],
    },
    fixable: false,
    origin: 'src/rules/missing-support.ts',
    // One short sentence each, so that all six make a paragraph of at most 5 sentences and 100
    // words (the last two are joined when there are six), which passes the checker itself.
    combines: [
      { ruleId: 'required-content/missing-adjustments-offer', wording: 'If you need any changes to help you apply or at interview, tell us: you do not need a diagnosis.' },
      { ruleId: 'required-content/missing-bsl-communication-support', wording: 'We will book a BSL interpreter, speech-to-text reporter or note-taker for any stage.' },
      { ruleId: 'required-content/missing-access-to-work', wording: 'Access to Work can pay for support at your interview and at work.' },
      { ruleId: 'required-content/missing-alternative-formats', wording: 'You can get this advert in Easy Read, large print, audio or BSL video.' },
      { ruleId: 'required-content/missing-informal-contact', wording: 'You can book a 15-minute chat with our manager before you apply.' },
      { ruleId: 'required-content/missing-carer-support', wording: "Carers can take a week of carer's leave a year." },
    ],
  },
  check() {
    // Nothing to check: the engine combines the findings of the rules in `combines`.
  },
};

export default rule;
