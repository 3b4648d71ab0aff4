/**
 * Declarative rule packs: YAML files of phrases with plain alternatives, read and validated at
 * load. A bad pack is refused with an error that names the file, line and column and says what
 * is allowed. Each pack rule compiles to one regular expression per case mode, so a block is
 * scanned once per rule however many phrases the rule has.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import {
  CATEGORIES,
  GROUPS,
  PILLARS,
  SEVERITIES,
  type Category,
  type Group,
  type Pillar,
  type Severity,
} from '../types.js';
import type { Rule, RuleContext, RuleMeta } from './rule.js';

/** A pack that cannot be used, with where the problem is. */
export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'PackError';
  }
}

/** One phrase entry of a pack rule. */
export interface PackEntry {
  /** Literal phrases: case-insensitive unless `caseSensitive`, flexible spaces, hyphens and apostrophes. */
  readonly match: readonly string[];
  /** Regular expressions (JavaScript syntax, no flags). */
  readonly pattern: readonly string[];
  readonly suggest: readonly string[];
  /** A plain explanation of the term, for messages that use `{explanation}`. */
  readonly explain: string | null;
  readonly message: string | null;
  readonly severity: Severity | null;
  /** True when the first suggestion can replace the match mechanically. */
  readonly safe: boolean;
  readonly caseSensitive: boolean | null;
  /** Skip a match when the text just before it matches this (anchored at the match). */
  readonly unlessBefore: RegExp | null;
  /** Skip a match when the text just after it matches this (anchored at the match). */
  readonly unlessAfter: RegExp | null;
  /** Skip a match when the block also matches this (e.g. an explanation in the same paragraph). */
  readonly unlessBlock: RegExp | null;
}

/** One rule of a pack, as written. */
export interface PackRuleDefinition {
  readonly meta: RuleMeta;
  readonly message: string;
  readonly caseSensitive: boolean;
  /** Skip matches that are explained in place: "DBS (criminal record check)", "check (DBS)". */
  readonly skipExplained: boolean;
  readonly entries: readonly PackEntry[];
}

const RULE_KEYS = new Set([
  'id', 'category', 'severity', 'pillar', 'groups', 'description', 'note', 'seed', 'fix',
  'sources', 'message', 'caseSensitive', 'skipExplained', 'examples', 'entries',
]);
const ENTRY_KEYS = new Set([
  'match', 'pattern', 'suggest', 'explain', 'message', 'severity', 'safe', 'caseSensitive',
  'unlessBefore', 'unlessAfter', 'unlessBlock',
]);
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

type YamlMap = { items: { key: unknown; value: unknown }[] } & YamlNode;

/** Reads one pack file, validating as it goes. */
class PackReader {
  private readonly lines = new LineCounter();

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {}

  private fail(node: unknown, reason: string): never {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    const position = this.lines.linePos(range?.[0] ?? 0);
    throw new PackError(this.file, position.line, position.col, reason);
  }

  read(): PackRuleDefinition[] {
    const document = parseDocument(this.text, { lineCounter: this.lines, uniqueKeys: true });
    const [syntax] = document.errors;
    if (syntax) {
      const position = syntax.linePos?.[0] ?? { line: 1, col: 1 };
      const reason = syntax.message.split('\n')[0] ?? 'invalid YAML';
      throw new PackError(this.file, position.line, position.col, `invalid YAML: ${reason}`);
    }
    const root = document.contents;
    if (!isMap(root)) this.fail(root, 'a pack must be a mapping with `pack` and `rules`');
    const fields = this.fields(root, new Set(['pack', 'description', 'rules']), 'the pack');
    const pack = this.string(fields, 'pack', root, true);
    if (!ID.test(pack)) this.fail(fields.get('pack'), `pack name “${pack}” must be kebab-case`);
    const rules = fields.get('rules');
    if (!isSeq(rules) || rules.items.length === 0) {
      this.fail(rules ?? root, '`rules` must be a non-empty list of rules');
    }
    return rules.items.map((item) => this.rule(item, pack));
  }

