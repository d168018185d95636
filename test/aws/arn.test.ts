import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountRootArn, arnFor, formatArn, isRoleArn, parseArn, parseResourceArn, partitionOf } from '../../src/aws/arn.js';

describe('ARNs', () => {
  it('parses the five fields and keeps colons inside the resource', () => {
    assert.deepEqual(parseArn('arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*'), {
      partition: 'aws', service: 'logs', region: 'us-east-1', account: '123456789012', resource: 'log-group:/aws/lambda/f:*',
    });
    assert.deepEqual(parseArn('arn:aws-cn:s3:::bucket/key'), { partition: 'aws-cn', service: 's3', region: '', account: '', resource: 'bucket/key' });
  });

  it('refuses what is not an ARN', () => {
    for (const bad of ['', 'arn', 'arn:aws:lambda', 'arn:aws:lambda:us-east-1:1', 'arn:aws:lambda:us-east-1:123456789012:', 'arn:AWS:s3:::b', 'urn:aws:s3:::b']) {
      assert.equal(parseArn(bad), undefined, bad);
    }
  });

  it('round-trips and builds scoped ARNs, without a region for global services', () => {
    const text = 'arn:aws:lambda:eu-west-1:123456789012:function:f:PROD';
    assert.equal(formatArn(parseArn(text)!), text);
    assert.equal(arnFor('iam', { accountId: '123456789012', region: 'eu-west-1' }, 'role/r'), 'arn:aws:iam::123456789012:role/r');
    assert.equal(arnFor('sqs', { accountId: '123456789012', region: 'cn-north-1' }, 'q'), 'arn:aws-cn:sqs:cn-north-1:123456789012:q');
    assert.equal(partitionOf('us-gov-west-1'), 'aws-us-gov');
  });

  it('parses a typed resource of one service', () => {
    assert.equal(parseResourceArn('arn:aws:dynamodb:us-east-1:123456789012:table/Users', 'dynamodb', 'table/')?.name, 'Users');
    assert.equal(parseResourceArn('arn:aws:dynamodb:us-east-1:123456789012:table/', 'dynamodb', 'table/'), undefined);
    assert.equal(parseResourceArn('arn:aws:lambda:us-east-1:123456789012:function:f', 'dynamodb', 'table/'), undefined);
  });

  it('names an account root user in the partition of the region', () => {
    assert.equal(accountRootArn({ accountId: '123456789012', region: 'us-east-1' }), 'arn:aws:iam::123456789012:root');
    assert.equal(accountRootArn({ accountId: '123456789012', region: 'cn-north-1' }), 'arn:aws-cn:iam::123456789012:root');
  });

  it('recognises IAM role ARNs', () => {
    for (const good of ['arn:aws:iam::123456789012:role/r', 'arn:aws-us-gov:iam::123456789012:role/path/to/r', 'arn:aws:iam::123456789012:role/a:b']) {
      assert.equal(isRoleArn(good), true, good);
    }
    const bad = [
      'arn:aws:iam::123456789012:role/',
      'arn:aws:iam::123456789012:user/u',
      'arn:aws:iam:us-east-1:123456789012:role/r',
      'arn:aws:iam::12345:role/r',
      'arn:aws:sts::123456789012:role/r',
      'arn:aws:iam::123456789012:role/a\nb',
      'role/r',
    ];
    for (const text of bad) assert.equal(isRoleArn(text), false, text);
  });
});
