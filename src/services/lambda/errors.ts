/**
 * What Lambda's errors carry besides their class (src/generated/lambda.ts): the `Type` member
 * saying who is at fault, and messages several operations share.
 */
export const USER_FAULT: Readonly<Record<string, unknown>> = Object.freeze({ Type: 'User' });
export const SERVICE_FAULT: Readonly<Record<string, unknown>> = Object.freeze({ Type: 'Service' });

export const REVISION_MISMATCH = 'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id';
export const LAYER_REVISION_MISMATCH = 'The Revision Id provided does not match the latest Revision Id. Call the GetLayerPolicy API to retrieve the latest Revision Id';
