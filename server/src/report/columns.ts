import type { CoverageRow, DepartmentRow, IndicatorRow, PlanTables, TaskRow } from '../core/tables/deriveTables';

export type TableKind = 'indicators' | 'tasks' | 'departments' | 'coverage';
export const TABLE_KINDS: TableKind[] = ['indicators', 'tasks', 'departments', 'coverage'];

export const TABLE_TITLES: Record<TableKind, string> = {
  indicators: '指标责任明细表',
  tasks: '任务责任分解表',
  departments: '部门任务清单',
  coverage: '覆盖报告',
};

export interface Column<R> {
  header: string;
  width: number;
  cell: (r: R) => string | number;
}

const list = (xs: string[]) => xs.join('、');

/** The columns of each table, shared by every output format so they cannot drift apart. */
export const COLUMNS: { indicators: Column<IndicatorRow>[]; tasks: Column<TaskRow>[]; departments: Column<DepartmentRow>[]; coverage: Column<CoverageRow>[] } = {
  indicators: [
    { header: '领域', width: 10, cell: (r) => r.domain },
    { header: '序号', width: 6, cell: (r) => r.number },
    { header: '指标名称', width: 30, cell: (r) => (r.part ? `${r.name}:${r.part}` : r.name) },
    { header: '单位', width: 12, cell: (r) => r.unit },
    { header: '方案目标', width: 16, cell: (r) => r.target },
    { header: '国家指标值', width: 22, cell: (r) => (r.verified || !r.threshold ? r.threshold : `${r.threshold}(待核实)`) },
    { header: '指标属性', width: 10, cell: (r) => r.attribute },
    { header: '状态', width: 10, cell: (r) => r.status },
    { header: '牵头单位', width: 22, cell: (r) => list(r.lead) },
    { header: '配合单位', width: 34, cell: (r) => list(r.support) },
    { header: '方案位置(行)', width: 14, cell: (r) => r.lines.join('、') },
  ],
  tasks: [
    { header: '编号', width: 12, cell: (r) => r.path },
    { header: '任务', width: 36, cell: (r) => r.title },
    { header: '牵头单位', width: 24, cell: (r) => list(r.lead) },
    { header: '配合单位', width: 36, cell: (r) => list(r.support) },
    { header: '笼统表述', width: 24, cell: (r) => list(r.vague) },
    { header: '时限', width: 12, cell: (r) => r.deadline },
    { header: '涉及指标', width: 30, cell: (r) => list(r.indicators) },
    { header: '行', width: 6, cell: (r) => r.line },
  ],
  departments: [
    { header: '部门', width: 26, cell: (r) => r.department },
    { header: '牵头任务数', width: 10, cell: (r) => r.led.length },
    { header: '牵头任务', width: 50, cell: (r) => r.led.join('\n') },
    { header: '配合任务数', width: 10, cell: (r) => r.supported.length },
    { header: '配合任务', width: 50, cell: (r) => r.supported.join('\n') },
    { header: '负责指标', width: 36, cell: (r) => list(r.indicators) },
  ],
  coverage: [
    { header: '领域', width: 12, cell: (r) => r.domain },
    { header: '约束性指标覆盖', width: 14, cell: (r) => `${r.bindingCovered}/${r.bindingTotal}` },
    { header: '约束性仅趋势', width: 12, cell: (r) => r.bindingTrendOnly },
    { header: '参考性指标覆盖', width: 14, cell: (r) => `${r.referenceCovered}/${r.referenceTotal}` },
    { header: '低于国标', width: 10, cell: (r) => r.belowThreshold },
    { header: '无责任单位任务', width: 14, cell: (r) => r.tasksWithoutOwner },
  ],
};

export function rowsOf(t: PlanTables, kind: TableKind): unknown[] {
  return t[kind];
}

export function cellsOf(t: PlanTables, kind: TableKind): { headers: string[]; rows: (string | number)[][]; widths: number[] } {
  const cols = COLUMNS[kind] as Column<unknown>[];
  return { headers: cols.map((c) => c.header), widths: cols.map((c) => c.width), rows: (t[kind] as unknown[]).map((r) => cols.map((c) => c.cell(r))) };
}
