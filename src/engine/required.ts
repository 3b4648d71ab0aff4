/**
 * Required-content rules (`type: required` in a pack): what each kind of document must tell
 * people — the pay, the hours, how to apply, the adjustments on offer. A topic is there when the
 * document's text matches one of its patterns; when it is missing, it is reported once, with the
 * wording to add, at a vague mention (“competitive salary”) if there is one, else for the whole
 * document. Nothing is reported for a document with no text (a scan).
 */
import type { Block, DocModel } from '../document/model.js';
import type { RequiredRuleDefinition } from './packs.js';
import type { Rule, RuleContext } from './rule.js';

const documentTexts = new WeakMap<DocModel, string>();

/** All the text of a document, one block a line (computed once per document). */
export function documentText(doc: DocModel): string {
  let text = documentTexts.get(doc);
  if (text === undefined) {
    text = doc.blocks.map((block) => block.text).join('\n');
    documentTexts.set(doc, text);
  }
  return text;
}

/** True when there is no text to judge (a scan, or an empty document). */
export function hasNoText(doc: DocModel): boolean {
  return doc.meta.textLayer === false || !/\p{L}{2,}/u.test(documentText(doc));
}

function firstVague(doc: DocModel, patterns: readonly RegExp[]): { block: Block; start: number; end: number } | null {
  for (const block of doc.blocks) {
    for (const pattern of patterns) {
      const match = pattern.exec(block.text);
      if (match) return { block, start: match.index, end: match.index + match[0].length };
    }
  }
  return null;
}

/** Compile a required-content rule. */
export function compileRequiredRule(definition: RequiredRuleDefinition): Rule {
  return {
    meta: { ...definition.meta, appliesTo: definition.appliesTo },
    check(context: RuleContext): void {
      // The engine runs it only for the document types in `appliesTo`.
      const severity = definition.appliesTo[context.docType] ?? definition.meta.severity;
      const { doc } = context;
      if (hasNoText(doc)) return;
      const text = documentText(doc);
      if (definition.onlyIf.length > 0 && !definition.onlyIf.some((pattern) => pattern.test(text))) return;
      const present =
        (definition.present.length === 0 || definition.present.some((pattern) => pattern.test(text))) &&
        definition.presentAll.every((pattern) => pattern.test(text));
      context.recordTopic({ ruleId: definition.meta.id, topic: definition.topic, pillar: definition.meta.pillar, groups: definition.meta.groups, present });
      if (present) return;
      const vague = definition.vagueMessage ? firstVague(doc, definition.vague) : null;
      if (vague) {
        context.report({ ...vague, messageId: 'vague', severity, suggestions: definition.suggest });
      } else {
        context.report({ messageId: 'missing', severity, suggestions: definition.suggest });
      }
    },
  };
}
