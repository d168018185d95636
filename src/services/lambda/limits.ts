/** Lambda's limits (AWS's defaults) and the runtimes Stratus runs. */

export const MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
export const MAX_ASYNC_PAYLOAD = 1024 * 1024;
export const MAX_ZIPPED_BYTES = 50 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 262_144_000;
/** Code storage of an account (75 GB). */
export const MAX_TOTAL_CODE_BYTES = 80_530_636_800;
export const MAX_ENV_BYTES = 4096;
export const MAX_POLICY_BYTES = 20480;
/** Layers one function may reference. */
export const MAX_LAYERS_PER_FUNCTION = 5;
export const MAX_CLIENT_CONTEXT = 3583;
/** The longest function timeout, in seconds. */
export const MAX_TIMEOUT_SECONDS = 900;
export const DEFAULT_ACCOUNT_CONCURRENCY = 1000;
export const MIN_UNRESERVED = 100;
export const DEFAULT_IDLE_SECONDS = 300;
/**
 * Idle (warm) environments are bounded by memory (Stratus runs on one machine): by default their
 * RSS may take this share of the machine's memory (or of the cgroup limit, when lower).
 */
export const DEFAULT_IDLE_MEMORY_SHARE = 0.25;
/**
 * A ceiling on the number of idle environments when `maxIdleEnvironments` is not set: a guard on
 * processes and descriptors for very small functions, far above what the memory budget allows
 * for Node or Python ones (25% of 8 GB holds about 45 idle Node environments).
 */
export const DEFAULT_MAX_IDLE = 1000;
export const DEFAULT_PAGE_SIZE = 50;
/** Delays before the second and third attempt of an async invocation that failed. */
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000];
export const MAX_EVENT_AGE_MS = 6 * 3600_000;

export const SUPPORTED_RUNTIMES: readonly string[] = [
  'nodejs18.x',
  'nodejs20.x',
  'nodejs22.x',
  'nodejs24.x',
  'python3.9',
  'python3.10',
  'python3.11',
  'python3.12',
  'python3.13',
  'python3.14',
  'provided',
  'provided.al2',
  'provided.al2023',
];

export const DEPRECATED_RUNTIMES: ReadonlySet<string> = new Set([
  'nodejs',
  'nodejs4.3',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
  'nodejs16.x',
  'nodejs4.3-edge',
  'python2.7',
  'python3.6',
  'python3.7',
  'python3.8',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
  'dotnetcore3.1',
  'dotnet6',
  'ruby2.5',
  'ruby2.7',
  'go1.x',
  'java8',
]);

/** Environment variables the runtime sets, which a function's configuration may not. */
export const RESERVED_ENV: ReadonlySet<string> = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);
