/**
 * Rule names, read the same way everywhere — `recruit-check explain`, a config's `rules`, and
 * suppression comments in a document: the full id (`inclusive-language/driving-licence`), or the
 * name after the slash when only one rule has it (`driving-licence`). A name that is neither gets
 * the nearest ids as a “did you mean” (`driving-license`, `acronym-not-expaned`).
 */
import { distance } from 'fastest-levenshtein';

/** What a rule name stands for. */
export type RuleName =
  | { readonly kind: 'rule'; readonly id: string }
  | { readonly kind: 'ambiguous'; readonly ids: readonly string[] }
  | { readonly kind: 'unknown'; readonly similar: readonly string[] };

/** The rule a name stands for, among `ids`. */
export function resolveRuleName(name: string, ids: readonly string[]): RuleName {
  if (ids.includes(name)) return { kind: 'rule', id: name };
  if (!name.includes('/')) {
    const byName = ids.filter((id) => id.slice(id.indexOf('/') + 1) === name);
    if (byName.length === 1 && byName[0] !== undefined) return { kind: 'rule', id: byName[0] };
    if (byName.length > 1) return { kind: 'ambiguous', ids: byName };
  }
  return { kind: 'unknown', similar: similarRuleIds(name, ids) };
}

/**
 * Up to 3 rule ids close to `wanted`: by a few letters' difference (“licence” for “license”, a
 * letter left out), in the full id or the name after the slash, or containing it.
 */
export function similarRuleIds(wanted: string, ids: readonly string[]): string[] {
  const name = wanted.toLowerCase();
  const short = name.slice(name.indexOf('/') + 1);
  const allowed = Math.max(2, Math.floor(short.length / 4));
  return ids
    .map((id) => {
      const idShort = id.slice(id.indexOf('/') + 1);
      const score = Math.min(distance(name, id), distance(short, idShort));
      const contains = short.length >= 4 && (idShort.includes(short) || short.includes(idShort));
      return { id, score: contains ? Math.min(score, allowed) : score };
    })
    .filter(({ score }) => score <= allowed)
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map(({ id }) => id);
}

/** The `candidates` a few letters away from `word` (a third of their length at most, rounded up). */
export function nearWords(word: string, candidates: readonly string[]): string[] {
  return candidates.filter((candidate) => distance(word, candidate) <= Math.max(1, Math.ceil(candidate.length / 3)));
}

/** “did you mean a or b?”, or how to list the rules. */
export function didYouMean(similar: readonly string[]): string {
  return similar.length > 0 ? `did you mean ${similar.join(' or ')}?` : 'run `recruit-check rules` to list them';
}
