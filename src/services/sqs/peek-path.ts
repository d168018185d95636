/** The path of SQS's peek endpoint (peek.ts), known to the server before SQS is loaded (index.ts). */
import type { HttpRequest } from '../../core/http.js';
import type { RouteGuard } from '../service.js';

export const PEEK_PATH = '/_stratus/sqs/messages';
export const isPeek = (req: HttpRequest): boolean => req.method === 'GET' && req.rawPath.replace(/\/$/, '') === PEEK_PATH;
export const PEEK_GUARD: RouteGuard = { pathPrefix: PEEK_PATH, accepts: isPeek };
