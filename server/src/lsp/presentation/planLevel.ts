import type { CodeLens } from 'vscode-languageserver/node';
import type { PlanAnalysis } from '../../core/analyse';
import type { Locale } from '../../core/locale';

/** Client command that asks for the level and edition and writes them into the front matter. */
export const SET_PLAN_SETTINGS = 'ecoplan.setPlanSettings';

export interface LevelSummary {
  /** `县级` / `county level`. */
  level: string;
  /** `2019版` / `2019 edition`. */
  edition: string;
  /** Where the level came from, short: `依据标题` / `from the title`. */
  from: string;
  /** The same with its evidence, for tooltips: `依据标题中的「东湖区」(第 5 行)`. */
  fromDetail: string;
  /** The edition's full title and document number. */
  editionTitle: string;
  /** The plan's place, short (`余姚市`), when it is a unit of the national divisions. */
  place?: string;
  /** The place in full: `浙江省宁波市余姚市(县级市,330281)`. */
  placeDetail?: string;
}

/** What the plan is checked against and why, in the drafter's words (status bar, code lens). */
export function levelSummary(a: PlanAnalysis, locale: Locale): LevelSummary {
  const s = a.settings;
  const en = locale === 'en';
  const lvl = s.level ?? '市';
  const level = en ? (lvl === '县' ? 'county level' : 'city level') : `${lvl}级`;
  const year = /\d{4}/.exec(a.edition.issued ?? a.edition.id)?.[0] ?? a.edition.id;
  const edition = en ? `${year} edition` : `${year}版`;
  const FROM: Record<typeof s.levelFrom, [string, string]> = {
    'front-matter': ['依据 front matter', 'from the front matter'],
    external: ['依据配置文件或编辑器设置', 'from the config file or editor settings'],
    document: ['依据标题', 'from the title'],
    default: ['未指定级别,默认按市级', 'no level given, city assumed'],
  };
  const from = FROM[s.levelFrom][en ? 1 : 0];
  const ev = s.levelFrom === 'document' ? s.levelEvidence : undefined;
  const fromDetail = ev ? (en ? `${from}: "${ev.words}" (line ${ev.line + 1})` : `${from}中的「${ev.words}」(第 ${ev.line + 1} 行)`) : from;
  const editionTitle = `${a.edition.title}${a.edition.document ? (en ? ` (${a.edition.document})` : `(${a.edition.document})`) : ''}`;
  const p = s.place;
  if (!p) return { level, edition, from, fromDetail, editionTitle };
  const chain = `${p.province === p.name ? '' : p.province}${p.prefecture && p.prefecture !== p.name ? p.prefecture : ''}${p.name}`;
  const placeDetail = en ? `${chain} (${p.type}, ${p.code})` : `${chain}(${p.type},${p.code})`;
  return { level, edition, from, fromDetail, editionTitle, place: p.name, placeDetail };
}

/** On the title line: `按县级指标检查(依据标题)· 2019版 · 更改…`, which opens the settings command. */
export function levelLens(a: PlanAnalysis, locale: Locale): CodeLens {
  const l = levelSummary(a, locale);
  const where = l.place ? (locale === 'en' ? `${l.place}, ` : `${l.place},`) : '';
  const title = locale === 'en' ? `Checked against ${l.level} indicators (${where}${l.from}) · ${l.edition} · Change…` : `按${l.level}指标检查(${where}${l.from})· ${l.edition} · 更改…`;
  return { range: a.model.titleRange, command: { title, command: SET_PLAN_SETTINGS, arguments: [a.model.uri] } };
}

/** The hover on the title: the plan's place, level and edition, and where each came from. */
export function titleHover(a: PlanAnalysis, locale: Locale): string {
  const l = levelSummary(a, locale);
  const en = locale === 'en';
  const lines: string[] = [];
  if (l.placeDetail) lines.push(en ? `**Place:** ${l.placeDetail}` : `**行政区划:**${l.placeDetail}`);
  const amb = a.settings.placeAmbiguous;
  if (amb) lines.push(en ? `**Place:** "${amb.words}" names ${amb.candidates.length} units (${amb.candidates.map((c) => c.code).join(', ')})` : `**行政区划:**「${amb.words}」对应 ${amb.candidates.length} 个(${amb.candidates.map((c) => c.code).join('、')})`);
  lines.push(en ? `**Level:** ${l.level} (${l.fromDetail})` : `**级别:**${l.level}(${l.fromDetail})`);
  lines.push(en ? `**Catalogue:** ${l.editionTitle}` : `**指标体系:**${l.editionTitle}`);
  return lines.join('\n\n');
}
