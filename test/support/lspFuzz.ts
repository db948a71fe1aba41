// A seeded fuzzer for the language server over stdio (issue 12): random edit sequences (insert,
// delete, replace, bursts; multi-byte text, surrogate pairs, CRLF), every feature at random
// positions (in range, past the end of a line or of the document), hostile params and malformed
// notifications. It asserts that every response is well-formed and in range, that the server
// stays up, and that the edited document equals a fresh one (the same text opened as a second
// document) for diagnostics, document symbols, folding, semantic tokens, code lenses and inlay hints.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';
import { syntheticPlan } from './synthetic';

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

/** Pieces of text an edit inserts: plan syntax, multi-byte and astral characters, line breaks of both kinds. */
const FRAGMENTS = [
  '(责任单位:市生态环境局、市发改委)',
  '(牵头单位:@县住建局)',
  '〔市自然资源和规划局牵头,市级相关部门按职责分工负责〕',
  '@市生态环境局',
  '@{市农合联执委会(市供销社)}',
  '@',
  '[[',
  ']]',
  '[[城镇污水处理率 ≥95%]]',
  '【【政府绿色采购比例 ≥80%】】',
  '[[化肥施用强度 ≤410千克/公顷 2023年]]',
  '城镇污水处理率达85%以上',
  '森林覆盖率不低于19%',
  '生态保护红线面积不减少、性质不改变、功能不降低',
  '\n1.加强监管。',
  '\n(三)健全制度\n',
  '\n## 四、保障措施\n',
  '\n二、主要任务\n',
  '\r\n',
  '\n',
  '\n\n',
  '😀',
  '𠀀𠀁',
  '\uD83C',
  '\uDF31',
  '、',
  '(',
  ')',
  '\t',
  '---\necoplan:\n  level: 县\n---\n',
  '<!-- ecoplan-disable-next-line -->\n',
  '| 任务 | 责任单位 |\n|---|---|\n| 治污 | 市生态环境局 |\n',
  'ｅｃｏ１２３％',
  '到2025年',
];

const TRIGGERS = ['@', '[[', '(责任单位:', '城镇人均公园绿地面积达15'];

export interface FuzzOptions {
  seed: number;
  steps: number;
  /** Stop early (still passing) after this many ms; the steps run so far are reported. */
  budgetMs?: number;
  /** Compare edited with fresh every this many steps (and at the end). */
  checkEvery?: number;
  log?: (line: string) => void;
}

export interface FuzzResult {
  seed: number;
  steps: number;
  checks: number;
  requests: number;
  hostile: number;
  failures: string[];
}

interface Pos {
  line: number;
  character: number;
}
interface Rng_ {
  start: Pos;
  end: Pos;
}

function lineLength(doc: TextDocument, line: number): number {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '').length;
}

