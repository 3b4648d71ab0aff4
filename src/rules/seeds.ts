/**
 * The co-created solutions that rules come from, quoted from the seed documents
 * (`../shared/seeds/`: the June 2024 summary slides and the "Breaking barriers together" page),
 * with the I.D.E.A.S. pillar the slides put them under.
 */
export const SEEDS = {
  /** Slides, Inform: "No jargon, easy to read job adverts". */
  noJargon: 'Inform — “No jargon, easy to read job adverts”.',
  /** Slides, Inform (migrants): information in a clear way. */
  clearInformation:
    'Inform — “provide information in a clear way that addresses the knowledge gaps” migrants, refugees and people seeking asylum may have.',
  /** Slides, Develop: co-review documents so they are simple and accessible. */
  coReview: 'Develop — “Co-review recruitment documentation to make sure it is simple & accessible for all”.',
  /** Slides, Support: user-friendly and accessible documents. */
  accessibleDocuments: 'Support — “Ensure application platform and documents are user-friendly & accessible”.',
  /** Slides, Inform: recruitment checklists for neurodivergent people. */
  checklists:
    'Inform — “Develop ‘recruitment checklists’ for neurodivergent people, i.e. things you will need for an interview”.',
  /** Slides, Awareness: anti-racist and anti-exploitative practice. */
  antiRacistPractice: 'Awareness — “Co-develop Cultural Humility & Anti-Racist & Anti-Exploitative employment practice”.',
} as const;
