/** Calls from task integrations to other Stratus services, typed by their generated interfaces. */
import type { RequestContext } from '../../../core/context.js';
import { readInput } from '../../../aws/validate.js';
import type { Platform } from '../../service.js';

type OutputOf<F> = F extends (ctx: RequestContext, input: never) => infer O ? O : never;

/**
 * An operation of a loaded service, or undefined when the service (or that operation) is not loaded.
 * The input is read against the service's model first, as a request to the service is, so a bad
 * Parameters block gets that service's validation error. `fromJson`: the input is a JSON value (from
 * the state's Parameters) rather than a typed value built by the integration.
 */
export function targetOperation<Api, K extends keyof Api & string>(
  platform: Platform,
  service: string,
  operation: K,
  fromJson: boolean,
): ((ctx: RequestContext, input: unknown) => OutputOf<Api[K]>) | undefined {
  const loaded = platform.services.get(service);
  const handler = (loaded?.provider as Partial<Api> | undefined)?.[operation];
  if (!loaded || typeof handler !== 'function') return undefined;
  const shape = loaded.index.operations.get(operation)?.input?.shape;
  const validationCode = loaded.definition.validationErrorCode ?? 'ValidationException';
  return (ctx, input) => {
    const read: unknown = shape ? readInput(loaded.index, shape, input, fromJson, validationCode) : {};
    return (handler as (ctx: RequestContext, input: unknown) => OutputOf<Api[K]>).call(loaded.provider, ctx, read);
  };
}
