/**
 * The shape a YAML file must have, checked node by node so that a problem is reported at its
 * line and column: “rules/data/acronyms.yml:12:5: “expansions.DBS” must be text”. Used for the
 * rules' data files (src/packs/data.ts).
 */
import { yaml, type LocatedDocument } from './located.js';

/**
 * `text` (a non-empty string), `text-or-null`, `regex` (a valid regular expression), a `list` of
 * one shape, a `map` of any keys to one shape, or `fields`: exactly these keys, each required.
 */
export type Shape =
  | 'text'
  | 'text-or-null'
  | 'regex'
  | { readonly list: Shape }
  | { readonly map: Shape }
  | { readonly fields: Readonly<Record<string, Shape>> };

/** Check the whole document against `shape`; throws a LocatedYamlError at the first problem. */
export function checkShape(document: LocatedDocument, shape: Shape): void {
  check(document, document.root, shape, '');
}

/** Check `raw` against `shape`; `at` is where to point when the value is missing (its key). */
function check(document: LocatedDocument, raw: unknown, shape: Shape, where: string, at: unknown = raw): void {
  // A key with nothing after it points at the key.
  const blank = raw === null || raw === undefined || (yaml().isScalar(raw) && raw.value === null);
  const node = blank ? at : document.resolve(raw);
  const name = where === '' ? 'the file' : `“${where}”`;
  const value = yaml().isScalar(node) ? node.value : undefined;
  if (shape === 'text' || shape === 'text-or-null' || shape === 'regex') {
    if (shape === 'text-or-null' && blank) return;
    if (blank || typeof value !== 'string' || value.trim() === '') throw document.error(node, `${name} must be text${shape === 'text-or-null' ? ' or empty' : ''}`);
    if (shape === 'regex') {
      try {
        new RegExp(value, 'iu');
      } catch (error) {
        throw document.error(node, `${name} is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    return;
  }
  if ('list' in shape) {
    if (!yaml().isSeq(node)) throw document.error(node, `${name} must be a list`);
    node.items.forEach((item, index) => check(document, item, shape.list, `${where}[${index}]`));
    return;
  }
  if (!yaml().isMap(node)) throw document.error(node, `${name} must be a mapping`);
  const keys = new Set<string>();
  for (const pair of node.items) {
    const key = yaml().isScalar(pair.key) ? String(pair.key.value) : '';
    const path = where === '' ? key : `${where}.${key}`;
    if ('fields' in shape && !(key in shape.fields)) {
      throw document.error(pair.key, `unknown key “${path}”; allowed: ${Object.keys(shape.fields).join(', ')}`);
    }
    keys.add(key);
    check(document, pair.value, 'fields' in shape ? (shape.fields[key] as Shape) : shape.map, path, pair.key);
  }
  if ('fields' in shape) {
    const missing = Object.keys(shape.fields).filter((key) => !keys.has(key));
    if (missing.length > 0) throw document.error(node, `${name} needs ${missing.map((key) => `“${key}”`).join(', ')}`);
  }
}
