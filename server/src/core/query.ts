import type { CatalogueIndicator } from './catalogue/types';
import type { DepartmentDirectory } from './departments/directory';
import type { IndicatorTarget, OutlineNode, PlanModel, Position, Range, Task } from './model/types';
import { indicatorsById } from './catalogue/lookup';
import type { CatalogueEdition } from './catalogue/types';

/** Questions editor features ask of a plan model; no LSP types here. */

/**
 * The parts of a range of the model that hold the text the reader read: the range itself, or, in a
 * plan normalised before reading (a PDF copy), its parts without the line breaks, page-number lines
 * and spaces dropped inside it (`县水` / `利局`: two parts). An edit that replaces a name edits these.
 */
export function textPieces(model: PlanModel, range: Range): Range[] {
  return model.normalised ? model.normalised.pieces(range) : [range];
}

/** The text the reader read for a range of the model (a unit split by a line break reads whole). */
export function readText(model: PlanModel, range: Range, index: { offset(p: Position): number }): string {
  return model.normalised ? model.normalised.read(range) : model.text.slice(index.offset(range.start), index.offset(range.end));
}

export function contains(range: Range, pos: Position): boolean {
  const afterStart = pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export interface DepartmentOccurrence {
  name: string;
  /** The range of the name itself (without `@` or braces). */
  range: Range;
  tagged: boolean;
  /** Inside `@{…}`. */
  braced: boolean;
  task: Task | null;
  role: 'lead' | 'support' | null;
}

/** Every place the plan names a unit: clause units and department tags, deduplicated by range. */
export function departmentOccurrences(model: PlanModel): DepartmentOccurrence[] {
  const out = new Map<string, DepartmentOccurrence>();
  const key = (r: Range) => `${r.start.line}:${r.start.character}`;
  const taskOf = new Map<string, { task: Task; role: 'lead' | 'support' }>();
  // `@{…}` tags: the name starts two characters after the tag (one set, so this stays linear)
  const braced = new Set(model.departmentTags.filter((t) => t.range.start.character + 2 === t.nameRange.start.character).map((t) => key(t.nameRange)));
  for (const task of model.tasks) for (const c of task.clauses) for (const u of c.units) taskOf.set(key(u.range), { task, role: u.role });
  for (const c of model.clauses) {
    for (const u of c.units) {
      const t = taskOf.get(key(u.range));
      out.set(key(u.range), { name: u.name, range: u.range, tagged: u.tagged, braced: braced.has(key(u.range)), task: t?.task ?? null, role: t?.role ?? null });
    }
  }
  for (const tag of model.departmentTags) {
    if (out.has(key(tag.nameRange))) continue;
    out.set(key(tag.nameRange), { name: tag.name, range: tag.nameRange, tagged: true, braced: braced.has(key(tag.nameRange)), task: null, role: null });
  }
  return [...out.values()].sort((a, b) => compare(a.range.start, b.range.start));
}

/** Whether the position is on what the reader read of the range (not on a page number or line break a PDF copy put inside it). */
function onText(model: PlanModel, range: Range, pos: Position): boolean {
  return contains(range, pos) && (!model.normalised || range.start.line === range.end.line || textPieces(model, range).some((r) => contains(r, pos)));
}

export function departmentAt(model: PlanModel, pos: Position): DepartmentOccurrence | null {
  return departmentOccurrences(model).find((o) => onText(model, o.range, pos)) ?? null;
}

/** The department a name stands for, by the directory (aliases merged), or the name itself. */
export function departmentKey(name: string, directory: DepartmentDirectory): string {
  return directory.resolve(name)?.name ?? name;
}

export interface IndicatorOccurrence {
  catalogueId: string | null;
  name: string;
  range: Range;
  kind: 'target' | 'tag' | 'mention';
  target: IndicatorTarget | null;
}

export function indicatorOccurrences(model: PlanModel, resolve: (name: string) => string | null): IndicatorOccurrence[] {
  const out = new Map<string, IndicatorOccurrence>();
  const key = (r: Range) => `${r.start.line}:${r.start.character}`;
  for (const t of model.targets) out.set(key(t.nameRange), { catalogueId: t.catalogueId, name: t.writtenName, range: t.nameRange, kind: 'target', target: t });
  for (const tag of model.indicatorTags) if (!out.has(key(tag.nameRange))) out.set(key(tag.nameRange), { catalogueId: resolve(tag.name), name: tag.name, range: tag.nameRange, kind: 'tag', target: tag.target === null ? null : model.targets[tag.target] });
  for (const m of model.indicatorMentions) if (!out.has(key(m.range))) out.set(key(m.range), { catalogueId: m.catalogueId, name: m.name, range: m.range, kind: 'mention', target: null });
  return [...out.values()].sort((a, b) => compare(a.range.start, b.range.start));
}

export function indicatorAt(model: PlanModel, pos: Position, resolve: (name: string) => string | null): IndicatorOccurrence | null {
  return indicatorOccurrences(model, resolve).find((o) => onText(model, o.range, pos)) ?? null;
}

export function catalogueIndicator(edition: CatalogueEdition, id: string | null): CatalogueIndicator | null {
  return id ? (indicatorsById(edition).get(id) ?? null) : null;
}

export function taskAt(model: PlanModel, pos: Position): Task | null {
  return model.tasks.find((t) => contains(t.fullRange, pos)) ?? null;
}

/** Outline nodes from the outermost to the innermost that contain the line. */
export function outlineChain(model: PlanModel, line: number): OutlineNode[] {
  const chain: OutlineNode[] = [];
  let level = model.outline;
  for (;;) {
    let found: OutlineNode | null = null;
    for (const n of level) {
      if (n.range.start.line <= line) found = n;
      else break;
    }
    if (!found) return chain;
    if (line > found.lastLine) return chain;
    chain.push(found);
    level = found.children;
  }
}

