/**
 * A minimal XML tree for reading Office parts: elements with attributes, children in order, and
 * text. Documents that declare a DOCTYPE (and so could declare entities) are refused before
 * parsing: Word never writes one, and entities are a way to attack programs that read XML.
 */
import { XMLParser } from 'fast-xml-parser';

/** An XML element. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

/** An element or a run of text. */
export type XmlNode = XmlElement | { readonly text: string };

/** XML that must not be read. */
export class UnsafeXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeXmlError';
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

type Raw = Record<string, unknown>;

function convert(raw: Raw[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of raw) {
    for (const key of Object.keys(item)) {
      if (key === ':@') continue;
      if (key === '#text') {
        nodes.push({ text: String(item[key]) });
        continue;
      }
      const attributes = (item[':@'] as Record<string, string> | undefined) ?? {};
      nodes.push({ name: key, attributes, children: convert((item[key] as Raw[] | undefined) ?? []) });
    }
  }
  return nodes;
}

/** Parse an XML part; throws `UnsafeXmlError` for a DOCTYPE, and `Error` for broken XML. */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new UnsafeXmlError('the XML declares a DOCTYPE or entities');
  }
  const nodes = convert(parser.parse(text) as Raw[]);
  const root = nodes.find((node): node is XmlElement => 'name' in node);
  if (!root) throw new Error('no root element');
  return root;
}

/** True for elements. */
export function isElement(node: XmlNode): node is XmlElement {
  return 'name' in node;
}

/** The first child element with this name. */
export function child(element: XmlElement | null | undefined, name: string): XmlElement | null {
  if (!element) return null;
  for (const node of element.children) if (isElement(node) && node.name === name) return node;
  return null;
}

/** Every child element with this name. */
export function childrenNamed(element: XmlElement | null | undefined, name: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((node): node is XmlElement => isElement(node) && node.name === name);
}

/** Every descendant element with this name, in document order. */
export function descendants(element: XmlElement, name: string, found: XmlElement[] = []): XmlElement[] {
  for (const node of element.children) {
    if (!isElement(node)) continue;
    if (node.name === name) found.push(node);
    descendants(node, name, found);
  }
  return found;
}

/** The text content of an element. */
export function textOf(element: XmlElement): string {
  return element.children.map((node) => (isElement(node) ? textOf(node) : node.text)).join('');
}

/** An attribute's value, or null. */
export function attr(element: XmlElement | null | undefined, name: string): string | null {
  return element?.attributes[name] ?? null;
}
