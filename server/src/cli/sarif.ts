import { allRules } from '../core/rules';
import type { Locale } from '../core/locale';
import { ruleDocUrl } from '../core/rules/rule';
import type { JsonReport } from './jsonReport';


const LEVEL: Record<string, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0 for code-scanning dashboards: one run, the rule metadata with help links, one result per diagnostic. */
export function toSarif(report: JsonReport, locale: Locale) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'EcoPlan',
            informationUri: 'https://github.com/ecoplan/ecoplan',
            rules: allRules.map((r) => ({
              id: r.code,
              name: r.code,
              shortDescription: { text: locale === 'en' ? r.description.en : r.description.zh },
              helpUri: ruleDocUrl(r.code),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        results: report.files.flatMap((f) =>
          f.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: allRules.findIndex((r) => r.code === d.code),
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.path.split('\\').join('/') },
                  // SARIF lines and columns are 1-based; columns count UTF-16 code units here
                  region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
                },
              },
            ],
          })),
        ),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}
