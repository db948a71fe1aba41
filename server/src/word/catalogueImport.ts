// `ecoplan catalogue import`: an indicator table (the layout of the 2019 edition's published table:
// 领域 / 任务 / 序号 / 指标名称 / 单位 / 指标值 / 指标属性 [/ 适用范围]) read from a Word table or a
// spreadsheet into a user catalogue (YAML) that validates against the catalogue schema. Merged cells
// come repeated (the readers lay them out on the grid); a value per terrain, city size or level is one
// threshold each; a `*` mark is kept as a note. Rows that cannot be read are reported with their row number.
import { builtinEditions } from '../core/catalogue/builtin';
import type { CatalogueEdition } from '../core/catalogue/types';
import { CITY_SIZES, TERRAINS } from '../core/catalogue/scopes';

export interface CatalogueImportOptions {
  /** The file the table came from: every fact's source. */
  source: string;
  id: string;
  title: string;
  extendsId?: string;
  levels: ('市' | '县')[];
}

export interface CatalogueImportResult {
  catalogue: Record<string, unknown>;
  /** Rows that could not be read (1-based row of the table, header included), and why. */
  problems: { row: number; message: string }[];
  indicators: number;
}

const COLUMNS: [key: string, re: RegExp][] = [
  ['domain', /^领域$/],
  ['group', /^(任务|重点任务)$/],
  ['number', /^(序号|编号)$/],
  ['name', /^指标(名称)?$/],
  ['unit', /^(单位|计量单位)$/],
  ['value', /^(指标值|目标值|指标要求)/],
  ['attribute', /^(指标)?属性$/],
  ['scope', /^适用(范围|对象)?$/],
];

const OPS: [RegExp, string][] = [
  [/^(≥|>=|不低于|不少于)/, '>='],
  [/^(≤|<=|不高于|不超过|不大于)/, '<='],
  [/^(>|＞|高于)/, '>'],
  [/^(<|＜|低于)/, '<'],
  [/^(=|＝)/, '='],
];

