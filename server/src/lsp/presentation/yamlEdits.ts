import { isMap, isScalar, isSeq, parseDocument, stringify, type Document } from 'yaml';

/**
 * Text edits to YAML files the drafter owns (the department directory, the config, a plan's front
 * matter), made through the `yaml` Document API so comments, order and the other keys stay as they
 * were. Each returns the new text, or null when the file cannot be read as the expected YAML: the
 * caller then offers nothing rather than a change that could corrupt the file.
 */

/** Write the drafter's lines back as they were: no folding of long lines, `{a: b}` not `{ a: b }`. */
const KEEP = { lineWidth: 0, flowCollectionPadding: false };

function parse(text: string): Document | null {
  const doc = parseDocument(text, { prettyErrors: false });
  return doc.errors.length > 0 ? null : doc;
}

function hasName(items: unknown[], name: string): boolean {
  return items.some((it) => (isMap(it) ? String(it.get('name')) === name : isScalar(it) && String(it.value) === name));
}

/** The directory file with `name` appended to its `departments:` list (created when the file is empty). */
export function addDepartmentToDirectory(text: string, name: string): string | null {
  if (text.trim() === '') return `departments:\n  - name: ${quoteIfNeeded(name)}\n`;
  const doc = parse(text);
  if (!doc) return null;
  if (doc.contents === null) return `${text.replace(/\s*$/, '\n')}departments:\n  - name: ${quoteIfNeeded(name)}\n`;
  if (!isMap(doc.contents)) return null;
  const list = doc.get('departments', true);
  if (list === undefined || list === null) {
    doc.set('departments', doc.createNode([{ name }]));
  } else {
    if (!isSeq(list)) return null;
    if (hasName(list.items, name)) return text;
    list.items.push(doc.createNode({ name }));
  }
  return doc.toString(KEEP);
}

function quoteIfNeeded(s: string): string {
  return stringify(s, KEEP).trimEnd();
}

/** A config file (`ecoplan.config.yaml`/`.json`) with `key: value` set, its other keys kept. */
export function setConfigKey(text: string, key: string, value: string, json: boolean): string | null {
  if (json) {
    let data: unknown;
    try {
      data = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return null;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
    return `${JSON.stringify({ ...(data as Record<string, unknown>), [key]: value }, null, 2)}\n`;
  }
  if (text.trim() === '') return `${key}: ${quoteIfNeeded(value)}\n`;
  const doc = parse(text);
  if (!doc || (doc.contents !== null && !isMap(doc.contents))) return null;
  doc.set(key, value);
  return doc.toString(KEEP);
}

export interface FrontMatterSettings {
  level?: string;
  catalogue?: string;
  /** A GB/T 2260 code, written as a number (`place: 420107`). */
  place?: number;
}

/**
 * The plan's text with `ecoplan: {level, catalogue}` written into its front matter: the keys are
 * set (or replaced) inside an existing `ecoplan:` block, the block is added to front matter that
 * lacks it, and a front matter is put at the top of a plan that has none. Only the front matter
 * changes; returns null when the front matter is not valid YAML (the drafter fixes it first).
 */
export function setPlanSettings(text: string, settings: FrontMatterSettings): string | null {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const eol = /\r\n/.test(body) ? '\r\n' : '\n';
  const fm = /^---[ \t]*\r?\n/.exec(body);
  const entries = Object.entries(settings).filter(([, v]) => v !== undefined) as [string, string | number][];
  if (!fm) {
    const block = ['---', 'ecoplan:', ...entries.map(([k, v]) => `  ${k}: ${typeof v === 'number' ? v : quoteIfNeeded(v)}`), '---', ''].join(eol);
    return bom + block + body;
  }
  // the closing fence: the first line that is `---` or `...` after the opening one
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = body.slice(fm[0].length);
  const end = close.exec(rest);
  if (!end) return null;
  const yamlText = rest.slice(0, end.index);
  const doc = parse(yamlText);
  if (!doc || (doc.contents !== null && !isMap(doc.contents))) return null;
  const eco = doc.get('ecoplan', true);
  if (eco !== undefined && eco !== null && !isMap(eco)) return null;
  if (eco === undefined || eco === null) doc.set('ecoplan', doc.createNode(Object.fromEntries(entries)));
  else for (const [k, v] of entries) eco.set(k, v);
  let out = doc.toString(KEEP);
  if (eol === '\r\n') out = out.replace(/\r?\n/g, '\r\n');
  return bom + fm[0] + out + rest.slice(end.index);
}
