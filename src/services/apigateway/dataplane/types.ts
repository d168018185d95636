import type { HttpRequest } from '../../../core/http.js';
import { GatewayError } from '../gateway-responses.js';
import type { ModelValidators } from '../models.js';
import type { RouteNode } from '../router.js';
import type { Scope } from '../store.js';
import type { ApiKeyDoc, MethodDoc, ResourceDoc, Snapshot, StageDoc } from '../types.js';

/*
 * The three requests of the data plane, from the wire inwards:
 * - `HttpRequest` (core/http.ts): the HTTP request as the server received it (Host, raw path, raw headers).
 * - `StageRequest`: a request to one deployed stage, with the path inside the stage. entry.ts builds it from
 *   an HttpRequest; TestInvokeMethod and TestInvokeAuthorizer build one with no HTTP request behind it.
 * - `MethodRequest`: a StageRequest matched to a resource and method, plus what the pipeline learns about it
 *   as it goes (header and query maps, identity, authorizer result, API key, request overrides).
 * A `Reply` is what goes back, whichever stage produced it.
 */

/** A request to one deployed stage. */
export interface StageRequest {
  method: string;
  /** Path inside the stage, percent-encoded, starting with '/'. */
  path: string;
  rawQuery: string;
  /** Original-case header pairs in arrival order. */
  rawHeaders: [string, string][];
  body: Buffer;
  sourceIp: string;
  domainName: string;
  /** The HTTP request as received (for SigV4 verification); absent for test invocations. */
  original?: HttpRequest;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** A stage as served: its settings and its deployment's snapshot, with routes and validators compiled. */
export interface Deployed {
  scope: Scope;
  apiId: string;
  stageName: string;
  stage: StageDoc;
  snapshot: Snapshot;
  root: RouteNode | undefined;
  validators: ModelValidators;
  loadedAt: number;
  testInvoke?: boolean;
  /** The stage's canary deployment, when it has one. */
  canary?: Deployed;
  isCanary?: boolean;
}

/** What a Lambda authorizer answered: the caller's principal and the IAM policy that applies to it. */
export interface AuthorizerResult {
  principalId?: string;
  context: Record<string, unknown>;
  usageIdentifierKey?: string;
  /** A COGNITO_USER_POOLS authorizer's verified token claims (then the other fields are unused). */
  claims?: Record<string, string>;
  /** When a cached result stops being used (ms). */
  expires: number;
  statements: { effect: string; actions: string[]; resources: string[] }[];
}

/** The execution log lines of one request (written when the stage's logging level asks for them). */
export interface ExecutionLog {
  lines: string[];
}

/** A StageRequest matched to a resource and method, and what the pipeline learns about it. */
export interface MethodRequest {
  dep: Deployed;
  stageRequest: StageRequest;
  requestId: string;
  extendedRequestId: string;
  receivedAt: number;
  resource: ResourceDoc;
  method: MethodDoc;
  pathParameters: Record<string, string>;
  query: Record<string, string>;
  multiQuery: Record<string, string[]>;
  headers: Record<string, string>;
  multiHeaders: Record<string, string[]>;
  identity: Record<string, unknown>;
  authorizer?: AuthorizerResult;
  apiKey?: ApiKeyDoc;
  stageVariables: Record<string, string>;
  log: ExecutionLog;
  /** $context.requestOverride set by the request template (header, querystring, path). */
  requestOverride?: { header: Record<string, unknown>; querystring: Record<string, unknown>; path: Record<string, unknown> };
}

/** How long deployed stages and custom domains are served from memory before SQL is read again. */
export const RELOAD_MS = 1000;

/** The most entries a stage's response cache, or its authorizer result cache, holds. */
export const MAX_CACHE_ENTRIES = 10000;

/** The 500 a misconfigured method or integration gets; the reason goes to the execution log. */
export function configurationError(log: ExecutionLog, reason?: string): GatewayError {
  if (reason !== undefined) log.lines.push(`Execution failed due to configuration error: ${reason}`);
  return new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500);
}
