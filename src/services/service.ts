import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Clock } from '../core/clock.js';
import type { Jobs } from '../jobs/index.js';
import type { Db } from '../storage/db.js';
import type { ServiceModel, Shape } from '../aws/model.js';
import type { ServiceIndex } from '../aws/service-index.js';
import type { Principal, RequestContext, ResolvedCredential } from '../core/context.js';
import type { Authorization, PrincipalPolicies, ResourcePolicy } from '../aws/iam-authorize.js';
import type { Config } from '../core/config.js';
import type { HttpRequest, ResponseSink } from '../core/http.js';
import type { BlobStore } from '../storage/blobs/index.js';

/** What the platform hands each service when the server starts. */
export interface Platform {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Config;
  /** The endpoint clients and functions reach Stratus at, e.g. http://127.0.0.1:4566. */
  readonly endpoint: () => string;
  readonly log: (fields: Record<string, unknown>) => void;
  /** The services served, loaded or not, by name; call another service through serviceClient (services/clients.ts). */
  readonly services: ReadonlyMap<string, ServiceEntry>;
  /** Large binary values (objects, code, uploads) kept outside SQL rows. */
  readonly blobs: BlobStore;
  /** Durable background work (leased jobs, schedules, pollers): docs/platform/jobs.md. */
  readonly jobs: Jobs;
  /** CloudWatch Logs, for services that write log events (whether or not the Logs service is loaded). */
  readonly logs: LogSink;
  /**
   * What an access key stands for: a configured key (the account root), else the first loaded
   * service whose `resolveCredential` hook knows it (IAM users' keys, STS sessions); undefined if none.
   */
  readonly resolveCredential: (accessKeyId: string) => Promise<ResolvedCredential | undefined>;
  /**
   * `--iam enforce`/`report` for a decision a service makes itself (STS: a caller's own permission to
   * sts:AssumeRole): resolves when the principal's policies allow `action` on `resource` (or the mode
   * is off, or it is the root), throws the service's AccessDenied in enforce mode, logs in report mode.
   */
  readonly authorize: (ctx: RequestContext, principal: Principal, action: string, resource: string) => Promise<void>;
  /**
   * The shared evaluator's decision for one action of a principal, whatever the `--iam` mode (API
   * Gateway's AWS_IAM methods decide with it when enforcement is on): its identity policies, and
   * the resource's policy (given, or looked up through `service`'s `resourcePolicy` hook).
   */
  readonly evaluate: (principal: Principal, request: EvaluationRequest) => Promise<Authorization>;
}

/** One action of a principal for Platform.evaluate. */
export interface EvaluationRequest {
  /** The service whose resource it is (its `resourcePolicy` hook is asked unless `resourcePolicy` is given). */
  readonly service: string;
  readonly action: string;
  readonly resource: string;
  readonly sourceIp: string;
  readonly region: string;
  /** Condition keys of this action (lower-cased). */
  readonly context?: Readonly<Record<string, string>>;
  /** The resource's owner and policy, when the caller has them (null: none, and in the caller's account). */
  readonly resourcePolicy?: ResourcePolicy | null;
  /** A service's shorthand for its resources in policies (API Gateway's `execute-api:/stage/GET/path`). */
  readonly expandResource?: (resource: string) => string;
}

/**
 * Where services write CloudWatch Logs events: function logs, access logs, execution logs.
 * Owned by the Logs service (services/logs/sink.ts); the server opens it for every service.
 */
export interface LogSink {
  /**
   * Queues events for a log stream, creating its log group and stream when missing. They are
   * stored in batches within moments, and always before the Logs API next reads.
   */
  put(entry: {
    accountId: string;
    region: string;
    logGroupName: string;
    logStreamName: string;
    events: readonly { timestamp: number; message: string }[];
  }): void;
  /** Stores what is queued. */
  flush(): Promise<void>;
}

/** An operation handler: the typed input in, the typed output (or an AwsError thrown) out. */
export type OperationHandler = (ctx: RequestContext, input: any) => Promise<any> | any;