  private fields(node: YamlMap, allowed: ReadonlySet<string>, what: string): Map<string, unknown> {
    const fields = new Map<string, unknown>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.has(key)) {
        this.fail(pair.key, `unknown key “${key}” in ${what}; allowed: ${[...allowed].join(', ')}`);
      }
      fields.set(key, pair.value);
    }
    return fields;
  }

  private string(fields: Map<string, unknown>, key: string, parent: unknown, required: true): string;
  private string(
    fields: Map<string, unknown>,
    key: string,
    parent: unknown,
    required: false,
  ): string | null;
  private string(
    fields: Map<string, unknown>,
    key: string,
    parent: unknown,
    required: boolean,
  ): string | null {
    const node = fields.get(key);
    if (node === undefined || node === null) {
      if (required) this.fail(parent, `missing required key “${key}”`);
      return null;
    }
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      this.fail(node, `“${key}” must be a non-empty string`);
    }
    return node.value;
  }

  private strings(fields: Map<string, unknown>, key: string): string[] {
    const node = fields.get(key);
    if (node === undefined || node === null) return [];
    if (isScalar(node) && typeof node.value === 'string') return [node.value];
    if (!isSeq(node)) this.fail(node, `“${key}” must be a string or a list of strings`);
    return node.items.map((item) => {
      if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
        this.fail(item, `every item of “${key}” must be a non-empty string`);
      }
      return item.value;
    });
  }

  private boolean(fields: Map<string, unknown>, key: string): boolean | null {
    const node = fields.get(key);
    if (node === undefined || node === null) return null;
    if (!isScalar(node) || typeof node.value !== 'boolean') {
      this.fail(node, `“${key}” must be true or false`);
    }
    return node.value;
  }

  private oneOf<T extends string>(
    fields: Map<string, unknown>,
    key: string,
    parent: unknown,
    allowed: readonly T[],
    required: boolean,
  ): T | null {
    const value = required
      ? this.string(fields, key, parent, true)
      : this.string(fields, key, parent, false);
    if (value === null) return null;
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(fields.get(key), `“${key}” must be one of ${allowed.join(', ')} (found “${value}”)`);
    }
    return value as T;
  }

  private regex(fields: Map<string, unknown>, key: string, caseSensitive: boolean): RegExp | null {
    const source = this.string(fields, key, null, false);
    if (source === null) return null;
    const flags = caseSensitive ? 'u' : 'iu';
    try {
      if (key === 'unlessBefore') return new RegExp(`(?:${source})$`, flags);
      if (key === 'unlessAfter') return new RegExp(`^(?:${source})`, flags);
      return new RegExp(source, flags);
    } catch (error) {
      this.fail(fields.get(key), `“${key}” is not a valid regular expression: ${(error as Error).message}`);
    }
  }

  private rule(node: unknown, pack: string): PackRuleDefinition {
    if (!isMap(node)) this.fail(node, 'each rule must be a mapping');
    const fields = this.fields(node, RULE_KEYS, 'a rule');
    const name = this.string(fields, 'id', node, true);
    if (!ID.test(name)) this.fail(fields.get('id'), `rule id “${name}” must be kebab-case`);
    const id = `${pack}/${name}`;
    const groups = this.strings(fields, 'groups');
    if (groups.length === 0) this.fail(fields.get('groups') ?? node, `rule ${id}: “groups” must list at least one group`);
    for (const group of groups) {
      if (!(GROUPS as readonly string[]).includes(group)) {
        this.fail(fields.get('groups'), `rule ${id}: unknown group “${group}”; allowed: ${GROUPS.join(', ')}`);
      }
    }
    const entriesNode = fields.get('entries');
    if (!isSeq(entriesNode) || entriesNode.items.length === 0) {
      this.fail(entriesNode ?? node, `rule ${id}: “entries” must be a non-empty list`);
    }
    const caseSensitive = this.boolean(fields, 'caseSensitive') ?? false;
    const entries = entriesNode.items.map((entry) => this.entry(entry, id, caseSensitive));
    const examplesNode = fields.get('examples');
    let flagged: string[] = [];
    let passes: string[] = [];
    if (examplesNode !== undefined && examplesNode !== null) {
      if (!isMap(examplesNode)) this.fail(examplesNode, `rule ${id}: “examples” must have “flagged” and “passes” lists`);
      const examples = this.fields(examplesNode, new Set(['flagged', 'passes']), 'examples');
      flagged = this.strings(examples, 'flagged');
      passes = this.strings(examples, 'passes');
    }
    const message = this.string(fields, 'message', node, true);
    const meta: RuleMeta = {
      id,
      category: this.oneOf<Category>(fields, 'category', node, CATEGORIES, true) as Category,
      severity: this.oneOf<Severity>(fields, 'severity', node, SEVERITIES, true) as Severity,
      pillar: this.oneOf<Pillar>(fields, 'pillar', node, PILLARS, true) as Pillar,
      groups: groups as Group[],
      description: this.string(fields, 'description', node, true),
      note: this.string(fields, 'note', node, true),
      seed: this.string(fields, 'seed', node, true),
      fix: this.string(fields, 'fix', node, true),
      sources: this.strings(fields, 'sources'),
      messages: { match: message },
      examples: { flagged, passes },
      fixable: entries.some((entry) => entry.safe),
      origin: this.file,
    };
    return {
      meta,
      message,
      caseSensitive,
      skipExplained: this.boolean(fields, 'skipExplained') ?? false,
      entries,
    };
  }

  private entry(node: unknown, id: string, ruleCaseSensitive: boolean): PackEntry {
    if (!isMap(node)) this.fail(node, `rule ${id}: each entry must be a mapping with “match” or “pattern”`);
    const fields = this.fields(node, ENTRY_KEYS, `an entry of ${id}`);
    const match = this.strings(fields, 'match');
    const pattern = this.strings(fields, 'pattern');
    if (match.length === 0 && pattern.length === 0) {
      this.fail(node, `rule ${id}: an entry needs “match” (phrases) or “pattern” (regular expressions)`);
    }
    for (const [index, source] of pattern.entries()) {
      try {
        new RegExp(source, 'u');
      } catch (error) {
        const item = (fields.get('pattern') as { items?: unknown[] }).items?.[index] ?? fields.get('pattern');
        this.fail(item, `rule ${id}: pattern is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    const safe = this.boolean(fields, 'safe') ?? false;
    const suggest = this.strings(fields, 'suggest');
    if (safe && suggest.length === 0) {
      this.fail(fields.get('safe'), `rule ${id}: “safe: true” needs a “suggest” replacement`);
    }
    const caseSensitive = this.boolean(fields, 'caseSensitive') ?? (ruleCaseSensitive ? true : null);
    const sensitive = caseSensitive === true;
    return {
      match,
      pattern,
      suggest,
      explain: this.string(fields, 'explain', node, false),
      message: this.string(fields, 'message', node, false),
      severity: this.oneOf<Severity>(fields, 'severity', node, SEVERITIES, false),
      safe,
      caseSensitive,
      unlessBefore: this.regex(fields, 'unlessBefore', sensitive),
      unlessAfter: this.regex(fields, 'unlessAfter', sensitive),
      unlessBlock: this.regex(fields, 'unlessBlock', sensitive),
    };
  }
}

/** Read and validate a pack's text; `file` names it in errors. */
export function parsePack(file: string, text: string): PackRuleDefinition[] {
  return new PackReader(file, text).read();
}

/** Read, validate and compile the pack at `filePath`. */
export function loadPackFile(filePath: string, displayName = filePath): Rule[] {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read';
    throw new PackError(displayName, 1, 1, `rule pack ${reason}`);
  }
  return parsePack(displayName, text).map(compilePackRule);
}

/** The directory of the bundled packs. */
export const BUNDLED_PACKS = fileURLToPath(new URL('../../rules/', import.meta.url));

const BOUNDARY_START = '(?<![\\p{L}\\p{N}_])';
const BOUNDARY_END = '(?![\\p{L}\\p{N}_])';

/** Turn a literal phrase into a regular expression source. */
export function phraseToSource(phrase: string): string {
  let source = '';
  for (const char of phrase.trim()) {
    if (/\s/u.test(char)) {
      if (!source.endsWith('\\s+')) source += '\\s+';
    } else if (char === '-' || char === '‐' || char === '‑') {
      source += '[-‐‑\\s]?';
    } else if (char === "'" || char === '’') {
      source += "['’]";
    } else {
      source += char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    }
  }
  const startsWithWord = /^[\p{L}\p{N}_]/u.test(phrase.trim());
  const endsWithWord = /[\p{L}\p{N}_]$/u.test(phrase.trim());
  return (startsWithWord ? BOUNDARY_START : '') + source + (endsWithWord ? BOUNDARY_END : '');
}

function countGroups(source: string): number {
  return (new RegExp(`${source}|`, 'u').exec('')?.length ?? 1) - 1;
}

interface Alternative {
  readonly source: string;
  readonly entry: number;
  /** Longer phrases are tried first; patterns (weight 0) after them, in order. */
  readonly weight: number;
}

interface CompiledScanner {
  readonly regex: RegExp;
  /** Capture-group index → entry index. */
  readonly groups: ReadonlyMap<number, number>;
}

function compileScanner(alternatives: readonly Alternative[], flags: string): CompiledScanner | null {
  if (alternatives.length === 0) return null;
  // Longer alternatives first, so “hit the ground running” wins over “running” and “e.g.” over “e.g”.
  const ordered = [...alternatives].sort((a, b) => b.weight - a.weight);
  const groups = new Map<number, number>();
  let group = 1;
  const parts = ordered.map((alternative) => {
    groups.set(group, alternative.entry);
    group += 1 + countGroups(alternative.source);
    return `(${alternative.source})`;
  });
  return { regex: new RegExp(parts.join('|'), flags), groups };
}

const EXPLAINED_AFTER = /^\s*(?:\(|[–—-]\s|,?\s+(?:which|that)\s+(?:is|are|means)\b|\s*means\b|:\s)/iu;
const EXPLAINED_BEFORE = /\(\s*$/u;

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

/** Compile a pack rule into a rule the engine can run. */
export function compilePackRule(definition: PackRuleDefinition): Rule {
  const sensitive: Alternative[] = [];
  const insensitive: Alternative[] = [];
  definition.entries.forEach((entry, index) => {
    const target = (entry.caseSensitive ?? definition.caseSensitive) ? sensitive : insensitive;
    for (const phrase of entry.match) target.push({ source: phraseToSource(phrase), entry: index, weight: phrase.trim().length });
    // Patterns come after every phrase, in the order written.
    for (const pattern of entry.pattern) target.push({ source: pattern, entry: index, weight: 0 });
  });
  const scanners = [compileScanner(insensitive, 'giu'), compileScanner(sensitive, 'gu')].filter(
    (scanner): scanner is CompiledScanner => scanner !== null,
  );

  return {
    meta: {
      ...definition.meta,
      messages: {
        match: definition.message,
        ...Object.fromEntries(
          definition.entries.flatMap((entry, index) =>
            entry.message ? [[`entry-${index}`, entry.message]] : [],
          ),
        ),
      },
    },
    check(context: RuleContext): void {
      for (const block of context.doc.blocks) {
        const text = block.text;
        if (text === '') continue;
        for (const scanner of scanners) {
          scanner.regex.lastIndex = 0;
          let match: RegExpExecArray | null;
          while ((match = scanner.regex.exec(text)) !== null) {
            if (match[0] === '') {
              scanner.regex.lastIndex++;
              continue;
            }
            let entryIndex = -1;
            for (const [group, entry] of scanner.groups) {
              if (match[group] !== undefined) {
                entryIndex = entry;
                break;
              }
            }
            const entry = definition.entries[entryIndex];
            if (!entry) continue;
            const start = match.index;
            const end = start + match[0].length;
            const before = text.slice(Math.max(0, start - 60), start);
            const after = text.slice(end, end + 60);
            if (entry.unlessBefore?.test(before)) continue;
            if (entry.unlessAfter?.test(after)) continue;
            if (entry.unlessBlock?.test(text)) continue;
            if (definition.skipExplained && (EXPLAINED_AFTER.test(after) || EXPLAINED_BEFORE.test(before))) {
              continue;
            }
            const actual = match[0];
            context.report({
              block,
              start,
              end,
              messageId: entry.message ? `entry-${entryIndex}` : 'match',
              data: {
                actual,
                suggestion: entry.suggest[0] ?? '',
                suggestions: quoteList(entry.suggest),
                explanation: entry.explain ?? '',
              },
              suggestions: entry.suggest.map((suggestion) => matchCase(actual, suggestion)),
              ...(entry.severity ? { severity: entry.severity } : {}),
              ...(entry.safe ? { safeFix: true } : {}),
            });
          }
        }
      }
    },
  };
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
  if (!allCaps && replacement[0] === replacement[0]?.toLowerCase()) {
    return (replacement[0]?.toUpperCase() ?? '') + replacement.slice(1);
  }
  return replacement;
}
