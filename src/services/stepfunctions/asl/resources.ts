/** What a Task's Resource ARN names: a Lambda function, an activity, or a service integration. */
export type ResourceKind =
  | { type: 'service'; service: string; action: string }
  | { type: 'lambda' }
  | { type: 'activity' };

export function classify(resource: string): ResourceKind {
  const m = /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.exec(resource);
  if (m) return { type: 'activity' };
  if (/^arn:[^:]+:lambda:/.test(resource)) return { type: 'lambda' };
  // AWS SDK integrations: the history's resourceType is `aws-sdk:{service}`.
  const aws = /^arn:[^:]+:states:::aws-sdk:([^:]+):(.+)$/.exec(resource);
  if (aws) return { type: 'service', service: `aws-sdk:${aws[1]!}`, action: aws[2]! };
  const s = /^arn:[^:]+:states:::([^:]+):(.+)$/.exec(resource);
  if (s) return { type: 'service', service: s[1]!, action: s[2]! };
  return { type: 'service', service: 'unknown', action: resource };
}
