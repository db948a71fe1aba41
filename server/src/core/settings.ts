import { CITY_SIZES, TERRAINS } from './catalogue/scopes';
import type { CatalogueEdition } from './catalogue/types';
import type { FrontMatter, LocalizedText, PlanLevel, PlanModel, PlanSettings, Range, Severity } from './model/types';
import { levelFromDocument } from './title';
import { divisionByCode, placeOfPlan, planPlace } from './place/placeOfPlan';
import { divisionLevel } from './place/divisions';
import { citedEdition, type EditionCitation } from './catalogue/citations';

/** Settings from outside the document: config file, CLI flags, editor settings (in that order of precedence). */
export interface ExternalSettings {
  catalogue?: string;
  level?: PlanLevel;
  terrain?: string;
  citySize?: string;
  period?: string;
  rules?: Record<string, Severity | 'off'>;
}

export interface SettingsProblem {
  message: LocalizedText;
  range: Range;
}

// `parent`: the county plan's city plan among the plans of the workspace or the check (core/review/cityPairing.ts);
// it selects, it never names a file to read
const KEYS = ['catalogue', 'level', 'place', 'terrain', 'citySize', 'period', 'rules', 'parent'];
/**
 * Settings that name a file. A plan may come from someone else (a received Word file's properties
 * become its front matter), so it never decides which local file is read: these belong in the
 * user's own ecoplan.config.* or editor settings.
 */
const PATH_KEYS = ['departments', 'catalogues'];
const PERIOD = /^(\d{4})\s*[-—–~至]\s*(\d{4})$/;

export function parsePeriod(p: string | undefined): { from: number; to: number } | undefined {
  const m = p ? PERIOD.exec(p.trim()) : null;
  return m ? { from: Number(m[1]), to: Number(m[2]) } : undefined;
}

/** What the front matter and the external settings decide before the plan is read: everything but an inferred level. */
export interface DeclaredSettings {
  settings: PlanSettings;
  problems: SettingsProblem[];
}

/**
 * The plan's settings as declared: front matter `ecoplan:` first, then the external settings, then
 * defaults (the newest complete national edition). Read before the plan, since the edition decides
 * how the plan's names resolve. Every invalid front-matter value is a problem at its own line, and
 * is ignored. The level may still come from the plan's head: see `resolveSettings`.
 */
