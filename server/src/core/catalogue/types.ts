import type { Comparison, PlanLevel } from '../model/types';

export type Confidence = 'confirmed' | 'recalled' | 'excerpt' | 'unknown' | 'inherited';

export interface Threshold {
  scope?: PlanLevel;
  terrain?: string;
  citySize?: string;
  op?: Exclude<Comparison, 'qualitative' | 'trend'>;
  value?: number;
  qualitative?: string;
  /** Overrides the indicator's confidence for this threshold only (e.g. 市 value confirmed, 县 value recalled). */
  confidence?: Confidence;
}

export interface CatalogueIndicator {
  id: string;
  /** `29` or `7.2` for a sub-indicator. */
  number: string;
  name: string;
  aliases: string[];
  former: string[];
  unit: string | null;
  value: string | null;
  thresholds: Threshold[];
  direction: 'higher' | 'lower' | null;
  /** Other measures plans state it in (PM2.5 as μg/m³ beside the edition's decline in %), with their direction. */
  alsoStatedAs: { unit: string; direction: 'higher' | 'lower' }[];
  binding: boolean | null;
  applies: PlanLevel[];
  only: string | null;
  confidence: Confidence;
  evidence: string | null;
  source: string | null;
  note: string | null;
  domain: string | null;
  /** The task group of the edition's table (`(一)目标责任体系与制度建设`). */
  group: string | null;
  parts: CatalogueIndicator[];
  parent: CatalogueIndicator | null;
}

export interface CatalogueEdition {
  id: string;
  title: string;
  document: string | null;
  issued: string | null;
  levels: PlanLevel[];
  complete: boolean;
  indicators: CatalogueIndicator[];
  /** Domains in the edition's order (生态制度 … 生态文化). */
  domains: string[];
}

export interface NameEntry {
  indicator: CatalogueIndicator;
  edition: CatalogueEdition;
  /** `synonym`: a wording from data/catalogue/synonyms.yaml (or a 城镇/城区/城市 variant), with its confidence. */
  kind: 'name' | 'alias' | 'former' | 'synonym';
  confidence?: 'high' | 'medium';
}
