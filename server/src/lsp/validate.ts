import type { LocalizedText } from '../core/model/types';

/**
 * Shape checks for every message the server handles, run before any handler sees it (see
 * `validatingStrategy` in server.ts). A client that sends `textDocument` as a string, a position
 * with a negative or fractional line, a 1e300 character or no uri at all gets an InvalidParams
 * error (requests) or a log line (notifications); nothing malformed reaches the document store
 * or a feature. Positions past the end of a line or of the document are valid (the protocol
 * clamps them) and are left to the features.
 */
export type Check = (value: unknown, path: string) => LocalizedText | null;

const UINT_MAX = 2 ** 31 - 1;

function kind(v: unknown): LocalizedText {
  if (v === undefined) return { zh: '缺失', en: 'missing' };
  if (v === null) return { zh: 'null', en: 'null' };
  if (Array.isArray(v)) return { zh: '数组', en: 'an array' };
  if (typeof v === 'string') return { zh: '字符串', en: 'a string' };
  if (typeof v === 'number') return { zh: `数值 ${String(v).slice(0, 24)}`, en: `the number ${String(v).slice(0, 24)}` };
  if (typeof v === 'boolean') return { zh: `布尔值 ${v}`, en: `the boolean ${v}` };
  return { zh: typeof v, en: typeof v };
}

const expected = (path: string, what: LocalizedText, v: unknown): LocalizedText => {
  const got = kind(v);
  return { zh: `${path || '参数'} 应为${what.zh},实为${got.zh}`, en: `${path || 'params'}: expected ${what.en}, got ${got.en}` };
};

export const any: Check = () => null;
export const str: Check = (v, p) => (typeof v === 'string' ? null : expected(p, { zh: '字符串', en: 'a string' }, v));
export const bool: Check = (v, p) => (typeof v === 'boolean' ? null : expected(p, { zh: '布尔值', en: 'a boolean' }, v));
export const uint: Check = (v, p) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= UINT_MAX ? null : expected(p, { zh: `不小于 0 的整数(最大 ${UINT_MAX})`, en: `an integer from 0 to ${UINT_MAX}` }, v));
export const int: Check = (v, p) => (Number.isInteger(v) && Math.abs(v as number) <= UINT_MAX + 1 ? null : expected(p, { zh: ' 32 位整数', en: 'a 32-bit integer' }, v));
/** A DocumentUri: a string with a scheme (`file:`, `untitled:` …). */
export const uri: Check = (v, p) => (typeof v === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(v) ? null : expected(p, { zh: '带协议的 URI 字符串', en: 'a URI string with a scheme' }, v));

export const optional =
  (c: Check): Check =>
  (v, p) =>
    v === undefined ? null : c(v, p);
export const nullable =
  (c: Check): Check =>
  (v, p) =>
    v === null ? null : c(v, p);
export const oneOf =
  (...cs: Check[]): Check =>
  (v, p) => {
    let first: LocalizedText | null = null;
    for (const c of cs) {
      const e = c(v, p);
      if (!e) return null;
      first ??= e;
    }
    return first;
  };

export function obj(fields: Record<string, Check>): Check {
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return expected(p, { zh: '对象', en: 'an object' }, v);
    for (const [k, c] of Object.entries(fields)) {
      const e = c((v as Record<string, unknown>)[k], p ? `${p}.${k}` : k);
      if (e) return e;
    }
    return null;
  };
}

export function arr(c: Check, max = 100_000): Check {
  return (v, p) => {
    if (!Array.isArray(v)) return expected(p, { zh: '数组', en: 'an array' }, v);
    if (v.length > max) return { zh: `${p} 的元素超过 ${max} 个`, en: `${p}: more than ${max} elements` };
    for (let i = 0; i < v.length; i++) {
      const e = c(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return null;
  };
}

export const position = obj({ line: uint, character: uint });
export const range = obj({ start: position, end: position });
const textDocument = obj({ uri });
const atPosition = obj({ textDocument, position });
const diagnostic = obj({ range, message: str, code: optional(oneOf(str, int)), severity: optional(uint) });

/** The params of each method the server handles; a method not listed is passed on as it is. */
export const PARAMS: Record<string, Check> = {
  initialize: obj({
    processId: optional(nullable(int)),
    rootUri: optional(nullable(uri)),
    capabilities: obj({}),
    locale: optional(str),
    workspaceFolders: optional(nullable(arr(obj({ uri, name: str }), 1000))),
  }),
  'textDocument/didOpen': obj({ textDocument: obj({ uri, languageId: str, version: int, text: str }) }),
  'textDocument/didChange': obj({
    textDocument: obj({ uri, version: int }),
    contentChanges: arr(obj({ range: optional(range), rangeLength: optional(uint), text: str })),
  }),
  'textDocument/didClose': obj({ textDocument }),
  'textDocument/didSave': obj({ textDocument, text: optional(str) }),
  'textDocument/willSave': obj({ textDocument, reason: uint }),
  'textDocument/willSaveWaitUntil': obj({ textDocument, reason: uint }),
  'workspace/didChangeConfiguration': obj({}),
  'workspace/didChangeWatchedFiles': obj({ changes: arr(obj({ uri, type: uint })) }),
  '$/cancelRequest': obj({ id: oneOf(int, str) }),
  '$/setTrace': obj({ value: str }),
  'textDocument/completion': atPosition,
  'textDocument/hover': atPosition,
  'textDocument/definition': atPosition,
  'textDocument/references': obj({ textDocument, position, context: optional(obj({ includeDeclaration: bool })) }),
  'textDocument/prepareRename': atPosition,
  'textDocument/rename': obj({ textDocument, position, newName: str }),
  'textDocument/documentSymbol': obj({ textDocument }),
  'textDocument/foldingRange': obj({ textDocument }),
  'textDocument/selectionRange': obj({ textDocument, positions: arr(position, 10_000) }),
  'textDocument/codeAction': obj({ textDocument, range, context: obj({ diagnostics: arr(diagnostic, 10_000), only: optional(arr(str)) }) }),
  'textDocument/inlayHint': obj({ textDocument, range }),
  'textDocument/codeLens': obj({ textDocument }),
  'textDocument/semanticTokens/full': obj({ textDocument }),
  'textDocument/diagnostic': obj({ textDocument, identifier: optional(str), previousResultId: optional(str) }),
  'workspace/diagnostic': obj({ previousResultIds: arr(obj({ uri, value: str })), identifier: optional(str) }),
  'workspace/symbol': obj({ query: str }),
  'workspace/executeCommand': obj({ command: str, arguments: optional(arr(any)) }),
  'ecoplan/draftDiff': obj({ uri, previous: oneOf(obj({ uri }), obj({ text: str, label: optional(str) })) }),
};

/** Requests and notifications that carry no params. */
const NO_PARAMS = new Set(['shutdown', 'exit', 'initialized']);

/** What is wrong with a message's params, or null when the method's handler may see them. */
export function paramsProblem(method: string, params: unknown): LocalizedText | null {
  if (NO_PARAMS.has(method)) return params === undefined || params === null || (typeof params === 'object' && !Array.isArray(params)) ? null : expected('', { zh: '空或对象', en: 'nothing or an object' }, params);
  const check = PARAMS[method];
  return check ? check(params, '') : null;
}
