/**
 * Virtual-hosted-style addressing: `{bucket}.s3.localhost`, `{bucket}.s3.{region}.localhost`,
 * AWS's `{bucket}.s3.amazonaws.com`, `{bucket}.s3.{region}.amazonaws.com`, the legacy dash form
 * `{bucket}.s3-{region}.amazonaws.com`, and LocalStack's `.localhost.localstack.cloud` names. Such
 * a request is the model's `/{Bucket}/{Key+}` with the bucket taken from the host (the server keeps
 * the path as sent for SigV4). Path-style requests (`/bucket/key` on any other host) need nothing.
 */
import type { HostAddressing, RouteGuard } from '../service.js';
import { hostPattern, type HttpRequest } from '../../core/http.js';
import { boundaryOf } from './multipart-form.js';

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

/** Static website endpoints: `{bucket}.s3-website.{region}.localhost`, `{bucket}.s3-website-{region}.localhost` (website.ts). */
export const WEBSITE_HOST = hostPattern('(.+)\\.s3-website[.-]([a-z0-9-]+)', ['amazonaws\\.com']);

const onePathSegment = (path: string): boolean => /^\/[^/]+\/?$/.test(path);

/** Path-style requests S3 answers outside its model (browser.ts): CORS preflights with a bucket in the path, form uploads. */
export const browserPathRequest = (req: HttpRequest): boolean =>
  (req.method === 'OPTIONS' && req.rawPath.length > 1 && req.headers['access-control-request-method'] !== undefined) ||
  (req.method === 'POST' && req.rawQuery === '' && onePathSegment(req.rawPath) && boundaryOf(req.headers['content-type']) !== undefined);

/** Virtual-hosted requests S3 answers outside its model (browser.ts), once the path is `/bucket/...`. */
export const browserHostRequest = (req: HttpRequest): boolean =>
  req.method === 'OPTIONS' || (req.method === 'POST' && req.rawQuery === '' && onePathSegment(req.rawPath) && !req.headers.authorization);

/** S3's data-plane routes (website.ts, browser.ts), for the server before S3 is loaded. */
export const S3_GUARDS: readonly RouteGuard[] = [{ host: WEBSITE_HOST }, { pathPrefix: '/', accepts: browserPathRequest }];
