/**
 * Units of measure as plans write them, and the conversions that are exact. 千克/亩 and
 * 千克/公顷 are the same quantity (1 公顷 = 15 亩); % and 平方米/人 are not.
 */
const ALIASES: Record<string, string> = {
  '%': '%',
  '\uFF05': '%',
  '百分比': '%',
  '公斤/亩': '千克/亩',
  '公斤/公顷': '千克/公顷',
  'kg/hm2': '千克/公顷',
  'kg/hm²': '千克/公顷',
  '吨标煤/万元': '吨标准煤/万元',
  'μg/m3': 'μg/m³',
  'ug/m3': 'μg/m³',
  '微克/立方米': 'μg/m³',
  'mg/m3': 'mg/m³',
  '毫克/立方米': 'mg/m³',
  'μg / m³': 'μg/m³',
  '平方米': '平方米/人',
  'm2/人': '平方米/人',
  '千米': '公里',
};

export function normaliseUnit(u: string | null): string | null {
  if (u == null) return null;
  const t = u.replace(/\s+/g, '');
  if (t === '' || t === '-') return null;
  return ALIASES[t] ?? t;
}

const FACTORS: Record<string, Record<string, number>> = {
  '千克/亩': { '千克/公顷': 15 },
  '千克/公顷': { '千克/亩': 1 / 15 },
  '公顷': { '亩': 15 },
  '亩': { '公顷': 1 / 15 },
  // `PM2.5年均浓度力争达到0.053毫克/立方米`: 1 mg/m³ = 1000 μg/m³
  'mg/m³': { 'μg/m³': 1000 },
  'μg/m³': { 'mg/m³': 1 / 1000 },
};

export type UnitComparison = { kind: 'same' } | { kind: 'convertible'; factor: number } | { kind: 'incompatible' } | { kind: 'unknown' };

/** How a target's unit relates to the catalogue's. A target without a unit is read in the catalogue's unit. */
export function compareUnits(target: string | null, catalogue: string | null): UnitComparison {
  const a = normaliseUnit(target);
  const b = normaliseUnit(catalogue);
  if (a === null || b === null) return { kind: a === b ? 'same' : 'unknown' };
  if (a === b) return { kind: 'same' };
  const f = FACTORS[a]?.[b];
  if (f !== undefined) return { kind: 'convertible', factor: f };
  return { kind: 'incompatible' };
}
