/**
 * SNS's URLs that are not API calls: the signing certificate (SigningCertURL), the unsigned
 * SubscribeURL and UnsubscribeURL a recipient visits, on AWS's host form
 * (`sns.{region}.localhost`) and on a path form that needs no DNS (`/_aws/sns/...`); and the local
 * inbox of what email, SMS and mobile endpoints would have received (`/_stratus/sns/messages`).
 */
import { randomUUID } from 'node:crypto';
import { isAwsError } from '../../aws/errors.js';
import { escapeXml } from '../../aws/protocols/xml.js';
import type { HttpRequest, ResponseSink } from '../../core/http.js';
import type { DataPlaneRoute } from '../service.js';
import { actionOf, inInbox, INBOX, onHost, onPathForm, PATH_FORM, SNS_HOST } from './addresses.js';
import type { SnsCore } from './core.js';
import type { SubscriptionOps } from './ops/subscriptions.js';

const NS = 'http://sns.amazonaws.com/doc/2010-03-31/';

export function snsRoutes(core: SnsCore, subs: SubscriptionOps): DataPlaneRoute[] {
  const serve = (region: string | undefined) => (req: HttpRequest, res: ResponseSink) => handle(core, subs, region, req, res);
  return [
    {
      host: SNS_HOST,
      accepts: onHost,
      handle: (req, res) => serve(/^sns\.([a-z0-9-]+)\./.exec((req.headers.host ?? '').toLowerCase())?.[1])(req, res),
    },
    { pathPrefix: PATH_FORM, accepts: onPathForm, handle: serve(undefined) },
    { pathPrefix: INBOX, accepts: inInbox, handle: (req, res) => inbox(core, req, res) },
  ];
}

async function handle(core: SnsCore, subs: SubscriptionOps, hostRegion: string | undefined, req: HttpRequest, res: ResponseSink): Promise<void> {
  const path = hostRegion ? req.rawPath : `/${req.rawPath.slice(PATH_FORM.length)}`;
  if (path.endsWith('.pem')) {
    if (path.slice(1) !== core.signer.certFile) return notFound(res);
    res.writeHead(200, { 'content-type': 'application/x-pem-file' });
    res.end(core.signer.certPem);
    return;
  }
  const q = new URLSearchParams(req.rawQuery);
  const requestId = randomUUID();
  try {
    if (q.get('Action') === 'ConfirmSubscription') {
      const topicArn = q.get('TopicArn') ?? '';
      const region = hostRegion ?? topicArn.split(':')[3] ?? '';
      const arn = await subs.confirmByToken({ region }, topicArn, q.get('Token') ?? '', false);
      return xml(res, 200, `<ConfirmSubscriptionResponse xmlns="${NS}"><ConfirmSubscriptionResult><SubscriptionArn>${escapeXml(arn)}</SubscriptionArn></ConfirmSubscriptionResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></ConfirmSubscriptionResponse>`);
    }
    if (q.get('Action') === 'Unsubscribe') {
      const arn = q.get('SubscriptionArn') ?? '';
      core.parseSubscriptionArn({ region: hostRegion ?? arn.split(':')[3] ?? '' }, arn);
      await subs.unsubscribe(arn);
      return xml(res, 200, `<UnsubscribeResponse xmlns="${NS}"><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></UnsubscribeResponse>`);
    }
    return notFound(res);
  } catch (e) {
    if (!isAwsError(e)) throw e;
    const code = e.code === 'InvalidParameterException' ? 'InvalidParameter' : e.code === 'NotFoundException' ? 'NotFound' : e.code;
    return xml(res, e.status, `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(e.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`);
  }
}

function xml(res: ResponseSink, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(body);
}

function notFound(res: ResponseSink): void {
  res.writeHead(404, { 'content-type': 'text/xml' });
  res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
}

/** GET: what was recorded, oldest first (filters: accountId, region, endpoint, protocol); DELETE empties it (same filters). */
async function inbox(core: SnsCore, req: HttpRequest, res: ResponseSink): Promise<void> {
  const q = new URLSearchParams(req.rawQuery);
  const where: string[] = [];
  const params: string[] = [];
  if (q.get('accountId')) {
    where.push('account = ?');
    params.push(q.get('accountId')!);
  }
  if (q.get('region')) {
    where.push('region = ?');
    params.push(q.get('region')!);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const rows = await core.db.all<{ id: string; account: string; region: string; doc: string }>(`SELECT id, account, region, doc FROM sns_inbox${clause} ORDER BY at, seq`, params);
  const endpoint = q.get('endpoint');
  const protocol = q.get('protocol');
  const items = rows
    .map((r) => ({ id: r.id, accountId: r.account, region: r.region, ...(JSON.parse(r.doc) as { endpoint?: string; protocol?: string }) }))
    .filter((m) => (!endpoint || m.endpoint === endpoint) && (!protocol || m.protocol === protocol));
  if (req.method === 'DELETE') {
    await core.db.tx(async (tx) => {
      for (const m of items) await tx.run('DELETE FROM sns_inbox WHERE id = ?', [m.id]);
    });
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ messages: items }));
}
