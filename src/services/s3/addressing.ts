/**
 * Virtual-hosted-style addressing: `{bucket}.s3.localhost`, `{bucket}.s3.{region}.localhost`,
 * AWS's `{bucket}.s3.amazonaws.com`, `{bucket}.s3.{region}.amazonaws.com`, the legacy dash form
 * `{bucket}.s3-{region}.amazonaws.com`, and LocalStack's `.localhost.localstack.cloud` names. Such
 * a request is the model's `/{Bucket}/{Key+}` with the bucket taken from the host (the server keeps
 * the path as sent for SigV4). Path-style requests (`/bucket/key` on any other host) need nothing.
 */
import type { HostAddressing } from '../service.js';
import { hostPattern } from '../../core/http.js';

/** Bucket names may hold dots, so the bucket is everything before the last `.s3` label. */
export const VIRTUAL_HOST = hostPattern('(.+)\\.s3(?:[.-](?!localhost\\b|amazonaws\\b|website\\b)[a-z0-9-]+)?', ['amazonaws\\.com']);

export const virtualHosts: HostAddressing = {
  host: VIRTUAL_HOST,
  rewrite(req, match) {
    const bucket = match[1]!;
    // `/` is the bucket itself; `/key` (even `//key`) is a key in it.
    return req.rawPath === '/' || req.rawPath === '' ? `/${bucket}` : `/${bucket}${req.rawPath}`;
  },
};
