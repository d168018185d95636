/** Which S3 operation a request is, where several share a URI: by required bindings, x-id, deprecation. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadModel } from '../../src/aws/model.js';
import { matchRoute } from '../../src/aws/protocols/rest-routes.js';
import { ServiceIndex } from '../../src/aws/service-index.js';

describe('S3 routes', () => {
  const index = new ServiceIndex('s3', loadModel('s3'));
  const op = (method: string, target: string, headers: Record<string, string> = {}): string | undefined => {
    const [path, query = ''] = target.split('?', 2) as [string, string?];
    return matchRoute(index.restRoutes, method, path, new URLSearchParams(query), headers)?.route.operation.name;
  };

  it('object routes by query parameters and headers', () => {
    assert.equal(op('GET', '/b/k'), 'GetObject');
    assert.equal(op('GET', '/b/k?uploadId=u'), 'ListParts');
    assert.equal(op('PUT', '/b/k'), 'PutObject');
    assert.equal(op('PUT', '/b/k', { 'x-amz-copy-source': 'b/x' }), 'CopyObject');
    assert.equal(op('PUT', '/b/k?partNumber=1&uploadId=u'), 'UploadPart');
    assert.equal(op('PUT', '/b/k?partNumber=1&uploadId=u', { 'x-amz-copy-source': 'b/x' }), 'UploadPartCopy');
    assert.equal(op('DELETE', '/b/k'), 'DeleteObject');
    assert.equal(op('DELETE', '/b/k?uploadId=u'), 'AbortMultipartUpload');
    assert.equal(op('POST', '/b/k?uploadId=u'), 'CompleteMultipartUpload');
    assert.equal(op('POST', '/b/k?uploads'), 'CreateMultipartUpload');
    assert.equal(op('PUT', '/b/k?x-id=PutObject', { 'x-amz-copy-source': 'b/x' }), 'PutObject');
  });

  it('bucket routes: successors before deprecated operations; ListBuckets at /', () => {
    assert.equal(op('GET', '/'), 'ListBuckets');
    assert.equal(op('GET', '/b?lifecycle'), 'GetBucketLifecycleConfiguration');
    assert.equal(op('PUT', '/b?notification'), 'PutBucketNotificationConfiguration');
    assert.equal(op('GET', '/b?list-type=2'), 'ListObjectsV2');
    assert.equal(op('GET', '/b'), 'ListObjects');
    assert.equal(op('GET', '/b/'), 'ListObjects');
  });

  it('keys keep empty segments and trailing slashes', () => {
    const labels = (target: string): Record<string, string> | undefined => matchRoute(index.restRoutes, 'GET', target, new URLSearchParams())?.labels;
    assert.deepEqual(labels('/b//a//c/'), { Bucket: 'b', Key: '/a//c/' });
    assert.deepEqual(labels('/b/dir/'), { Bucket: 'b', Key: 'dir/' });
    assert.deepEqual(labels('/b/a%2Bb%20c'), { Bucket: 'b', Key: 'a+b c' });
  });
});
