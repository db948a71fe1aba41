import { LineCounter, parseDocument, type Document } from 'yaml';
import type { LocalizedText } from './model/types';

/**
 * The one way YAML written by a user or received in a file is read — front matter, config,
 * department directory, catalogue — with the same limits: a size (no settings file or directory
 * of departments comes near it; a 10 MB config took minutes to parse), and the YAML package's
 * alias count, whose exception (an alias bomb) becomes a problem at the document's first line
 * instead of a stack trace.
 */

/** Characters of YAML read at most (a province's directory of departments is ~100 KB). */
export const MAX_YAML_CHARS = 1024 * 1024;
/** Aliases expanded at most when the document becomes values (the YAML package's own default). */
const MAX_ALIASES = 100;

export interface YamlProblem {
  /** The YAML package's own words are English: they stand as they are in both languages. */
  message: LocalizedText;
  /** Offset in the text. */
  offset: number;
}

export type BoundedYaml =
  | { doc: Document; value: unknown; problem: null; lineOf: (offset: number) => number }
  | { doc: Document | null; value: null; problem: YamlProblem; lineOf: (offset: number) => number };

const asIs = (text: string): LocalizedText => ({ zh: text, en: text });

/** The YAML text as a document and its value, or its first problem (1-based lines through `lineOf`). */
export function readYaml(text: string): BoundedYaml {
  const lineCounter = new LineCounter();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  if (text.length > MAX_YAML_CHARS) {
    return { doc: null, value: null, lineOf: () => 1, problem: { offset: 0, message: { zh: `超过 ${MAX_YAML_CHARS / 1024 / 1024} MB,未读取`, en: `larger than ${MAX_YAML_CHARS / 1024 / 1024} MB, not read` } } };
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) return { doc, value: null, lineOf, problem: { offset: doc.errors[0].pos?.[0] ?? 0, message: asIs(doc.errors[0].message.split('\n')[0]) } };
  try {
    return { doc, value: doc.toJS({ maxAliasCount: MAX_ALIASES }), problem: null, lineOf };
  } catch (e) {
    // what parses but has no value: too many aliases, or an alias with no anchor (`level: *a`)
    return { doc, value: null, lineOf, problem: { offset: 0, message: asIs(String((e as Error).message ?? e).split('\n')[0]) } };
  }
}
