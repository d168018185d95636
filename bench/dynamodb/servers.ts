/**
 * The two servers the benchmark compares, each in its own process:
 *   node servers.js stratus <dataDir>   Stratus with only DynamoDB loaded, durable storage in dataDir
 *   node servers.js dynalite            dynalite (in-memory LevelDB)
 * Each prints "ready at <endpoint>" once listening.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

const kind = process.argv[2];
if (kind === 'stratus') {
  const { defaultConfig } = await import('../../src/core/config.js');
  const { startStratus } = await import('../../src/server/server.js');
  const { definition } = await import('../../src/services/dynamodb/index.js');
  const stratus = await startStratus(
    { ...defaultConfig(), port: 0, dataDir: process.argv[3], logRequests: false, services: { dynamodb: { throttling: false } } },
    { services: [definition] },
  );
  console.log(`ready at ${stratus.endpoint}`);
  process.on('SIGTERM', () => void stratus.close().then(() => process.exit(0)));
} else if (kind === 'dynalite') {
  const require = createRequire(import.meta.url);
  const dynalite = require('dynalite') as (opts: Record<string, unknown>) => import('node:http').Server;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  server.listen(0, '127.0.0.1', () => {
    console.log(`ready at http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  console.error('usage: servers.js stratus <dataDir> | dynalite');
  process.exit(2);
}
