import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { AwsError, internalFailure, isAwsError, notImplemented } from '../aws/errors.js';
import { AwsJsonProtocol } from '../aws/protocols/json.js';
import type { Protocol, ResolvedOperation } from '../aws/protocols/protocol.js';
import type { ServiceIndex } from '../aws/service-index.js';
import { authError, contentSha256Error, headersNotSignedError } from '../aws/auth-errors.js';
import { actionsFor } from '../aws/iam-actions.js';
import { IamEnforcement, rootPrincipal } from './iam-enforcement.js';
import { checkSigV4Time, contentSha256Mismatch, parseSigV4, signatureDetails, unsignedAmzHeaders, verifySigV4, type SigV4Info } from '../aws/sigv4.js';
import { PlatformClock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import { openDb } from '../storage/open.js';
import type { Db } from '../storage/db.js';
import { openLogSink } from '../services/logs/sink.js';
import { Jobs } from '../jobs/index.js';
import { createBlobStore, type BlobStore } from '../storage/blobs/index.js';
import type { CredentialUse, DataPlaneRoute, HostAddressing, LoadedService, OperationHandler, Platform, RouteGuard, ServiceDefinition, ServiceEntry } from '../services/service.js';
import type { Principal, RequestContext, ResolvedCredential } from '../core/context.js';
import { hostName, isPlainHost, preflight, send, type HttpRequest, type HttpResponse, type ResponseSink } from '../core/http.js';
import { compressResponse, DecompressedTooLarge, requestBody } from './compression.js';
import { BODY_IDLE_MS, bodyWithin, bufferedStream, ConnectionClosedError, MalformedBodyError, readWhole, verifiedStream, type IncomingRequest } from './body.js';
import { createHttp1Server } from './http1.js';
import { createH2cServer } from './h2c.js';
import { createFallbackServer, upgradeRequest } from './node-fallback.js';
import { DataPlaneRouter } from './dataplane-router.js';
import { discoverServices } from './registry.js';
import { createControl } from './control.js';
import { Faults } from './faults.js';
import { InitHooks } from './init-hooks.js';
import { ServiceSet } from './lifecycle.js';
import { snapshotsOf } from '../storage/snapshot.js';
import { isQueryRequest, ServiceRouter } from './router.js';
import { RequestLog } from './request-log.js';

/** Largest request body read whole unless the service sets its own (ServiceDefinition.maxBodyBytes). */
const DEFAULT_MAX_BODY_BYTES = 128 * 1024 * 1024;
/** How long close() lets requests being served finish before it cuts their connections. */
const SHUTDOWN_GRACE_MS = 5_000;

export interface Stratus {
  readonly endpoint: string;
  readonly port: number;
  readonly clock: PlatformClock;
  readonly config: Config;
  readonly db: Db;
  readonly blobs: BlobStore;
  /** Every service served; a lazy one is created on first use (`loaded`, `load()`). */
  readonly services: ReadonlyMap<string, ServiceEntry>;
  /** The init hooks of --init-dir, if any (their BOOT and START stages have run). */
  readonly init: InitHooks | undefined;
  /** Runs the READY init hooks (once): after the caller has announced that the server is ready. */
  runReadyHooks(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: PlatformClock;
  /** Service definitions to serve instead of the discovered ones (tests). */
  services?: ServiceDefinition[];
  /** Data-plane routes besides the services' own (tests and benches: endpoints of their own). */
  extraDataPlanes?: (platform: Platform) => readonly DataPlaneRoute[];
  /** How long a request body may receive nothing before its connection is dropped (tests shorten it). */
  bodyIdleMs?: number;
  /** How long close() lets requests being served finish before it cuts their connections (tests change it). */
  shutdownGraceMs?: number;
  /** The web console's folder (tests); the package's `console/` by default. */
  consoleDir?: string;
}

/** Starts Stratus: storage, every service, and the one HTTP listener. */
export async function startStratus(config: Config, options: StartOptions = {}): Promise<Stratus> {
  const startedAt = Date.now();
  const clock = options.clock ?? new PlatformClock();
  const write = (line: string): void => void process.stdout.write(`${line}\n`);
  const init = config.initDir ? new InitHooks(config.initDir, write) : undefined;
  await init?.run('BOOT', `http://localhost:${config.port}`, config.defaultRegion);
  let definitions = options.services ?? (await discoverServices());
  if (config.serviceNames) {
    const known = new Set(definitions.map((d) => d.name));
    const unknown = config.serviceNames.filter((n) => !known.has(n));
    if (unknown.length > 0 && !config.skipUnknownServices) throw new Error(`--services (STRATUS_SERVICES): unknown service ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
    if (unknown.length > 0) write(`SERVICES names services Stratus does not serve (skipped; their calls fail): ${unknown.join(', ')}`);
    definitions = definitions.filter((d) => config.serviceNames!.includes(d.name));
  }
  const rawDb = openDb(config);
  let jobs: Jobs;
  // Each service created (at start, on first use, after a reset) adds its routes.
  const set = new ServiceSet(rawDb, () => jobs, () => blobs, () => buildRoutes());
  // Every migration goes through it, so that a reset knows which tables are whose.
  const db = set.recording();
  const blobs = await createBlobStore(config, db);
  const services = set.entries;
  const log = (fields: Record<string, unknown>): void => {
    if (config.logRequests) process.stdout.write(`${JSON.stringify({ time: new Date(clock.now()).toISOString(), ...fields })}\n`);
  };
  let endpoint = '';
  const logs = await openLogSink(db, clock);
  jobs = await Jobs.open({ db, clock, log });
  const credentials = new Map(config.credentials.map((c) => [c.accessKeyId, c]));
  /**
   * Keys the loaded services issued (IAM access keys, STS sessions). Looked up through the services
   * at each call, so a service created again (POST /_stratus/reset) answers with its new provider.
   */
  const resolveIssued = async (accessKeyId: string, use?: CredentialUse): Promise<ResolvedCredential | undefined> => {
    for (const s of await credentialServices()) {
      const found = await s.provider.resolveCredential?.(accessKeyId, use);
      if (found) return found;
    }
    return undefined;
  };
  /**
   * The loaded services that may know issued keys and principals' policies: a lazy one that issues
   * them is loaded here if it has state (a service never migrated in this database issued nothing).
   */
  const credentialServices = async (): Promise<LoadedService[]> => {
    for (const s of services.values()) if (!s.loaded && s.definition.lazy?.issuesCredentials && set.hasState(s.definition.name)) await s.load();
    return set.loaded();
  };
  const resolveCredential = async (accessKeyId: string): Promise<ResolvedCredential | undefined> => {
    const known = credentials.get(accessKeyId);
    if (known) {
      return { secretAccessKey: known.secretAccessKey, principal: rootPrincipal(known.accountId), active: true };
    }
    return resolveIssued(accessKeyId);
  };
  const enforcement = new IamEnforcement(config, clock, services, credentialServices, log);
  const authorizeFor = async (ctx: RequestContext, principal: Principal, action: string, resource: string): Promise<void> => {
    if (config.iam === 'off' || principal.type === 'root' || principal.type === 'service') return;
    await enforcement.check(ctx, principal, '127.0.0.1', [{ action, resource }]);
  };
  const platform: Platform = { db, blobs, clock, config, endpoint: () => endpoint, log, services, logs, jobs, resolveCredential, authorize: authorizeFor, evaluate: (p, e) => enforcement.evaluate(p, e) };

  const maxBodyOf = (s: LoadedService): number => s.definition.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // Set before the services are created: each one created adds its routes.
  const extraDataPlanes = options.extraDataPlanes?.(platform) ?? [];
  let router!: ServiceRouter<ServiceEntry>;
  /** Each data-plane route with the body limit of the service it belongs to. */
  let routeLimits!: Map<DataPlaneRoute, number>;
  let dataPlanes!: DataPlaneRouter;
  let hostAddressing!: { service: ServiceEntry; addressing: HostAddressing }[];
  /** The routes and host names of the services not loaded yet: a request they match loads their service first. */
  let guards: { service: ServiceEntry; guard: RouteGuard }[] = [];
  let hostGuards: { service: ServiceEntry; host: RegExp }[] = [];
  /** The routers, from the loaded services' providers (again after one is created). */
  const buildRoutes = (): void => {
    const loaded = set.loaded();
    routeLimits = new Map();
    for (const s of loaded) for (const r of s.provider.dataPlanes ?? []) routeLimits.set(r, maxBodyOf(s));
    dataPlanes = new DataPlaneRouter([...routeLimits.keys(), ...extraDataPlanes]);
    hostAddressing = loaded.flatMap((s) => (s.provider.hostAddressing ?? []).map((a) => ({ service: s, addressing: a })));
    const waiting = [...services.values()].filter((s) => !s.loaded && s.definition.lazy);
    guards = waiting.flatMap((s) => (s.definition.lazy!.routes ?? []).map((guard) => ({ service: s, guard })));
    hostGuards = waiting.flatMap((s) => (s.definition.lazy!.hosts ?? []).map((host) => ({ service: s, host })));
  };
  set.define(definitions, platform);
  router = new ServiceRouter([...services.values()].map((s) => ({ service: s, name: s.definition.name, metadata: s.metadata, index: () => s.index })));
  buildRoutes();
  await set.start();
  // Whether any service issues keys: without one, requests skip the lookup.
  const issuing = [...services.values()].some((s) => (s.loaded ? s.provider.resolveCredential !== undefined : s.definition.lazy?.issuesCredentials === true));

  const accountFor = (accessKeyId: string | undefined, issued: ResolvedCredential | undefined): string => {
    if (!accessKeyId) return config.defaultAccountId;
    const known = credentials.get(accessKeyId);
    if (known) return known.accountId;
    if (issued) return issued.principal.accountId;
    return /^\d{12}$/.test(accessKeyId) ? accessKeyId : config.defaultAccountId;
  };

  /** Stops the services, runs `change` on the stored state, and starts them again; one reset or restore at a time. */
  let lastChange: Promise<unknown> = Promise.resolve();
  const restarting = (names: string[], all: boolean, change: () => Promise<void>): Promise<void> => {
    const run = lastChange.then(async () => {
      // A service not loaded yet that has state (from an earlier run) is loaded, so that its tables are known.
      await set.loadStateful(names, all);
      const wasLoaded = new Set(set.loaded().map((s) => s.definition.name));
      await logs.flush().catch(() => undefined);
      await set.stop(names);
      buildRoutes();
      try {
        await change();
      } finally {
        await set.restart(names, wasLoaded);
        buildRoutes();
      }
    });
    lastChange = run.catch(() => undefined);
    return run;
  };
  const snapshots = snapshotsOf(rawDb, blobs);
  const restore = async (path: string): Promise<void> => {
    if (!snapshots) throw new Error(`snapshots need SQLite storage, not ${db.dialect}`);
    // Every service is loaded: the snapshot's rows go into tables its migrations made.
    await restarting([...services.keys()], true, () => snapshots.restore(path));
  };
  const faults = new Faults();
  const requests = new RequestLog();
  const admin = createControl({
    requests,
    consoleDir: options.consoleDir,
    config,
    clock,
    db,
    startedAt,
    services: () => services,
    faults,
    init,
    snapshots,
    async reset(wanted) {
      const names = set.resolve(wanted);
      await restarting(names, false, () => set.wipe(names, wanted === undefined));
      return names;
    },
    restore,
  });
  if (config.restoreFrom) await restore(config.restoreFrom);

  /**
   * Loads the services not loaded yet whose routes or host names this request may be for (their
   * guards): it is then routed by their own routes, as if they had been loaded from the start.
   */
  function loadGuarded(req: IncomingRequest, dataPlanesOnly = false): Promise<unknown> | undefined {
    if (guards.length === 0 && hostGuards.length === 0) return undefined;
    const raw = hostName(req.headers.host);
    const host = raw && !isPlainHost(raw) ? raw : undefined;
    // As handle() routes: a host name a service's API takes (S3's buckets) before any data plane, but for /_stratus/ paths.
    if (host && !dataPlanesOnly && !req.rawPath.startsWith('/_stratus/')) {
      for (const { service, host: re } of hostGuards) if (re.test(host)) return service.load();
      if (hostAddressing.some(({ addressing }) => addressing.host.test(host))) return undefined;
    }
    const wanted = new Set<ServiceEntry>();
    for (const { service, guard } of guards) {
      const matched = guard.host ? host !== undefined && guard.host.test(host) : guard.claimsHost ? host !== undefined : req.rawPath.startsWith(guard.pathPrefix ?? '');
      if (matched && (guard.accepts?.(req) ?? true)) wanted.add(service);
    }
    if (wanted.size === 0) return undefined;
    return Promise.all([...wanted].map((s) => s.load()));
  }

  /** The service that addresses this request by its host (S3 virtual hosts), its path rewritten for the API routes. */
  function addressedByHost(req: IncomingRequest): { service: ServiceEntry; route?: DataPlaneRoute } | undefined {
    if (hostAddressing.length === 0) return undefined;
    const host = hostName(req.headers.host);
    if (!host || isPlainHost(host)) return undefined;
    for (const { service, addressing } of hostAddressing) {
      const m = addressing.host.exec(host);
      if (!m) continue;
      const path = addressing.rewrite(req, m);
      req.signedPath = req.rawPath;
      req.rawPath = path;
      return { service, route: addressing.routes?.find((r) => r.accepts?.(req) ?? true) };
    }
    return undefined;
  }

  /**
   * Every request: where it goes is decided from its head (a data-plane route, else an AWS API);
   * then the body is read whole under that destination's limit before anything answers it, except
   * for a streaming route or operation, which gets it as it arrives.
   */
  async function handle(req: IncomingRequest, res: ResponseSink): Promise<void> {
    const started = process.hrtime.bigint();
    const loading = loadGuarded(req);
    if (loading) await loading;
    // A service's own admin paths (/_stratus/sns/messages) are its data-plane routes; the rest are the server's.
    const admined = req.rawPath.startsWith('/_stratus/') ? dataPlanes.match(req) : undefined;
    if ((req.rawPath.startsWith('/_stratus/') && !admined?.pathPrefix?.startsWith('/_stratus/')) || req.rawPath.startsWith('/_localstack/')) {
      if (!(await bodyWithin(req, DEFAULT_MAX_BODY_BYTES))) return tooLarge(req, res);
      return admin(req, res);
    }
    const byHost = admined ? undefined : addressedByHost(req);
    const addressed = byHost?.service;
    const route = admined ?? (byHost ? byHost.route : dataPlanes.match(req));
    if (route) {
      if (route.streaming) req.stream ??= req.incoming ?? bufferedStream(req.body);
      else if (!(await bodyWithin(req, routeLimits.get(route) ?? DEFAULT_MAX_BODY_BYTES))) return tooLarge(req, res);
      return route.handle(req, res);
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) return preflight(req, res);

    let sig: SigV4Info | undefined;
    let sigError: unknown;
    try {
      sig = parseSigV4(req);
    } catch (e) {
      sigError = e;
    }
    // The query protocol names its service version and operation in the body.
    if (req.incoming && isQueryRequest(req) && !(await readWhole(req, DEFAULT_MAX_BODY_BYTES))) return tooLarge(req, res);
    const routed = addressed ? router.routeTo(addressed) : router.route(req, sig?.service);
    if (!routed) {
      if (!(await bodyWithin(req, DEFAULT_MAX_BODY_BYTES))) return tooLarge(req, res);
      // What AWS's front door answers for a request no service recognises.
      send(res, req, { status: 404, headers: {}, body: '<UnknownOperationException/>' });
      return;
    }
    const svc = routed.service;
    const protocol: Protocol = routed.protocol;
    // Created on the first request routed to it (concurrent first requests share the creation).
    if (!svc.loaded) await svc.load();
    // A body still arriving streams to an operation that takes a stream, else is read whole here
    // (the common case, a body that came whole, awaits nothing).
    let early: ResolvedOperation | undefined;
    if (req.incoming) {
      try {
        early = protocol.resolve(req, svc.index);
      } catch {
        // Answered below, in the protocol's words, once the body is read.
      }
      if (early && protocol.streamsInput(svc.index, early.operation)) req.stream = req.incoming;
      else if (!(await readWhole(req, maxBodyOf(svc)))) return tooLarge(req, res);
    } else if (req.body.length > maxBodyOf(svc)) return tooLarge(req, res);
    // Keys Stratus issued (IAM users', STS sessions') name their account and principal; the configured ones answer without a lookup.
    const issued =
      sig && issuing && !credentials.has(sig.accessKeyId)
        ? await resolveIssued(sig.accessKeyId, { service: sig.service, region: sig.region }).catch((e: unknown) => {
            log({ level: 'error', error: `resolving access key ${sig.accessKeyId}: ${String((e as Error)?.stack ?? e)}` });
            return undefined;
          })
        : undefined;
    const ctx: RequestContext = {
      requestId: randomUUID(),
      accountId: accountFor(sig?.accessKeyId, issued),
      region: sig?.region ?? config.defaultRegion,
      accessKeyId: sig?.accessKeyId,
      service: svc.index.name,
      operation: undefined,
      clock,
      headers: req.headers,
      receivedAt: clock.now(),
      jsonWire: protocol instanceof AwsJsonProtocol,
      principal: issued?.principal,
    };
    let response: HttpResponse;
    try {
      if (sigError) throw sigError;
      // An operation the model marks unauthenticated (Cognito's InitiateAuth, STS's AssumeRoleWithWebIdentity...) may come unsigned.
      if (config.auth === 'strict' && !(sig === undefined && anonymousOperation(early ?? req, svc.index, protocol))) authenticate(req, sig, svc.index.name, issued);
      // Temporary credentials end on the platform clock, whatever the auth mode.
      if (issued?.expiresAt !== undefined && clock.now() >= issued.expiresAt) throw authError(svc.index.name, 'expiredToken', { accessKeyId: sig?.accessKeyId });
      const resolved = early ?? protocol.resolve(req, svc.index);
      if (!req.stream && protocol.streamsInput(svc.index, resolved.operation)) req.stream = bufferedStream(req.body);
      const name = resolved.operation.name;
      ctx.operation = name;
      if (svc.definition.compression) req.body = requestBody(req.body, req.headers['content-encoding'], svc.definition.compression);
      const input = protocol.input(req, svc.index, resolved, svc.definition.validationErrorCode ?? 'ValidationException');
      const handler = svc.provider[name] as OperationHandler | undefined;
      if (typeof handler !== 'function') throw notImplemented(svc.index.name, name);
      if (config.iam !== 'off' && sig) await authorizeRequest(ctx, ctx.principal ?? rootPrincipal(ctx.accountId), req, name, input);
      const fault = faults.match(svc.index.name, name, ctx.region, input);
      if (fault) await Faults.apply(fault, svc.model);
      const output = await handler.call(svc.provider, ctx, input);
      response = protocol.output(svc.index, resolved.operation, output, ctx);
    } catch (e) {
      if (e instanceof MalformedBodyError || e instanceof ConnectionClosedError) throw e;
      if (e instanceof DecompressedTooLarge) return tooLarge(req, res);
      let err: AwsError;
      if (isAwsError(e)) {
        err = e;
      } else {
        err = internalFailure(ctx.requestId);
        log({ level: 'error', requestId: ctx.requestId, service: ctx.service, operation: ctx.operation, error: String((e as Error)?.stack ?? e) });
      }
      response = protocol.error(svc.index, err, ctx);
    }
    if (req.headers.origin && svc.loaded && svc.provider.corsHeaders) {
      Object.assign(response.headers, await svc.provider.corsHeaders(req).catch(() => ({})));
      response.ownCors = true;
    }
    if (svc.definition.compression) compressResponse(response, req.headers['accept-encoding'], svc.definition.compression);
    const sending = send(res, req, response);
    if (sending) await sending;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    requests.record(ctx.receivedAt, ctx.service, ctx.operation ?? null, response.status, ms, ctx.requestId);
    log({
      requestId: ctx.requestId,
      service: ctx.service,
      operation: ctx.operation ?? null,
      status: response.status,
      ms,
    });
  }

  /** `--iam enforce`/`report` for an API call: the actions the operation maps to (aws/iam-actions.ts), by the signer or its account's root. */
  async function authorizeRequest(ctx: RequestContext, principal: Principal, req: IncomingRequest, operation: string, input: Record<string, unknown>): Promise<void> {
    const actions = actionsFor(ctx.service, operation, input, ctx);
    if (!actions?.length) return;
    await enforcement.check(ctx, principal, req.raw.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1', actions);
  }

  function authenticate(req: IncomingRequest, sig: SigV4Info | undefined, service: string, issued: ResolvedCredential | undefined): void {
    if (!sig) throw authError(service, 'missing', {});
    const details = {
      accessKeyId: sig.accessKeyId,
      amzDate: sig.amzDate,
      nowMs: clock.now(),
      expiresSeconds: sig.expiresSeconds,
      presigned: sig.presigned,
      signatureProvided: sig.signature,
    };
    const cred = credentials.get(sig.accessKeyId) ?? (issued?.active ? issued : undefined);
    if (!cred) throw authError(service, 'unknownKey', details);
    // Temporary credentials are only good with their session token.
    if (issued?.sessionToken !== undefined && sig.sessionToken !== issued.sessionToken) throw authError(service, 'invalidToken', details);
    const time = checkSigV4Time(sig, details.nowMs);
    if (time !== 'ok') throw authError(service, time, details);
    if (service === 's3' && sig.presigned) {
      const unsigned = unsignedAmzHeaders(req, sig);
      if (unsigned.length > 0) throw headersNotSignedError(unsigned);
    }
    // S3 names a body that does not match its declared hash apart from a wrong signature.
    const bodyMismatch = service === 's3' ? contentSha256Mismatch(req) : undefined;
    if (bodyMismatch) throw contentSha256Error(bodyMismatch.claimed, bodyMismatch.computed);
    if (!verifySigV4(req, sig, cred.secretAccessKey)) throw authError(service, 'signature', { ...details, ...signatureDetails(req, sig) });
    // A streamed body is checked against its declared hash as it is read (the reader gets the error at its end).
    const claimed = req.headers['x-amz-content-sha256'];
    if (req.stream && claimed && /^[0-9a-fA-F]{64}$/.test(claimed)) {
      req.stream = verifiedStream(req.stream, claimed, (computed) =>
        service === 's3' ? contentSha256Error(claimed, computed) : authError(service, 'signature', { ...details, ...signatureDetails(req, sig) }),
      );
    }
  }

  /** A body that could not be read is the client's doing: 400 for a malformed one, nothing for one cut off. */
  const serve = (req: IncomingRequest, res: ResponseSink): Promise<void> =>
    handle(req, res).catch((e: unknown) => {
      if (e instanceof ConnectionClosedError) return;
      if (e instanceof MalformedBodyError) {
        send(res, req, { status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Bad Request' }) });
        return;
      }
      log({ level: 'error', error: String((e as Error)?.stack ?? e) });
      throw e;
    });
  // The fast HTTP/1.1 server takes every connection; Node's http server (not listening itself)
  // serves connections handed to it for an Upgrade, Node's http2 server those that open with h2c's preface.
  const bodyIdleMs = options.bodyIdleMs ?? BODY_IDLE_MS;
  const fallback = createFallbackServer(serve, { bodyIdleMs });
  // A WebSocket upgrade goes to the data-plane route that takes upgrades, else is refused.
  const websocket = createFallbackServer(serve, { bodyIdleMs });
  websocket.on('upgrade', (raw: IncomingMessage, socket: Duplex, head: Buffer) => {
    const req = upgradeRequest(raw);
    const upgrade = (): void => {
      const route = dataPlanes.match(req);
      if (route?.upgrade) return route.upgrade(req, raw, socket, head);
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    };
    const loading = loadGuarded(req, true);
    if (!loading) return upgrade();
    loading.then(upgrade, (e: unknown) => {
      log({ level: 'error', error: String((e as Error)?.stack ?? e) });
      socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    });
  });
  const h2c = createH2cServer(serve, { bodyIdleMs });
  const server = createHttp1Server(serve, { fallback, websocket, h2c, keepAliveMs: 65_000, bodyIdleMs });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (e) {
    // The port is taken (or not ours to bind): let go of what was opened, then say why.
    await set.settle();
    await jobs.close();
    for (const s of set.loaded().reverse()) await s.provider.close?.();
    await logs.flush().catch(() => undefined);
    clock.clear();
    await blobs.close();
    await db.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // Now that handlers can call the server (and know its endpoint).
  jobs.start();
  // A job due with no handler loads the service whose kinds it is of: jobs queued before this start
  // (a durable execution, a retry, a schedule's fire) run without waiting for a request to the service.
  const loadForJob = (kind: string): void => {
    set.ownerOfJob(kind)?.load().catch((e: unknown) => log({ level: 'error', error: `loading the service of jobs ${kind}: ${String((e as Error)?.stack ?? e)}` }));
  };
  jobs.onUnhandled = loadForJob;
  for (const kind of await jobs.queuedKinds()) loadForJob(kind);
  await init?.run('START', endpoint, config.defaultRegion);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await init?.run('SHUTDOWN', endpoint, config.defaultRegion);
      h2c.closeSessions();
      await server.shutdown(options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS);
      // Background work stops first: a run that ends while its service shuts down records nothing (it runs again later).
      // A service being created (a first request's, a job's) is let finish, and closed with the others.
      await set.settle();
      await jobs.close();
      for (const s of set.loaded().reverse()) await s.provider.close?.();
      // Last, for the log events services wrote while they stopped.
      await logs.flush().catch(() => undefined);
      clock.clear();
      await blobs.close();
      await db.close();
    })();
    return closing;
  };

  const runReadyHooks = async (): Promise<void> => init?.run('READY', endpoint, config.defaultRegion);
  return { endpoint, port, clock, config, db, blobs, services, init, runReadyHooks, close };
}

/** 413, before the rest of the body is read (the connection then closes). */
function tooLarge(req: HttpRequest, res: ResponseSink): void {
  send(res, req, { status: 413, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Request entity too large' }) });
}

/** Whether the operation a request names is one AWS serves without a signature (the model's `authtype: none`). */
function anonymousOperation(resolvedOrRequest: ResolvedOperation | HttpRequest, index: ServiceIndex, protocol: Protocol): boolean {
  try {
    const resolved = 'operation' in resolvedOrRequest ? resolvedOrRequest : protocol.resolve(resolvedOrRequest, index);
    return resolved.operation.authtype === 'none';
  } catch {
    return false;
  }
}
