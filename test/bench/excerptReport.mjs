// What the CLI finds in each opening of a real plan in ../shared/excerpts (issue 18's closing table): level and
// place, tasks and those with no unit, units, targets, and findings other than the two every excerpt gets.
// usage: node test/bench/excerptReport.mjs [dist/cli.js] [--detail]   (after npm run build)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
const cli = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist/cli.js';
const detail = process.argv.includes('--detail');
const dir = '../shared/excerpts';
if (!existsSync(dir)) {
  console.log('(skipped: ../shared/excerpts not found)');
  process.exit(0);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
let out;
try { out = execFileSync('node', [cli, 'check', ...files.map((f) => `${dir}/${f}`), '--format', 'json'], { maxBuffer: 1 << 28 }).toString(); }
catch (e) { out = e.stdout.toString(); }
const r = JSON.parse(out);
const tot = { tasks: 0, noUnit: 0, units: 0, targets: 0 };
for (const f of r.files) {
  const name = f.path.split('/').pop().replace(/\.txt$/, '');
  const t = f.tasks || [];
  const codes = {};
  for (const d of f.diagnostics || []) if (d.code !== 'assumed-settings' && d.code !== 'missing-binding-indicators') codes[d.code] = (codes[d.code] || 0) + 1;
  const nu = t.filter((x) => x.noUnit).length;
  const units = t.reduce((n, x) => n + x.units.length, 0);
  tot.tasks += t.length; tot.noUnit += nu; tot.units += units; tot.targets += (f.targets || []).length;
  const place = f.place ? ` ${f.place.name}(${f.place.code})` : '';
  console.log(`${name} | level ${f.level ?? '-'}${place} | tasks ${t.length} (no unit ${nu}) | units ${units} | targets ${(f.targets || []).length} | ${Object.entries(codes).map(([c, n]) => `${c}×${n}`).join(', ')}`);
  if (detail) {
    for (const x of t) console.log(`    task L${x.range.start.line + 1} ${x.path} 「${x.title.slice(0, 24)}」 units=[${x.units.map((u) => u.name + (u.role === 'lead' ? '*' : '')).join('、')}] vague=[${x.vague.join('、')}]${x.noUnit ? ' NO-UNIT' : ''}`);
    for (const x of f.targets || []) console.log(`    target L${x.range.start.line + 1} ${x.indicator} ${x.op} ${x.value ?? x.text ?? ''}${x.unit ?? ''} ${x.year ?? ''}${x.tier ? ' ' + x.tier : ''}`);
  }
}
console.log(`TOTAL tasks ${tot.tasks} noUnit ${tot.noUnit} units ${tot.units} targets ${tot.targets}`);
