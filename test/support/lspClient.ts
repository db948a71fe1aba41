import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** Starts the real bundled server (dist/server.js) over stdio and speaks JSON-RPC to it. */
export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly proc: ChildProcess;
  readonly published = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';

  constructor() {
    // ECOPLAN_SERVER_NODE_ARGS: extra Node flags for the server (`--cpu-prof` to profile a bench run)
    const nodeArgs = (process.env.ECOPLAN_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.proc = spawn(process.execPath, [...nodeArgs, join(process.cwd(), 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      const ready = this.waiters.filter((w) => w.uri === p.uri);
      this.waiters = this.waiters.filter((w) => w.uri !== p.uri);
      for (const w of ready) w.resolve(p);
    });
    this.connection.onRequest('workspace/configuration', () => [null]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  async initialize(folder: string, capabilities: ClientCapabilities = {}, initializationOptions?: unknown, locale = 'zh-cn'): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(folder).toString(),
      workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'plans' }],
      capabilities,
      locale,
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The server's process id (the benches read its CPU time and peak memory from /proc). */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** Initialize on a folder, open one plan and wait for its first diagnostics. */
  async startWith(folder: string, uri: string, text: string, capabilities: ClientCapabilities = {}): Promise<PublishDiagnosticsParams> {
    await this.initialize(folder, capabilities);
    const first = this.nextDiagnostics(uri);
    this.open(uri, text);
    return first;
  }

  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, resolve }));
  }

  open(uri: string, text: string, version = 1) {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, changes: { range?: unknown; text: string }[]) {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  notify(method: string, params: unknown) {
    void this.connection.sendNotification(method, params);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop() {
    const exited = new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest('shutdown');
      void this.connection.sendNotification('exit');
      // let the server exit by itself (a --cpu-prof profile is written on exit), but not for long
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.proc.kill();
  }
}
