/**
 * Starts Stratus with the services the Lambda bench needs, in its own process (so the load
 * generator does not share the server's event loop). Prints "ready at <endpoint>".
 * IDLE_SECONDS, MAX_IDLE and MAX_STARTING set the matching `services.lambda` keys;
 * LAMBDA_SETTINGS (JSON) is merged over them (the rotation bench compares settings with it).
 */
import { defaultConfig } from '../../src/core/config.js';
import { startStratus } from '../../src/server/server.js';
import { definition as lambda } from '../../src/services/lambda/index.js';
import { definition as logs } from '../../src/services/logs/index.js';

const config = {
  ...defaultConfig(),
  port: 0,
  dataDir: undefined,
  logRequests: false,
  services: {
    lambda: {
      idleTimeoutSeconds: Number(process.env.IDLE_SECONDS ?? 300),
      ...(process.env.MAX_IDLE ? { maxIdleEnvironments: Number(process.env.MAX_IDLE) } : {}),
      ...(process.env.MAX_STARTING ? { maxStartingEnvironments: Number(process.env.MAX_STARTING) } : {}),
      ...(process.env.PREWARM === '0' ? { prewarm: false } : {}),
      ...(process.env.LAMBDA_SETTINGS ? (JSON.parse(process.env.LAMBDA_SETTINGS) as Record<string, unknown>) : {}),
    },
  },
};
const stratus = await startStratus(config, { services: [lambda, logs] });
process.stdout.write(`ready at ${stratus.endpoint}\n`);
const stop = (): void => {
  void stratus.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
