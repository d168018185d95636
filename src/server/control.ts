/**
 * The server's own routes: `/_stratus/*` (health, the clock, reset, faults, snapshot and restore,
 * the recent requests, the web console's files)
 * and LocalStack's `/_localstack/*` (health, info, init) in LocalStack's shapes, so that scripts and
 * health checks written for LocalStack work unchanged. docs/localstack-migration.md.
 */
import { randomUUID } from 'node:crypto';
import { hostname, platform as osPlatform } from 'node:os';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import type { PlatformClock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import { send, type HttpRequest, type ResponseSink } from '../core/http.js';
import { VERSION } from '../core/version.js';
import type { Db } from '../storage/db.js';
import { SnapshotError, type Snapshots } from '../storage/snapshot.js';
import type { ServiceEntry } from '../services/service.js';
import { FaultRuleError, parseRules, type Faults } from './faults.js';
import { STAGES, type InitHooks, type Stage } from './init-hooks.js';
import { CONSOLE_PREFIX, createConsoleAssets } from './console-assets.js';
import type { RequestLog } from './request-log.js';

export interface ControlHost {
  readonly config: Config;
  readonly clock: PlatformClock;
  readonly db: Db;
  readonly startedAt: number;
  readonly services: () => ReadonlyMap<string, ServiceEntry>;
  readonly faults: Faults;
  readonly init: InitHooks | undefined;
  readonly snapshots: Snapshots | undefined;
  readonly requests: RequestLog;
  /** The console's folder (tests); the package's own `console/` when undefined. */
  readonly consoleDir?: string;
  /** Empties the named services (every one when undefined) and starts them again. */
  reset(services: string[] | undefined): Promise<string[]>;
  /** Replaces the whole state with a snapshot's and starts the services again. */
  restore(path: string): Promise<void>;
}

/**
 * JSON as LocalStack writes it (Python's json.dumps: `", "` and `": "` between members), since health
 * checks grep its text: `curl .../_localstack/init/ready | grep '"completed": true'`.
 */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const SESSION_ID = randomUUID();
const MACHINE_ID = `stratus_${hostname()}`;

class BadRequest extends Error {}

export function createControl(host: ControlHost) {
  const json = (req: HttpRequest, res: ResponseSink, status: number, body: unknown): void => {
    const text = req.rawPath.startsWith('/_localstack/') ? pythonJson(body) : JSON.stringify(body);
    send(res, req, { status, headers: { 'content-type': 'application/json' }, body: text });
  };
  const bodyOf = (req: HttpRequest): Record<string, unknown> => {
    try {
      const v = JSON.parse(req.body.toString('utf8') || '{}') as unknown;
      if (typeof v !== 'object' || v === null) throw new Error();
      return v as Record<string, unknown>;
    } catch {
      throw new BadRequest('body must be a JSON object');
    }
  };
  const pathOf = (req: HttpRequest): string => {
    const path = bodyOf(req).path;
    if (typeof path !== 'string' || !isAbsolute(path)) throw new BadRequest('body must be {"path": "/absolute/file"}');
    return path;
  };
  const consoleAssets = createConsoleAssets(host.consoleDir);
  const serviceNames = () => [...host.services().keys()];
  const uptime = () => Math.round((Date.now() - host.startedAt) / 1000);

  /** LocalStack's /_localstack/health: every service served, `running` (a lazy one answers its first request by loading). */
  function localstackHealth(): unknown {
    const body: Record<string, unknown> = { services: Object.fromEntries(serviceNames().map((n) => [n, 'running'])), edition: 'community', version: VERSION };
    if (host.init) body.features = { initScripts: host.init.completed.READY ? 'initialized' : 'initializing' };
    return body;
  }

  function stratusHealth(): unknown {
    const { config, db } = host;
    const init = host.init;
    return {
      version: VERSION,
      uptimeSeconds: uptime(),
      // The console asks for an access key in strict mode (it signs its calls like any client).
      auth: config.auth,
      region: config.defaultRegion,
      storage: { dialect: db.dialect, dataDir: config.dataDir ? resolvePath(config.dataDir) : null },
      // `loaded`: whether its implementation is loaded yet (on first use); the health detail is a loaded one's.
      services: Object.fromEntries([...host.services().values()].map((s) => [s.definition.name, { state: 'running', loaded: s.loaded, ...(s.loaded ? s.provider.health?.() : {}) }])),
      ...(init && {
        init: {
          dir: init.dir,
          ready: init.completed.READY,
          completed: init.completed,
          failed: init.failed().map((s) => ({ stage: s.stage, script: s.path, exitCode: s.exitCode ?? null })),
        },
      }),
      faults: host.faults.rules.length,
    };
  }

  async function route(req: HttpRequest, res: ResponseSink): Promise<void> {
    const { method } = req;
    if (req.rawPath === CONSOLE_PREFIX || req.rawPath.startsWith(`${CONSOLE_PREFIX}/`)) return consoleAssets(req, res);
    const path = req.rawPath.replace(/\/+$/, '') || '/';
    const get = method === 'GET' || method === 'HEAD';
    switch (path) {
      case '/_localstack/health':
        if (get) return json(req, res, 200, localstackHealth());
        break;
      case '/_localstack/info':
        if (get) {
          return json(req, res, 200, {
            version: VERSION,
            edition: 'community',
            is_license_activated: false,
            session_id: SESSION_ID,
            machine_id: MACHINE_ID,
            system: osPlatform(),
            is_docker: existsSync('/.dockerenv'),
            server_time_utc: new Date().toISOString().slice(0, 19),
            uptime: uptime(),
          });
        }
        break;
      case '/_localstack/init':
        if (get) return json(req, res, 200, host.init?.view() ?? { completed: Object.fromEntries(STAGES.map((s) => [s, true])), scripts: [] });
        break;
      case '/_stratus/health':
        if (get) return json(req, res, 200, stratusHealth());
        break;
      case '/_stratus/clock': {
        if (method === 'POST') {
          const body = bodyOf(req);
          const ms = typeof body.advanceMs === 'number' ? body.advanceMs : typeof body.advanceSeconds === 'number' ? body.advanceSeconds * 1000 : NaN;
          if (!(ms >= 0)) throw new BadRequest('advanceMs or advanceSeconds must be a number >= 0');
          host.clock.advance(ms);
        }
        return json(req, res, 200, { now: new Date(host.clock.now()).toISOString(), offsetMs: host.clock.offsetMs });
      }
      case '/_stratus/requests':
        if (get) {
          const query = new URLSearchParams(req.rawQuery);
          const since = Number(query.get('since') ?? 0);
          const limit = Number(query.get('limit') ?? host.requests.capacity);
          if (!Number.isInteger(since) || since < 0 || !Number.isInteger(limit) || limit < 1) throw new BadRequest('since must be an integer >= 0 and limit one >= 1');
          return json(req, res, 200, host.requests.since(since, limit));
        }
        break;
      case '/_stratus/reset':
        if (method === 'POST') {
          const list = new URLSearchParams(req.rawQuery).get('services');
          const wanted = list ? list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : undefined;
          const unknown = (wanted ?? []).filter((n) => !serviceNames().includes(n));
          if (unknown.length > 0) throw new BadRequest(`unknown service ${unknown.join(', ')}; loaded: ${serviceNames().join(', ')}`);
          return json(req, res, 200, { reset: await host.reset(wanted) });
        }
        break;
      case '/_stratus/faults':
        if (method === 'POST') {
          try {
            host.faults.rules = parseRules(bodyOf(req));
          } catch (e) {
            if (e instanceof FaultRuleError) throw new BadRequest(e.message);
            throw e;
          }
          return json(req, res, 200, { rules: host.faults.rules });
        }
        if (method === 'DELETE') host.faults.rules = [];
        if (get || method === 'DELETE') return json(req, res, 200, { rules: host.faults.rules });
        break;
      case '/_stratus/snapshot':
      case '/_stratus/restore':
        if (method === 'POST') {
          if (!host.snapshots) return json(req, res, 501, { message: `snapshots need SQLite storage, not ${host.db.dialect}` });
          const file = pathOf(req);
          if (path === '/_stratus/snapshot') return json(req, res, 200, { path: file, bytes: await host.snapshots.snapshot(file) });
          await host.restore(file);
          return json(req, res, 200, { path: file, restored: true });
        }
        break;
      default: {
        const stage = /^\/_localstack\/init\/([a-z]+)$/i.exec(path)?.[1]?.toUpperCase();
        if (stage !== undefined && get) {
          if (!(STAGES as readonly string[]).includes(stage)) return json(req, res, 404, { message: `no such stage ${stage.toLowerCase()}` });
          return json(req, res, 200, host.init?.view(stage as Stage) ?? { completed: true, scripts: [] });
        }
        return json(req, res, 404, { message: `unknown admin path ${req.rawPath}` });
      }
    }
    return json(req, res, 405, { message: `${method} is not allowed on ${path}` });
  }

  return async (req: HttpRequest, res: ResponseSink): Promise<void> => {
    try {
      await route(req, res);
    } catch (e) {
      if (e instanceof BadRequest || e instanceof SnapshotError) return json(req, res, 400, { message: e.message });
      throw e;
    }
  };
}
