/**
 * Regular expressions that open with a lookbehind — “(?<=\b(?:of|with)\s+)UK”, “(?<!not\s+)\btravel” —
 * are tried by the engine at every place of the text, and at every place the lookbehind looks back
 * first: inside a long run of spaces it looks back over the whole run each time, which takes time
 * that grows with the square of the run. Putting a lookahead for the rest of the expression in
 * front (“(?=UK)(?<=…)UK”) changes nothing that matches — the rest must match there anyway — but
 * the lookbehind is then tried only where the rest can match, which a literal word makes rare.
 */

/** The index just after the group that opens at `source[start]` (a “(”), or -1. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let index = start; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return index + 1;
  }
  return -1;
}

/** `source` with its groups made non-capturing (for a copy inside a lookahead), or null when it has a backreference. */
function withoutCaptures(source: string): string | null {
  let out = '';
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index] as string;
    if (char === '\\') {
      const next = source[index + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return null;
      out += char + next;
      index++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') inClass = true;
    if (char === '(' && source[index + 1] !== '?') {
      out += '(?:';
      continue;
    }
    if (char === '(' && source.startsWith('?<', index + 1) && source[index + 3] !== '=' && source[index + 3] !== '!') {
      // A named group: “(?<name>”.
      const close = source.indexOf('>', index);
      if (close < 0) return null;
      out += '(?:';
      index = close;
      continue;
    }
    out += char;
  }
  return out;
}

/** True when `source` repeats something (“*”, “+”, “?” or “{”) outside a class. */
function hasQuantifier(source: string): boolean {
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index] as string;
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if ('*+?{'.includes(char) && source[index - 1] !== '(') return true;
  }
  return false;
}

/** True when `source` has a “|” outside any group or character class. */
export function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * `source` with a lookahead for what follows its opening lookbehinds put in front of them; the
 * same matches. Unchanged when it does not open with a lookbehind, when nothing follows them,
 * when it has a “|” at the top level, or a backreference.
 */
export function guardLookbehinds(source: string): string {
  let rest = 0;
  let repeats = false;
  while (source.startsWith('(?<=', rest) || source.startsWith('(?<!', rest)) {
    const end = groupEnd(source, rest);
    if (end < 0) return source;
    repeats ||= hasQuantifier(source.slice(rest + 4, end - 1));
    rest = end;
  }
  // A lookbehind of fixed length (“(?<![\p{L}\p{N}])”) costs the same everywhere: leave it be.
  if (!repeats || rest === source.length || hasTopLevelAlternation(source)) return source;
  const ahead = withoutCaptures(source.slice(rest));
  return ahead === null ? source : `(?=${ahead})${source}`;
}

const guarded = new WeakMap<RegExp, RegExp>();

/** `pattern`, or the same expression guarded (see `guardLookbehinds`), with the same flags. */
export function guardRegExp(pattern: RegExp): RegExp {
  let result = guarded.get(pattern);
  if (!result) {
    const source = guardLookbehinds(pattern.source);
    result = source === pattern.source ? pattern : new RegExp(source, pattern.flags);
    guarded.set(pattern, result);
  }
  return result;
}
