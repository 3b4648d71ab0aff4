/** Filling in the messages of findings and the capitals of their suggestions (for the engine, the packs and the rules). */

/** Fill `{name}` placeholders. */
export function fillTemplate(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

/** Join suggestions for a message: “a”, “b” or “c”. */
export function quoteList(values: readonly string[]): string {
  const quoted = values.map((value) => `“${value}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/**
 * Give a replacement the capitalisation of the text it replaces: “Utilise” → “Use”, “PER ANNUM”
 * → “A YEAR”. An acronym (“MDT”) is replaced by ordinary words, so its capitals are not copied.
 */
export function matchCase(actual: string, replacement: string): string {
  const first = actual[0] ?? '';
  const isCapital = first !== first.toLowerCase() && first === first.toUpperCase();
  if (replacement === '' || !isCapital) return replacement;
  const letters = actual.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length > 1 && letters === letters.toUpperCase();
  const isAcronym = allCaps && !/\s/.test(actual.trim()) && letters.length <= 6;
  if (allCaps && !isAcronym && replacement === replacement.toLowerCase()) return replacement.toUpperCase();
  // A phrase that starts with an acronym (“DNA rates”) is capitalised for the letters, not
  // because it starts a sentence.
  const firstWord = (actual.trim().split(/\s+/)[0] ?? '').replace(/[^\p{L}]/gu, '');
  if (!allCaps && firstWord.length > 1 && firstWord === firstWord.toUpperCase()) return replacement;
  if (!allCaps && replacement[0] === replacement[0]?.toLowerCase()) {
    return (replacement[0]?.toUpperCase() ?? '') + replacement.slice(1);
  }
  return replacement;
}
