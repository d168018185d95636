/**
 * SQS errors the model has no shape for, or answers with another status than its default. Their
 * query-protocol codes (InvalidParameterValue, MissingParameter) are in aws/protocols/wire.ts.
 */
import { AwsError } from '../../aws/errors.js';
import { QueueDoesNotExist } from '../../generated/sqs.js';

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterValueException', message, 400);
}

export function missingParameter(name: string): AwsError {
  return new AwsError('MissingRequiredParameterException', `The request must contain the parameter ${name}.`, 400);
}

export function noSuchQueue(): QueueDoesNotExist {
  return new QueueDoesNotExist('The specified queue does not exist.');
}

/** ReceiptHandleIsInvalid is a 404 (Smithy's @httpError on the shape; the botocore model lost it). */
export function receiptHandleInvalid(handle: string): AwsError {
  return new AwsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`, 404);
}

export function resourceNotFound(message: string): AwsError {
  return new AwsError('ResourceNotFoundException', message, 404);
}

export function purgeInProgress(name: string): AwsError {
  return new AwsError('PurgeQueueInProgress', `Only one PurgeQueue operation on ${name} is allowed every 60 seconds.`, 403);
}

export function unsupported(message: string): AwsError {
  return new AwsError('UnsupportedOperation', message, 400);
}
