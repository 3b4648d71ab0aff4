/**
 * Inline suppressions: comments in a Markdown or HTML document that turn rules off for a line or
 * a stretch of it, with a reason, the way a reviewer records a decision:
 *
 *   <!-- recruit-check-disable-next-line plain-language/acronym-not-expanded -- MDT is in the glossary -->
 *   <!-- recruit-check-disable-line rule-id -- reason -->          (at the end of a line)
 *   <!-- recruit-check-disable rule-id, other-id -- reason -->     (until an enable, or the end)
 *   <!-- recruit-check-enable rule-id -->
 *
 * With no rule ids, every rule. `pack/*` names every rule of a pack. The reason follows ` -- `.
 * Directives are read by the loaders from the document's own comments (never from code blocks)
 * and resolved here into the lines they cover.
 */

/** What a directive comment says. */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

/** A directive comment as written. */
export interface DirectiveComment {
  readonly kind: DirectiveKind;
  /** Rule ids (or `pack/*`); empty for every rule. */
  readonly rules: readonly string[];
  readonly reason: string | null;
  /** Lines of the comment (1-based). */
  readonly line: number;
  readonly endLine: number;
}

/** A suppression: which rules, over which lines, and why. */
export interface Suppression {
  readonly rules: readonly string[];
  readonly reason: string | null;
  /** First and last line covered (inclusive); `to` is Infinity for a disable never enabled again. */
  readonly from: number;
  readonly to: number;
  /** Where the comment is, for the report. */
  readonly line: number;
  /** True when it also covers findings about the whole document (a disable never enabled again). */
  readonly wholeDocument: boolean;
}

const DIRECTIVE = /^\s*recruit-check-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/** Read one comment's text (between `<!--` and `-->`); null when it is not a directive. */
export function parseDirective(text: string, line: number, endLine: number): DirectiveComment | null {
  const match = DIRECTIVE.exec(text);
  if (!match) return null;
  const rest = match[2] ?? '';
  const split = rest.search(/\s--(?:\s|$)/);
  const list = split >= 0 ? rest.slice(0, split) : rest;
  const reason = split >= 0 ? rest.slice(split).replace(/^\s--/, '').replace(/\s+/g, ' ').trim() : '';
  return {
    kind: match[1] as DirectiveKind,
    rules: list.split(/[\s,]+/).filter((id) => id !== ''),
    reason: reason === '' ? null : reason,
    line,
    endLine,
  };
}

/** Every directive in a piece of source (an HTML block or inline HTML) starting at `line`. */
export function directivesIn(source: string, line: number): DirectiveComment[] {
  const found: DirectiveComment[] = [];
  const comment = /<!--([\s\S]*?)-->/g;
  for (let match = comment.exec(source); match; match = comment.exec(source)) {
    const before = countLines(source, 0, match.index);
    const within = countLines(source, match.index, match.index + match[0].length);
    const directive = parseDirective(match[1] ?? '', line + before, line + before + within);
    if (directive) found.push(directive);
  }
  return found;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let index = from; index < to; index++) if (text.charCodeAt(index) === 10) lines++;
  return lines;
}

/**
 * Resolve directives, in document order, into suppressions. `nextTextLine(line)` is the first line
 * after `line` that has text (a disable-next-line covers it, skipping blank lines).
 */
export function resolveDirectives(comments: readonly DirectiveComment[], nextTextLine: (line: number) => number): Suppression[] {
  const sorted = [...comments].sort((a, b) => a.line - b.line);
  const suppressions: Suppression[] = [];
  // Open disables: each rule (or '*') with where it started and why.
  const open = new Map<string, { from: number; reason: string | null; line: number }>();
  const close = (key: string, to: number): void => {
    const started = open.get(key);
    if (!started) return;
    open.delete(key);
    suppressions.push({ rules: key === '*' ? [] : [key], reason: started.reason, from: started.from, to, line: started.line, wholeDocument: false });
  };
  for (const comment of sorted) {
    switch (comment.kind) {
      case 'disable-line':
        suppressions.push({ rules: comment.rules, reason: comment.reason, from: comment.line, to: comment.endLine, line: comment.line, wholeDocument: false });
        break;
      case 'disable-next-line': {
        const target = nextTextLine(comment.endLine);
        suppressions.push({ rules: comment.rules, reason: comment.reason, from: target, to: target, line: comment.line, wholeDocument: false });
        break;
      }
      case 'disable':
        for (const key of comment.rules.length > 0 ? comment.rules : ['*']) {
          if (!open.has(key)) open.set(key, { from: comment.endLine, reason: comment.reason, line: comment.line });
        }
        break;
      case 'enable':
        for (const key of comment.rules.length > 0 ? comment.rules : [...open.keys()]) close(key, comment.line);
        break;
    }
  }
  for (const [key, started] of open) {
    suppressions.push({ rules: key === '*' ? [] : [key], reason: started.reason, from: started.from, to: Infinity, line: started.line, wholeDocument: true });
  }
  return suppressions;
}

/** A function giving the first line after `line` with text on it, in `source` (1-based lines). */
export function nextTextLineIn(source: string): (line: number) => number {
  let lines: string[] | null = null;
  return (line) => {
    lines ??= source.split(/\r\n|\r|\n/);
    for (let index = line; index < lines.length; index++) if ((lines[index] ?? '').trim() !== '') return index + 1;
    return line + 1;
  };
}

/** True when `suppression` names the rule `ruleId` (or names none: every rule). */
export function coversRule(suppression: Suppression, ruleId: string): boolean {
  if (suppression.rules.length === 0) return true;
  // The full id, `pack/*`, or the rule's name alone (`driving-licence`), as config and `explain` take it.
  return suppression.rules.some((id) => id === ruleId || (id.endsWith('/*') && ruleId.startsWith(id.slice(0, -1))) || (!id.includes('/') && ruleId.endsWith(`/${id}`)));
}
