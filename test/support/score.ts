import type { PlanAnalysis } from '../../server/src/core/analyse';
import { foldWidth } from '../../server/src/core/text/fold';

/** Hand-checked annotation of one plan (test/corpus-truth/*.json, test/fixtures/samples-truth/*.json). */
export interface Truth {
  file: string;
  tasks: { line: number; path: string; title: string; units: { name: string; role: 'lead' | 'support' }[]; vague: string[]; noUnit: boolean }[];
  /**
   * `op` is `>=`, `<=`, `=`, `>`, `<`, `qualitative` (a requirement phrase: 不降低, 完成上级…, 全面实施 …) or `trend`
   * (a trend phrase without a number: 逐年提升, 持续下降, 进一步降低 …). Annotations written before the reader had a
   * trend op record trend phrases as `qualitative`; a predicted `trend` matches those (see `opMatches`).
   */
  targets: { line: number; indicator: string; op: string; value: number | null; unit?: string | null; year?: number | null }[];
  /** Targets of metrics the catalogue lacks; `indicator` is the metric phrase as written, without leading scope words (全市, 本县 …). */
  localTargets?: Truth['targets'];
}

/** A predicted op against an annotated one: the same, or `trend` where an annotation older than the trend op says `qualitative`. */
export function opMatches(want: string, got: string): boolean {
  return want === got || (want === 'qualitative' && got === 'trend');
}

// scope words a metric phrase may start with; they name where, not what (全县湿地保护率 = 湿地保护率)
const SCOPE = /^(?:全市|全县|全区|全旗|全镇|全域|我市|我县|我区|我旗|本市|本县|本区|本旗)/;
/** A local metric phrase as compared: full-width ASCII folded, spaces dropped, a leading scope word removed. */
export function metricKey(phrase: string): string {
  const folded = foldWidth(phrase).replace(/\s+/g, '');
  return folded.replace(SCOPE, '');
}

// spellings of one unit; the scorer compares what a unit means, not how it is written
const UNIT_SPELLINGS: Record<string, string> = {
  微克每立方米: 'μg/m³', '微克/立方米': 'μg/m³', 'μg/m3': 'μg/m³', 'ug/m3': 'μg/m³', 'ug/m³': 'μg/m³',
  平方千米: '平方公里', 'km²': '平方公里', 'km2': '平方公里', 千米: '公里', km: '公里', '%': '%',
  '毫克/立方米': 'mg/m³', 'mg/m3': 'mg/m³',
};
/** A unit as compared: `每` read as `/`, known spellings of one unit folded together. */
export function unitKey(unit: string | null | undefined): string | null {
  if (unit === null || unit === undefined || unit === '' || unit === '-') return null;
  const u = foldWidth(unit).replace(/\s+/g, '');
  return UNIT_SPELLINGS[u] ?? UNIT_SPELLINGS[u.replace(/每/g, '/')] ?? u.replace(/每/g, '/');
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  misses: string[];
}

function score(tp: number, fp: number, fn: number, misses: string[]): Score {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), misses };
}