export function declaredSettings(fm: FrontMatter | null, external: ExternalSettings, editions: CatalogueEdition[], defaultEdition: string, citations: EditionCitation[] = []): DeclaredSettings {
  const problems: SettingsProblem[] = [];
  const ranges = fm?.keyRanges ?? {};
  const at = (key: string) => ranges[key] ?? fm?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const raw = fm?.data?.ecoplan;
  let eco: Record<string, unknown> = {};
  if (raw !== undefined && raw !== null) {
    if (typeof raw === 'object' && !Array.isArray(raw)) eco = raw as Record<string, unknown>;
    else problems.push({ range: at(''), message: { zh: 'ecoplan 设置应为键值对(level、catalogue、period 等)', en: 'ecoplan settings must be a mapping (level, catalogue, period …)' } });
  }
  for (const key of Object.keys(eco)) {
    if (PATH_KEYS.includes(key)) {
      problems.push({
        range: at(key),
        message: {
          zh: `${key} 不能写在方案的 front matter 中:方案文件可能来自他人,不能由它决定读取哪个本地文件;请写在 ecoplan.config.yaml 中${key === 'departments' ? '(或编辑器设置 ecoplan.departments)' : ''}`,
          en: `${key} cannot be set in a plan's front matter: a plan may come from someone else and must not decide which local file is read; set it in ecoplan.config.yaml${key === 'departments' ? ' (or the editor setting ecoplan.departments)' : ''}`,
        },
      });
    } else if (!KEYS.includes(key)) problems.push({ range: at(key), message: { zh: `未知的设置项「${key}」;可用:${KEYS.join('、')}`, en: `Unknown setting "${key}"; known: ${KEYS.join(', ')}` } });
  }
  const pick = <T extends string>(key: string, valid: (v: string) => v is T, describe: LocalizedText): T | undefined => {
    const v = eco[key];
    if (v === undefined || v === null) return undefined;
    const s = String(v);
    if (valid(s)) return s;
    problems.push({ range: at(key), message: { zh: `${key} 的值「${s}」无效:${describe.zh}`, en: `Invalid ${key} "${s}": ${describe.en}` } });
    return undefined;
  };
  const editionIds = editions.map((e) => e.id);
  const level = pick('level', (v): v is PlanLevel => v === '市' || v === '县', { zh: '应为 市 或 县', en: 'must be 市 or 县' });
  const catalogue = pick('catalogue', (v): v is string => editionIds.includes(v), { zh: `可用的指标体系:${editionIds.join('、')}`, en: `known catalogues: ${editionIds.join(', ')}` });
  const terrain = pick('terrain', (v): v is string => TERRAINS.includes(v), { zh: `应为 ${TERRAINS.join('、')} 之一`, en: `must be one of ${TERRAINS.join(', ')}` });
  const citySize = pick('citySize', (v): v is string => CITY_SIZES.includes(v), { zh: `应为 ${CITY_SIZES.join('、')} 之一`, en: `must be one of ${CITY_SIZES.join(', ')}` });
  const period = pick('period', (v): v is string => !!parsePeriod(v) && parsePeriod(v)!.from <= parsePeriod(v)!.to, { zh: '应写成 2022-2024', en: 'write it as 2022-2024' });

  const placeCode = pick('place', (v): v is string => /^\d{6}$/.test(v) && divisionByCode(v) !== null && divisionLevel(divisionByCode(v)!) !== null, {
    zh: '应为县级以上行政区划代码(GB/T 2260,6 位数字,如 420107)',
    en: 'must be the GB/T 2260 code of a prefecture- or county-level unit (six digits, e.g. 420107)',
  });
  const placeUnit = placeCode ? divisionByCode(placeCode)! : null;
  const placeLevel = placeUnit ? divisionLevel(placeUnit) : null;

  const finalLevel = level ?? external.level ?? placeLevel ?? null;
  const externalCatalogue = external.catalogue && editionIds.includes(external.catalogue) ? external.catalogue : undefined;
  // what the plan cites, for its level as declared (an undeclared level is settled after reading: see analysePlan)
  const cited = catalogue || externalCatalogue ? null : citedEdition(citations, editions, finalLevel ?? '市');
  const edition = catalogue ?? externalCatalogue ?? cited?.edition.id ?? defaultEdition;
  const catalogueFrom = catalogue ? 'front-matter' : externalCatalogue ? 'external' : cited ? 'citation' : 'default';
  return {
    settings: {
      level: finalLevel,
      catalogue: edition,
      catalogueFrom,
      ...(citations.length ? { citations } : {}),
      terrain: terrain ?? external.terrain,
      citySize: citySize ?? external.citySize,
      period: parsePeriod(period ?? external.period),
      levelAssumed: finalLevel === null,
      levelFrom: level ? 'front-matter' : external.level ? 'external' : placeLevel ? 'front-matter' : 'default',
      ...(placeUnit ? { place: planPlace(placeUnit), placeFrom: 'front-matter' as const } : {}),
    },
    problems,
  };
}

/**
 * The plan's settings: the declared ones, then — when neither the front matter nor the external
 * settings name a level — the plan's place (its title, issuer or signature resolved against the
 * national divisions, core/place/), then the words of its head alone (title.ts), then no level
 * (checked as 市 and flagged as assumed). The place is found even when the level is declared, so
 * that it is shown; a front-matter `place:` is not looked for again.
 */
export function resolveSettings(declared: DeclaredSettings, model: PlanModel): { settings: PlanSettings; problems: SettingsProblem[] } {
  if (declared.settings.place) return declared;
  const found = placeOfPlan(model);
  const settings: PlanSettings = { ...declared.settings };
  if (found.kind === 'unit') {
    settings.place = planPlace(found.place);
    settings.placeFrom = 'document';
    if (found.renamed) settings.placeWritten = found.at.name;
    if (found.settledByText) settings.placeSettledByText = true;
  } else if (found.kind === 'ambiguous') {
    settings.placeAmbiguous = { words: found.at.words, line: found.at.line, candidates: found.candidates.map(planPlace) };
  }
  if (settings.level !== null) return { settings, problems: declared.problems };
  if (found.kind === 'unit') {
    return { settings: { ...settings, level: found.level, levelAssumed: false, levelFrom: 'document', levelEvidence: { words: found.at.words, line: found.at.line } }, problems: declared.problems };
  }
  // a name several units share still gives their level when they all have the same one (鼓楼区)
  const shared = found.kind === 'ambiguous' ? [...new Set(found.candidates.map(divisionLevel))] : [];
  // a place that is no unit: its words (the head's, else a signature's) give the level
  const inferred = shared.length === 1 && shared[0] ? { level: shared[0], words: found.at!.words, line: found.at!.line } : levelFromDocument(model, found.kind === 'unknown' ? found.at : undefined);
  if (!inferred) return { settings, problems: declared.problems };
  return {
    settings: { ...settings, level: inferred.level, levelAssumed: false, levelFrom: 'document', levelEvidence: { words: inferred.words, line: inferred.line } },
    problems: declared.problems,
  };
}