/**
 * A service: its model (which drives the protocol layer and validation) and its provider,
 * an object whose methods are named after the model's operations (implementing the generated
 * `<Service>Api` interface in part). An operation without a method answers NotImplemented.
 */
export interface ServiceDefinition {
  /** Model folder name under models/aws, e.g. 'dynamodb', 'stepfunctions'. */
  readonly name: string;
  /** Error code for input that fails the model's constraints (ValidationException, ValidationError...). */
  readonly validationErrorCode?: string;
  /** Shapes kept exactly as they are on the wire, validated by the provider itself (e.g. AttributeValue). */
  readonly wireShapes?: readonly string[];
  /**
   * Enum shapes whose values AWS lists in a different order than the model in its validation
   * message ("Member must satisfy enum value set: [...]"): shape name -> values in AWS's order.
   */
  readonly enumOrder?: Readonly<Record<string, readonly string[]>>;
  /** Enum shapes whose values AWS does not check against the model (the service answers its own error, or none). */
  readonly openEnums?: readonly string[];
  /** Constraints AWS checks on a shape where they differ from the model's (pattern, min, max): shape name -> constraints. */
  readonly shapeConstraints?: Readonly<Record<string, Pick<Shape, 'min' | 'max' | 'pattern'>>>;
  /**
   * Largest request body read whole for this service (its API and its data planes), default 128 MiB;
   * past it the request gets 413 without the rest being read. Streaming operations and routes have no limit here.
   */
  readonly maxBodyBytes?: number;
  /** Compressed request and response bodies this service's API takes (DynamoDB's gzip and deflate). */
  readonly compression?: CompressionRules;
  /**
   * Tables POST /_stratus/reset leaves as they are: the service's own machinery rather than its users'
   * resources (SNS's signing key, costly to make again). A reset empties the other tables its migrations create.
   */
  readonly keepOnReset?: readonly string[];
  /**
   * Set by a service whose implementation loads on first use (every service of src/services): the
   * server is ready knowing only this definition, and `create` (which imports the implementation)
   * runs on the first request routed to the service, the first job of its kinds, or the first call
   * from another service. Without it the service is created at start (services defined by tests).
   */
  readonly lazy?: LazyService;
  /** Creates the provider; runs migrations and starts background jobs. */
  create(platform: Platform): Promise<ServiceProvider>;
}

/**
 * What the server must know of a service before loading it: which requests and jobs are its. Each
 * pattern only has to cover its routes (a request it matches loads the service, and is then routed
 * by the service's own routes): a pattern that matches more costs an early load, never a wrong route.
 */
export interface LazyService {
  /** Heads its data-plane routes may take (DataPlaneRoute's host, pathPrefix, accepts; `claimsHost` for any other host name). */
  readonly routes?: readonly RouteGuard[];
  /** Host names its API takes (HostAddressing's `host`). */
  readonly hosts?: readonly RegExp[];
  /** The prefix of the kinds of its jobs (default `<name>.`): a job of such a kind due with no handler loads the service. */
  readonly jobPrefix?: string;
  /** Its provider has `resolveCredential` (IAM, STS): a key the configured credentials do not know loads it. */
  readonly issuesCredentials?: boolean;
}

export interface RouteGuard {
  readonly host?: RegExp;
  readonly pathPrefix?: string;
  /** Its routes claim host names at run time (custom domains): any host name but the plain endpoint's. */
  readonly claimsHost?: boolean;
  accepts?(req: HttpRequest): boolean;
}

/**
 * An HTTP endpoint that is not an AWS API call: API Gateway invoke URLs, function URLs, S3 virtual
 * hosts, CloudFront distributions, Cognito's hosted UI. The server routes each request once, from its
 * head alone: a host of the route's own (`host`, then `claimsHost`) whatever the path, then a path
 * prefix. Requests to the plain endpoint (localhost, an IP address) only match by path.
 */
