/**
 * An error that a service answers with, in AWS's terms. Protocol serializers turn it into the
 * wire shape of the service's protocol (JSON `__type`, XML `<Error><Code>`, ...).
 */
export class AwsError extends Error {
  /** Extra members of the error shape (e.g. CancellationReasons, Item), serialized with it. */
  readonly fields: Record<string, unknown>;
  /** Extra HTTP headers to send with the error (e.g. Retry-After). */
  readonly headers: Record<string, string>;

  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    options: { fields?: Record<string, unknown>; headers?: Record<string, string>; senderFault?: boolean } = {},
  ) {
    super(message);
    this.name = code;
    this.fields = options.fields ?? {};
    this.headers = options.headers ?? {};
    this.senderFault = options.senderFault ?? status < 500;
  }

  readonly senderFault: boolean;
}

export function isAwsError(e: unknown): e is AwsError {
  return e instanceof AwsError;
}

/** The error for an operation in the model that Stratus does not implement yet. */
export function notImplemented(service: string, operation: string): AwsError {
  return new AwsError(
    'NotImplemented',
    `The operation ${operation} of service ${service} is not implemented by Stratus yet.`,
    501,
    { senderFault: false },
  );
}

export function internalFailure(requestId: string): AwsError {
  return new AwsError(
    'InternalFailure',
    `The request processing has failed because of an unknown error, exception or failure. (Request ID: ${requestId})`,
    500,
    { senderFault: false },
  );
}
