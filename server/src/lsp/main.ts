// The server's entry (dist/server.js): the stdio (or --node-ipc, --socket) connection, validated
// message by message, served by startServer. server.ts itself opens nothing when imported.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, validatingStrategy, type ServerContext } from './server';

const context: ServerContext = { locale: () => 'zh', warn: () => {} };
startServer(createConnection(ProposedFeatures.all, { messageStrategy: validatingStrategy(context) }), context);
