import type { PlanAnalysis } from '../../server/src/core/analyse';

/** Hand-checked annotation of one plan (test/corpus-truth/*.json, test/fixtures/samples-truth/*.json). */
export interface Truth {
  file: string;
  tasks: { line: number; path: string; title: string; units: { name: string; role: 'lead' | 'support' }[]; vague: string[]; noUnit: boolean }[];
  targets: { line: number; indicator: string; op: string; value: number | null; unit?: string | null; year?: number | null }[];
  localTargets?: Truth['targets'];
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

  const catalogue = compareTargets(truth.targets, a.model.targets.filter((t) => t.catalogueId !== null), new Set((truth.localTargets ?? []).map((t) => `${t.line}|${t.indicator}`)));
  // local targets (not in the catalogue): the same line and the same metric phrase as written
  const local = compareTargets(truth.localTargets ?? [], a.model.targets.filter((t) => t.catalogueId === null), new Set());
  return {
    tasks: score(tTP, taskFP.length, truth.tasks.length - tTP, taskMiss),
    units: score(uTP, uFP, uFN, unitMiss),
    roles: uTP === 0 ? 1 : roleOk / uTP,
    vague: score(vTP, vFP, vFN, []),
    targets: catalogue.score,
    targetValues: catalogue.values,
    localTargets: local.score,
    localTargetValues: local.values,
  };
}

type Predicted = PlanAnalysis['model']['targets'][number];

/** Targets by line and indicator; `ignore` lists line|indicator keys that are neither right nor wrong here. */
function compareTargets(truthTargets: Truth['targets'], predicted: Predicted[], ignore: Set<string>): { score: Score; values: number } {
  const key = (line: number, ind: string) => `${line}|${ind}`;
  // a line may state two targets for one indicator (`…保护率不低于95%`, later `…保护率不降低`):
  // match each truth target to the closest unused prediction with its line and indicator
  const got = new Map<string, Predicted[]>();
  for (const t of predicted) {
    const k = key(t.range.start.line, t.indicator);
    const list = got.get(k);
    if (list) list.push(t);
    else got.set(k, [t]);
  }
  const want = new Set(truthTargets.map((t) => key(t.line, t.indicator)));
  let gTP = 0;
  let gFN = 0;
  let valueOk = 0;
  const targetMiss: string[] = [];
  const used = new Set<Predicted>();
  for (const t of truthTargets) {
    const candidates = (got.get(key(t.line, t.indicator)) ?? []).filter((p) => !used.has(p));
    const p = candidates.find((c) => c.op === t.op && c.value === t.value) ?? candidates[0];
    if (!p) {
      gFN++;
      targetMiss.push(`missed target line ${t.line} ${t.indicator} ${t.op} ${t.value}`);
      continue;
    }
    used.add(p);
    gTP++;
    if (p.op === t.op && p.value === t.value) valueOk++;
    else targetMiss.push(`value line ${t.line} ${t.indicator}: want ${t.op} ${t.value}, got ${p.op} ${p.value}`);
  }
  // a second prediction for a line and indicator the truth has is the same statement said twice, not an extra target
  let gFP = 0;
  for (const [k, list] of got) {
    if (want.has(k) || ignore.has(k)) continue;
    for (const p of list) {
      gFP++;
      targetMiss.push(`extra target line ${p.range.start.line} ${p.indicator} ${p.op} ${p.value} «${p.surface.slice(0, 30)}»`);
    }
  }
  return { score: score(gTP, gFP, gFN, targetMiss), values: gTP === 0 ? 1 : valueOk / gTP };
}
