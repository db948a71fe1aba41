/** LSP-compatible position: 0-based line, UTF-16 code unit offset in the line. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export type PlanLevel = '市' | '县';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** `trend`: a direction without a number (`逐年提升`, `进一步降低…`); `text` holds the phrase. */
export type Comparison = '>=' | '<=' | '=' | '>' | '<' | 'qualitative' | 'trend';
export type UnitRole = 'lead' | 'support';

/** Kinds of a plan's chapters (data/vocab/sectionKinds.yaml); decides whether numbered items below are tasks. 'other': attachments. */
export type SectionKind = 'task' | 'guide' | 'target' | 'safeguard' | 'schedule' | 'other';

export interface OutlineNode {
  /** Outline path such as `三.(一).1`; headings without numbers carry their parent's path. */
  path: string;
  /** Marker as written in the official numbering (`三`, `(一)`, `1`, `(1)`), or '' for an unnumbered heading. */
  marker: string;
  /** 0 = 第一章 1 = 一、 2 = (一) 3 = 1. 4 = (1) 5 = ①, decimal headings 0.7–0.85 (data/vocab/numbering.yaml); unnumbered headings are negative (above every numbering level). */
  rank: number;
  title: string;
  /** The line that opens the node (heading or numbered line). */
  range: Range;
  /** Offsets of the node's own text: from its first line to the next outline line. */
  ownStart: number;
  ownEnd: number;
  /** Offset where the node's subtree ends. */
  end: number;
  /** Last line with text in the node's subtree (for folding). */
  lastLine: number;
  heading: boolean;
  /** The outline's first level (below the title's heading): 一、 — or 第一章, or (一) in a plan without 一、. */
  chapter?: boolean;
  /** A numbering with no text, on its line or the next (`1、` alone): not a task (rule empty-numbering). */
  empty?: boolean;
  /** The node carries work of its own: text after its title on its line, or lines of text before its first child (outline.ts decides the task level by it). */
  body?: boolean;
  sectionKind: SectionKind;
  children: OutlineNode[];
  parent?: OutlineNode;
}

export interface ResponsibleUnit {
  name: string;
  role: UnitRole;
  tagged: boolean;
  range: Range;
}

export interface VaguePhrase {
  text: string;
  range: Range;
}

export type ClauseForm = 'labelled' | 'lead-support' | 'by-duty' | 'responsible' | 'listed' | 'subject' | 'table-cell' | 'tags';

export interface ResponsibilityClause {
  form: ClauseForm;
  text: string;
  range: Range;
  units: ResponsibleUnit[];
  vague: VaguePhrase[];
  /** A bare list of parties: a clause only once the plan has said that the first named unit leads (readPlan.ts). */
  needsFirstLeads?: true;
}

export interface Task {
  path: string;
  title: string;
  /** The task's numbered line (or table row). */
  range: Range;
  /** All of the task's own text. */
  fullRange: Range;
  source: 'outline' | 'table';
  clauses: ResponsibilityClause[];
  /** Units of all clauses, in order, deduplicated; lead if lead in any clause. */
  units: ResponsibleUnit[];
  vague: VaguePhrase[];
  noUnit: boolean;
  /** Indexes into PlanModel.targets of the targets stated in the task's text. */
  targets: number[];
}

export interface IndicatorTarget {
  /** Canonical catalogue name when the name resolves, else the name as written. */
  indicator: string;
  /** Name as written. */
  writtenName: string;
  catalogueId: string | null;
  /** How the written name matched the catalogue. */
  match: 'name' | 'alias' | 'former' | 'synonym' | 'other-edition' | null;
  /** For a `synonym` match: how sure the data is that the wording means the indicator. */
  matchConfidence?: 'high' | 'medium';
  surface: string;
  op: Comparison;
  value: number | null;
  /** Second value of a range target (`95%—98%`). */
  upper?: number | null;
  unit: string | null;
  /** The requirement text of a qualitative target (`不减少、不降低`), or the phrase of a trend target (`逐年提升`). */
  text?: string;
  year: number | null;
  tagged: boolean;
  range: Range;
  nameRange: Range;
  /** A tag that only names the indicator (`[[城镇污水处理率]]`) without a target. */
  referenceOnly?: boolean;
  /** A change against a base year (`较2015年下降率达到19%`): the value is a rate, not the indicator's level. */
  relative?: string;
  /** The terrain, city size or level a table row states the target for (`丘陵区`, `大城市`). */
  qualifier?: string;
  /** `力争达到88%`: a target stated as an aspiration (absent: a firm target). Only firm targets are compared. */
  tier?: 'aspirational';
  /**
   * The places a sentence states the target for, as written at its start (`桂平市`, `长安区、新华区`) or one
   * place of a list the values go to one each (`A市、B市…分别控制在68、87微克/立方米`); absent: the plan's own
   * area. Targets for different places are not compared.
   */
  scope?: string;
}