export interface DataPlaneRoute {
  /** Matched against the Host header lower-cased without its port, e.g. /^([a-z0-9]+)\.execute-api\./. */
  readonly host?: RegExp;
  /** Matched against the start of the raw path, e.g. '/restapis/'. */
  readonly pathPrefix?: string;
  /**
   * For a route with neither: whether this host name is one of the service's own (custom domains).
   * Called for every request to a host name other than the plain endpoint: synchronous, from memory.
   */
  claimsHost?(host: string): boolean;
  /**
   * A closer look at the head (method, path) once host or path matched, before the body is read:
   * false leaves the request to the next route, else to the AWS API router.
   */
  accepts?(req: HttpRequest): boolean;
  /**
   * The route reads the body as it arrives (`req.stream`, with backpressure) instead of whole in
   * `req.body`: for uploads of any size. The handler must read it to its end or answer without it.
   */
  readonly streaming?: boolean;
  /** Serves the request: a matched route answers it (declining is `accepts`'s, before the body is read). */
  handle(req: HttpRequest, res: ResponseSink): Promise<void> | void;
  /**
   * Routes of one host or prefix are tried highest first (default 0): a route whose `accepts` picks
   * its own requests out of a host another route also matches (API Gateway v2 beside v1) goes first.
   */
  readonly priority?: number;
  /**
   * Takes a request with an Upgrade header (WebSocket) that matched this route: the connection is
   * the route's from then on (answer the handshake, or write an HTTP error and end the socket).
   */
  upgrade?(req: HttpRequest, raw: IncomingMessage, socket: Duplex, head: Buffer): void;
}

/**
 * Requests a service's API takes by host name (S3's virtual-hosted buckets, `{bucket}.s3.localhost`):
 * on a host other than the plain endpoint that `host` matches, before any data plane, `rewrite` gives
 * the path the service's API routes see (`/key` -> `/bucket/key`); the request then goes to this
 * service alone, SigV4 checked against the path the client sent.
 */
export interface HostAddressing {
  /** Matched against the Host header lower-cased without its port. */
  readonly host: RegExp;
  rewrite(req: HttpRequest, match: RegExpExecArray): string;
  /**
   * Routes tried (by `accepts`) for a request this addressing took, after the rewrite and before the
   * API router: requests the service answers outside its model (S3's form uploads, CORS preflights).
   */
  readonly routes?: readonly DataPlaneRoute[];
}

export interface ServiceProvider {
  readonly [operation: string]: OperationHandler | unknown;
  /** Data-plane endpoints of this service, registered with the server's router at start-up. */
  readonly dataPlanes?: readonly DataPlaneRoute[];
  /** Host names this service's API answers on besides the endpoint (S3 virtual hosts). */
  readonly hostAddressing?: readonly HostAddressing[];
  /**
   * The CORS headers of this service's API responses to a browser (a request with Origin), in place
   * of the server's permissive defaults: S3 answers from the bucket's CORS rules.
   */
  corsHeaders?(req: HttpRequest): Promise<Record<string, string>>;
  /** Stops background work (called when the server shuts down). */
  close?(): Promise<void>;
  /** Health detail for /_stratus/health. */
  health?(): Record<string, unknown>;
  /**
   * The credentials this service issues (IAM access keys, STS sessions): what `accessKeyId` stands
   * for, or undefined. `use` is the request the key signs (for IAM's last-used record).
   */
  resolveCredential?(accessKeyId: string, use?: CredentialUse): Promise<ResolvedCredential | undefined>;
  /** The IAM policies that apply to a principal, for `--iam enforce` (IAM's); undefined for the root. */
  principalPolicies?(principal: Principal): Promise<PrincipalPolicies | undefined>;
  /**
   * For `--iam enforce`: the account that owns the resource an ARN of this service names, and its
   * resource-based policy (a bucket's, a queue's, a function's...); undefined when there is no such
   * resource. Cached by the service (aws/iam-resource-policies.ts): it runs on every request.
   */
  resourcePolicy?(arn: string): Promise<ResourcePolicy | undefined>;
}

