/**
 * The literal text a regular expression cannot match without: a list of strings, one of which is
 * in every text it matches (null when no such list is known). “(?:any|all)\s+shifts?” gives
 * ["any", "all"] or ["shift"] (the more telling of the two). A pattern is only run on text that
 * contains one of them, so most patterns are never compiled for a document they cannot match.
 *
 * It is conservative: classes, escapes like \d, lookarounds, backreferences and anything
 * optional add nothing, so the answer can be too weak (null) but never wrong.
 */

/** What a piece of a pattern requires: any one of these strings, or nothing known. */
type Requirement = readonly string[] | null;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

/** True when `a` narrows text down more than `b`: a longer shortest string, then fewer choices. */
function tighter(a: readonly string[], b: Requirement): boolean {
  if (b === null) return true;
  const shortest = (list: readonly string[]): number => Math.min(...list.map((item) => item.length));
  return shortest(a) > shortest(b) || (shortest(a) === shortest(b) && a.length < b.length);
}

class LiteralParser {
  private index = 0;

  constructor(
    private readonly source: string,
    private readonly fold: (text: string) => string,
  ) {}

  parse(): Requirement {
    const requirement = this.alternation();
    return this.index === this.source.length ? requirement : null;
  }

  /** branch | branch | …: every branch must require something. */
  private alternation(): Requirement {
    const branches: Requirement[] = [this.sequence()];
    while (this.source[this.index] === '|') {
      this.index++;
      branches.push(this.sequence());
    }
    if (branches.some((branch) => branch === null || branch.length === 0)) return null;
    return [...new Set((branches as string[][]).flat())];
  }

  /** Atoms one after another: the tightest requirement among them (runs of literal characters join up). */
  private sequence(): Requirement {
    let best: Requirement = null;
    let run = '';
    const flush = (): void => {
      if (run !== '' && tighter([run], best)) best = [run];
      run = '';
    };
    while (this.index < this.source.length && this.source[this.index] !== '|' && this.source[this.index] !== ')') {
      const atom = this.atom();
      const min = this.quantifier();
      if (atom.kind === 'char' && min >= 1) {
        run += atom.char;
        // “s+” needs one “s” but may be followed by more, so the run of fixed text ends there.
        if (atom.repeats || min > 1) flush();
        continue;
      }
      flush();
      if (atom.kind === 'group' && min >= 1 && atom.requirement && atom.requirement.length > 0 && tighter(atom.requirement, best)) {
        best = atom.requirement;
      }
    }
    flush();
    return best;
  }

  private atom(): { kind: 'char'; char: string; repeats: boolean } | { kind: 'group'; requirement: Requirement } | { kind: 'other' } {
    const char = this.source[this.index] as string;
    if (char === '(') return this.group();
    if (char === '[') {
      this.skipClass();
      return { kind: 'other' };
    }
    if (char === '\\') return this.escape();
    // A character outside the Basic Multilingual Plane is two code units but one atom.
    const code = char.charCodeAt(0);
    const whole = code >= 0xd800 && code <= 0xdbff ? this.source.slice(this.index, this.index + 2) : char;
    this.index += whole.length;
    if (char === '.' || char === '^' || char === '$') return { kind: 'other' };
    const repeats = this.source[this.index] === '*' || this.source[this.index] === '+' || this.source[this.index] === '{';
    return { kind: 'char', char: this.fold(whole), repeats };
  }

  private group(): { kind: 'group'; requirement: Requirement } {
    this.index++;
    let lookaround = false;
    if (this.source[this.index] === '?') {
      const next = this.source[this.index + 1];
      if (next === ':') this.index += 2;
      else if (next === '=' || next === '!') {
        lookaround = true;
        this.index += 2;
      } else if (next === '<') {
        const after = this.source[this.index + 2];
        if (after === '=' || after === '!') {
          lookaround = true;
          this.index += 3;
        } else {
          // A named group: skip “?<name>”.
          const close = this.source.indexOf('>', this.index);
          this.index = close < 0 ? this.source.length : close + 1;
        }
      } else {
        // Modifiers or anything newer: know nothing about it.
        lookaround = true;
        this.index++;
      }
    }
    const requirement = this.alternation();
    if (this.source[this.index] === ')') this.index++;
    return { kind: 'group', requirement: lookaround ? null : requirement };
  }

  private skipClass(): void {
    this.index++;
    if (this.source[this.index] === ']') this.index++;
    while (this.index < this.source.length && this.source[this.index] !== ']') {
      this.index += this.source[this.index] === '\\' ? 2 : 1;
    }
    this.index++;
  }

  private escape(): { kind: 'char'; char: string; repeats: boolean } | { kind: 'other' } {
    const next = this.source[this.index + 1] ?? '';
    this.index += 2;
    let char: string | null = null;
    if (next in SIMPLE_ESCAPES && !(next === '0' && /\d/.test(this.source[this.index] ?? ''))) char = SIMPLE_ESCAPES[next] as string;
    else if (next === 'p' || next === 'P' || next === 'k') {
      // \p{…}, \P{…}, \k<name>: skip the braces or brackets.
      const close = this.source.indexOf(next === 'k' ? '>' : '}', this.index);
      this.index = close < 0 ? this.source.length : close + 1;
    } else if (next === 'u' || next === 'x') {
      const hex = next === 'u' && this.source[this.index] === '{' ? /^\{([0-9a-fA-F]+)\}/.exec(this.source.slice(this.index)) : new RegExp(`^([0-9a-fA-F]{${next === 'u' ? 4 : 2}})`).exec(this.source.slice(this.index));
      if (hex) {
        this.index += (hex[0] as string).length;
        const code = Number.parseInt(hex[1] as string, 16);
        // A surrogate half (\uD83D) is not a character of its own: know nothing.
        if (code < 0xd800 || code > 0xdfff) char = String.fromCodePoint(code);
      }
    } else if (next === 'c') this.index++;
    else if (/[^a-zA-Z0-9]/.test(next) && next !== '') char = next;
    if (char === null) return { kind: 'other' };
    const repeats = this.source[this.index] === '*' || this.source[this.index] === '+' || this.source[this.index] === '{';
    return { kind: 'char', char: this.fold(char), repeats };
  }

  /** The least number of times the atom before must occur (1 when there is no quantifier). */
  private quantifier(): number {
    const char = this.source[this.index];
    let min = 1;
    if (char === '*' || char === '?') {
      min = 0;
      this.index++;
    } else if (char === '+') this.index++;
    else if (char === '{') {
      const braces = /^\{(\d+)(,\d*)?\}/.exec(this.source.slice(this.index));
      if (braces) {
        min = Number(braces[1]);
        this.index += (braces[0] as string).length;
      }
    } else return 1;
    if (this.source[this.index] === '?') this.index++;
    return min;
  }
}

/**
 * Strings one of which every match of `source` contains (folded by `fold`, e.g. to lower case
 * for a case-insensitive pattern), or null when there is no such list.
 */
export function requiredLiterals(source: string, fold: (text: string) => string = (text) => text): string[] | null {
  try {
    const requirement = new LiteralParser(source, fold).parse();
    return requirement && requirement.length > 0 && requirement.every((item) => item !== '') ? [...requirement] : null;
  } catch {
    return null;
  }
}
