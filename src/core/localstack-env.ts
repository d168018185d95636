/**
 * LocalStack's environment variables, read so that a docker-compose file or CI job written for
 * LocalStack starts Stratus unchanged. Those with a Stratus meaning become settings (below the
 * STRATUS_* variables and the flags, which win); the other LocalStack variables set are named, so the
 * start-up line can say they are ignored. docs/localstack-migration.md lists both.
 */

/** What LocalStack's variables set: the same fields as the STRATUS_* variables they stand for. */
export interface LocalStackSettings {
  host?: string;
  port?: number;
  /** PERSISTENCE=0 (LocalStack's default): keep nothing after exit. */
  ephemeral?: boolean;
  dataDir?: string;
  services?: string[];
  logRequests?: boolean;
  defaultRegion?: string;
  lambda?: Record<string, unknown>;
}

export interface LocalStackEnv {
  settings: LocalStackSettings;
  /** The variables read, e.g. `SERVICES`. */
  mapped: string[];
  /** LocalStack's variables set that mean nothing here. */
  ignored: string[];
}

/** Variables LocalStack reads (exactly, or by prefix) that Stratus has no use for. */
const IGNORED_NAMES = new Set([
  'LOCALSTACK_HOST', 'HOSTNAME_EXTERNAL', 'HOSTNAME', 'USE_SSL', 'EAGER_SERVICE_LOADING', 'STRICT_SERVICE_LOADING',
  'ACTIVATE_PRO', 'MAIN_CONTAINER_NAME', 'MAIN_DOCKER_NETWORK', 'DISABLE_CORS_CHECKS', 'DISABLE_CORS_HEADERS',
  'DISABLE_CUSTOM_CORS_S3', 'DISABLE_CUSTOM_CORS_APIGATEWAY', 'DISABLE_EVENTS', 'EXTRA_CORS_ALLOWED_ORIGINS',
  'SKIP_INFRA_DOWNLOADS', 'SKIP_SSL_CERT_DOWNLOAD', 'SNAPSHOT_SAVE_STRATEGY', 'SNAPSHOT_LOAD_STRATEGY',
  'SNAPSHOT_FLUSH_INTERVAL', 'ALLOW_NONSTANDARD_REGIONS', 'PARITY_AWS_ACCESS_KEY_ID', 'GATEWAY_SERVER',
  'OPENAPI_VALIDATE_REQUEST', 'OPENAPI_VALIDATE_RESPONSE', 'IN_DOCKER', 'LEGACY_DOCKER_CLIENT', 'DOCKER_FLAGS',
  'DOCKER_SOCK', 'DOCKER_CMD', 'DOCKER_BRIDGE_IP', 'PORTS_CHECK_DOCKER_IMAGE', 'DEBUG_PLUGIN_LOADING',
]);
const IGNORED_PREFIXES = ['LOCALSTACK_', 'LS_', 'LAMBDA_', 'SQS_', 'S3_', 'DYNAMODB_', 'KINESIS_', 'PROVIDER_OVERRIDE_', 'EDGE_', 'DNS_', 'CFN_', 'EXTERNAL_SERVICE_PORTS_'];

const truthy = (v: string): boolean => ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase());

/** `GATEWAY_LISTEN`: `host:port`, `:port` or `host`, comma-separated; the first is served. */
function parseListen(value: string): { host?: string; port?: number } {
  const first = value.split(',')[0]!.trim();
  const m = /^(?:\[([^\]]+)\]|([^:]*))(?::(\d+))?$/.exec(first);
  if (!m) throw new Error(`GATEWAY_LISTEN: cannot read ${value} (expected host:port)`);
  const host = m[1] ?? m[2];
  const port = m[3] === undefined ? undefined : Number(m[3]);
  if (port !== undefined && !(port >= 0 && port <= 65535)) throw new Error(`GATEWAY_LISTEN: invalid port in ${value}`);
  return { host: host || undefined, port };
}

/** Reads LocalStack's variables from `env`. Throws, naming the variable, for a value that cannot be read. */
export function readLocalStackEnv(env: NodeJS.ProcessEnv): LocalStackEnv {
  const settings: LocalStackSettings = {};
  const mapped: string[] = [];
  const ignored: string[] = [];
  const take = (name: string): string | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    mapped.push(name);
    return v;
  };
  const listen = take('GATEWAY_LISTEN');
  if (listen !== undefined) Object.assign(settings, parseListen(listen));
  const edgePort = take('EDGE_PORT');
  if (edgePort !== undefined && settings.port === undefined) {
    const n = Number(edgePort);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`EDGE_PORT: invalid port ${edgePort}`);
    settings.port = n;
  }
  const persistence = take('PERSISTENCE');
  if (persistence !== undefined) settings.ephemeral = !truthy(persistence);
  const dataDir = take('DATA_DIR');
  if (dataDir !== undefined) settings.dataDir = dataDir;
  const services = take('SERVICES');
  if (services !== undefined) settings.services = services.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const debug = take('DEBUG');
  if (debug !== undefined && truthy(debug)) settings.logRequests = true;
  const region = take('DEFAULT_REGION');
  if (region !== undefined) settings.defaultRegion = region;
  const lambda: Record<string, unknown> = {};
  const keepAlive = take('LAMBDA_KEEPALIVE_MS');
  if (keepAlive !== undefined) {
    const ms = Number(keepAlive);
    if (!(ms >= 0)) throw new Error(`LAMBDA_KEEPALIVE_MS: not a number of milliseconds: ${keepAlive}`);
    lambda.idleTimeoutSeconds = Math.max(1, Math.round(ms / 1000));
  }
  const concurrency = take('LAMBDA_LIMITS_CONCURRENT_EXECUTIONS');
  if (concurrency !== undefined) {
    const n = Number(concurrency);
    if (!Number.isInteger(n) || n < 1) throw new Error(`LAMBDA_LIMITS_CONCURRENT_EXECUTIONS: not a positive integer: ${concurrency}`);
    lambda.concurrency = n;
  }
  if (Object.keys(lambda).length > 0) settings.lambda = lambda;
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || mapped.includes(name) || name.startsWith('STRATUS_')) continue;
    // HOSTNAME is every container's own; it says nothing about LocalStack.
    if (name === 'HOSTNAME') continue;
    if (IGNORED_NAMES.has(name) || IGNORED_PREFIXES.some((p) => name.startsWith(p))) ignored.push(name);
  }
  return { settings, mapped, ignored: ignored.sort() };
}
