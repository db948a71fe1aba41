// Drives code-server in headless Chromium: opens problem-plan.md and checks what EcoPlan shows.
// Called by test/vscode/run.sh (ECOPLAN_UI_LOCALE: the UI's locale; ECOPLAN_WALK_OUT: where the
// screenshot goes). Exit 1 with the reason when something is missing.
const { mkdirSync } = require('node:fs');
const { chromium } = require('playwright-core');

const zh = !(process.env.ECOPLAN_UI_LOCALE ?? 'zh-cn').startsWith('en');
const OUT = process.env.ECOPLAN_WALK_OUT ?? 'test/output/vscode';

async function main(url) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const failures = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForTimeout(4000);
    // open the plan from the Explorer (a fresh profile may put the keyboard focus in another panel)
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'problem-plan.md' }).first().click({ timeout: 30000 });
    const t0 = Date.now();
    let squiggles = 0;
    for (let i = 0; i < 150 && squiggles === 0; i++) {
      await page.waitForTimeout(1000);
      squiggles = await page.locator('.squiggly-error').count();
    }
    const firstMs = Date.now() - t0;
    // code lenses, inlay hints and semantic tokens follow the diagnostics (slowly on a loaded machine)
    for (let i = 0; i < 60 && (await page.locator('.codelens-decoration').count()) === 0; i++) await page.waitForTimeout(1000);
    await page.waitForTimeout(2000);
    const status = (await page.locator('.statusbar-item').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const lenses = (await page.locator('.codelens-decoration').allInnerTexts()).filter(Boolean);
    const toasts = await page.locator('.notification-toast').allInnerTexts();
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: `${OUT}/00-check.png` });
    console.log(`error squiggles: ${squiggles} (first after ${firstMs} ms)`);
    console.log(`status bar: ${JSON.stringify(status.filter((t) => /binding|约束/.test(t)))}`);
    console.log(`code lenses: ${JSON.stringify(lenses.slice(0, 3))}`);
    if (squiggles === 0) failures.push('no error squiggle in problem-plan.md');
    // one language per UI: the Chinese words in a Chinese UI, the English ones in an English UI
    if (!status.some((t) => (zh ? /\d+\/\d+ 约束性/ : /\d+\/\d+ binding/).test(t))) failures.push(`no EcoPlan coverage item in the status bar (in the ${zh ? 'Chinese' : 'English'} UI)`);
    if (!lenses.some((t) => (zh ? /\d+ 项任务/ : /\b\d+ tasks?\b/).test(t))) failures.push(`no task-count code lens (in the ${zh ? 'Chinese' : 'English'} UI)`);
    if (toasts.length > 0) failures.push(`VS Code showed notifications: ${JSON.stringify(toasts)}`);
  } finally {
    await browser.close();
  }
  if (failures.length > 0) {
    console.error(`code-server check FAILED:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`code-server check passed (screenshot: ${OUT}/00-check.png)`);
}

main(process.argv[2]).catch((e) => {
  console.error(e);
  process.exit(1);
});
