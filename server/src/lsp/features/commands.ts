import type { Connection } from 'vscode-languageserver/node';
import type { PlanWorkspace } from '../planWorkspace';

export const COMMANDS = { coverage: 'ecoplan.server.coverage' };

/** `ecoplan.server.coverage [uri]`: the binding-indicator coverage and problem counts the status bar and report show. */
export function registerCommands(connection: Connection, ws: PlanWorkspace) {
  connection.onExecuteCommand(({ command, arguments: args }) => {
    if (command !== COMMANDS.coverage) return null;
    const uri = typeof args?.[0] === 'string' ? args[0] : null;
    const a = uri ? ws.analysisOf(uri) : null;
    if (!a) return null;
    const count = (s: string) => a.diagnostics.filter((d) => d.severity === s).length;
    return {
      uri,
      edition: a.edition.id,
      level: a.settings.level,
      binding: a.coverage,
      tasks: a.model.tasks.length,
      tasksWithoutUnit: a.model.tasks.filter((t) => t.noUnit).length,
      errors: count('error'),
      warnings: count('warning'),
    };
  });
}
