import type { Diagnostic, PlanModel, Severity } from './model/types';
import { localize, type Locale } from './locale';
import type { Report, Rule, RuleContext } from './rules/rule';

// A rule may give many findings one shared list of related places (conflicting-targets does, per
// statement): it is localized once, not once per finding.
const localizedRelated = new WeakMap<object, { locale: string; related: Diagnostic['related'] }>();

function relatedOf(related: Report['related'], locale: Locale): Diagnostic['related'] {
  if (!related) return undefined;
  const known = localizedRelated.get(related);
  if (known && known.locale === locale) return known.related;
  const made = related.map((x) => ({ message: localize(x.message, locale), range: x.range }));
  localizedRelated.set(related, { locale, related: made });
  return made;
}

/** Every finding of `rules`, in rule order, then in each rule's own order (before directives and sorting). */
export function collectFindings(rules: Rule[], ctx: RuleContext, config: Record<string, Severity | 'off'>, out: Diagnostic[] = []): Diagnostic[] {
  for (const rule of rules) {
    const configured = config[rule.code];
    if (configured === 'off') continue;
    rule.check(ctx, (r) => {
      out.push({
        code: rule.code,
        severity: configured ?? r.severity ?? rule.defaultSeverity,
        message: localize(r.message, ctx.locale),
        range: r.range,
        related: relatedOf(r.related, ctx.locale),
        data: r.data,
      });
    });
  }
  return out;
}

/**
 * Document order: line, character, code. Rule codes are lowercase ASCII words and hyphens, so
 * code-unit order is localeCompare's order here, without its first call (about 10 ms setting up
 * ICU's collator, in every CLI run and server start).
 */
export function diagnosticOrder(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Document order (diagnosticOrder); findings at the same place keep the order they were found in. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(diagnosticOrder);
}

export function runRules(rules: Rule[], ctx: RuleContext, config: Record<string, Severity | 'off'>): Diagnostic[] {
  return sortDiagnostics(applyDirectives(collectFindings(rules, ctx, config), ctx.model));
}

/** `<!-- ecoplan-disable-next-line code -->`, `<!-- ecoplan-disable code -->` … `<!-- ecoplan-enable code -->`. */
export function applyDirectives(diagnostics: Diagnostic[], model: PlanModel): Diagnostic[] {
  if (model.directives.length === 0) return diagnostics;
  const nextLine = new Map<number, string[]>();
  const spans: { from: number; to: number; codes: string[] }[] = [];
  const open = new Map<string, number>();
  const ALL = '*';
  for (const d of [...model.directives].sort((a, b) => a.line - b.line)) {
    const codes = d.codes.length > 0 ? d.codes : [ALL];
    if (d.kind === 'disable-next-line') nextLine.set(d.line + 1, [...(nextLine.get(d.line + 1) ?? []), ...codes]);
    else if (d.kind === 'disable-line') nextLine.set(d.line, [...(nextLine.get(d.line) ?? []), ...codes]);
    else if (d.kind === 'disable') {
      for (const c of codes) if (!open.has(c)) open.set(c, d.line);
    } else {
      for (const c of codes) {
        const keys = c === ALL ? [...open.keys()] : [c];
        for (const k of keys) {
          const from = open.get(k);
          if (from !== undefined) spans.push({ from, to: d.line, codes: [k] });
          open.delete(k);
        }
      }
    }
  }
  for (const [c, from] of open) spans.push({ from, to: Infinity, codes: [c] });
  const hit = (codes: string[], code: string) => codes.includes(code) || codes.includes(ALL);
  return diagnostics.filter((d) => {
    const line = d.range.start.line;
    if (hit(nextLine.get(line) ?? [], d.code)) return false;
    return !spans.some((s) => line > s.from && line < s.to && hit(s.codes, d.code));
  });
}
