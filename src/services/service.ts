import type { Clock } from '../core/clock.js';
import type { Db } from '../storage/db.js';
import type { ServiceModel } from '../aws/model.js';
import type { ServiceIndex } from '../aws/service-index.js';
import type { RequestContext } from '../server/context.js';
import type { Config } from '../core/config.js';
import type { HttpRequest, ResponseSink } from '../server/http.js';

/** What the platform hands each service when the server starts. */
export interface Platform {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Config;
  /** The endpoint clients and functions reach Stratus at, e.g. http://127.0.0.1:4566. */
  readonly endpoint: () => string;
  readonly log: (fields: Record<string, unknown>) => void;
  /** Other services' providers, by service name, for cross-service calls (Lambda from SFN...). */
  readonly services: ReadonlyMap<string, LoadedService>;
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
  /** Creates the provider; runs migrations and starts background jobs. */
  create(platform: Platform): Promise<ServiceProvider>;
}

export interface ServiceProvider {
  readonly [operation: string]: OperationHandler | unknown;
  /**
   * Data-plane HTTP that is not an AWS API call (API Gateway invoke URLs, function URLs...).
   * Called for every request before the AWS API router; return true when it was answered.
   */
  handleHttp?(req: HttpRequest, res: ResponseSink): Promise<boolean> | boolean;
  /** Stops background work (called when the server shuts down). */
  close?(): Promise<void>;
  /** Health detail for /_stratus/health. */
  health?(): Record<string, unknown>;
}

export interface LoadedService {
  readonly definition: ServiceDefinition;
  readonly model: ServiceModel;
  /** The model's precomputed lookups, shared by every caller of this service. */
  readonly index: ServiceIndex;
  readonly provider: ServiceProvider;
}
