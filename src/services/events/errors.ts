import { AwsError } from '../../aws/errors.js';

/** EventBridge answers ValidationException (400), a shape its model does not list. */
export class ValidationException extends AwsError {
  constructor(message: string) {
    super('ValidationException', message, 400);
  }
}
