/** SNS errors the model has no message for. */
import { notImplemented } from '../../aws/errors.js';
import type { AwsError } from '../../aws/errors.js';

/**
 * Message data protection (masking, auditing, denying sensitive data) is not implemented: the
 * policy operations, and CreateTopic with a DataProtectionPolicy, answer NotImplemented rather than
 * store a policy that would never act.
 */
export function unsupportedDataProtection(): AwsError {
  return notImplemented('sns', 'PutDataProtectionPolicy');
}
