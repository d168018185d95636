/**
 * AWS Lambda (restJson1, 2015-03-31): the control plane in SQL (ops/), invocations in execution
 * environments (child processes talking to the Lambda Runtime API; see src/runtime/ and invoke/).
 */
import { totalmem } from 'node:os';
import type { LambdaApi } from '../../generated/lambda.js';
import type { EnvironmentSpec, LogEvent } from '../../runtime/environment.js';
import { EnvironmentPool } from '../../runtime/pool.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { LambdaCore } from './core.js';
import { codeDownloadRoute } from './dataplane.js';
import { AsyncQueue } from './invoke/async-queue.js';
import { ResponseStreamOps } from './invoke/response-stream.js';
import { InvocationRunner, InvokeOps } from './invoke/sync.js';
import { DEFAULT_IDLE_MEMORY_SHARE, DEFAULT_IDLE_SECONDS, DEFAULT_MAX_IDLE } from './limits.js';
import { ConcurrencyOps } from './ops/concurrency.js';
import { EventConfigOps } from './ops/event-config.js';
import { EventSourceOps } from './ops/event-sources.js';
import { MappingPollers } from './esm/pollers.js';
import { FunctionOps } from './ops/functions.js';
import { LayerOps } from './ops/layers.js';
import { PermissionOps } from './ops/permissions.js';
import { TagOps } from './ops/tags.js';
import { UrlOps } from './ops/urls.js';
import { VersionAliasOps } from './ops/versions-aliases.js';
import { layOut } from './paths.js';
import { functionUrlRoutes } from './urls/dataplane.js';
import { URL_MIGRATIONS, UrlDirectory } from './urls/store.js';
import { SnapStartVersions } from './snapstart.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  const layout = layOut(platform.config);
  const settings = platform.config.services.lambda ?? {};
  const idle = Number(settings.idleTimeoutSeconds);
  const maxIdle = Number(settings.maxIdleEnvironments);
  const maxIdleMemoryMb = Number(settings.maxIdleMemoryMb);
  // Function logs go to CloudWatch Logs, whether or not the Logs service is loaded.
  const writeLogs = (spec: EnvironmentSpec, stream: string, events: LogEvent[]): void =>
    platform.logs.put({ accountId: spec.accountId, region: spec.region, logGroupName: spec.logGroupName, logStreamName: stream, events });
  const pool = new EnvironmentPool(layout.paths, platform.clock, writeLogs, {
    idleTimeoutMs: (Number.isFinite(idle) && idle > 0 ? idle : DEFAULT_IDLE_SECONDS) * 1000,
    maxIdle: Number.isInteger(maxIdle) && maxIdle >= 0 ? maxIdle : DEFAULT_MAX_IDLE,
    maxIdleMemoryKb: (Number.isFinite(maxIdleMemoryMb) && maxIdleMemoryMb >= 0 ? maxIdleMemoryMb : defaultIdleMemoryMb()) * 1024,
    prewarm: settings.prewarm !== false,
    maxSparesPerKind: Number.isInteger(settings.maxSparesPerKind) && (settings.maxSparesPerKind as number) >= 1 ? (settings.maxSparesPerKind as number) : undefined,
    // Environments starting at once (default: CPU count, at least 2); see src/runtime/pool.ts.
    maxStarting: settings.maxStartingEnvironments === undefined ? undefined : Number(settings.maxStartingEnvironments),
    // SnapStart templates kept with no live environment (src/runtime/snapstart.ts).
    maxSnapshots: settings.maxSnapshots === undefined ? undefined : Number(settings.maxSnapshots),
  });
  const core = await LambdaCore.open(platform, pool, layout);
  await platform.db.migrate('lambda.urls', URL_MIGRATIONS);
  const runner = new InvocationRunner(core);
  core.snapStart = new SnapStartVersions(core, (scope, name, config) => runner.specFor(scope, name, config));
  await core.snapStart.recover();
  const queue = new AsyncQueue(core, runner);
  const mappings = new MappingPollers(core, runner);
  const { isolation } = layout.paths;
  const provider = defineProvider<LambdaApi>()(
    [new FunctionOps(core), new VersionAliasOps(core), new ConcurrencyOps(core), new PermissionOps(core), new TagOps(core), new EventConfigOps(core), new EventSourceOps(core, mappings), new LayerOps(core), new InvokeOps(core, runner, queue), new ResponseStreamOps(core, runner), new UrlOps(core)],
    {
      dataPlanes: [codeDownloadRoute(core.code), ...functionUrlRoutes(core, runner, new UrlDirectory(core))],
      resourcePolicy: (arn) => core.policies.get(arn),
      health: () => ({ environments: pool.stats(), isolation: isolation.mode, ...(isolation.reason ? { isolationReason: isolation.reason } : {}) }),
      async close() {
        await pool.close();
        core.files.removeTemporaryDirectories();
      },
    },
  );
  // The pool stays reachable on the provider for tests that watch its environments.
  return Object.assign(provider, { pool });
}

/** The default budget of idle environments (MB): a share of the machine's memory, or of the cgroup's limit when lower. */
function defaultIdleMemoryMb(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  const bytes = limit > 0 ? Math.min(limit, totalmem()) : totalmem();
  return Math.floor((bytes * DEFAULT_IDLE_MEMORY_SHARE) / (1024 * 1024));
}
