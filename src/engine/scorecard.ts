/**
 * The I.D.E.A.S. scorecard of a document: for each pillar (Inform, Develop, Encourage,
 * Awareness, Support), what the document already does, what it is missing, how many findings
 * fall under it, and the groups those barriers affect.
 */
import { GROUPS, PILLARS, type Finding, type Group, type Pillar, type ScorecardEntry } from '../types.js';
import type { TopicResult } from './rule.js';

/** One pillar of the scorecard. */
export type PillarScore = ScorecardEntry;

/** Plain names of the pillars. */
export const PILLAR_NAMES: Readonly<Record<Pillar, string>> = {
  inform: 'Inform',
  develop: 'Develop',
  encourage: 'Encourage',
  awareness: 'Awareness',
  support: 'Support',
};

/** Build the scorecard from a document's findings and required topics. */
export function buildScorecard(findings: readonly Finding[], topics: readonly TopicResult[]): PillarScore[] {
  return PILLARS.map((pillar) => {
    const mine = findings.filter((finding) => finding.pillar === pillar);
    const ownTopics = topics.filter((topic) => topic.pillar === pillar);
    const affected = new Set<Group>([...mine.flatMap((finding) => finding.groups), ...ownTopics.filter((topic) => !topic.present).flatMap((topic) => topic.groups)]);
    return {
      pillar,
      does: unique(ownTopics.filter((topic) => topic.present).map((topic) => topic.topic)),
      missing: unique(ownTopics.filter((topic) => !topic.present).map((topic) => topic.topic)),
      findings: mine.length,
      groups: GROUPS.filter((group) => affected.has(group)),
    };
  });
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
