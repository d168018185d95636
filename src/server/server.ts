import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import { AwsError, internalFailure, isAwsError, notImplemented } from '../aws/errors.js';
import { loadModel } from '../aws/model.js';
import { AwsJsonProtocol } from '../aws/protocols/json.js';
import type { Protocol, ResolvedOperation } from '../aws/protocols/protocol.js';
import { ServiceIndex } from '../aws/service-index.js';
import { setEnumOrder, setOpenEnums, setShapeConstraints } from '../aws/validate.js';
import { accessDeniedError, authError, contentSha256Error } from '../aws/auth-errors.js';
import { actionsFor, type ActionRequest } from '../aws/iam-actions.js';
import { authorize, denialMessage, type PrincipalPolicies } from '../aws/iam-authorize.js';
import { checkSigV4Time, contentSha256Mismatch, parseSigV4, signatureDetails, verifySigV4, type SigV4Info } from '../aws/sigv4.js';
import { PlatformClock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import { VERSION } from '../core/version.js';
import { openDb } from '../storage/open.js';
import type { Db } from '../storage/db.js';
import { openLogSink } from '../services/logs/sink.js';
import { Jobs } from '../jobs/index.js';
import { createBlobStore, type BlobStore } from '../storage/blobs/index.js';
import type { CredentialUse, DataPlaneRoute, LoadedService, OperationHandler, Platform, ServiceDefinition } from '../services/service.js';
import type { Principal, RequestContext, ResolvedCredential } from '../core/context.js';
import { hostName, isPlainHost, preflight, send, type HttpRequest, type HttpResponse, type ResponseSink } from '../core/http.js';
import { BODY_IDLE_MS, bodyWithin, bufferedStream, ConnectionClosedError, MalformedBodyError, readWhole, verifiedStream, type IncomingRequest } from './body.js';
import { createHttp1Server } from './http1.js';
import { createFallbackServer } from './node-fallback.js';
import { DataPlaneRouter } from './dataplane-router.js';
import { checkOperations, discoverServices } from './registry.js';
import { isQueryRequest, ServiceRouter } from './router.js';

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
  readonly services: ReadonlyMap<string, LoadedService>;
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
}

