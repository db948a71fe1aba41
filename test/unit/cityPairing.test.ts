import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { analysePlan } from '../../server/src/core/analyse';
import { cityOf, normalisePath, pairCountiesWithCities, type PlanInSet } from '../../server/src/core/review/cityPairing';
import { loadConfig } from '../../server/src/node/config';
import { toLspDiagnostics } from '../../server/src/lsp/features/diagnostics';
import { cityPlanDiagnostics } from '../../server/src/lsp/presentation/cityPlan';
import type { DocumentStore } from '../../server/src/lsp/planSource';
import { PlanWorkspace } from '../../server/src/lsp/planWorkspace';

const plan = (title: string, frontMatter = '') => `${frontMatter}# ${title}\n\n## 一、主要目标\n\n到2025年,城镇污水处理率达到95%以上。\n\n## 二、主要任务\n\n1. 加快城镇污水管网建设。责任单位:${title.slice(0, 1) === '衢' ? '市住建局、各县(市、区)人民政府' : '县住建局'}\n`;
const entry = (path: string, text: string): PlanInSet => ({ path, analysis: analysePlan(text, { uri: pathToFileURL(path).toString() }) });

const QUZHOU = '衢州市创建国家生态文明建设示范市实施方案';
const SHIJIAZHUANG = '石家庄市创建国家生态文明建设示范市实施方案';
const CHANGSHAN = '常山县创建国家生态文明建设示范县实施方案';

describe('cityOf', () => {
  const shijiazhuang = entry('/plans/石家庄/方案.md', plan(SHIJIAZHUANG));
  const quzhou = entry('/plans/衢州/方案.md', plan(QUZHOU));
  const quzhouDraft2 = entry('/plans/衢州/方案-第二稿.md', plan(QUZHOU));
  const changshan = entry('/plans/衢州/常山/方案.md', plan(CHANGSHAN));

  it('finds the plan of the county’s prefecture, the first of the set', () => {
    expect(cityOf(changshan, [shijiazhuang, changshan, quzhou, quzhouDraft2])).toEqual({ city: quzhou, by: 'prefecture' });
    expect(cityOf(changshan, [shijiazhuang, changshan])).toBeNull();
    // a city has no city, nor does a plan whose place is not known
    expect(cityOf(quzhou, [quzhou, changshan])).toBeNull();
    expect(cityOf(entry('/plans/x.md', plan('关于加快推进生态文明建设的实施方案')), [quzhou])).toBeNull();
  });

  it('takes the plan front matter `parent:` selects: by a path relative to the plan, a place name or a division code', () => {
    const fm = (parent: string) => entry('/plans/衢州/常山/方案.md', plan(CHANGSHAN, `---\necoplan:\n  parent: ${parent}\n---\n`));
    const set = [quzhou, quzhouDraft2, shijiazhuang];
    expect(cityOf(fm('../方案-第二稿.md'), set)).toEqual({ city: quzhouDraft2, by: 'front-matter' });
    expect(cityOf(fm('./../../衢州/方案-第二稿.md'), set)).toEqual({ city: quzhouDraft2, by: 'front-matter' });
    expect(cityOf(fm('石家庄市'), set)).toEqual({ city: shijiazhuang, by: 'front-matter' });
    expect(cityOf(fm('130100'), set)).toEqual({ city: shijiazhuang, by: 'front-matter' });
  });

  it('says when `parent:` selects no plan of the set, at its key, and never falls back to the prefecture', () => {
    const county = entry('/plans/衢州/常山/方案.md', plan(CHANGSHAN, '---\necoplan:\n  parent: ../../外地/方案.md\n---\n'));
    expect(cityOf(county, [quzhou])).toEqual({
      problem: {
        path: '/plans/衢州/常山/方案.md',
        range: { start: { line: 2, character: 10 }, end: { line: 2, character: 24 } },
        message: {
          zh: 'parent「../../外地/方案.md」不是工作区(或本次检查)中的方案:未与市级方案比较。parent 只能选择已在其中的方案(相对本文件的路径,或地名、区划代码)',
          en: 'parent "../../外地/方案.md" is no plan of the workspace (or of this check): not compared with a city plan. parent only selects a plan already there (a path relative to this file, or a place name or division code)',
        },
      },
    });
  });

  it('takes the config’s `parent:` (read by the adapter) before the prefecture', () => {
    expect(cityOf(changshan, [quzhou], shijiazhuang)).toEqual({ city: shijiazhuang, by: 'config' });
    // a config above the city plan itself names it: the city is not its own city
    expect(cityOf(quzhou, [quzhou], quzhou)).toBeNull();
  });

  it('pairs every county of a set, in the set’s order', () => {
    const kaihua = entry('/plans/衢州/开化/方案.md', plan('开化县创建国家生态文明建设示范县实施方案'));
    const lost = entry('/plans/衢州/江山/方案.md', plan('江山市创建国家生态文明建设示范市实施方案', '---\necoplan:\n  parent: 杭州市\n---\n'));
    const { pairs, problems } = pairCountiesWithCities([changshan, quzhou, kaihua, lost, shijiazhuang]);
    expect(pairs).toEqual([
      { county: '/plans/衢州/常山/方案.md', city: '/plans/衢州/方案.md', by: 'prefecture' },
      { county: '/plans/衢州/开化/方案.md', city: '/plans/衢州/方案.md', by: 'prefecture' },
    ]);
    expect(problems.map((p) => [p.path, p.range.start.line])).toEqual([['/plans/衢州/江山/方案.md', 2]]);
  });

  it('compares paths as strings: separators, `.` and `..`', () => {
    expect(normalisePath('C:\\plans\\衢州\\常山\\..\\方案.md')).toBe('C:/plans/衢州/方案.md');
    expect(normalisePath('/a/./b/../../../c.md')).toBe('/c.md');
    expect(normalisePath('../a/b.md')).toBe('../a/b.md');
  });
});

