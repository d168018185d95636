import { parseSigV4, verifySigV4 } from '../../../aws/sigv4.js';
import type { Config } from '../../../core/config.js';
import type { HttpRequest } from '../../../core/http.js';

export type IamCheck = 'ok' | 'missing' | 'invalid';

/**
 * AWS_IAM authorization of a request to an API: a SigV4 signature for `execute-api` is required; in
 * `--auth strict` it is verified against the known credentials (in open mode, as for AWS API calls,
 * any key is taken).
 */
export function iamCheck(config: Config, req: HttpRequest): IamCheck {
  let sig;
  try {
    sig = parseSigV4(req);
  } catch {
    return 'invalid';
  }
  if (!sig) return 'missing';
  if (sig.service !== 'execute-api') return 'invalid';
  if (config.auth !== 'strict') return 'ok';
  const cred = config.credentials.find((c) => c.accessKeyId === sig.accessKeyId);
  return cred && verifySigV4(req, sig, cred.secretAccessKey) ? 'ok' : 'invalid';
}