function posProblem(doc: TextDocument, p: Pos | undefined, what: string): string | null {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${what}: not a position: ${JSON.stringify(p)}`;
  if (p.line < 0 || p.line >= doc.lineCount) return `${what}: line ${p.line} outside 0..${doc.lineCount - 1}`;
  if (p.character < 0 || p.character > lineLength(doc, p.line)) return `${what}: ${p.line}:${p.character} past the line end ${lineLength(doc, p.line)}`;
  return null;
}

function rangeProblem(doc: TextDocument, r: Rng_ | undefined, what: string): string | null {
  if (!r) return `${what}: no range`;
  const e = posProblem(doc, r.start, `${what}.start`) ?? posProblem(doc, r.end, `${what}.end`);
  if (e) return e;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `${what}: start after end ${JSON.stringify(r)}`;
  return null;
}

const before = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const within = (inner: Rng_, outer: Rng_) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** A position: mostly in the document, sometimes past a line's end, past the document's end, or at the protocol's maximum. */
function randomPosition(rng: Rng, doc: TextDocument): Pos {
  const r = rng.next();
  if (r < 0.8) {
    const line = rng.int(doc.lineCount);
    return { line, character: rng.int(lineLength(doc, line) + 1) };
  }
  if (r < 0.9) {
    const line = rng.int(doc.lineCount);
    return { line, character: lineLength(doc, line) + 1 + rng.int(30000) };
  }
  if (r < 0.97) return { line: doc.lineCount + rng.int(500), character: rng.int(200) };
  return { line: 2 ** 31 - 1, character: 2 ** 31 - 1 };
}

function orderedRange(rng: Rng, doc: TextDocument, maxChars = 200): Rng_ {
  const a = doc.offsetAt(randomPosition(rng, doc));
  const b = Math.min(doc.getText().length, a + rng.int(maxChars));
  return { start: doc.positionAt(a), end: doc.positionAt(b) };
}

/** The features whose answers for the edited document must equal those for a fresh one. */
const COMPARED = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/codeLens', 'textDocument/inlayHint'] as const;

function seedTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const samples = join(process.cwd(), 'samples');
  if (existsSync(samples)) for (const f of readdirSync(samples).sort()) if (f.endsWith('.md')) out.push({ name: f, text: readFileSync(join(samples, f), 'utf8') });
  out.push({ name: 'synthetic-12kb', text: syntheticPlan(12 * 1024) });
  // the same plan with CRLF line ends, as Windows editors save it
  out.push({ name: 'synthetic-crlf', text: syntheticPlan(6 * 1024).replace(/\n/g, '\r\n') });
  return out;
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const rng = prng(opts.seed);
  const log = opts.log ?? (() => {});
  const folder = mkdtempSync(join(tmpdir(), 'ecoplan-fuzz-'));
  const samples = join(process.cwd(), 'samples');
  if (existsSync(samples)) for (const f of readdirSync(samples)) if (f.endsWith('.md')) copyFileSync(join(samples, f), join(folder, f));
  const client = new LspClient();
  const result: FuzzResult = { seed: opts.seed, steps: 0, checks: 0, requests: 0, hostile: 0, failures: [] };
  const trail: string[] = [];
  const fail = (msg: string) => {
    result.failures.push(`seed ${opts.seed}, step ${result.steps}: ${msg}\n  last operations:\n    ${trail.slice(-12).join('\n    ')}`);
  };
  const started = performance.now();
  const texts = seedTexts();
  const seedText = rng.pick(texts);
  const uri = pathToFileURL(join(folder, 'edited.plan.md')).toString();
  let doc = TextDocument.create(uri, 'markdown', 1, seedText.text);
  /** the text of each version still awaited: published diagnostics are checked against their own version */
  const versions = new Map<number, TextDocument>([[1, doc]]);
  const published: PublishDiagnosticsParams[] = [];
  const others = new Map<string, PublishDiagnosticsParams>();
  // (this replaces LspClient's own handler: every publish is kept here)
  client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.uri === uri) published.push(p);
    else others.set(p.uri, p);
  });
  const timeout = <T>(p: Promise<T>, what: string, ms = 30000): Promise<T> =>
    Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms (server ${client.stderr ? `stderr: ${client.stderr.slice(0, 500)}` : 'silent'})`)), ms))]);

  const request = async (method: string, params: unknown): Promise<unknown> => {
    result.requests++;
    return timeout(client.request(method, params), method);
  };

  /** Wait for the diagnostics of the current version (push), checking every publish on the way. */
  let settled: PublishDiagnosticsParams | null = null;
  const settle = async (): Promise<PublishDiagnosticsParams> => {
    const want = doc.version;
    if (settled?.version === want && published.length === 0) return settled;
    const end = performance.now() + 30000;
    for (;;) {
      while (published.length > 0) {
        const p = published.shift()!;
        const v = versions.get(p.version ?? -1);
        if (!v) {
          fail(`diagnostics for version ${p.version}, which was never sent`);
          continue;
        }
        for (const [i, d] of p.diagnostics.entries()) {
          const e = rangeProblem(v, d.range, `diagnostic ${i} (${d.code}) of version ${p.version}`);
          if (e) fail(e);
          if (typeof d.message !== 'string' || d.message.length === 0) fail(`diagnostic ${i} of version ${p.version} has no message`);
        }
        if (p.version === want) {
          for (const k of [...versions.keys()]) if (k < want) versions.delete(k);
          settled = p;
          return p;
        }
      }
      if (performance.now() > end) throw new Error(`no diagnostics for version ${want} within 30 s`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  const sendEdit = (range: Rng_, text: string) => {
    // keep our mirror exactly what the server holds (applyEdits, unlike update, leaves the old version as it was)
    doc = TextDocument.create(uri, 'markdown', doc.version + 1, TextDocument.applyEdits(doc, [{ range, newText: text }]));
    versions.set(doc.version, doc);
    client.change(uri, doc.version, [{ range, text }]);
    trail.push(`edit v${doc.version} ${JSON.stringify(range)} ${JSON.stringify(text.slice(0, 40))}`);
  };

  const randomEdit = () => {
    const kind = rng.next();
    if (kind < 0.45) {
      const p = randomPosition(rng, doc);
      const at = doc.positionAt(doc.offsetAt(p));
      sendEdit({ start: at, end: at }, rng.pick(FRAGMENTS));
    } else if (kind < 0.7) {
      sendEdit(orderedRange(rng, doc, rng.chance(0.1) ? 3000 : 60), '');
    } else if (kind < 0.9) {
      sendEdit(orderedRange(rng, doc, 40), rng.pick(FRAGMENTS) + (rng.chance(0.5) ? rng.pick(FRAGMENTS) : ''));
    } else {
      // a position as the client may send it: past the line end (the server clamps, as our mirror does)
      const p = randomPosition(rng, doc);
      const clamped = doc.positionAt(doc.offsetAt(p));
      sendEdit({ start: clamped, end: clamped }, rng.pick(TRIGGERS));
    }
  };

  const checkCompletion = (r: unknown, at: Pos) => {
    const items = Array.isArray(r) ? r : (r as { items?: unknown[] } | null)?.items;
    if (!Array.isArray(items)) return fail(`completion: not a list: ${JSON.stringify(r).slice(0, 200)}`);
    if (!Array.isArray(r) && typeof (r as { isIncomplete?: unknown }).isIncomplete !== 'boolean') fail('completion: isIncomplete is not a boolean');
    if (items.length > 100) fail(`completion: ${items.length} items (the list is bounded)`);
    const line = Math.min(at.line, doc.lineCount - 1);
    for (const it of items as { label?: unknown; textEdit?: { range: Rng_ } }[]) {
      if (typeof it.label !== 'string' || it.label.length === 0) fail(`completion: item without a label`);
      if (it.textEdit) {
        const e = rangeProblem(doc, it.textEdit.range, `completion edit of ${String(it.label)}`);
        if (e) fail(e);
        else if (it.textEdit.range.start.line !== line || it.textEdit.range.end.line !== line) fail(`completion edit of ${String(it.label)} on another line than ${line}`);
      }
    }
  };

  const checkSelection = (r: unknown, positions: Pos[]) => {
    if (r === null) return;
    if (!Array.isArray(r) || r.length !== positions.length) return fail(`selectionRange: ${positions.length} positions, answer ${JSON.stringify(r).slice(0, 200)}`);
    r.forEach((sel: { range: Rng_; parent?: unknown }, i: number) => {
      const pos = doc.positionAt(doc.offsetAt(positions[i]));
      let prev: Rng_ | null = null;
      for (let s: { range: Rng_; parent?: unknown } | undefined = sel; s; s = s.parent as typeof s) {
        const e = rangeProblem(doc, s.range, `selectionRange ${i}`);
        if (e) return fail(e);
        if (!within({ start: pos, end: pos }, s.range)) return fail(`selectionRange ${i}: ${JSON.stringify(s.range)} does not contain ${pos.line}:${pos.character}`);
        if (prev && !within(prev, s.range)) return fail(`selectionRange ${i}: parent ${JSON.stringify(s.range)} does not contain ${JSON.stringify(prev)}`);
        prev = s.range;
      }
    });
  };

  const checkSymbols = (syms: unknown, what: string) => {
    if (syms === null) return;
    if (!Array.isArray(syms)) return fail(`${what}: not an array`);
    const walk = (xs: { name: string; range: Rng_; selectionRange: Rng_; children?: unknown[] }[], parent: Rng_ | null) => {
      for (const s of xs) {
        const e = rangeProblem(doc, s.range, `${what} ${s.name}`) ?? rangeProblem(doc, s.selectionRange, `${what} ${s.name} selection`);
        if (e) return fail(e);
        if (!within(s.selectionRange, s.range)) fail(`${what} ${s.name}: selection range outside its range`);
        if (parent && !within(s.range, parent)) fail(`${what} ${s.name}: outside its parent`);
        walk((s.children ?? []) as typeof xs, s.range);
      }
    };
    walk(syms as never, null);
  };

  const featureRequest = async () => {
    const pos = randomPosition(rng, doc);
    const td = { textDocument: { uri } };
    const method = rng.pick([
      'textDocument/completion',
      'textDocument/completion',
      'textDocument/hover',
      'textDocument/definition',
      'textDocument/references',
      'textDocument/prepareRename',
      'textDocument/selectionRange',
      'textDocument/codeAction',
      'textDocument/inlayHint',
      'textDocument/diagnostic',
      'workspace/symbol',
      ...COMPARED,
    ]);
    trail.push(`${method} ${pos.line}:${pos.character}`);
    if (method === 'textDocument/completion') return checkCompletion(await request(method, { ...td, position: pos }), pos);
    if (method === 'textDocument/selectionRange') {
      const positions = [pos, randomPosition(rng, doc)];
      return checkSelection(await request(method, { ...td, positions }), positions);
    }
    if (method === 'textDocument/hover' || method === 'textDocument/prepareRename') {
      const r = (await request(method, { ...td, position: pos })) as { range?: Rng_ } | null;
      if (r?.range) {
        const e = rangeProblem(doc, r.range, method);
        if (e) fail(e);
      }
      return;
    }
    if (method === 'textDocument/definition' || method === 'textDocument/references') {
      const r = await request(method, { ...td, position: pos, context: { includeDeclaration: true } });
      const locs = (r === null ? [] : Array.isArray(r) ? r : [r]) as { uri: string; range: Rng_ }[];
      for (const l of locs) {
        if (typeof l.uri !== 'string') fail(`${method}: location without uri`);
        else if (l.uri === uri) {
          const e = rangeProblem(doc, l.range, method);
          if (e) fail(e);
        }
      }
      return;
    }
    if (method === 'textDocument/codeAction') {
      const range = orderedRange(rng, doc, 50);
      const diags = (((await request('textDocument/diagnostic', td)) as { items?: { range: Rng_ }[] }).items ?? []).filter((d) => rng.chance(0.3));
      const actions = (await request(method, { ...td, range, context: { diagnostics: diags } })) as { title: string; edit?: { changes?: Record<string, { range: Rng_ }[]> } }[] | null;
      for (const a of actions ?? []) {
        if (typeof a.title !== 'string') fail('codeAction without a title');
        for (const ed of a.edit?.changes?.[uri] ?? []) {
          const e = rangeProblem(doc, ed.range, `codeAction ${a.title}`);
          if (e) fail(e);
        }
      }
      return;
    }
    if (method === 'textDocument/inlayHint') {
      const hints = (await request(method, { ...td, range: orderedRange(rng, doc, 5000) })) as { position: Pos; label: unknown }[] | null;
      for (const h of hints ?? []) {
        const e = posProblem(doc, h.position, 'inlayHint');
        if (e) fail(e);
      }
      return;
    }
    if (method === 'textDocument/diagnostic') {
      const r = (await request(method, td)) as { kind: string; items: { range: Rng_ }[] };
      if (r.kind !== 'full' || !Array.isArray(r.items)) return fail(`textDocument/diagnostic: ${JSON.stringify(r).slice(0, 200)}`);
      for (const d of r.items) {
        const e = rangeProblem(doc, d.range, 'pulled diagnostic');
        if (e) fail(e);
      }
      return;
    }
    if (method === 'workspace/symbol') {
      const r = await request(method, { query: rng.pick(['', '污水', 'sthj', '局', '𠀀']) });
      if (!Array.isArray(r)) fail('workspace/symbol: not an array');
      return;
    }
    const r = await request(method, td);
    checkCompared(method as (typeof COMPARED)[number], r);
  };

  const checkCompared = (method: (typeof COMPARED)[number], r: unknown) => {
    if (method === 'textDocument/documentSymbol') return checkSymbols(r, 'documentSymbol');
    if (method === 'textDocument/foldingRange') {
      for (const f of (r ?? []) as { startLine: number; endLine: number }[]) if (!(f.startLine <= f.endLine && f.startLine >= 0 && f.endLine < doc.lineCount)) fail(`folding ${f.startLine}-${f.endLine} outside 0..${doc.lineCount - 1}`);
      return;
    }
    if (method === 'textDocument/semanticTokens/full') {
      const data = (r as { data: number[] }).data;
      if (data.length % 5 !== 0) return fail('semantic tokens: data not in fives');
      let line = 0;
      let ch = 0;
      for (let i = 0; i < data.length; i += 5) {
        line += data[i];
        ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
        if (line >= doc.lineCount || ch + data[i + 2] > lineLength(doc, line)) return fail(`semantic token ${line}:${ch}+${data[i + 2]} outside the document`);
      }
      return;
    }
    if (method === 'textDocument/inlayHint') {
      for (const h of (r ?? []) as { position: Pos }[]) {
        const e = posProblem(doc, h.position, 'inlayHint');
        if (e) fail(e);
      }
      return;
    }
    for (const l of (r ?? []) as { range: Rng_; command?: { title: string } }[]) {
      const e = rangeProblem(doc, l.range, 'codeLens');
      if (e) fail(e);
    }
  };

  let hostileN = 0;
  const hostile = async () => {
    result.hostile++;
    hostileN++;
    const other = pathToFileURL(join(folder, `ghost-${hostileN}.plan.md`)).toString();
    const notes: [string, unknown][] = [
      ['textDocument/didOpen', { textDocument: 'file:///x.plan.md' }],
      ['textDocument/didOpen', { textDocument: { languageId: 'markdown', version: 1, text: '# x' } }],
      ['textDocument/didOpen', { textDocument: { uri: other, languageId: 'markdown', version: '1', text: '# x' } }],
      ['textDocument/didOpen', { textDocument: { uri: other, languageId: 'markdown', version: 1, text: null } }],
      ['textDocument/didChange', { textDocument: { uri, version: doc.version + 1 } }],
      ['textDocument/didChange', { textDocument: { uri, version: doc.version + 1 }, contentChanges: [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] }],
      ['textDocument/didChange', { textDocument: { uri, version: doc.version + 1 }, contentChanges: [{ text: 7 }] }],
      ['textDocument/didChange', { textDocument: { uri: other, version: 5 }, contentChanges: [{ text: 'not open' }] }],
      ['textDocument/didClose', { textDocument: { uri: 42 } }],
      ['textDocument/didClose', { textDocument: { uri: other } }],
      ['workspace/didChangeConfiguration', { settings: { ecoplan: { level: 5, include: 'x', rules: [1] } } }],
      ['workspace/didChangeWatchedFiles', { changes: 'all' }],
      ['$/cancelRequest', { id: { x: 1 } }],
      ['ecoplan/noSuchNotification', { a: 1 }],
    ];
    if (rng.chance(0.5)) {
      const [method, params] = rng.pick(notes);
      trail.push(`hostile notification ${method} ${JSON.stringify(params).slice(0, 120)}`);
      void client.connection.sendNotification(method, params);
      return;
    }
    const requests: [string, unknown][] = [
      ['textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 0 } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 1.5, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1e300 } }],
      ['textDocument/hover', { textDocument: 'x', position: { line: 0, character: 0 } }],
      ['textDocument/definition', { position: { line: 0, character: 0 } }],
      ['textDocument/references', { textDocument: { uri }, position: null }],
      ['textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 5 }],
      ['textDocument/selectionRange', { textDocument: { uri }, positions: { line: 0, character: 0 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
      ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: -3 }, end: { line: 0, character: 0 } } }],
      ['textDocument/documentSymbol', { textDocument: { uri: 12 } }],
      ['textDocument/semanticTokens/full', {}],
      ['workspace/symbol', { query: null }],
      ['workspace/executeCommand', { command: 7 }],
    ];
    const [method, params] = rng.pick(requests);
    trail.push(`hostile request ${method} ${JSON.stringify(params).slice(0, 120)}`);
    try {
      await timeout(client.request(method, params), method);
      fail(`${method} with malformed params was answered, not rejected`);
    } catch (e) {
      const code = (e as { code?: number }).code;
      if (code !== -32602) fail(`${method} with malformed params: ${code} ${(e as Error).message}`);
    }
  };

  /** The edited document against the same text opened afresh as a second document. */
  const compareWithFresh = async () => {
    result.checks++;
    const mine = await settle();
    const freshUri = pathToFileURL(join(folder, `fresh-${result.checks}.plan.md`)).toString();
    trail.push(`check: fresh copy ${freshUri.slice(-20)} of v${doc.version}`);
    client.open(freshUri, doc.getText());
    const end = performance.now() + 30000;
    while (!others.has(freshUri) && performance.now() < end) await new Promise((r) => setTimeout(r, 5));
    const fresh = others.get(freshUri);
    if (!fresh) throw new Error('no diagnostics for the fresh copy within 30 s');
    others.delete(freshUri);
    // the documents differ only in their uri (and semantic tokens in their result id)
    const norm = (x: unknown, u: string) =>
      JSON.stringify(x, (k, v) => (k === 'resultId' ? undefined : v))
        .split(JSON.stringify(u).slice(1, -1))
        .join('<uri>');
    if (norm(mine.diagnostics, uri) !== norm(fresh.diagnostics, freshUri)) fail(`diagnostics differ from a fresh analysis:\n  edited ${norm(mine.diagnostics, uri).slice(0, 600)}\n  fresh  ${norm(fresh.diagnostics, freshUri).slice(0, 600)}`);
    const whole = { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } };
    for (const method of COMPARED) {
      const params = (u: string) => (method === 'textDocument/inlayHint' ? { textDocument: { uri: u }, range: whole } : { textDocument: { uri: u } });
      const a = await request(method, params(uri));
      const b = await request(method, params(freshUri));
      checkCompared(method, a);
      if (norm(a, uri) !== norm(b, freshUri)) fail(`${method} differs from a fresh analysis:\n  edited ${norm(a, uri).slice(0, 600)}\n  fresh  ${norm(b, freshUri).slice(0, 600)}`);
    }
    void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: freshUri } });
  };

  try {
    await client.initialize(folder, { textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } } } });
    log(`fuzz seed ${opts.seed}: ${opts.steps} steps on ${seedText.name} (${seedText.text.length} characters)`);
    client.open(uri, doc.getText(), 1);
    trail.push(`open ${seedText.name}`);
    await settle();
    const checkEvery = opts.checkEvery ?? 25;
    for (let step = 0; step < opts.steps; step++) {
      result.steps = step + 1;
      const r = rng.next();
      if (r < 0.4) randomEdit();
      else if (r < 0.5) {
        const n = 2 + rng.int(9); // a burst: edits faster than the server analyses
        for (let i = 0; i < n; i++) randomEdit();
      } else if (r < 0.85) await featureRequest();
      else await hostile();
      if ((step + 1) % checkEvery === 0) await compareWithFresh();
      if (result.failures.length > 0) break;
      if (opts.budgetMs && performance.now() - started > opts.budgetMs) {
        log(`fuzz seed ${opts.seed}: time budget reached after ${step + 1} steps`);
        break;
      }
    }
    if (result.failures.length === 0) await compareWithFresh();
    // alive: the process still answers
    const alive = await request('textDocument/documentSymbol', { textDocument: { uri } });
    if (!Array.isArray(alive)) fail('the server no longer answers documentSymbol');
  } catch (e) {
    fail(`${(e as Error).message}${client.stderr ? `\n  server stderr: ${client.stderr.slice(0, 2000)}` : ''}`);
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  log(`fuzz seed ${opts.seed}: ${result.steps} steps, ${result.requests} requests, ${result.hostile} hostile messages, ${result.checks} edited=fresh checks, ${result.failures.length} failures`);
  return result;
}
