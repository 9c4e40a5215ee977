import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) => connection.console.error(`haproxy: uncaught ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`haproxy: unhandled rejection ${String(reason)}`));
startServer(connection);