/** Compare an analysis with the truth: tasks by line, units by name within matched tasks, targets by line and indicator. */
export function compare(truth: Truth, a: PlanAnalysis) {
  const predicted = a.model.tasks;
  const byLine = new Map(predicted.map((t) => [t.range.start.line, t]));
  const truthLines = new Set(truth.tasks.map((t) => t.line));
  const taskMiss: string[] = [];
  let tTP = 0;
  for (const t of truth.tasks) {
    if (byLine.has(t.line)) tTP++;
    else taskMiss.push(`missed task line ${t.line} ${t.path} ${t.title}`);
  }
  const taskFP = predicted.filter((p) => !truthLines.has(p.range.start.line));
  for (const p of taskFP) taskMiss.push(`extra task line ${p.range.start.line} ${p.path} ${p.title}`);

  let uTP = 0;
  let uFP = 0;
  let uFN = 0;
  let roleOk = 0;
  let vTP = 0;
  let vFP = 0;
  let vFN = 0;
  const unitMiss: string[] = [];
  for (const t of truth.tasks) {
    const p = byLine.get(t.line);
    const got = new Map((p?.units ?? []).map((u) => [u.name, u.role]));
    const want = new Map(t.units.map((u) => [u.name, u.role]));
    for (const [name, role] of want) {
      if (got.has(name)) {
        uTP++;
        if (got.get(name) === role) roleOk++;
        else unitMiss.push(`role line ${t.line} ${name}: want ${role}, got ${got.get(name)}`);
      } else {
        uFN++;
        unitMiss.push(`missed unit line ${t.line} ${name}`);
      }
    }
    for (const name of got.keys()) {
      if (!want.has(name)) {
        uFP++;
        unitMiss.push(`extra unit line ${t.line} ${name}`);
      }
    }
    const gotV = new Set((p?.vague ?? []).map((v) => v.text));
    const wantV = new Set(t.vague);
    for (const v of wantV) gotV.has(v) ? vTP++ : (vFN++, unitMiss.push(`missed vague line ${t.line} ${v}`));
    for (const v of gotV) if (!wantV.has(v)) (vFP++, unitMiss.push(`extra vague line ${t.line} ${v}`));
  }
  for (const p of taskFP) uFP += p.units.length;

  const key = (line: number, ind: string) => `${line}|${ind}`;
  // a line may state two targets for one indicator (`…保护率不低于95%`, later `…保护率不降低`):
  // match each truth target to the closest unused prediction with its line and indicator
  type Predicted = PlanAnalysis['model']['targets'][number];
  const got = new Map<string, Predicted[]>();
  for (const t of a.model.targets) {
    const k = key(t.range.start.line, t.indicator);
    const list = got.get(k);
    if (list) list.push(t);
    else got.set(k, [t]);
  }
  const want = new Set(truth.targets.map((t) => key(t.line, t.indicator)));
  const local = new Set((truth.localTargets ?? []).map((t) => key(t.line, t.indicator)));
  let gTP = 0;
  let gFN = 0;
  let valueOk = 0;
  const targetMiss: string[] = [];
  const detailMiss: string[] = [];
  const used = new Set<Predicted>();
  const sameValue = (t: Truth['targets'][number], p: Predicted) => opMatches(t.op, p.op) && p.value === t.value;
  // unit and year are checked where the annotation gives them (older annotations may not)
  const details = (kind: string, t: Truth['targets'][number], p: Predicted) => {
    if (t.unit !== undefined && unitKey(t.unit) !== unitKey(p.unit)) detailMiss.push(`unit line ${t.line} ${kind} ${t.indicator}: want ${t.unit}, got ${p.unit}`);
    if (t.year !== undefined && (t.year ?? null) !== (p.year ?? null)) detailMiss.push(`year line ${t.line} ${kind} ${t.indicator}: want ${t.year}, got ${p.year}`);
  };
  for (const t of truth.targets) {
    const candidates = (got.get(key(t.line, t.indicator)) ?? []).filter((p) => !used.has(p));
    const p = candidates.find((c) => sameValue(t, c)) ?? candidates[0];
    if (!p) {
      gFN++;
      targetMiss.push(`missed target line ${t.line} ${t.indicator} ${t.op} ${t.value}`);
      continue;
    }
    used.add(p);
    gTP++;
    if (sameValue(t, p)) valueOk++;
    else targetMiss.push(`value line ${t.line} ${t.indicator}: want ${t.op} ${t.value}, got ${p.op} ${p.value}`);
    details('target', t, p);
  }
  // a second prediction for a line and indicator the truth has is the same statement said twice, not an extra target;
  // a prediction the catalogue does not resolve (catalogueId null) is a local target, scored below
  let gFP = 0;
  for (const [k, list] of got) {
    if (want.has(k) || local.has(k)) continue;
    for (const p of list) {
      if (p.catalogueId === null) continue;
      gFP++;
      targetMiss.push(`extra target line ${p.range.start.line} ${p.indicator} ${p.op} ${p.value} «${p.surface.slice(0, 30)}»`);
    }
  }

  // local targets: by line and metric phrase (scope words dropped; a phrase taken a little wider or narrower —
  // 县城建成区绿化覆盖率 / 建成区绿化覆盖率 — still names the metric when the shorter has at least 4 characters), then op and value
  const separate = (a.model as { localTargets?: Predicted[] }).localTargets ?? [];
  const predictedLocal = [...a.model.targets.filter((x) => x.catalogueId === null && !used.has(x)), ...separate];
  const localByLine = new Map<number, Predicted[]>();
  for (const p of predictedLocal) {
    const list = localByLine.get(p.range.start.line);
    if (list) list.push(p);
    else localByLine.set(p.range.start.line, [p]);
  }
  const sameMetric = (x: string, y: string) => {
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    return short === long || (short.length >= 4 && long.endsWith(short));
  };
  let lTP = 0;
  let lFN = 0;
  let lValueOk = 0;
  const localMiss: string[] = [];
  for (const t of truth.localTargets ?? []) {
    const k = metricKey(t.indicator);
    const candidates = (localByLine.get(t.line) ?? []).filter((p) => !used.has(p) && sameMetric(metricKey(p.indicator), k));
    const p =
      candidates.find((c) => metricKey(c.indicator) === k && sameValue(t, c)) ??
      candidates.find((c) => sameValue(t, c)) ??
      candidates.find((c) => metricKey(c.indicator) === k) ??
      candidates[0];
    if (!p) {
      lFN++;
      localMiss.push(`missed local target line ${t.line} ${t.indicator} ${t.op} ${t.value}`);
      continue;
    }
    used.add(p);
    lTP++;
    if (sameValue(t, p)) lValueOk++;
    else localMiss.push(`value line ${t.line} local ${t.indicator}: want ${t.op} ${t.value}, got ${p.op} ${p.value}`);
    details('local', t, p);
  }
  // as for catalogue targets, a second prediction of a metric the truth has on that line is the same statement said twice
  let lFP = 0;
  for (const p of predictedLocal) {
    if (used.has(p)) continue;
    const line = p.range.start.line;
    const k = metricKey(p.indicator);
    if ((truth.localTargets ?? []).some((t) => t.line === line && sameMetric(metricKey(t.indicator), k))) continue;
    if (want.has(key(line, p.indicator)) || local.has(key(line, p.indicator))) continue;
    lFP++;
    localMiss.push(`extra local target line ${line} ${p.indicator} ${p.op} ${p.value} «${p.surface.slice(0, 30)}»`);
  }

  // printed paths of the matched tasks (informational: not part of the task score)
  const pathMiss: string[] = [];
  for (const t of truth.tasks) {
    const p = byLine.get(t.line);
    if (p && p.path !== t.path) pathMiss.push(`path line ${t.line}: want ${t.path}, got ${p.path}`);
  }
  return {
    tasks: score(tTP, taskFP.length, truth.tasks.length - tTP, taskMiss),
    units: score(uTP, uFP, uFN, unitMiss),
    roles: uTP === 0 ? 1 : roleOk / uTP,
    vague: score(vTP, vFP, vFN, []),
    targets: score(gTP, gFP, gFN, targetMiss),
    targetValues: gTP === 0 ? 1 : valueOk / gTP,
    localTargets: score(lTP, lFP, lFN, localMiss),
    localTargetValues: lTP === 0 ? 1 : lValueOk / lTP,
    /** unit and year of matched targets (catalogue and local), where the annotation gives them */
    targetDetails: detailMiss,
    paths: pathMiss,
  };
}
