// A drafter's first ten minutes, scripted in code-server (headless Chromium): open a 区 plan, read
// the status bar and the title's code lens, set the level through the command, type a clause with
// `@` and accept a department, type `[[` and accept an indicator, hover a department and count the
// rendered lead/support tasks, apply 添加责任单位 and see completion open, open a table view.
// Each step asserts what is on screen and saves test/output/vscode/NN-step.png.
// Called by test/vscode/run.sh with the workspace URL; exit 1 with the reasons when a step fails.
const { mkdirSync } = require('node:fs');
const { chromium } = require('playwright-core');

const OUT = 'test/output/vscode';
const failures = [];
const seen = [];

async function main(url) {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 120000 });
    await page.waitForTimeout(4000);
    let n = 0;
    const shot = async (name, what) => {
      n++;
      const file = `${OUT}/${String(n).padStart(2, '0')}-${name}.png`;
      await page.screenshot({ path: file });
      seen.push(`${file}: ${what}`);
    };
    const check = (ok, message) => {
      if (!ok) failures.push(message);
      return ok;
    };
    const waitFor = async (fn, ms = 20000) => {
      const until = Date.now() + ms;
      for (;;) {
        const v = await fn();
        if (v || Date.now() > until) return v;
        await page.waitForTimeout(500);
      }
    };
    /** The editor's lines as rendered (small plan: every line is in the DOM). */
    const lines = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.editor-instance .view-lines .view-line')]
          .map((e) => ({ top: parseFloat(e.style.top), text: e.textContent.replace(/\u00a0/g, ' ') }))
          .sort((a, b) => a.top - b.top)
          .map((l) => l.text),
      );
    const lineWith = async (re) => (await lines()).find((l) => re.test(l)) ?? null;
    const goToLine = async (line) => {
      await page.keyboard.press('Control+G');
      await page.waitForTimeout(400);
      await page.keyboard.type(String(line));
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
    };
    const statusText = async () => (await page.locator('.statusbar-item').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).find((t) => /约束性|binding/.test(t)) ?? null;
    const suggestOpen = () => page.locator('.suggest-widget.visible').count();
    const runCommand = async (title) => {
      await page.keyboard.press('F1');
      await page.waitForTimeout(600);
      await page.keyboard.type(title);
      await page.waitForTimeout(800);
      await page.keyboard.press('Enter');
    };

    // 1. open the plan from the Explorer
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'donghu.plan.md' }).first().click({ timeout: 30000 });
    const status = await waitFor(statusText, 120000);
    await waitFor(async () => (await page.locator('.codelens-decoration').allInnerTexts()).some((t) => /级|level/.test(t)), 20000);
    const zh = !!status && status.includes('约束性');
    const lens = (await page.locator('.codelens-decoration').allInnerTexts()).find((t) => /指标检查|Checked against/.test(t)) ?? null;
    await shot('open-plan', `status bar ${JSON.stringify(status)}; title code lens ${JSON.stringify(lens)}`);
    check(!!status && /级 · \d{4}版 · \d+\/\d+ 约束性|level · \d{4} edition · \d+\/\d+ binding/.test(status), `status bar shows no level · edition · coverage: ${JSON.stringify(status)}`);
    check(!!lens && /(按.级指标检查|Checked against).*(更改…|Change…)/.test(lens), `no level code lens on the title: ${JSON.stringify(lens)}`);

    // 2. set the level to 县 through the command (two quick picks); the front matter appears
    await runCommand(zh ? 'EcoPlan: 设置方案级别与指标版本' : 'EcoPlan: Set the plan level and catalogue edition');
    await page.waitForSelector('.quick-input-widget .quick-input-list .monaco-list-row', { timeout: 10000 }).catch(() => null);
    await page.keyboard.type('县');
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    await page.keyboard.type('national-2019');
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');
    // the plan's title already makes it 县 (a 区 plan), so wait for the edit itself and for the
    // status bar to say the level now comes from the front matter, not for a change of level
    const top = (await waitFor(async () => {
      const l = (await lines()).slice(0, 5);
      return l[0] === '---' ? l : null;
    }, 15000)) ?? (await lines()).slice(0, 5);
    const county = await waitFor(async () => {
      const s = await statusText();
      const lensNow = (await page.locator('.codelens-decoration').allInnerTexts()).find((t) => /指标检查|Checked against/.test(t)) ?? '';
      return s && /县级|county level/.test(s) && /front matter/.test(lensNow) ? s : null;
    }, 15000);
    await shot('level-set', `front matter ${JSON.stringify(top)}; status bar ${JSON.stringify(county)}`);
    check(JSON.stringify(top.slice(0, 4)) === JSON.stringify(['---', 'ecoplan:', '  level: 县', '  catalogue: national-2019']), `front matter not written: ${JSON.stringify(top)}`);
    check(!!county, 'status bar did not switch to 县级');

    // 3. type `[[` at the end of task 4 and accept an indicator
    // the front matter added 5 lines: task 2 is now line 12, task 3 line 14, task 4 line 16
    await goToLine(16);
    await page.keyboard.press('End');
    await page.keyboard.type('节约用水,');
    await page.keyboard.type('[[');
    const indicatorList = await waitFor(suggestOpen, 8000);
    const firstIndicator = indicatorList ? await page.locator('.suggest-widget.visible .monaco-list-row').first().innerText() : '';
    await shot('indicator-completion', `after [[ the list shows ${JSON.stringify(firstIndicator.split('\n')[0])} first`);
    check(!!indicatorList, 'no completion list after [[');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    const withTag = await lineWith(/^4\.开展节水行动/);
    check(!!withTag && /\[\[[^\]\s]+/.test(withTag), `no indicator inserted after [[: ${JSON.stringify(withTag)}`);

    // 4. type `(责任单位:@` and accept a department
    await page.keyboard.type('(责任单位:');
    await page.keyboard.type('@');
    const deptList = await waitFor(suggestOpen, 8000);
    const firstDept = deptList ? await page.locator('.suggest-widget.visible .monaco-list-row').first().innerText() : '';
    await shot('department-completion', `after @ the list shows ${JSON.stringify(firstDept.split('\n')[0])} first; line ${JSON.stringify(withTag)}`);
    check(!!deptList, 'no completion list after (责任单位:@');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.keyboard.type(')');
    const withClause = await lineWith(/^4\.开展节水行动/);
    check(!!withClause && /\(责任单位:@?[^)@]+\)/.test(withClause), `no department accepted: ${JSON.stringify(withClause)}`);

    // 5. hover 区生态环境分局 in task 2 and count the rendered lead/support lists
    await goToLine(12);
    await page.keyboard.press('Home');
    for (let i = 0; i < 32; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.waitForSelector('.monaco-hover .rendered-markdown', { timeout: 10000 }).catch(() => null);
    await page.waitForTimeout(800);
    const hover = await page.evaluate(() => {
      const md = [...document.querySelectorAll('.monaco-hover .rendered-markdown')].find((e) => /牵头任务|Leads/.test(e.textContent));
      if (!md) return null;
      const out = [];
      for (const el of md.querySelectorAll('p, ul')) {
        // 牵头任务(3) in a Chinese UI, Leads (3) in an English one
        const m = /(牵头任务|配合任务|Leads|Supports)\D+(\d+)/.exec(el.textContent);
        if (m && el.tagName === 'P') out.push({ heading: m[1], count: Number(m[2]), items: 0 });
        else if (el.tagName === 'UL' && out.length > 0) out[out.length - 1].items = el.querySelectorAll(':scope > li').length;
      }
      return { title: md.querySelector('strong')?.textContent, lists: out };
    });
    await shot('department-hover', `hover ${JSON.stringify(hover)}`);
    check(!!hover && hover.lists.length === 2 && hover.lists.every((l) => l.items === l.count) && hover.lists[0].count >= 1, `department hover lists do not match their counts: ${JSON.stringify(hover)}`);
    await page.keyboard.press('Escape');

    // 6. quick fix on task 3: 添加责任单位, then completion opens inside the clause
    await goToLine(14);
    await page.keyboard.press('End');
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget', { timeout: 10000 }).catch(() => null);
    await page.waitForTimeout(500);
    const fixes = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    await shot('quick-fixes', `quick fixes ${JSON.stringify(fixes)}`);
    check(fixes.length > 0 && /添加责任单位|Add a responsibility clause/.test(fixes.find((f) => !/^(快速修复|Quick Fix)/.test(f)) ?? ''), `添加责任单位 is not the first quick fix: ${JSON.stringify(fixes)}`);
    const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: zh ? '添加责任单位' : 'Add a responsibility clause' }).first();
    await fixRow.click().catch(() => page.keyboard.press('Enter'));
    // the fix's edit, then the server's completion: give a loaded machine time
    const afterFix = await waitFor(suggestOpen, 15000);
    const task3 = await lineWith(/^3\.推进绿色出行/);
    await shot('fix-then-completion', `line ${JSON.stringify(task3)}; completion open: ${!!afterFix}`);
    check(!!task3 && /\(责任单位:\)$/.test(task3), `添加责任单位 did not insert the clause: ${JSON.stringify(task3)}`);
    check(!!afterFix, 'completion did not open inside the new clause');
    await page.keyboard.press('Escape');

    // 7. the indicator table beside the plan, at half the window (side bars closed)
    await runCommand('View: Close Primary Side Bar');
    await page.waitForTimeout(500);
    await runCommand('View: Close Secondary Side Bar');
    await page.waitForTimeout(500);
    await runCommand(zh ? 'EcoPlan: 显示指标责任明细表' : 'EcoPlan: Show the indicator responsibility table');
    const table = await waitFor(async () => {
      for (const f of page.frames()) {
        const rows = await f.locator('#body tr').count().catch(() => 0);
        if (rows > 0) return { frame: f, rows, groups: await f.locator('#body tr.group').count(), count: await f.locator('#count').innerText() };
      }
      return null;
    }, 30000);
    await page.waitForTimeout(1000);
    await shot('indicator-table', table ? `table with ${table.rows} rows (${table.groups} domain rows), ${table.count}` : 'no table');
    if (check(!!table, 'the indicator table did not open')) {
      check(table.groups >= 5, `the table has no domain group rows (${table.groups})`);
      await table.frame.locator('#compact').click();
      await page.waitForTimeout(500);
      await shot('indicator-table-compact', `compact mode: ${await table.frame.locator('body.compact').count()} compact body`);
    }
    const toasts = await page.locator('.notification-toast').allInnerTexts();
    check(!toasts.some((t) => /error|错误|failed/i.test(t) && !/EcoPlan:/.test(t)), `VS Code showed error notifications: ${JSON.stringify(toasts)}`);
  } finally {
    await browser.close();
  }
  for (const s of seen) console.log(s);
  if (failures.length > 0) {
    console.error(`walkthrough FAILED:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`walkthrough passed (${seen.length} screenshots in ${OUT})`);
}

main(process.argv[2]).catch((e) => {
  console.error(e);
  process.exit(1);
});
