// Builders of hostile files for the test/hostile suite: small packages that declare or inflate to
// far more than they hold, written by hand here (no Word, no exceljs) so that each is exactly the
// file the issue describes, and cheap to make.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's bytes (deflated here) … */
  data?: Uint8Array | string;
  /** … or its raw deflate stream as is, with the size it inflates to. */
  deflated?: { raw: Uint8Array; size: number };
}

/** A zip archive of the parts (CRCs left 0: the readers under test do not need them). */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const data = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data ? Buffer.from(p.data) : null;
    const raw = p.deflated ? Buffer.from(p.deflated.raw) : deflateRawSync(data!);
    const size = p.deflated ? p.deflated.size : data!.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(raw.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, raw);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(raw.length, 20);
    c.writeUInt32LE(size >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + raw.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A .docx of the body XML, with numbering.xml and custom properties when given. */
export function docx(body: string, opts: { numbering?: string; properties?: Record<string, string> } = {}): Buffer {
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>` },
  ];
  if (opts.numbering) parts.push({ name: 'word/numbering.xml', data: `<?xml version="1.0"?><w:numbering ${W}>${opts.numbering}</w:numbering>` });
  if (opts.properties) {
    const props = Object.entries(opts.properties)
      .map(([k, v], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${k}"><vt:lpwstr>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}</vt:lpwstr></property>`)
      .join('');
    parts.push({ name: 'docProps/custom.xml', data: `<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>` });
  }
  return zip(parts);
}

/** A document.xml that inflates to `mb` MB of spaces inside the body: one 16 MB deflate run, repeated. */
export function spacesDocx(mb: number): Buffer {
  const head = Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body>`);
  const tail = Buffer.from(`${p('正文')}</w:body></w:document>`);
  const sync = { finishFlush: constants.Z_SYNC_FLUSH };
  // each piece ends byte-aligned and not final, and refers to nothing before it: pieces concatenate
  const chunk = deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 32), sync);
  const n = Math.ceil(mb / 16);
  const raw = Buffer.concat([deflateRawSync(head, sync), ...Array(n).fill(chunk), deflateRawSync(tail)]);
  return zip([{ name: 'word/document.xml', deflated: { raw, size: head.length + n * 16 * 1024 * 1024 + tail.length } }]);
}

/** An .xlsx with one cell at `ref` (XFD1048576: the last cell a sheet has). */
export function farCellXlsx(ref: string): Buffer {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return zip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook ${ns} ${rel}><sheets><sheet name="指标" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0"?><worksheet ${ns}><dimension ref="A1:${ref}"/><sheetData><row r="${ref.replace(/^[A-Z]+/, '')}"><c r="${ref}" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>` },
  ]);
}

const TIME = '/usr/bin/time';

/**
 * Runs the bundled CLI (dist/cli.js) with `args` in `cwd`; its peak memory in MB is the child's max
 * RSS (GNU time's %M when installed; else the CLI process reports its own through an exit hook).
 */
export function runCli(args: string[], cwd: string, opts: { timeoutMs?: number; input?: string; env?: Record<string, string> } = {}) {
  const cli = join(process.cwd(), 'dist', 'cli.js');
  const env = { ...process.env, ECOPLAN_COMPILE_CACHE: '0', ...opts.env };
  const timeout = opts.timeoutMs ?? 30000;
  if (existsSync(TIME)) {
    const r = spawnSync(TIME, ['-f', 'ecoplan-max-rss-kb:%M', process.execPath, cli, ...args], { cwd, encoding: 'utf8', env, timeout, input: opts.input });
    const m = /ecoplan-max-rss-kb:(\d+)\s*$/.exec(r.stderr ?? '');
    const stderr = (r.stderr ?? '').replace(/(?:Command exited with non-zero status \d+\n)?ecoplan-max-rss-kb:\d+\s*$/, '');
    return { code: r.status, stdout: r.stdout, stderr, peakMb: m ? Number(m[1]) / 1024 : NaN, signal: r.signal };
  }
  const probe = `process.on('exit', () => require('node:fs').writeSync(3, String(process.resourceUsage().maxRSS)));process.argv = [process.argv[0], ${JSON.stringify(cli)}, ...${JSON.stringify(args)}];require(${JSON.stringify(cli)});`;
  const r = spawnSync(process.execPath, ['-e', probe], { cwd, encoding: 'utf8', env, timeout, stdio: ['pipe', 'pipe', 'pipe', 'pipe'], input: opts.input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, peakMb: Number(r.output[3]) / 1024, signal: r.signal };
}
