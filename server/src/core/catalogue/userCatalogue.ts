import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv from 'ajv/dist/2020';
import { isMap, isSeq, type Document } from 'yaml';
import { readYaml } from '../yamlLimits';
import catalogueSchema from '../../../../data/catalogue/catalogue.schema.json';
import { loadEdition } from './load';
import type { CatalogueEdition } from './types';

export interface CatalogueProblem {
  /** 1-based line in the catalogue file. */
  line: number;
  message: string;
}

export interface UserCatalogueResult {
  edition: CatalogueEdition | null;
  problems: CatalogueProblem[];
}

// a user's catalogue is an edition file that may also say which built-in edition it `extends`
const schema = catalogueSchema as { properties: Record<string, unknown>; required?: string[] };
let compiled: ValidateFunction | undefined;
/** Compiled on the first user catalogue, not at start-up: most runs have none (and the bundles load ajv lazily). */
function validator(): ValidateFunction {
  return (compiled ??= new Ajv({ allErrors: true, strict: false }).compile({ ...schema, properties: { ...schema.properties, extends: { type: 'string' } }, required: ['edition'] }));
}

/** The YAML node at a JSON pointer path (`/indicators/3/thresholds/0/op`), to give the error a line. */
function nodeAt(doc: Document, instancePath: string): { range?: [number, number, number] } | null {
  const keys = instancePath
    .split('/')
    .slice(1)
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k.replace(/~1/g, '/').replace(/~0/g, '~')));
  let node: unknown = doc.contents;
  for (const k of keys) {
    if (isMap(node)) node = node.get(k, true);
    else if (isSeq(node)) node = node.get(k as number, true);
    else break;
  }
  return (node as { range?: [number, number, number] }) ?? null;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') return `${where}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum') return `${where}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return `${where}: ${e.message}`;
}

/**
 * A user's catalogue (a provincial list, or a corrected national one), JSON or YAML. It may
 * `extends: <edition id>`: it then starts from that edition, its indicators with the same `id` (or
 * `name`) replace the inherited ones and the others are added. Problems are reported with the line
 * they are on; on any problem the catalogue is not used (the built-in edition stays in effect).
 */
export function loadUserCatalogue(text: string, builtins: CatalogueEdition[]): UserCatalogueResult {
  const yaml = readYaml(text);
  const { lineOf } = yaml;
  if (yaml.problem || !yaml.doc) return { edition: null, problems: [{ line: lineOf(yaml.problem!.offset), message: yaml.problem!.message.en }] };
  const doc = yaml.doc;
  const raw = yaml.value as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object') return { edition: null, problems: [{ line: 1, message: 'a catalogue must be an object with `edition` and `indicators`' }] };
  const problems: CatalogueProblem[] = [];
  const validate = validator();
  if (!validate(raw)) {
    for (const e of validate.errors ?? []) {
      const node = nodeAt(doc, e.instancePath);
      problems.push({ line: node?.range ? lineOf(node.range[0]) : 1, message: describe(e) });
    }
  }
  const base = typeof raw.extends === 'string' ? builtins.find((b) => b.id === raw.extends) : undefined;
  if (typeof raw.extends === 'string' && !base) {
    const node = nodeAt(doc, '/extends');
    problems.push({ line: node?.range ? lineOf(node.range[0]) : 1, message: `extends: unknown edition "${raw.extends}"; known: ${builtins.map((b) => b.id).join(', ')}` });
  }
  if (problems.length > 0) return { edition: null, problems };
  const own = loadEdition(raw);
  if (!base) return { edition: own, problems };
  // replace in place (keeping the catalogue's order), then add the new ones at the end
  const byKey = new Map(own.indicators.flatMap((i) => [[`id:${i.id}`, i], [`name:${i.name}`, i]] as const));
  const used = new Set<string>();
  const indicators = base.indicators.map((i) => {
    const r = byKey.get(`id:${i.id}`) ?? byKey.get(`name:${i.name}`);
    if (r) used.add(r.id);
    return r ? { ...r, domain: r.domain ?? i.domain, group: r.group ?? i.group } : i;
  });
  for (const i of own.indicators) if (!used.has(i.id)) indicators.push(i);
  const e = (raw.edition ?? {}) as Record<string, unknown>;
  return {
    edition: {
      id: own.id,
      title: typeof e.title === 'string' ? own.title : base.title,
      document: own.document ?? base.document,
      issued: own.issued ?? base.issued,
      levels: own.levels.length > 0 ? own.levels : base.levels,
      complete: e.complete === undefined ? base.complete : own.complete,
      indicators,
      domains: own.domains.length > 0 ? own.domains : base.domains,
    },
    problems,
  };
}