/** Starts Stratus: storage, every service, and the one HTTP listener. */
export async function startStratus(config: Config, options: StartOptions = {}): Promise<Stratus> {
  const startedAt = Date.now();
  const clock = options.clock ?? new PlatformClock();
  const db = openDb(config);
  const blobs = await createBlobStore(config, db);
  const services = new Map<string, LoadedService>();
  const log = (fields: Record<string, unknown>): void => {
    if (config.logRequests) process.stdout.write(`${JSON.stringify({ time: new Date(clock.now()).toISOString(), ...fields })}\n`);
  };
  let endpoint = '';
  const logs = await openLogSink(db, clock);
  const jobs = await Jobs.open({ db, clock, log });
  const credentials = new Map(config.credentials.map((c) => [c.accessKeyId, c]));
  /** Services that issue credentials (IAM access keys, STS sessions), filled once they are loaded. */
  const resolvers: ((accessKeyId: string, use?: CredentialUse) => Promise<ResolvedCredential | undefined>)[] = [];
  const resolveIssued = async (accessKeyId: string, use?: CredentialUse): Promise<ResolvedCredential | undefined> => {
    for (const resolve of resolvers) {
      const found = await resolve(accessKeyId, use);
      if (found) return found;
    }
    return undefined;
  };
  const resolveCredential = async (accessKeyId: string): Promise<ResolvedCredential | undefined> => {
    const known = credentials.get(accessKeyId);
    if (known) {
      const root = { type: 'root' as const, accountId: known.accountId, arn: `arn:aws:iam::${known.accountId}:root`, userId: known.accountId };
      return { secretAccessKey: known.secretAccessKey, principal: root, active: true };
    }
    return resolveIssued(accessKeyId);
  };
  /** Where `--iam enforce` reads a principal's policies (IAM's provider). */
  let policySource: ((p: Principal) => Promise<PrincipalPolicies | undefined>) | undefined;
  const authorizeFor = async (ctx: RequestContext, principal: Principal, action: string, resource: string): Promise<void> => {
    if (config.iam === 'off' || principal.type === 'root' || principal.type === 'service') return;
    await checkActions(ctx, principal, '127.0.0.1', [{ action, resource }]);
  };
  const platform: Platform = { db, blobs, clock, config, endpoint: () => endpoint, log, services, logs, jobs, resolveCredential, authorize: authorizeFor };

  const definitions = options.services ?? (await discoverServices());
  for (const definition of definitions) {
    const model = loadModel(definition.name);
    setEnumOrder(model, definition.enumOrder);
    setShapeConstraints(model, definition.shapeConstraints);
    setOpenEnums(model, definition.openEnums);
    const provider = await definition.create(platform);
    checkOperations(definition.name, model, provider);
    services.set(definition.name, { definition, model, provider, index: new ServiceIndex(definition.name, model, definition.wireShapes) });
    if (provider.resolveCredential) resolvers.push(provider.resolveCredential.bind(provider));
    if (provider.principalPolicies) policySource = provider.principalPolicies.bind(provider);
  }
  const router = new ServiceRouter([...services.values()].map((s) => ({ service: s, index: s.index })));

  const accountFor = (accessKeyId: string | undefined, issued: ResolvedCredential | undefined): string => {
    if (!accessKeyId) return config.defaultAccountId;
    const known = credentials.get(accessKeyId);
    if (known) return known.accountId;
    if (issued) return issued.principal.accountId;
    return /^\d{12}$/.test(accessKeyId) ? accessKeyId : config.defaultAccountId;
  };

  const maxBodyOf = (s: LoadedService): number => s.definition.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  /** Each data-plane route with the body limit of the service it belongs to. */
  const routeLimits = new Map<DataPlaneRoute, number>();
  for (const s of services.values()) for (const r of s.provider.dataPlanes ?? []) routeLimits.set(r, maxBodyOf(s));
  const dataPlanes = new DataPlaneRouter([...routeLimits.keys(), ...(options.extraDataPlanes?.(platform) ?? [])]);
  const hostAddressing = [...services.values()].flatMap((s) => (s.provider.hostAddressing ?? []).map((a) => ({ service: s, addressing: a })));

  /** The service that addresses this request by its host (S3 virtual hosts), its path rewritten for the API routes. */
  function addressedByHost(req: IncomingRequest): { service: LoadedService; route?: DataPlaneRoute } | undefined {
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
    // A service's own admin paths (/_stratus/sns/messages) are its data-plane routes; the rest are the server's.
    const admined = req.rawPath.startsWith('/_stratus/') ? dataPlanes.match(req) : undefined;
    if (req.rawPath.startsWith('/_stratus/') && !admined?.pathPrefix?.startsWith('/_stratus/')) {
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
      sig && resolvers.length > 0 && !credentials.has(sig.accessKeyId)
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
      const unsigned = !sig && !!svc.definition.unsignedOperations?.includes((early ?? protocol.resolve(req, svc.index)).operation.name);
      if (config.auth === 'strict' && !unsigned) authenticate(req, sig, svc.index.name, issued);
      // Temporary credentials end on the platform clock, whatever the auth mode.
      if (issued?.expiresAt !== undefined && clock.now() >= issued.expiresAt) throw authError(svc.index.name, 'expiredToken', { accessKeyId: sig?.accessKeyId });
      const resolved = early ?? protocol.resolve(req, svc.index);
      if (!req.stream && protocol.streamsInput(svc.index, resolved.operation)) req.stream = bufferedStream(req.body);
      const name = resolved.operation.name;
      ctx.operation = name;
      const input = protocol.input(req, svc.index, resolved, svc.definition.validationErrorCode ?? 'ValidationException');
      const handler = svc.provider[name] as OperationHandler | undefined;
      if (typeof handler !== 'function') throw notImplemented(svc.index.name, name);
      if (config.iam !== 'off' && ctx.principal && ctx.principal.type !== 'root') await authorizeRequest(ctx, ctx.principal, req, name, input);
      const output = await handler.call(svc.provider, ctx, input);
      response = protocol.output(svc.index, resolved.operation, output, ctx);
    } catch (e) {
      if (e instanceof MalformedBodyError || e instanceof ConnectionClosedError) throw e;
      let err: AwsError;
      if (isAwsError(e)) {
        err = e;
      } else {
        err = internalFailure(ctx.requestId);
        log({ level: 'error', requestId: ctx.requestId, service: ctx.service, operation: ctx.operation, error: String((e as Error)?.stack ?? e) });
      }
      response = protocol.error(svc.index, err, ctx);
    }
    if (req.headers.origin && svc.provider.corsHeaders) {
      Object.assign(response.headers, await svc.provider.corsHeaders(req).catch(() => ({})));
      response.ownCors = true;
    }
    const sending = send(res, req, response);
    if (sending) await sending;
    log({
      requestId: ctx.requestId,
      service: ctx.service,
      operation: ctx.operation ?? null,
      status: response.status,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
    });
  }

  /**
   * `--iam enforce`: the principal's policies must allow every action the operation maps to
   * (aws/iam-actions.ts); `--iam report` logs the denial, with the statement that decided it, instead.
   */
  async function authorizeRequest(ctx: RequestContext, principal: Principal, req: IncomingRequest, operation: string, input: Record<string, unknown>): Promise<void> {
    const actions = actionsFor(ctx.service, operation, input, ctx);
    if (!actions?.length) return;
    await checkActions(ctx, principal, req.raw.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1', actions);
  }

  async function checkActions(ctx: RequestContext, principal: Principal, sourceIp: string, actions: readonly ActionRequest[]): Promise<void> {
    if (!policySource) return;
    const policies = await policySource(principal);
    if (!policies) return;
    const context: Record<string, string> = {
      'aws:principalarn': principal.sourceArn && principal.type === 'assumed-role' ? principal.sourceArn : principal.arn,
      'aws:principaltype': { user: 'User', 'assumed-role': 'AssumedRole', 'federated-user': 'FederatedUser', root: 'Account', service: 'Service' }[principal.type],
      'aws:userid': principal.userId,
      'aws:requestedregion': ctx.region,
      'aws:currenttime': new Date(clock.now()).toISOString(),
      'aws:securetransport': 'false',
    };
    if (principal.type === 'user') context['aws:username'] = principal.arn.slice(principal.arn.lastIndexOf('/') + 1);
    // The user's or role's own tags, then the session's (which win).
    for (const [k, v] of Object.entries({ ...policies.tags, ...principal.sessionTags })) context[`aws:principaltag/${k.toLowerCase()}`] = v;
    for (const { action, resource, context: own } of actions) {
      const decision = authorize(policies, { action, resource, sourceIp, callerAccount: principal.accountId, context: own ? { ...context, ...own } : context });
      if (decision.allowed) continue;
      const message = denialMessage(principal.arn, action, resource, decision);
      if (config.iam === 'enforce') throw accessDeniedError(ctx.service, message);
      log({ level: 'warn', requestId: ctx.requestId, iam: 'report', wouldDeny: message, ...(decision.statement ? { statement: decision.statement } : {}) });
    }
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

  function admin(req: HttpRequest, res: ResponseSink): void {
    const json = (status: number, body: unknown): void => {
      send(res, req, { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    };
    if (req.rawPath === '/_stratus/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      json(200, {
        version: VERSION,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        storage: { dialect: db.dialect, dataDir: config.dataDir ? resolvePath(config.dataDir) : null },
        services: Object.fromEntries([...services.values()].map((s) => [s.index.name, { state: 'running', ...s.provider.health?.() }])),
      });
      return;
    }
    if (req.rawPath === '/_stratus/clock') {
      if (req.method === 'POST') {
        let body: { advanceMs?: unknown; advanceSeconds?: unknown };
        try {
          body = JSON.parse(req.body.toString('utf8') || '{}') as typeof body;
        } catch {
          json(400, { message: 'body must be JSON: {"advanceMs": N} or {"advanceSeconds": N}' });
          return;
        }
        const ms = typeof body.advanceMs === 'number' ? body.advanceMs : typeof body.advanceSeconds === 'number' ? body.advanceSeconds * 1000 : NaN;
        if (!(ms >= 0)) {
          json(400, { message: 'advanceMs or advanceSeconds must be a number >= 0' });
          return;
        }
        clock.advance(ms);
      }
      json(200, { now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs });
      return;
    }
    json(404, { message: `unknown admin path ${req.rawPath}` });
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
  // serves connections handed to it for an Upgrade.
  const bodyIdleMs = options.bodyIdleMs ?? BODY_IDLE_MS;
  const fallback = createFallbackServer(serve, { bodyIdleMs });
  const server = createHttp1Server(serve, { fallback, keepAliveMs: 65_000, bodyIdleMs });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // Now that handlers can call the server (and know its endpoint).
  jobs.start();

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await server.shutdown(options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS);
      // Background work stops first: a run that ends while its service shuts down records nothing (it runs again later).
      await jobs.close();
      for (const s of [...services.values()].reverse()) await s.provider.close?.();
      // Last, for the log events services wrote while they stopped.
      await logs.flush().catch(() => undefined);
      clock.clear();
      await blobs.close();
      await db.close();
    })();
    return closing;
  };

  return { endpoint, port, clock, config, db, blobs, services, close };
}

/** 413, before the rest of the body is read (the connection then closes). */
function tooLarge(req: HttpRequest, res: ResponseSink): void {
  send(res, req, { status: 413, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Request entity too large' }) });
}

