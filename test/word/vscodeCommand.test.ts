// The VS Code command `EcoPlan: 从 Word 导入方案…` with the editor API stood in for by a fake:
// it writes name.plan.md beside the picked file, opens it beside, and reports what was replaced.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it, vi } from 'vitest';

const calls: { command?: () => Promise<void>; opened?: string; column?: number; info: string[]; errors: string[]; pick: string | null; overwrite: boolean } = { info: [], errors: [], pick: null, overwrite: false };

vi.mock('vscode', () => {
  const Uri = {
    file: (p: string) => ({ path: p, fsPath: p }),
    joinPath: (u: { path: string }, ...parts: string[]) => {
      const segs = u.path.split('/');
      for (const p of parts) p === '..' ? segs.pop() : segs.push(p);
      const path = segs.join('/');
      return { path, fsPath: path };
    },
  };
  return {
    Uri,
    // the UI language (client/src speaks it alone): Chinese, as VS Code's zh-cn
    env: { language: 'zh-cn' },
    ViewColumn: { Beside: -2 },
    commands: { registerCommand: (_id: string, fn: () => Promise<void>) => ((calls.command = fn), { dispose() {} }) },
    window: {
      showOpenDialog: async () => (calls.pick ? [Uri.file(calls.pick)] : undefined),
      showWarningMessage: async (_m: string, _o: unknown, choice: string) => (calls.overwrite ? choice : undefined),
      showErrorMessage: async (m: string) => void calls.errors.push(m),
      showInformationMessage: async (m: string) => void calls.info.push(m),
      showTextDocument: async (doc: { path: string }, opts: { viewColumn: number }) => ((calls.opened = doc.path), (calls.column = opts.viewColumn)),
    },
    workspace: {
      fs: {
        readFile: async (u: { fsPath: string }) => readFileSync(u.fsPath),
        writeFile: async (u: { fsPath: string }, data: Uint8Array) => writeFileSync(u.fsPath, data),
        stat: async (u: { fsPath: string }) => {
          if (!existsSync(u.fsPath)) throw new Error('FileNotFound');
          return {};
        },
      },
      openTextDocument: async (u: { path: string }) => ({ path: u.path }),
    },
  };
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('EcoPlan: 从 Word 导入方案…', () => {
  it('writes the plan beside the Word file, opens it beside, and says what was replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoplan-vscode-word-'));
    const file = join(dir, '南湖县方案.docx');
    writeFileSync(
      file,
      await Packer.toBuffer(
        new Document({ sections: [{ children: [new Paragraph('一、主要任务'), new Paragraph({ children: [new TextRun('1.治理污水。（责任单位：县住建局）'), new ImageRun({ type: 'png', data: PNG, transformation: { width: 5, height: 5 } })] })] }] }),
      ),
    );
    const { registerWordImport } = await import('../../client/src/wordImport');
    registerWordImport({ subscriptions: [] } as never);
    calls.pick = file;
    await calls.command!();
    const target = join(dir, '南湖县方案.plan.md');
    expect(calls.opened).toBe(target);
    expect(calls.column).toBe(-2);
    expect(readFileSync(target, 'utf8')).toBe(['---', 'source: 南湖县方案.docx', '---', '', '## 一、主要任务', '', '1.治理污水。（责任单位：县住建局）<!-- 图片(未导入) -->', ''].join('\n'));
    expect(calls.info).toEqual(['EcoPlan: 南湖县方案.docx → 南湖县方案.plan.md:替换为占位注释:图片 1 处']);

    // a second import asks before overwriting; declining leaves the file as it was
    writeFileSync(target, '改过的方案');
    await calls.command!();
    expect(readFileSync(target, 'utf8')).toBe('改过的方案');

    // a file that is not Word: an error message naming it
    writeFileSync(join(dir, 'bad.docx'), 'not a zip');
    calls.pick = join(dir, 'bad.docx');
    await calls.command!();
    expect(calls.errors).toEqual(['EcoPlan: bad.docx: 不是 Word(.docx)文件']);
  });
});
