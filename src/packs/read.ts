/**
 * Declarative rule packs: YAML files of phrases with plain alternatives, read and validated at
 * load. A bad pack is refused with an error that names the file, line and column and says what
 * is allowed. A pack rule's phrases are phrase patterns (./phrase-pattern.ts: optional words,
 * choices, word forms and spellings), compiled when the pack is read and cached with it
 * (./cache.ts); ./compile.ts turns the definitions into rules. This module reads text, not files:
 * the ruleset (src/ruleset.ts) gathers the packs from disk.
 */
import type { Node as YamlNode, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { SKIP_CONTEXTS, type SkipContext } from '../engine/context.js';
import { DOC_TYPES, type DocType } from '../engine/doc-type.js';
import type { RuleMeta } from '../engine/rule.js';
import { LocatedDocument, LocatedYamlError, yaml } from '../yaml/located.js';
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
import { compilePhrase, listedForms, PhrasePatternError, type CompiledPhrase } from './phrase-pattern.js';

// The yaml package is loaded only when a pack is read from YAML (not from the build's cache).
const isMap = (node: unknown): node is YAMLMap => yaml().isMap(node);
const isSeq = (node: unknown): node is YAMLSeq => yaml().isSeq(node);
const isScalar = (node: unknown): node is Scalar => yaml().isScalar(node);

/** A pack that cannot be used, with where the problem is. */
export class PackError extends LocatedYamlError {
  constructor(file: string, line: number, column: number, reason: string) {
    super(file, line, column, reason);
    this.name = 'PackError';
  }
}

/** One phrase entry of a pack rule. */
export interface PackEntry {
  /** Phrase patterns, as written: case-insensitive unless `caseSensitive`, flexible spaces, hyphens and apostrophes. */
  readonly match: readonly string[];
  /** The same phrases, compiled (./phrase-pattern.ts). */
  readonly phrases: readonly CompiledPhrase[];
  /** Regular expressions (JavaScript syntax, no flags). */
  readonly pattern: readonly string[];
  readonly suggest: readonly string[];
  /** A plain explanation of the term, for messages that use `{explanation}`. */
  readonly explain: string | null;
  readonly message: string | null;
  /** The id tests and tools know this entry's message by (`messageId`; default `entry-N`, its position). */
  readonly messageId: string | null;
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
  /** Skip every match when the document says this anywhere (e.g. why a driving licence is needed). */
  readonly unlessDocument: RegExp | null;
  /** Contexts where this entry is left alone, instead of the rule's (`[]`: flagged everywhere). */
  readonly skipIn: readonly SkipContext[] | null;
}

/** A rule of required content, as written (`type: required`). */
export interface RequiredRuleDefinition {
  readonly kind: 'required';
  readonly meta: RuleMeta;
  /** A short name for the scorecard: “pay”, “closing date”. */
  readonly topic: string;
  /** The document types it applies to, with the severity for each. */
  readonly appliesTo: Readonly<Partial<Record<DocType, Severity>>>;
  /** The topic is there when any of these matches the document's text… */
  readonly present: readonly RegExp[];
  /** …and all of these do. */
  readonly presentAll: readonly RegExp[];
  /** Only check the topic when one of these matches (e.g. qualifications are asked for). */
  readonly onlyIf: readonly RegExp[];
  /** Phrases that mention the topic without the facts (“competitive salary”): reported there. */
  readonly vague: readonly RegExp[];
  readonly message: string;
  readonly vagueMessage: string | null;
  readonly suggest: readonly string[];
}

/** One rule of a pack, as written: phrases to flag, or content that must be there. */
export type PackRuleDefinition = PhraseRuleDefinition | RequiredRuleDefinition;

/** A rule of phrases to flag, as written (the default `type: phrases`). */
export interface PhraseRuleDefinition {
  readonly kind: 'phrases';
  readonly meta: RuleMeta;
  readonly message: string;
  readonly caseSensitive: boolean;
  /** Skip matches that are explained in place: "DBS (criminal record check)", "check (DBS)". */
  readonly skipExplained: boolean;
  /** Contexts where matches are left alone: equality statements, quotations. */
  readonly skipIn: readonly SkipContext[];
  /** Raise matches that are essential criteria to a warning (`warnIfEssential: true`). */
  readonly warnIfEssential: boolean;
  /** Report only the first match of each entry in a document (`firstOnly: true`): a habit of style, said once. */
  readonly firstOnly: boolean;
  /** Report only the first match in each sentence (`oncePerSentence: true`): one requirement, one finding. */
  readonly oncePerSentence: boolean;
  readonly entries: readonly PackEntry[];
}

const COMMON_KEYS = ['id', 'type', 'category', 'severity', 'pillar', 'groups', 'description', 'note', 'seed', 'fix', 'sources', 'message', 'examples'];
const RULE_KEYS = new Set([...COMMON_KEYS, 'caseSensitive', 'skipExplained', 'skipIn', 'warnIfEssential', 'firstOnly', 'oncePerSentence', 'entries']);
const REQUIRED_KEYS = new Set([...COMMON_KEYS, 'topic', 'appliesTo', 'present', 'presentAll', 'onlyIf', 'vague', 'vagueMessage', 'suggest']);
const ENTRY_KEYS = new Set([
  'match', 'pattern', 'suggest', 'explain', 'message', 'severity', 'safe', 'caseSensitive',
  'unlessBefore', 'unlessAfter', 'unlessBlock', 'unlessDocument', 'skipIn', 'messageId',
]);
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

type YamlMap = { items: { key: unknown; value: unknown }[] } & YamlNode;

/** Reads one pack file, validating as it goes. */
class PackReader {
  /** The parsed file: where each node is, and what a YAML alias (`*needs-driving`) stands for. */
  private document: LocatedDocument | null = null;

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {}

  private fail(node: unknown, reason: string): never {
    return this.failAt(node, 0, reason);
  }

  read(): PackRuleDefinition[] {
    const document = new LocatedDocument(this.file, this.text, (position, reason) => new PackError(this.file, position.line, position.column, `invalid YAML: ${reason}`));
    this.document = document;
    const root = document.root;
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
      // An alias stands for the value it names, and errors point at the alias.
      const value = pair.value;
      fields.set(key, this.document ? this.document.resolve(value) : value);
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

  /** An entry's `messageId`: kebab-case, and only with a `message` of its own. */
  private messageId(fields: Map<string, unknown>, node: unknown): string | null {
    const id = this.string(fields, 'messageId', node, false);
    if (id === null) return null;
    if (!ID.test(id) || id === 'match') this.fail(fields.get('messageId'), `“messageId” must be a kebab-case name other than “match” (found “${id}”)`);
    if (!fields.has('message')) this.fail(fields.get('messageId'), '“messageId” names the entry’s own “message”: give one, or leave “messageId” out');
    return id;
  }

  /** `skipIn`, checked against the known contexts; null when it is not given. */
  private skipIn(fields: Map<string, unknown>, id: string): SkipContext[] | null {
    if (!fields.has('skipIn')) return null;
    return this.strings(fields, 'skipIn').map((context) => {
      if (!(SKIP_CONTEXTS as readonly string[]).includes(context)) {
        this.fail(fields.get('skipIn'), `rule ${id}: unknown context “${context}” in “skipIn”; allowed: ${SKIP_CONTEXTS.join(', ')}`);
      }
      return context as SkipContext;
    });
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
    const typeNode = node.items.find((pair) => isScalar(pair.key) && pair.key.value === 'type')?.value;
    const type = isScalar(typeNode) ? String(typeNode.value) : 'phrases';
    if (type !== 'phrases' && type !== 'required') this.fail(typeNode, `“type” must be phrases or required (found “${type}”)`);
    const fields = this.fields(node, type === 'required' ? REQUIRED_KEYS : RULE_KEYS, type === 'required' ? 'a required-content rule' : 'a rule');
    const name = this.string(fields, 'id', node, true);
    if (!ID.test(name)) this.fail(fields.get('id'), `rule id “${name}” must be kebab-case`);
    const id = `${pack}/${name}`;
    return type === 'required' ? this.requiredRule(fields, node, id) : this.phraseRule(fields, node, id);
  }

  /** The metadata every rule has. */
  private meta(fields: Map<string, unknown>, node: unknown, id: string, messages: Record<string, string>, fixable: boolean): RuleMeta {
    const groups = this.strings(fields, 'groups');
    if (groups.length === 0) this.fail(fields.get('groups') ?? node, `rule ${id}: “groups” must list at least one group`);
    for (const group of groups) {
      if (!(GROUPS as readonly string[]).includes(group)) {
        this.fail(fields.get('groups'), `rule ${id}: unknown group “${group}”; allowed: ${GROUPS.join(', ')}`);
      }
    }
    const examplesNode = fields.get('examples');
    let flagged: string[] = [];
    let passes: string[] = [];
    if (examplesNode !== undefined && examplesNode !== null) {
      if (!isMap(examplesNode)) this.fail(examplesNode, `rule ${id}: “examples” must have “flagged” and “passes” lists`);
      const examples = this.fields(examplesNode, new Set(['flagged', 'passes']), 'examples');
      flagged = this.strings(examples, 'flagged');
      passes = this.strings(examples, 'passes');
    }
    return {
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
      messages,
      examples: { flagged, passes },
      fixable,
      origin: this.file,
    };
  }

  private phraseRule(fields: Map<string, unknown>, node: YamlMap, id: string): PhraseRuleDefinition {
    const entriesNode = fields.get('entries');
    if (!isSeq(entriesNode) || entriesNode.items.length === 0) {
      this.fail(entriesNode ?? node, `rule ${id}: “entries” must be a non-empty list`);
    }
    const caseSensitive = this.boolean(fields, 'caseSensitive') ?? false;
    const entries = entriesNode.items.map((entry) => this.entry(entry, id, caseSensitive));
    const message = this.string(fields, 'message', node, true);
    return {
      kind: 'phrases',
      meta: this.meta(fields, node, id, { match: message }, entries.some((entry) => entry.safe)),
      message,
      caseSensitive,
      skipExplained: this.boolean(fields, 'skipExplained') ?? false,
      warnIfEssential: this.boolean(fields, 'warnIfEssential') ?? false,
      firstOnly: this.boolean(fields, 'firstOnly') ?? false,
      oncePerSentence: this.boolean(fields, 'oncePerSentence') ?? false,
      skipIn: this.skipIn(fields, id) ?? [],
      entries,
    };
  }

  private regexes(fields: Map<string, unknown>, key: string, id: string): RegExp[] {
    return this.strings(fields, key).map((source, index) => {
      try {
        return new RegExp(source, 'iu');
      } catch (error) {
        const item = (fields.get(key) as { items?: unknown[] } | undefined)?.items?.[index] ?? fields.get(key);
        this.fail(item, `rule ${id}: “${key}” has an invalid regular expression: ${(error as Error).message}`);
      }
    });
  }

  private requiredRule(fields: Map<string, unknown>, node: YamlMap, id: string): RequiredRuleDefinition {
    const appliesNode = fields.get('appliesTo');
    if (!isMap(appliesNode)) this.fail(appliesNode ?? node, `rule ${id}: “appliesTo” must map document types (${DOC_TYPES.join(', ')}) to severities`);
    const appliesTo: Partial<Record<DocType, Severity>> = {};
    const applies = this.fields(appliesNode, new Set(DOC_TYPES), `“appliesTo” of ${id}`);
    for (const type of applies.keys()) appliesTo[type as DocType] = this.oneOf<Severity>(applies, type, appliesNode, SEVERITIES, true) as Severity;
    const present = this.regexes(fields, 'present', id);
    const presentAll = this.regexes(fields, 'presentAll', id);
    if (present.length === 0 && presentAll.length === 0) this.fail(node, `rule ${id}: a required-content rule needs “present” or “presentAll” patterns`);
    const message = this.string(fields, 'message', node, true);
    const vagueMessage = this.string(fields, 'vagueMessage', node, false);
    return {
      kind: 'required',
      meta: this.meta(fields, node, id, { missing: message, ...(vagueMessage ? { vague: vagueMessage } : {}) }, false),
      topic: this.string(fields, 'topic', node, true),
      appliesTo,
      present,
      presentAll,
      onlyIf: this.regexes(fields, 'onlyIf', id),
      vague: this.regexes(fields, 'vague', id),
      message,
      vagueMessage,
      suggest: this.strings(fields, 'suggest'),
    };
  }

  /**
   * Compile an entry's phrase patterns; a malformed one is refused with the line and column of
   * the problem inside it. A `safe: true` entry gets no word forms: its replacement fits only the
   * form written.
   */
  private phrases(fields: Map<string, unknown>, match: readonly string[], id: string, safe: boolean): CompiledPhrase[] {
    const node = fields.get('match');
    const items = isSeq(node) ? node.items : [node];
    // An entry that lists several forms of a word (foster, fosters, fostered) gets no others.
    const listed = listedForms(match);
    return match.map((phrase, index) => {
      try {
        return compilePhrase(phrase, { safe, forms: !safe && !listed.has(index) });
      } catch (error) {
        if (!(error instanceof PhrasePatternError)) throw error;
        const item = items[index] ?? node;
        this.failAt(item, this.offsetInScalar(item, phrase, error.index), `rule ${id}: “${phrase}” is not a valid phrase pattern: ${error.reason}`);
      }
    });
  }

  /** Where character `index` of a scalar's value is in the file, counted from the scalar's start (0 when unsure). */
  private offsetInScalar(node: unknown, value: string, index: number): number {
    if (!isScalar(node) || !node.range) return 0;
    const raw = this.text.slice(node.range[0], node.range[1]);
    if (raw.includes('\n')) return 0;
    const leading = value.length - value.trimStart().length;
    const at = index + leading;
    if (node.type === 'PLAIN') return raw.startsWith(value) ? at : 0;
    if (node.type === 'QUOTE_SINGLE') {
      let position = 1;
      for (let char = 0; char < at; char++) position += raw[position] === "'" ? 2 : 1;
      return position;
    }
    if (node.type === 'QUOTE_DOUBLE') {
      let position = 1;
      for (let char = 0; char < at; char++) {
        if (raw[position] !== '\\') position += 1;
        else {
          const kind = raw[position + 1] ?? '';
          position += kind === 'x' ? 4 : kind === 'u' ? 6 : kind === 'U' ? 10 : 2;
        }
      }
      return position;
    }
    return 0;
  }

  private failAt(node: unknown, offset: number, reason: string): never {
    const { line, column } = this.document?.position(node, offset) ?? { line: 1, column: 1 };
    throw new PackError(this.file, line, column, reason);
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
    const phrases = this.phrases(fields, match, id, safe);
    const caseSensitive = this.boolean(fields, 'caseSensitive') ?? (ruleCaseSensitive ? true : null);
    const sensitive = caseSensitive === true;
    return {
      match,
      phrases,
      pattern,
      suggest,
      explain: this.string(fields, 'explain', node, false),
      message: this.string(fields, 'message', node, false),
      messageId: this.messageId(fields, node),
      severity: this.oneOf<Severity>(fields, 'severity', node, SEVERITIES, false),
      safe,
      caseSensitive,
      unlessBefore: this.regex(fields, 'unlessBefore', sensitive),
      unlessAfter: this.regex(fields, 'unlessAfter', sensitive),
      unlessBlock: this.regex(fields, 'unlessBlock', sensitive),
      unlessDocument: this.regex(fields, 'unlessDocument', sensitive),
      skipIn: this.skipIn(fields, id),
    };
  }
}

/** Read and validate a pack's text; `file` names it in errors. */
export function parsePack(file: string, text: string): PackRuleDefinition[] {
  return new PackReader(file, text).read();
}

/** Read and validate several packs' texts, in order. */
export function parsePacks(sources: readonly { readonly name: string; readonly text: string }[]): PackRuleDefinition[] {
  return sources.flatMap(({ name, text }) => parsePack(name, text));
}

export { phraseToSource } from './phrase-pattern.js';
