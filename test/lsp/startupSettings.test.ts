// Start-up as VS Code does it: settings in initialize, then pulled again (workspace/configuration)
// after `initialized`. Pulling the same settings must not analyse and publish the open plans again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

const PLAN = ['# 某方案', '二、主要任务', '1.治理。城镇污水处理率达90%以上。(责任单位:市住建局)'].join('\n');

/** What VS Code's workspace/configuration gives for the `ecoplan` section: every key, empty when unset. */
const pulled = (level: string) => ({ catalogue: 'national-2019', level, departments: '', rules: { 'missing-binding-indicators': 'off' }, include: [], diagnostics: { scope: 'openFiles' } });

/**
 * Starts a server with `level: 县` in initialize, opens the plan, and answers the server's
 * workspace/configuration with `answer` only after the first diagnostics arrived. Returns every
 * publication for the plan within a second after that.
 */
async function startAndPull(answer: object) {
  const folder = mkdtempSync(join(tmpdir(), 'ecoplan-start-settings-'));
  const uri = pathToFileURL(join(folder, 'plan.plan.md')).toString();
  const client = new LspClient();
  let firstSeen!: () => void;
  const first = new Promise<void>((r) => (firstSeen = r));
  let pulls = 0;
  client.connection.onRequest('workspace/configuration', async () => {
    pulls++;
    await first;
    return [answer];
  });
  try {
    // what the VS Code client sends (client/src/extension.ts `settings()`): unset strings left out
    const init = { settings: { catalogue: 'national-2019', level: '县', rules: { 'missing-binding-indicators': 'off' }, include: [], diagnostics: { scope: 'openFiles' } } };
    await client.initialize(folder, { workspace: { configuration: true } }, init);
    const published: PublishDiagnosticsParams[] = [await (client.open(uri, PLAN), client.nextDiagnostics(uri))];
    firstSeen();
    const deadline = Date.now() + 1000;
    while (Date.now() < deadline) {
      const next = await Promise.race([client.nextDiagnostics(uri), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (next) published.push(next);
    }
    return { pulls, published: published.map((p) => p.diagnostics.map((d) => `${d.code}@${d.range.start.line}`)) };
  } finally {
    await client.stop();
  }
}

describe('server start-up with pulled settings', () => {
  it('publishes the open plan once when the pulled settings are those of initialize', async () => {
    const r = await startAndPull(pulled('县'));
    expect(r.pulls).toBe(1);
    expect(r.published).toEqual([[]]);
  });

  it('analyses and publishes again when the pulled settings differ', async () => {
    const r = await startAndPull(pulled('市'));
    expect(r.pulls).toBe(1);
    expect(r.published).toEqual([[], ['target-below-threshold@2']]);
  });
});
