// `npm run bench`: Word export and import per plan (median of five runs each, after one warm-up).
// Export = tags written out as prose + the .docx built (docx library) + font fallbacks; import = the
// .docx unzipped and read (numbering, tables, notes) + the Markdown written. Aim: ≤ 200 ms each for a 35 KB plan.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysePlan } from '../../server/src/core/analyse';
import { readDocx } from '../../server/src/word/docxRead';
import { exportDocx } from '../../server/src/word/exportDocx';
import { tagsToProse } from '../../server/src/word/tagsToProse';
import { toMarkdown } from '../../server/src/word/toMarkdown';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function wordBench(): Promise<void> {
  const docs: [string, string, 'markdown' | 'text'][] = [];
  const corpus = join(process.cwd(), '..', 'shared', 'corpus');
  const samples = join(process.cwd(), 'samples');
  if (existsSync(corpus)) {
    for (const f of readdirSync(corpus).sort()) if (f.endsWith('.txt')) docs.push([`corpus/${f}`, readFileSync(join(corpus, f), 'utf8'), 'text']);
  } else console.log('(skipped: ../shared/corpus not found — Word figures for the real plans need it)');
  for (const f of existsSync(samples) ? readdirSync(samples).sort() : []) if (f.endsWith('.md')) docs.push([`samples/${f}`, readFileSync(join(samples, f), 'utf8'), 'markdown']);
  // wall time, and the process's CPU time (user + system), which a busy machine disturbs less
  console.log('\n| document | KB | export .docx median ms (CPU ms) | .docx KB | import median ms (CPU ms) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, text, format] of docs) {
    const options = { uri: name, format };
    let docx: Buffer = Buffer.alloc(0);
    const ex: number[] = [];
    const im: number[] = [];
    const exCpu: number[] = [];
    const imCpu: number[] = [];
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    for (let i = 0; i < 6; i++) {
      const c0 = cpu();
      const t0 = performance.now();
      const prose = tagsToProse(analysePlan(text, options), options);
      docx = await exportDocx(prose.text, { format });
      const t1 = performance.now();
      const c1 = cpu();
      toMarkdown(readDocx(docx), 'plan.docx');
      const t2 = performance.now();
      const c2 = cpu();
      if (i > 0) (ex.push(t1 - t0), im.push(t2 - t1), exCpu.push(c1 - c0), imCpu.push(c2 - c1));
    }
    const kb = (Buffer.byteLength(text) / 1024).toFixed(1);
    console.log(`| ${name} | ${kb} | ${median(ex).toFixed(1)} (${median(exCpu).toFixed(0)}) | ${(docx.length / 1024).toFixed(1)} | ${median(im).toFixed(1)} (${median(imCpu).toFixed(0)}) |`);
  }
}