/** A workspace folder on disk; the documents open in the editor are those of `open`. */
function workspace(files: Record<string, string>, open: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'ecoplan-pairing-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const uri = (name: string) => pathToFileURL(join(root, name)).toString();
  const docs = new Map(open.map((name) => [uri(name), TextDocument.create(uri(name), 'markdown', 1, files[name])]));
  const store: DocumentStore = { get: (u) => docs.get(u), all: () => [...docs.values()] };
  const ws = new PlanWorkspace(store);
  ws.folders = [join(root, 'ws')];
  return { root, ws, uri };
}

const codes = (ws: PlanWorkspace, uri: string) => cityPlanDiagnostics(ws, uri).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);

describe('the trust boundary of `parent:` in the editor', () => {
  const CITY = plan(QUZHOU).replace('达到95%', '达到97%');

  it('a county alone in its workspace gets nothing', () => {
    const { ws, uri } = workspace({ 'ws/常山.plan.md': plan(CHANGSHAN) }, ['ws/常山.plan.md']);
    expect(codes(ws, uri('ws/常山.plan.md'))).toEqual([]);
    expect(ws.cityPlanOf(uri('ws/常山.plan.md'))).toBeNull();
  });

  it('front matter never makes a file outside the workspace read: the city plan there is not compared', () => {
    const county = plan(CHANGSHAN, '---\necoplan:\n  parent: ../外地/衢州.plan.md\n---\n');
    const { ws, uri } = workspace({ 'ws/常山.plan.md': county, '外地/衢州.plan.md': CITY }, ['ws/常山.plan.md']);
    expect(codes(ws, uri('ws/常山.plan.md'))).toEqual(['parent-plan-not-found 2:10']);
    // the county's own diagnostics do not complain of the key: `parent` is a known setting
    expect(toLspDiagnostics(uri('ws/常山.plan.md'), ws.analysisOf(uri('ws/常山.plan.md'))!).filter((d) => d.code === 'invalid-settings')).toEqual([]);
  });

  it('the config may turn parent-plan-not-found off', () => {
    const county = plan(CHANGSHAN, '---\necoplan:\n  parent: 杭州市\n---\n');
    const { ws, uri } = workspace({ 'ws/ecoplan.config.yaml': 'rules:\n  parent-plan-not-found: "off"\n', 'ws/常山.plan.md': county }, ['ws/常山.plan.md']);
    expect(ws.cityPlanOf(uri('ws/常山.plan.md'))).toMatchObject({ problem: { range: { start: { line: 2 } } } });
    expect(codes(ws, uri('ws/常山.plan.md'))).toEqual([]);
  });

  it('front matter selects a plan of the workspace by its path', () => {
    const county = plan(CHANGSHAN, '---\necoplan:\n  parent: ../市/衢州.plan.md\n---\n');
    const { ws, uri } = workspace({ 'ws/县/常山.plan.md': county, 'ws/市/衢州.plan.md': CITY }, ['ws/县/常山.plan.md']);
    expect(codes(ws, uri('ws/县/常山.plan.md'))).toEqual(['weaker-than-city-target 8:7']);
  });

  it('the user’s config may name a city plan by path inside its folder or the workspace, and is refused outside', () => {
    const inside = workspace({ 'ws/ecoplan.config.yaml': 'parent: 市/衢州.plan.md\n', 'ws/县/常山.plan.md': plan(CHANGSHAN), 'ws/市/衢州.plan.md': CITY }, ['ws/县/常山.plan.md']);
    expect(inside.ws.cityPlanOf(inside.uri('ws/县/常山.plan.md'))).toMatchObject({ uri: inside.uri('ws/市/衢州.plan.md'), by: 'config' });
    expect(codes(inside.ws, inside.uri('ws/县/常山.plan.md'))).toEqual(['weaker-than-city-target 4:7']);

    const outside = workspace({ 'ws/ecoplan.config.yaml': 'parent: ../外地/衢州.plan.md\n', 'ws/常山.plan.md': plan(CHANGSHAN), '外地/衢州.plan.md': CITY }, ['ws/常山.plan.md']);
    const config = join(outside.root, 'ws/ecoplan.config.yaml');
    expect(loadConfig(config, new Map(), [join(outside.root, 'ws')]).problems).toEqual([
      { file: config, line: 1, message: { zh: '../外地/衢州.plan.md 不在配置文件所在目录或工作区内,未读取', en: "../外地/衢州.plan.md is outside the config's folder and the workspace, not read" } },
    ]);
    expect(codes(outside.ws, outside.uri('ws/常山.plan.md'))).toEqual([]);
  });
});
