// XML access for the Word reader: fast-xml-parser in document order (preserveOrder), with small
// helpers to walk its output. Nodes are `{ tag: children[], ':@': attributes }` or `{ '#text': … }`.
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

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
});

export function parseXml(text: string): XmlNode[] {
  return parser.parse(text) as XmlNode[];
}

export function tagOf(n: XmlNode): string {
  for (const k in n) if (k !== ':@') return k;
  return '';
}

export function kids(n: XmlNode | undefined): XmlNode[] {
  if (!n) return [];
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XmlNode[]) : [];
}

export function attr(n: XmlNode | undefined, name: string): string | undefined {
  const a = n?.[':@'] as Record<string, string> | undefined;
  return a?.[name];
}

export function child(n: XmlNode | undefined, tag: string): XmlNode | undefined {
  return kids(n).find((c) => tagOf(c) === tag);
}

export function children(n: XmlNode | undefined, tag: string): XmlNode[] {
  return kids(n).filter((c) => tagOf(c) === tag);
}

/** The first descendant with the tag, depth first. */
export function find(n: XmlNode | undefined, tag: string): XmlNode | undefined {
  for (const c of kids(n)) {
    if (tagOf(c) === tag) return c;
    const d = find(c, tag);
    if (d) return d;
  }
  return undefined;
}

/** `w:val` of a child element (`<w:numFmt w:val="chineseCounting"/>`). */
export function val(n: XmlNode | undefined, tag: string): string | undefined {
  return attr(child(n, tag), 'w:val');
}

/** A toggle property (`<w:b/>`, `<w:b w:val="0"/>`): undefined when absent. */
export function toggle(n: XmlNode | undefined, tag: string): boolean | undefined {
  const c = child(n, tag);
  if (!c) return undefined;
  const v = attr(c, 'w:val');
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

export function textOf(n: XmlNode): string {
  if ('#text' in n) return String(n['#text']);
  return kids(n).map(textOf).join('');
}

/** The root element of a parsed part (skipping any text around it). */
export function root(nodes: XmlNode[]): XmlNode | undefined {
  return nodes.find((n) => !('#text' in n));
}