export interface LoadedService {
  readonly definition: ServiceDefinition;
  readonly model: ServiceModel;
  /** The model's precomputed lookups, shared by every caller of this service. */
  readonly index: ServiceIndex;
  readonly provider: ServiceProvider;
}

/**
 * A service the server serves, loaded or not (platform.services): its definition, and its model read
 * on first use. `provider` throws until it is loaded: call `load()` (which shares one creation among
 * concurrent callers) before using it.
 */
export interface ServiceEntry extends LoadedService {
  /** The model's metadata, read without the rest of the model (which `model` and `index` read on first use). */
  readonly metadata: ServiceModel['metadata'];
  readonly loaded: boolean;
  load(): Promise<LoadedService>;
}

/** What a provider has besides its operations. */
export interface ProviderHooks {
  readonly dataPlanes?: readonly DataPlaneRoute[];
  readonly hostAddressing?: readonly HostAddressing[];
  corsHeaders?(req: HttpRequest): Promise<Record<string, string>>;
  close?(): Promise<void>;
  health?(): Record<string, unknown>;
  resolveCredential?(accessKeyId: string, use?: CredentialUse): Promise<ResolvedCredential | undefined>;
  principalPolicies?(principal: Principal): Promise<PrincipalPolicies | undefined>;
  /**
   * For `--iam enforce`: the account that owns the resource an ARN of this service names, and its
   * resource-based policy (a bucket's, a queue's, a function's...); undefined when there is no such
   * resource. Cached by the service (aws/iam-resource-policies.ts): it runs on every request.
   */
  resourcePolicy?(arn: string): Promise<ResourcePolicy | undefined>;
}

/** The request an access key signs: the service (its signing name) and region. */
export interface CredentialUse {
  readonly service: string;
  readonly region: string;
}

/** The capitalised keys of a family: by convention (and checked at start-up against the model) its operations. */
type OperationKeys<F> = { [K in keyof F]: K extends string ? (K extends Capitalize<K> ? (K extends Uncapitalize<K> ? never : K) : never) : never }[keyof F];

/**
 * A family of operations (one file of a service, e.g. dynamodb/ops/tables.ts): every capitalised
 * member must be an operation of the generated `<Service>Api` with its exact signature. A misspelt or
 * mistyped operation is a compile error where the provider is assembled.
 */
export type OperationFamily<Api, F> = F & { [K in OperationKeys<F>]: K extends keyof Api ? Api[K] : never };

/**
 * The one way to assemble a provider: the operation families of a service, typed by its generated
 * interface, plus its hooks. Operations are the families' capitalised methods (a family is a class
 * instance or an object literal), bound to their family; two families may not define one operation.
 *
 *   return defineProvider<DynamoDBApi>()([new TableOps(core), new ItemOps(core)], { close: () => core.close() });
 */
export function defineProvider<Api>() {
  return <const F extends readonly object[]>(
    families: { readonly [I in keyof F]: OperationFamily<Api, F[I]> },
    hooks: ProviderHooks = {},
  ): ServiceProvider & Partial<Api> => {
    const provider: Record<string, unknown> = {};
    for (const family of families as readonly object[]) {
      for (const name of operationNames(family)) {
        if (name in provider) throw new Error(`operation ${name} is defined by two families`);
        const fn = (family as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        provider[name] = fn.bind(family);
      }
    }
    return Object.assign(provider, hooks) as ServiceProvider & Partial<Api>;
  };
}

/** The capitalised function members of an object, its own and along its prototype chain. */
export function operationNames(family: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = family; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (/^[A-Z]/.test(name) && typeof (family as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names];
}

/** Compressed bodies a service's API takes (server/compression.ts applies them). */
export interface CompressionRules {
  /** Content-Encoding values a request body may come in. */
  readonly requestEncodings: readonly string[];
  /** Smallest response body compressed when the client accepts it. */
  readonly responseThreshold: number;
}
