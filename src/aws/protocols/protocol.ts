import type { AwsError } from '../errors.js';
import type { OperationModel } from '../model.js';
import type { ServiceIndex } from '../service-index.js';
import type { HttpRequest, HttpResponse } from '../../core/http.js';
import type { RequestContext } from '../../core/context.js';

/** The operation a request asks for, with what the protocol learned while finding it. */
export interface ResolvedOperation {
  operation: OperationModel;
  /** REST protocols: URI label values. */
  labels?: Record<string, string>;
  /** Query protocol: the decoded parameters. */
  params?: URLSearchParams;
}

/**
 * One AWS protocol: generic per protocol, driven by the service model, never per operation.
 * `resolve` finds the operation (or throws the protocol's unknown-operation error), `input`
 * turns the request into the typed input (validated), `output`/`error` write the response.
 */
export interface Protocol {
  resolve(req: HttpRequest, svc: ServiceIndex): ResolvedOperation;
  /**
   * Whether the operation's input payload streams (a blob marked `streaming`, S3 PutObject's Body):
   * the provider then gets the body as a stream (HttpRequest.stream) instead of a Buffer.
   */
  streamsInput(svc: ServiceIndex, operation: OperationModel): boolean;
  input(req: HttpRequest, svc: ServiceIndex, resolved: ResolvedOperation, validationCode: string): any;
  output(svc: ServiceIndex, operation: OperationModel, output: any, ctx: RequestContext): HttpResponse;
  error(svc: ServiceIndex, err: AwsError, ctx: RequestContext): HttpResponse;
}
