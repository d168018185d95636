import { notImplemented } from '../aws/errors.js';
import { readInput } from '../aws/validate.js';
import { internalContext, type Principal, type RequestContext } from '../core/context.js';
import type { OperationHandler, Platform } from './service.js';

/**
 * Typed clients for calls between services (Step Functions to Lambda and DynamoDB, API Gateway's AWS
 * integrations, event targets...), in the place of casts of a sibling's provider. A call goes through
 * the target's generated interface and is validated against its model exactly as a call from outside
 * would be, so a bad parameter gets the target's own validation error, and an operation the target
 * does not implement answers NotImplemented.
 */
export type ServiceClient<Api> = {
  [K in keyof Api]: Api[K] extends (ctx: RequestContext, input: infer I) => Promise<infer O> ? (input: I) => Promise<O> : never;
};

export interface CallerScope {
  readonly accountId: string;
  readonly region: string;
  /** The request id of the call that causes this one, carried into the target's logs. */
  readonly requestId?: string;
  /** Who calls, when not the account root (a service principal assuming a role). */
  readonly principal?: Principal;
}

export interface ClientOptions {
  /**
   * The inputs are JSON values (Step Functions Parameters, a mapped request body): blobs as base64
   * and timestamps as numbers or text, read and type-checked as a JSON request body is.
   */
  readonly fromJson?: boolean;
}

/** A client of `service` acting in `scope`, or undefined when that service is not served. */
export function serviceClient<Api>(platform: Pick<Platform, 'services' | 'clock'>, service: string, scope: CallerScope, options: ClientOptions = {}): ServiceClient<Api> | undefined {
  const loaded = platform.services.get(service);
  if (!loaded) return undefined;
  const validationCode = loaded.definition.validationErrorCode ?? 'ValidationException';
  return new Proxy({} as ServiceClient<Api>, {
    get(_target, operation) {
      if (typeof operation !== 'string') return undefined;
      const op = loaded.index.operations.get(operation);
      if (!op) return undefined;
      return async (input: unknown): Promise<unknown> => {
        // A service not loaded yet is created by its first call.
        const provider = loaded.loaded ? loaded.provider : (await loaded.load()).provider;
        const handler = provider[operation] as OperationHandler | undefined;
        if (typeof handler !== 'function') throw notImplemented(service, operation);
        const ctx = internalContext(platform.clock, { ...scope, service, operation });
        const checked = op.input ? readInput(loaded.index, op.input.shape, input ?? {}, options.fromJson === true, validationCode) : {};
        return handler.call(provider, ctx, checked);
      };
    },
  });
}