function clean(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** `地级行政区`/`市` → 市, `县级行政区`/`县` → 县. */
function levelOf(s: string): '市' | '县' | null {
  if (/地级|^市$|设区的市/.test(s)) return '市';
  if (/县级|^县$|县、/.test(s)) return '县';
  return null;
}

type Threshold = Record<string, string | number>;

/** One part of a value cell (`山区≥60`, `≥95`, `100`, `开展`) as a threshold, or an error message. */
function threshold(part: string): Threshold | string {
  let rest = part.replace(/^[:：\s]+/, '');
  const t: Threshold = {};
  const qualifier = /^([\p{Script=Han}、]+?)[:：\s]*(?=[\d≥≤><=＞＜＝]|不低于|不高于|不少于|不超过|不大于|高于|低于)/u.exec(rest);
  if (qualifier) {
    const q = qualifier[1].trim();
    const level = levelOf(q);
    if (TERRAINS.includes(q)) t.terrain = q;
    else if (CITY_SIZES.includes(q)) t.citySize = q;
    else if (/超.*特大城市/.test(q)) t.citySize = '特大城市';
    else if (level) t.scope = level;
    else return `无法识别的限定词「${q}」/ unknown qualifier "${q}"`;
    rest = rest.slice(qualifier[0].length);
  }
  let op: string | null = null;
  for (const [re, o] of OPS) {
    const m = re.exec(rest);
    if (m) {
      op = o;
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }
  const num = /^(\d+(?:\.\d+)?)\s*%?$/.exec(rest);
  if (num) {
    t.op = op ?? '>=';
    t.value = Number(num[1]);
    if (!op) t.note = '表中未写比较符,按不低于读取';
    return t;
  }
  if (op) return `「${part}」的数值无法读取 / cannot read the number in "${part}"`;
  if (Object.keys(t).length === 0 && /^[\p{Script=Han}、，,（）()]+$/u.test(rest)) return { qualitative: rest };
  if (rest && /^[\p{Script=Han}、，,（）()]+$/u.test(rest)) return { ...t, qualitative: rest };
  return `「${part}」无法读取 / cannot read "${part}"`;
}

function findBase(extendsId: string | undefined): CatalogueEdition | undefined {
  return extendsId ? builtinEditions.find((e) => e.id === extendsId) : undefined;
}

/** The table's rows (merged cells repeated) as a user catalogue. */
export function catalogueFromRows(rows: string[][], opts: CatalogueImportOptions): CatalogueImportResult {
  const problems: CatalogueImportResult['problems'] = [];
  const headerAt = rows.findIndex((r) => r.some((c) => /^指标(名称)?$/.test(clean(c))) && r.some((c) => /^(指标值|目标值|指标要求)/.test(clean(c))));
  if (headerAt < 0) return { catalogue: {}, problems: [{ row: 1, message: '找不到含「指标名称」和「指标值」的表头 / no header row with 指标名称 and 指标值' }], indicators: 0 };
  const col: Record<string, number> = {};
  rows[headerAt].forEach((c, i) => {
    for (const [key, re] of COLUMNS) if (col[key] === undefined && re.test(clean(c))) col[key] = i;
  });
  const base = findBase(opts.extendsId);
  const baseByName = new Map<string, string>();
  for (const i of base?.indicators ?? []) for (const n of [i.name, ...i.aliases, ...i.former]) baseByName.set(n, i.id);
  const indicators: Record<string, unknown>[] = [];
  const ids = new Set<string>();
  const domains: { name: string; tasks: string[]; ranges: [number, number][] }[] = [];
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r];
    const get = (k: string) => (col[k] === undefined ? '' : clean(row[col[k]]));
    const rowNo = r + 1;
    let name = get('name');
    if (!name || name === clean(rows[headerAt][col.name])) continue;
    const marked = /[*＊]/.test(name) || /[*＊]/.test(get('number'));
    name = name.replace(/[*＊]/g, '').trim();
    const number = Number(/\d+/.exec(get('number'))?.[0]);
    if (!Number.isInteger(number) || number < 1) {
      problems.push({ row: rowNo, message: `「${name}」的序号无法读取 / no number for "${name}"` });
      continue;
    }
    const valueText = get('value');
    const thresholds: Threshold[] = [];
    let unreadable = false;
    for (const part of valueText.split(/[;；\n]|\s(?=\S*[\d≥≤])/).map((p) => p.trim()).filter(Boolean)) {
      const t = threshold(part);
      if (typeof t === 'string') {
        problems.push({ row: rowNo, message: `${name}:${t}` });
        unreadable = true;
      } else thresholds.push(t);
    }
    if (unreadable) continue;
    const attribute = get('attribute');
    const binding = /约束/.test(attribute) ? true : /参考|预期/.test(attribute) ? false : null;
    if (binding === null) {
      problems.push({ row: rowNo, message: `${name}:指标属性「${attribute}」不是约束性或参考性 / attribute is neither 约束性 nor 参考性` });
      continue;
    }
    const scope = get('scope');
    const applies = scope ? (['市', '县'] as const).filter((l) => (l === '市' ? /地级|市/ : /县/).test(scope)) : opts.levels;
    let id = baseByName.get(name) ?? `indicator-${number}`;
    while (ids.has(id)) id = `${id}-${number}`;
    ids.add(id);
    const ops = new Set(thresholds.map((t) => t.op).filter(Boolean));
    const unit = get('unit');
    const indicator: Record<string, unknown> = {
      number,
      id,
      name,
      ...(unit ? { unit } : {}),
      ...(valueText ? { value: valueText } : {}),
      ...(thresholds.length ? { thresholds } : {}),
      ...(ops.size === 1 && (ops.has('>=') || ops.has('>')) ? { direction: 'higher' } : ops.size === 1 && (ops.has('<=') || ops.has('<')) ? { direction: 'lower' } : {}),
      binding,
      applies: applies.length ? applies : opts.levels,
      confidence: 'confirmed',
      source: `${opts.source} (表格第 ${rowNo} 行 / table row ${rowNo})`,
      ...(marked ? { note: '表中标有 *(见原表注释)' } : {}),
    };
    indicators.push(indicator);
    const domain = get('domain').replace(/[*＊]/g, '');
    const group = get('group');
    if (domain) {
      let d = domains.find((x) => x.name === domain);
      if (!d) domains.push((d = { name: domain, tasks: [], ranges: [] }));
      if (group && !d.tasks.includes(group)) (d.tasks.push(group), d.ranges.push([number, number]));
      else if (d.ranges.length) d.ranges[d.ranges.length - 1][1] = number;
      else d.ranges.push([number, number]);
    }
  }
  const catalogue: Record<string, unknown> = {
    ...(opts.extendsId ? { extends: opts.extendsId } : {}),
    edition: { id: opts.id, title: opts.title, levels: opts.levels, complete: problems.length === 0, source: opts.source },
    ...(domains.length && domains.every((d) => d.tasks.length === d.ranges.length) ? { domains } : {}),
    indicators,
  };
  return { catalogue, problems, indicators: indicators.length };
}