/** A catalogue indicator named in the text (with or without a target): what "addresses" an indicator. */
export interface IndicatorMention {
  catalogueId: string;
  name: string;
  range: Range;
}

export interface IndicatorTag {
  name: string;
  range: Range;
  nameRange: Range;
  /** Index into PlanModel.targets when the tag (or the prose after it) states a target. */
  target: number | null;
}

export interface DepartmentTag {
  name: string;
  range: Range;
  nameRange: Range;
}

/** A problem found while reading the text itself (malformed tags), turned into diagnostics by a rule. */
export interface SyntaxProblem {
  kind: 'unclosed-indicator-tag' | 'empty-indicator-tag' | 'unknown-operator' | 'missing-operator' | 'bad-value' | 'empty-department-tag' | 'unclosed-department-tag';
  range: Range;
  detail: string;
}

export interface PlanSettings {
  level: PlanLevel | null;
  catalogue: string;
  terrain?: string;
  citySize?: string;
  period?: { from: number; to: number };
  /** Where each setting came from, for messages. */
  levelAssumed: boolean;
  /**
   * Where the level came from: the front matter, the settings outside the document (config file,
   * CLI flag, editor setting), the plan's own title or issuer (`××区…实施方案` → 县), or nothing (null level).
   */
  levelFrom: 'front-matter' | 'external' | 'document' | 'default';
  /** The words and line the level was inferred from, when levelFrom is 'document'. */
  levelEvidence?: { words: string; line: number };
  /** The plan's place among the national divisions: from front matter `place:` or its head (core/place/). */
  place?: PlanPlace;
  placeFrom?: 'front-matter' | 'document';
  /** The name the plan writes when it is no current unit but a renamed one's former name (澄江县, now 澄江市): the place is that unit, as a guess. */
  placeWritten?: string;
  /** The place's name is shared, and a superior named in the text settled which unit it is. */
  placeSettledByText?: boolean;
  /** A place name the plan writes that several units bear, none settled by a superior named in the text. */
  placeAmbiguous?: { words: string; line: number; candidates: PlanPlace[] };
  /** Where the edition came from: the front matter, the settings outside the document, what the plan cites, or the default. */
  catalogueFrom?: 'front-matter' | 'external' | 'citation' | 'default';
  /** The national editions the plan cites (core/catalogue/citations.ts), in the order it first cites them. */
  citations?: { editions: string[]; words: string; line: number }[];
}

/** A unit of the national divisions (data/divisions/divisions.yaml) as a plan's place. */
export interface PlanPlace {
  /** GB/T 2260 code. */
  code: string;
  name: string;
  /** 设区市, 地区, 自治州, 盟, 直辖市, 市辖区, 县级市, 县, 自治县, 旗, 自治旗, 林区, 特区 (地级市: a city without districts). */
  type: string;
  province: string;
  /** The prefecture-level unit it is or belongs to; null for a unit directly under a province or 直辖市. */
  prefecture: string | null;
}

export interface FrontMatter {
  data: Record<string, unknown> | null;
  range: Range;
  /** Ranges of the `ecoplan:` keys' values (`level` → the range of `县`), for diagnostics at the offending line. */
  keyRanges: Record<string, Range>;
  error?: { message: LocalizedText; range: Range };
}

/**
 * The text the reader read when the user's text was normalised first (a PDF copy: core/normalise),
 * with what editor features need to work on the user's text (implemented by normalise/textMap.ts).
 */
export interface NormalisedText {
  /** The user's text. */
  readonly original: string;
  /** The text read. */
  readonly text: string;
  /** The parts of a range of the user's text that hold text read (a unit split by a line break: two). */
  pieces(range: Range): Range[];
  /** The text read for a range of the user's text. */
  read(range: Range): string;
  /** The position in the user's text of an offset into the text read (`end`: a range's end, kept before what was dropped there). */
  positionOf(offset: number, end?: boolean): Position;
  /** The offset into the text read of a position in the user's text. */
  offsetOf(pos: Position): number;
}

export interface PlanModel {
  uri: string;
  /** The user's text, as given: every range of the model is in it. */
  text: string;
  /**
   * Present when the text was normalised before reading (a PDF copy: lines joined, page numbers and
   * spaces dropped; core/normalise): the text read and the map between the two (query.ts textPieces, readText).
   */
  normalised?: NormalisedText;
  title: string | null;
  titleRange: Range;
  frontMatter: FrontMatter | null;
  outline: OutlineNode[];
  tasks: Task[];
  clauses: ResponsibilityClause[];
  targets: IndicatorTarget[];
  indicatorTags: IndicatorTag[];
  indicatorMentions: IndicatorMention[];
  departmentTags: DepartmentTag[];
  problems: SyntaxProblem[];
  /** Inline rule control comments. */
  directives: RuleDirective[];
}

export interface RuleDirective {
  kind: 'disable-next-line' | 'disable' | 'enable' | 'disable-line';
  codes: string[];
  line: number;
}

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: { message: string; range: Range; uri?: string }[];
  data?: Record<string, unknown>;
}
