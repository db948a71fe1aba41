// A drafter's first ten minutes, scripted in code-server (headless Chromium): open a 区 plan, read
// the status bar and the title's code lens, set the level through the command, type a clause with
// `@` and accept a department, type `[[` and accept an indicator, hover a department and count the
// rendered lead/support tasks, apply 添加责任单位 and see completion open, open a table view (issue 11);
// then a new user's first contact (issue 21): an undeclared .md and a .txt plan are checked, `@发改`
// and `@环境` find the right unit first, a made-up unit is a warning in Problems, a .docx opens as its
// plan with its problems at their lines, and the plan is exported as Word.
// Each step asserts what is on screen and saves NN-step.png under ECOPLAN_WALK_OUT.
// The EcoPlan labels it looks for are the extension's own (package.nls.json or package.nls.zh-cn.json,
// as the UI's locale ECOPLAN_UI_LOCALE chooses); what the server says (status bar, lenses, fixes,
// messages) is matched in that one language only: the English UI must be English throughout.
// ECOPLAN_WALK_STEPS (e.g. "8-14" or "1,10") runs some steps only; steps 2-6 need step 1.
// Called by test/vscode/run.sh with the workspace URL; exit 1 with the reasons when a step fails.
const { mkdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const OUT = process.env.ECOPLAN_WALK_OUT ?? 'test/output/vscode';
const zh = !(process.env.ECOPLAN_UI_LOCALE ?? 'zh-cn').startsWith('en');
const nls = JSON.parse(readFileSync(join(__dirname, '..', '..', zh ? 'package.nls.zh-cn.json' : 'package.nls.json'), 'utf8'));
/** A command as the palette lists it: its category and its title from the extension's nls file. */
const ecoplanCommand = (key) => `EcoPlan: ${nls[key]}`;
const wanted = (() => {
  const spec = process.env.ECOPLAN_WALK_STEPS;
  if (!spec) return () => true;
  const ranges = spec.split(',').map((r) => r.split('-').map(Number));
  return (n) => ranges.some(([a, b = a]) => n >= a && n <= b);
})();
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
    const shot = async (n, name, what) => {
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
    // the status item in the UI's language only
    const statusText = async () => (await page.locator('.statusbar-item').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).find((t) => (zh ? /\d+\/\d+ 约束性/ : /\d+\/\d+ binding/).test(t)) ?? null;
    const suggestOpen = () => page.locator('.suggest-widget.visible').count();
    const firstSuggestion = async () => ((await suggestOpen()) ? (await page.locator('.suggest-widget.visible .monaco-list-row').first().innerText()).split('\n')[0] : '');
    const runCommand = async (title) => {
      await page.keyboard.press('F1');
      await page.waitForTimeout(600);
      await page.keyboard.type(title);
      await page.waitForTimeout(800);
      await page.keyboard.press('Enter');
    };
    /** Opens a workspace file by Quick Open (the Explorer may be closed), as a user types its name. */
    const openFile = async (name) => {
      // on a page just loaded, the first Quick Open can come before the workbench takes keys: try again
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Control+P');
        await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 5000 }).catch(() => null);
        await page.keyboard.type(name);
        await page.waitForTimeout(1500);
        await page.keyboard.press('Enter');
        if (await waitFor(async () => (await activeTab()).startsWith(name), 10000)) return;
        await page.keyboard.press('Escape');
      }
    };
    /** The active tab's file name (its aria-label starts with it). */
    const activeTab = async () => ((await page.locator('.tab.active').first().getAttribute('aria-label', { timeout: 2000 }).catch(() => '')) || '').split(/[,，]/)[0].trim();
    const squiggles = () => page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').count();
    /** The rows of the Problems panel: file rows and problem rows as VS Code renders them. */
    const problemRows = () => page.locator('.markers-panel .monaco-list-row').allInnerTexts().then((t) => t.map((x) => x.replace(/\s+/g, ' ').trim()));
    const showProblems = async () => {
      // the key toggles the panel: pressed only when it is not shown
      if (!(await page.locator('.markers-panel').first().isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+M');
      await page.waitForTimeout(800);
      await page.locator('.markers-panel').first().waitFor({ timeout: 5000 }).catch(() => null);
    };

    // 1. open the plan from the Explorer
    if (wanted(1)) {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'donghu.plan.md' }).first().click({ timeout: 30000 });
      const status = await waitFor(statusText, 120000);
      await waitFor(async () => (await page.locator('.codelens-decoration').allInnerTexts()).some((t) => (zh ? /级/ : /level/).test(t)), 30000);
      const lens = (await page.locator('.codelens-decoration').allInnerTexts()).find((t) => (zh ? /指标检查/ : /Checked against/).test(t)) ?? null;
      await shot(1, 'open-plan', `status bar ${JSON.stringify(status)}; title code lens ${JSON.stringify(lens)}`);
      check(!!status && (zh ? /级 · \d{4}版 · \d+\/\d+ 约束性/ : /level · \d{4} edition · \d+\/\d+ binding/).test(status), `status bar shows no level · edition · coverage: ${JSON.stringify(status)}`);
      // the place is a name of the plan (东湖区) in either language; the words around it are the UI's
      check(!!lens && (zh ? /^按.级指标检查.*更改…$/ : /^Checked against (city|county) level indicators \([^)]*from the (title|front matter)\) · \d{4} edition · Change…$/).test(lens), `no level code lens on the title, in the UI's language: ${JSON.stringify(lens)}`);
    }

    // 2. set the level to 县 through the command (two quick picks); the front matter appears
    if (wanted(2)) {
      await runCommand(ecoplanCommand('command.setPlanSettings'));
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
        return s && (zh ? /县级/ : /county level/).test(s) && /front matter/.test(lensNow) ? s : null;
      }, 20000);
      await shot(2, 'level-set', `front matter ${JSON.stringify(top)}; status bar ${JSON.stringify(county)}`);
      check(JSON.stringify(top.slice(0, 4)) === JSON.stringify(['---', 'ecoplan:', '  level: 县', '  catalogue: national-2019']), `front matter not written: ${JSON.stringify(top)}`);
      check(!!county, 'status bar did not switch to 县级');
    }

    // 3. type `[[` at the end of task 4 and accept an indicator
    let withTag = null;
    if (wanted(3)) {
      // the front matter added 5 lines: task 2 is now line 12, task 3 line 14, task 4 line 16
      await goToLine(16);
      await page.keyboard.press('End');
      await page.keyboard.type('节约用水,');
      await page.keyboard.type('[[');
      const indicatorList = await waitFor(suggestOpen, 8000);
      const firstIndicator = await firstSuggestion();
      await shot(3, 'indicator-completion', `after [[ the list shows ${JSON.stringify(firstIndicator)} first`);
      check(!!indicatorList, 'no completion list after [[');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      await page.keyboard.press('Escape');
      await page.keyboard.press('End');
      withTag = await lineWith(/^4\.开展节水行动/);
      check(!!withTag && /\[\[[^\]\s]+/.test(withTag), `no indicator inserted after [[: ${JSON.stringify(withTag)}`);
    }

    // 4. type `(责任单位:@` and accept a department
    if (wanted(4)) {
      await page.keyboard.type('(责任单位:');
      await page.keyboard.type('@');
      const deptList = await waitFor(suggestOpen, 8000);
      const firstDept = await firstSuggestion();
      await shot(4, 'department-completion', `after @ the list shows ${JSON.stringify(firstDept)} first; line ${JSON.stringify(withTag)}`);
      check(!!deptList, 'no completion list after (责任单位:@');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      await page.keyboard.type(')');
      const withClause = await lineWith(/^4\.开展节水行动/);
      check(!!withClause && /\(责任单位:@?[^)@]+\)/.test(withClause), `no department accepted: ${JSON.stringify(withClause)}`);
    }

    // 5. hover 区生态环境分局 in task 2 and count the rendered lead/support lists
    if (wanted(5)) {
      await goToLine(12);
      await page.keyboard.press('Home');
      for (let i = 0; i < 32; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.waitForSelector('.monaco-hover .rendered-markdown', { timeout: 10000 }).catch(() => null);
      await page.waitForTimeout(800);
      const hover = await page.evaluate((zhUi) => {
        const md = [...document.querySelectorAll('.monaco-hover .rendered-markdown')].find((e) => (zhUi ? /牵头任务/ : /Leads/).test(e.textContent));
        if (!md) return null;
        const out = [];
        for (const el of md.querySelectorAll('p, ul')) {
          // 牵头任务(3) in a Chinese UI, Leads (3) in an English one
          const m = (zhUi ? /(牵头任务|配合任务)\D+(\d+)/ : /(Leads|Supports)\D+(\d+)/).exec(el.textContent);
          if (m && el.tagName === 'P') out.push({ heading: m[1], count: Number(m[2]), items: 0 });
          else if (el.tagName === 'UL' && out.length > 0) out[out.length - 1].items = el.querySelectorAll(':scope > li').length;
        }
        return { title: md.querySelector('strong')?.textContent, lists: out };
      }, zh);
      await shot(5, 'department-hover', `hover ${JSON.stringify(hover)}`);
      check(!!hover && hover.lists.length === 2 && hover.lists.every((l) => l.items === l.count) && hover.lists[0].count >= 1, `department hover lists do not match their counts: ${JSON.stringify(hover)}`);
      await page.keyboard.press('Escape');
    }

    // 6. quick fix on task 3: 添加责任单位, then completion opens inside the clause
    if (wanted(6)) {
      await goToLine(14);
      await page.keyboard.press('End');
      // the code actions of a loaded machine's server can take a while: ask again once
      await page.keyboard.press('Control+.');
      if (!(await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 15000 }).catch(() => null))) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+.');
        await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 15000 }).catch(() => null);
      }
      await page.waitForTimeout(500);
      const fixes = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      const addClause = zh ? '添加责任单位' : 'Add a responsibility clause';
      await shot(6, 'quick-fixes', `quick fixes ${JSON.stringify(fixes)}`);
      // the first row may be the menu's heading (快速修复 / Quick Fix)
      check(fixes.length > 0 && fixes.find((f) => !/^(快速修复|Quick Fix)/.test(f)) === addClause, `${addClause} is not the first quick fix: ${JSON.stringify(fixes)}`);
      const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: addClause }).first();
      await fixRow.click().catch(() => page.keyboard.press('Enter'));
      // the fix's edit, then the server's completion: give a loaded machine time
      const afterFix = await waitFor(suggestOpen, 15000);
      const task3 = await lineWith(/^3\.推进绿色出行/);
      await shot(7, 'fix-then-completion', `line ${JSON.stringify(task3)}; completion open: ${!!afterFix}`);
      check(!!task3 && /\(责任单位:\)$/.test(task3), `添加责任单位 did not insert the clause: ${JSON.stringify(task3)}`);
      check(!!afterFix, 'completion did not open inside the new clause');
      await page.keyboard.press('Escape');
    }

    // 7. the indicator table beside the plan, at half the window (side bars closed)
    if (wanted(7)) {
      await page.keyboard.press('Control+B'); // View: Toggle Primary Side Bar (it is open)
      await page.waitForTimeout(500);
      await runCommand(ecoplanCommand('command.table.indicators'));
      const table = await waitFor(async () => {
        for (const f of page.frames()) {
          const rows = await f.locator('#body tr').count().catch(() => 0);
          if (rows > 0) return { frame: f, rows, groups: await f.locator('#body tr.group').count(), count: await f.locator('#count').innerText() };
        }
        return null;
      }, 30000);
      await page.waitForTimeout(1000);
      await shot(8, 'indicator-table', table ? `table with ${table.rows} rows (${table.groups} domain rows), ${table.count}` : 'no table');
      if (check(!!table, 'the indicator table did not open')) {
        check(table.groups >= 5, `the table has no domain group rows (${table.groups})`);
        await table.frame.locator('#compact').click();
        await page.waitForTimeout(500);
        await shot(9, 'indicator-table-compact', `compact mode: ${await table.frame.locator('body.compact').count()} compact body`);
      }
    }

    // 8. Close All Editors: no plan is active, so no status item; then an undeclared .md (no front
    // matter, not *.plan.md) is checked because its content reads as a plan
    if (wanted(8)) {
      // View: Close All Editors, by its key binding (the palette's title is in the UI's language)
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+W');
      const gone = await waitFor(async () => (await statusText()) === null, 10000);
      check(gone, `the status item stays after Close All Editors: ${JSON.stringify(await statusText())}`);
      await openFile('xishan-plan.md');
      const status = await waitFor(async () => ((await statusText()) ?? '').includes('西山区') && statusText(), 120000);
      const marks = await waitFor(squiggles, 30000);
      const first = (await lines())[0];
      await shot(10, 'undeclared-md', `${await activeTab()}: first line ${JSON.stringify(first)}; ${marks} squiggles; status bar ${JSON.stringify(status)}`);
      check(first === '# 西山区创建国家生态文明建设示范区工作要点', `xishan-plan.md did not open: ${JSON.stringify(first)}`);
      check(marks > 0, 'no squiggle in the undeclared xishan-plan.md');
      check(!!status && (zh ? /县级/ : /county level/).test(status), `no status item for the undeclared xishan-plan.md: ${JSON.stringify(await statusText())}`);
    }

    // 9. a plain-text plan
    if (wanted(9)) {
      await openFile('nanling-plan.txt');
      // 南岭县 is no real place: the item names no place, so wait for it to leave 西山区's
      const status = await waitFor(async () => {
        const now = await statusText();
        return (await activeTab()) === 'nanling-plan.txt' && now && !now.includes('西山区') ? now : null;
      }, 60000);
      const marks = await waitFor(squiggles, 30000);
      await shot(11, 'txt-plan', `${await activeTab()}: ${marks} squiggles; status bar ${JSON.stringify(status)}`);
      check(marks > 0, 'no squiggle in nanling-plan.txt');
      check(!!status && (zh ? /县级/ : /county level/).test(status), `no status item for nanling-plan.txt: ${JSON.stringify(await statusText())}`);
    }

    // 10, 11. department completion finds what people type: `@发改` and `@环境` in a 县 plan
    const typeClause = async (line, typed, expected, n, name) => {
      await goToLine(line);
      await page.keyboard.press('End');
      await page.keyboard.type('(责任单位:');
      await page.keyboard.type(typed);
      // the list follows the last character: wait until its first item is the one for all of `typed`
      const first = await waitFor(async () => {
        const f = await firstSuggestion();
        return f === expected ? f : null;
      }, 10000);
      const shown = first ?? (await firstSuggestion());
      await shot(n, name, `after ${typed} the first item is ${JSON.stringify(shown)}`);
      check(shown === expected, `after (责任单位:${typed} the first item is ${JSON.stringify(shown)}, not ${expected}`);
      if (shown) await page.keyboard.press('Enter');
      await page.waitForTimeout(400);
      await page.keyboard.type(')');
      return lineWith(new RegExp(`^${line - 8}\\.`));
    };
    if (wanted(10)) {
      const l = await typeClause(11, '@发改', '县发展和改革委员会', 12, 'typed-fagai');
      // accepted as an @ tag of the unit's full name
      check(l === '3.推进节约用水。(责任单位:@县发展和改革委员会)', `@发改 did not insert the unit: ${JSON.stringify(l)}`);
    }
    if (wanted(11)) {
      const l = await typeClause(12, '@环境', '县生态环境局', 13, 'typed-huanjing');
      check(l === '4.开展绿色学校创建。(责任单位:@县生态环境局)', `@环境 did not insert the unit: ${JSON.stringify(l)}`);
    }

    // 12. a made-up unit leaves the task without one: its own warning, listed in Problems
    if (wanted(12)) {
      await goToLine(10);
      await page.keyboard.press('End');
      await page.keyboard.type('(责任单位:@jxj');
      await page.keyboard.press('Escape');
      await page.keyboard.type(')');
      await showProblems();
      const expected = zh ? '「jxj」不是可识别的单位名称' : '"jxj" is not a recognisable unit name';
      // the panel's filter keeps the rows to the one looked for (a plan's rows can be more than it shows)
      const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
      await filter.fill('jxj').catch(() => null);
      const row = await waitFor(async () => (await problemRows()).find((r) => r.includes(expected)) ?? null, 20000);
      await shot(14, 'made-up-unit', `Problems: ${JSON.stringify(row)}`);
      check(!!row && row.includes('unrecognised-responsible-unit'), `no unrecognised-responsible-unit warning for @jxj in Problems: ${JSON.stringify(await problemRows())}`);
      await filter.fill('').catch(() => null);
    }

    // 13. a .docx opens as its imported plan (read-only), its problems at their lines
    if (wanted(13)) {
      await openFile('nanling-word.docx');
      // the .docx's own tab gives way to its plan view (the custom editor opens the view in its place)
      const tab = await waitFor(async () => {
        const t = await activeTab();
        return t.startsWith('nanling-word.docx.plan.md') ? t : null;
      }, 30000);
      // the view's own text: the import's front matter names the Word file
      const task = await waitFor(async () => ((await lines())[1] === 'source: nanling-word.docx' ? lineWith(/^2\.加强秸秆综合利用/) : null), 30000);
      const marks = await waitFor(squiggles, 30000);
      await showProblems();
      // a problem row: its message, then [Ln 17, Col 1] (or the language pack's form of it)
      const rows = await waitFor(async () => {
        // the view's group of rows, opened if the panel shows it folded
        const group = page.locator('.markers-panel .monaco-list-row[aria-expanded="false"]', { hasText: 'nanling-word.docx' }).first();
        if (await group.count()) await group.click().catch(() => null);
        const r = (await problemRows()).filter((x) => (zh ? /未明确责任单位/ : /names no responsible unit|has no responsible unit/).test(x) && /\d+\D+\d+\]$/.test(x));
        return r.length >= 3 ? r : null;
      }, 15000);
      const places = (rows ?? []).map((r) => Number(/(\d+)\D+\d+\]$/.exec(r)[1]));
      // the lines the error squiggles are drawn on, by the line numbers beside them (the Problems
      // panel, which may fold a file's group, is only the second witness)
      const squiggleLines = await page.evaluate(() => {
        const editor = document.querySelector('.editor-group-container.active .editor-instance') ?? document;
        const numbers = [...editor.querySelectorAll('.margin-view-overlays > div')].map((d) => ({ top: parseFloat(d.style.top), n: Number(d.querySelector('.line-numbers')?.textContent) }));
        const lines = [...editor.querySelectorAll('.view-overlays .squiggly-error')].map((s) => numbers.find((l) => Math.abs(l.top - parseFloat(s.parentElement.style.top)) < 2)?.n ?? null);
        return [...new Set(lines)].sort((a, b) => a - b);
      });
      await shot(15, 'docx-view', `${tab}: task line ${JSON.stringify(task)}; error squiggles on lines ${JSON.stringify(squiggleLines)}; Problems rows at lines ${JSON.stringify(places)}: ${JSON.stringify(rows?.[0])}`);
      check(!!tab, `the .docx did not open as its plan view: tab ${JSON.stringify(await activeTab())}`);
      check(!!task, 'the imported plan is not shown');
      check(marks > 0, 'no squiggle in the .docx view');
      // tasks 2-4 of the imported plan, which name no unit, are lines 17, 19 and 21 of the view
      check(JSON.stringify(squiggleLines) === '[17,19,21]', `the .docx's errors are not at their lines: squiggles on ${JSON.stringify(squiggleLines)}`);
      check(places.length === 0 || JSON.stringify(places) === '[17,19,21]', `Problems puts the .docx's errors elsewhere: ${JSON.stringify(rows)}`);
      check(!(rows ?? []).some((r) => /\[Word /.test(r)), `a problem of the view names a Word paragraph: ${JSON.stringify(rows)}`);
    }

    // 14. EcoPlan: 导出为 Word… on the .md plan writes xishan-plan.docx beside it
    if (wanted(14)) {
      await openFile('xishan-plan.md');
      await waitFor(async () => (await activeTab()) === 'xishan-plan.md', 10000);
      await page.waitForTimeout(1000);
      await runCommand(ecoplanCommand('command.exportWord'));
      await page.waitForSelector('.quick-input-widget .quick-input-list .monaco-list-row', { timeout: 10000 }).catch(() => null);
      await page.waitForTimeout(500);
      await page.keyboard.press('Enter');
      const done = zh ? 'EcoPlan:已导出 xishan-plan.docx' : 'EcoPlan: exported xishan-plan.docx';
      const toast = await waitFor(async () => (await page.locator('.notification-toast').allInnerTexts()).find((t) => t.includes(done)) ?? null, 30000);
      await page.keyboard.press('Control+Shift+E'); // View: Show Explorer
      const listed = await waitFor(() => page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'xishan-plan.docx' }).count(), 10000);
      await shot(16, 'export-word', `notification ${JSON.stringify(toast)}; Explorer lists xishan-plan.docx: ${!!listed}`);
      check(!!toast, `no notification that xishan-plan.docx was written: ${JSON.stringify(await page.locator('.notification-toast').allInnerTexts())}`);
      check(!!listed, 'xishan-plan.docx is not in the Explorer');
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
