// The server's entry (dist/server.js): the stdio (or --node-ipc, --socket) connection, validated
// message by message, served by startServer. server.ts itself opens nothing when imported.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { consoleToClient, stdioWriter } from './publishWriter';
import { startServer, validatingStrategy, type ServerContext } from './server';

const context: ServerContext = { locale: () => 'zh', warn: () => {} };
const messageStrategy = validatingStrategy(context);
// Over stdio the server writes with its own encoder for publishDiagnostics (publishWriter.ts); the
// library reads stdin as it would (and ends the process when stdin closes). IPC and sockets: as set up by the library.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? // vscode-jsonrpc takes a MessageWriter where a stream is typed (createMessageConnection wraps only streams)
    createConnection(ProposedFeatures.all, process.stdin, stdioWriter() as unknown as NodeJS.WritableStream, { messageStrategy })
  : createConnection(ProposedFeatures.all, { messageStrategy });
if (stdio) consoleToClient(connection);
startServer(connection, context);
