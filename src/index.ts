/**
 * Stratus from code: `import { startStratus } from 'stratus'` starts a server in this process on a
 * free port (ephemeral unless a data directory is given) for a test run.
 *
 *   const stratus = await startStratus({ services: ['dynamodb'] });
 *   const ddb = new DynamoDBClient({ endpoint: stratus.endpoint, region: stratus.region, credentials: stratus.credentials });
 *   ...
 *   await stratus.reset();   // between tests
 *   await stratus.stop();
 */
import { defaultConfig, type Config } from './core/config.js';
import { startStratus as startServer } from './server/server.js';

export interface StratusOptions {
  /** Port to listen on; default 0, any free one. */
  port?: number;
  /** Address to bind; default 127.0.0.1. */
  host?: string;
  /** Where data lives; default none (ephemeral: removed on stop). */
  dataDir?: string;
  /** Keep nothing after stop even when dataDir is given. */
  ephemeral?: boolean;
  /** Load only these services (names as /_stratus/health lists them); default every one. */
  services?: string[];
  /** Region of unsigned requests and of the init hooks; default us-east-1. */
  region?: string;
  /** 'open' (any credentials, the default) or 'strict' (SigV4 verified). */
  auth?: 'open' | 'strict';
  /** Init hooks in LocalStack's layout (boot.d, start.d, ready.d, shutdown.d); ready.d has run when the promise resolves. */
  initDir?: string;
  /** A snapshot file to start from. */
  restore?: string;
  /** One JSON log line per request on stdout; default false. */
  logRequests?: boolean;
  /** Service settings, as in the configuration file's `services` (e.g. { lambda: { concurrency: 10 } }). */
  serviceSettings?: Record<string, Record<string, unknown>>;
}

/** A fault rule for `faults()` (POST /_stratus/faults); see docs/localstack-migration.md. */
export interface FaultRule {
  service: string;
  operation?: string;
  region?: string;
  resource?: string;
  probability?: number;
  error?: string | { code: string; statusCode?: number; message?: string };
  latencyMs?: number;
  times?: number;
}

export interface RunningStratus {
  /** e.g. http://127.0.0.1:41234: give it to SDK clients as `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  readonly region: string;
  /** The test credentials the server accepts. */
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  /** Empties the named services, or every one (POST /_stratus/reset). */
  reset(services?: string[]): Promise<void>;
  /** Sets the fault rules (an empty list clears them). */
  faults(rules: FaultRule[]): Promise<void>;
  /** Writes the whole state to one file / replaces it with a file's (absolute paths). */
  snapshot(path: string): Promise<void>;
  restore(path: string): Promise<void>;
  /** Moves the server's clock forward (timers, TTLs, schedules and retention see it). */
  advanceClock(ms: number): Promise<void>;
  /** Stops the server (the shutdown.d hooks first) and removes ephemeral data. */
  stop(): Promise<void>;
}

/** Starts Stratus in this process; resolves once it serves (and its ready.d hooks have run). */
export async function startStratus(options: StratusOptions = {}): Promise<RunningStratus> {
  const config: Config = {
    ...defaultConfig(),
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    dataDir: options.ephemeral ? undefined : options.dataDir,
    auth: options.auth ?? 'open',
    defaultRegion: options.region ?? 'us-east-1',
    logRequests: options.logRequests ?? false,
    services: options.serviceSettings ?? {},
    serviceNames: options.services,
    initDir: options.initDir,
    restoreFrom: options.restore,
  };
  const server = await startServer(config);
  await server.runReadyHooks();
  const call = async (method: string, path: string, body?: unknown): Promise<void> => {
    const res = await fetch(`${server.endpoint}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const credential = config.credentials[0]!;
  return {
    endpoint: server.endpoint,
    port: server.port,
    region: config.defaultRegion,
    credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey },
    reset: (services) => call('POST', `/_stratus/reset${services ? `?services=${services.join(',')}` : ''}`),
    faults: (rules) => call('POST', '/_stratus/faults', { rules }),
    snapshot: (path) => call('POST', '/_stratus/snapshot', { path }),
    restore: (path) => call('POST', '/_stratus/restore', { path }),
    advanceClock: (ms) => call('POST', '/_stratus/clock', { advanceMs: ms }),
    stop: () => server.close(),
  };
}
