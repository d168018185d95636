/**
 * Connections (the authorization an API destination sends: API key, basic, OAuth client credentials)
 * and API destinations (an HTTP endpoint and method, with the invocation rate recorded). Secrets are
 * kept to be sent and never answered: Describe shows what AWS shows (key name, user name, client id).
 */
import { randomUUID } from 'node:crypto';
import { arnFor } from '../../../aws/arn.js';
import { ValidationException } from '../errors.js';
import type { RequestContext } from '../../../core/context.js';
import {
  ResourceAlreadyExistsException, ResourceNotFoundException, type ApiDestination, type Connection, type ConnectionAuthResponseParameters, type ConnectionHttpParameters,
  type CreateApiDestinationRequest, type CreateApiDestinationResponse, type CreateConnectionRequest, type CreateConnectionResponse,
  type DeauthorizeConnectionRequest, type DeauthorizeConnectionResponse, type DeleteApiDestinationRequest, type DeleteApiDestinationResponse,
  type DeleteConnectionRequest, type DeleteConnectionResponse, type DescribeApiDestinationRequest, type DescribeApiDestinationResponse,
  type DescribeConnectionRequest, type DescribeConnectionResponse, type EventBridgeApi, type ListApiDestinationsRequest,
  type ListApiDestinationsResponse, type ListConnectionsRequest, type ListConnectionsResponse, type UpdateApiDestinationRequest,
  type UpdateApiDestinationResponse, type UpdateConnectionRequest, type UpdateConnectionResponse,
} from '../../../generated/events.js';
import type { Queryable } from '../../../storage/db.js';
import type { Scope } from '../../../storage/documents.js';
import type { EventsCore } from '../core.js';
import { apiDestinations, connections, type StoredApiDestination, type StoredConnection } from '../store.js';

const AUTH_MEMBER = { API_KEY: 'ApiKeyAuthParameters', BASIC: 'BasicAuthParameters', OAUTH_CLIENT_CREDENTIALS: 'OAuthParameters' } as const;

/** HTTPS as AWS requires; plain HTTP is taken for loopback hosts only, where a local test server listens. */
function checkEndpoint(url: string, what: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ValidationException(`${what} is not a valid URL.`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) || u.hostname.endsWith('.localhost');
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) throw new ValidationException(`${what} must use HTTPS.`);
}

function hideSecrets(p: ConnectionHttpParameters | undefined): ConnectionHttpParameters | undefined {
  if (!p) return undefined;
  const hide = <T extends { IsValueSecret?: boolean; Value?: string }>(list: T[] | undefined) => list?.map((e) => (e.IsValueSecret ? { ...e, Value: undefined } : e));
  return { ...(p.BodyParameters ? { BodyParameters: hide(p.BodyParameters) } : {}), ...(p.HeaderParameters ? { HeaderParameters: hide(p.HeaderParameters) } : {}), ...(p.QueryStringParameters ? { QueryStringParameters: hide(p.QueryStringParameters) } : {}) };
}

function authOut(c: StoredConnection): ConnectionAuthResponseParameters {
  const a = c.auth;
  return {
    ...(a.ApiKeyAuthParameters ? { ApiKeyAuthParameters: { ApiKeyName: a.ApiKeyAuthParameters.ApiKeyName } } : {}),
    ...(a.BasicAuthParameters ? { BasicAuthParameters: { Username: a.BasicAuthParameters.Username } } : {}),
    ...(a.OAuthParameters
      ? { OAuthParameters: { AuthorizationEndpoint: a.OAuthParameters.AuthorizationEndpoint, HttpMethod: a.OAuthParameters.HttpMethod, ClientParameters: { ClientID: a.OAuthParameters.ClientParameters?.ClientID }, ...(a.OAuthParameters.OAuthHttpParameters ? { OAuthHttpParameters: hideSecrets(a.OAuthParameters.OAuthHttpParameters) } : {}) } }
      : {}),
    ...(a.InvocationHttpParameters ? { InvocationHttpParameters: hideSecrets(a.InvocationHttpParameters) } : {}),
  };
}

function connectionOut(c: StoredConnection): Connection {
  return { Name: c.name, ConnectionArn: c.arn, AuthorizationType: c.authorizationType, ConnectionState: c.state as Connection['ConnectionState'], CreationTime: new Date(c.created), LastModifiedTime: new Date(c.modified), LastAuthorizedTime: new Date(c.lastAuthorized) };
}

function destinationOut(d: StoredApiDestination): ApiDestination & DescribeApiDestinationResponse {
  return {
    Name: d.name,
    ApiDestinationArn: d.arn,
    ApiDestinationState: 'ACTIVE',
    ConnectionArn: d.connectionArn,
    InvocationEndpoint: d.endpoint,
    HttpMethod: d.method as ApiDestination['HttpMethod'],
    ...(d.rateLimit !== undefined ? { InvocationRateLimitPerSecond: d.rateLimit } : {}),
    CreationTime: new Date(d.created),
    LastModifiedTime: new Date(d.modified),
  };
}

type Ops =
  | 'CreateConnection' | 'DescribeConnection' | 'UpdateConnection' | 'DeleteConnection' | 'ListConnections' | 'DeauthorizeConnection'
  | 'CreateApiDestination' | 'DescribeApiDestination' | 'UpdateApiDestination' | 'DeleteApiDestination' | 'ListApiDestinations';

export class ConnectionOps implements Pick<EventBridgeApi, Ops> {
  constructor(private readonly core: EventsCore) {}

  private async connection(s: Scope, name: string, q: Queryable = this.core.db): Promise<StoredConnection> {
    const c = await connections.get(q, s, [name]);
    if (!c) throw new ResourceNotFoundException(`Connection '${name}' does not exist.`);
    return c;
  }

  private async destination(s: Scope, name: string, q: Queryable = this.core.db): Promise<StoredApiDestination> {
    const d = await apiDestinations.get(q, s, [name]);
    if (!d) throw new ResourceNotFoundException(`Failed to describe the api-destination(s). An api-destination '${name}' does not exist.`);
    return d;
  }

  async CreateConnection(ctx: RequestContext, input: CreateConnectionRequest): Promise<CreateConnectionResponse> {
    const s = this.core.scopeOf(ctx);
    const member = AUTH_MEMBER[input.AuthorizationType];
    if (!input.AuthParameters[member]) throw new ValidationException(`Missing '${member}' in 'AuthParameters' for authorization type '${input.AuthorizationType}'.`);
    if (input.AuthParameters.OAuthParameters) checkEndpoint(input.AuthParameters.OAuthParameters.AuthorizationEndpoint, 'AuthorizationEndpoint');
    const now = this.core.clock.now();
    const c: StoredConnection = { name: input.Name, arn: arnFor('events', s, `connection/${input.Name}/${randomUUID()}`), description: input.Description, authorizationType: input.AuthorizationType, auth: input.AuthParameters, state: 'AUTHORIZED', created: now, modified: now, lastAuthorized: now };
    await this.core.db.tx(async (tx) => {
      if (await connections.get(tx, s, [input.Name])) throw new ResourceAlreadyExistsException(`Connection ${input.Name} already exists.`);
      await connections.put(tx, s, [input.Name], c);
    });
    return { ConnectionArn: c.arn, ConnectionState: 'AUTHORIZED', CreationTime: new Date(now), LastModifiedTime: new Date(now) };
  }

  async DescribeConnection(ctx: RequestContext, input: DescribeConnectionRequest): Promise<DescribeConnectionResponse> {
    const s = this.core.scopeOf(ctx);
    const c = await this.connection(s, input.Name);
    const secret = arnFor('secretsmanager', s, `secret:events!connection/${c.name}/${c.arn.split('/').pop()}`);
    return { ...connectionOut(c), ...(c.description !== undefined ? { Description: c.description } : {}), AuthParameters: authOut(c), SecretArn: secret };
  }

  async UpdateConnection(ctx: RequestContext, input: UpdateConnectionRequest): Promise<UpdateConnectionResponse> {
    const s = this.core.scopeOf(ctx);
    const c = await this.core.db.tx(async (tx) => {
      const c = await this.connection(s, input.Name, tx);
      if (input.Description !== undefined) c.description = input.Description;
      if (input.AuthorizationType !== undefined) c.authorizationType = input.AuthorizationType;
      const a = input.AuthParameters;
      if (a) {
        for (const key of ['ApiKeyAuthParameters', 'BasicAuthParameters', 'OAuthParameters', 'InvocationHttpParameters'] as const) {
          if (a[key] !== undefined) c.auth[key] = key === 'InvocationHttpParameters' ? a[key] : { ...(c.auth[key] ?? {}), ...a[key] };
        }
      }
      if (!c.auth[AUTH_MEMBER[c.authorizationType]]) throw new ValidationException(`Missing '${AUTH_MEMBER[c.authorizationType]}' in 'AuthParameters' for authorization type '${c.authorizationType}'.`);
      c.modified = this.core.clock.now();
      c.state = 'AUTHORIZED';
      c.lastAuthorized = c.modified;
      await connections.put(tx, s, [c.name], c);
      return c;
    });
    return { ConnectionArn: c.arn, ConnectionState: 'AUTHORIZED', CreationTime: new Date(c.created), LastModifiedTime: new Date(c.modified), LastAuthorizedTime: new Date(c.lastAuthorized) };
  }

  async DeauthorizeConnection(ctx: RequestContext, input: DeauthorizeConnectionRequest): Promise<DeauthorizeConnectionResponse> {
    const s = this.core.scopeOf(ctx);
    const c = await this.core.db.tx(async (tx) => {
      const c = await this.connection(s, input.Name, tx);
      c.state = 'DEAUTHORIZED';
      c.modified = this.core.clock.now();
      await connections.put(tx, s, [c.name], c);
      return c;
    });
    return { ConnectionArn: c.arn, ConnectionState: 'DEAUTHORIZED', CreationTime: new Date(c.created), LastModifiedTime: new Date(c.modified), LastAuthorizedTime: new Date(c.lastAuthorized) };
  }

  async DeleteConnection(ctx: RequestContext, input: DeleteConnectionRequest): Promise<DeleteConnectionResponse> {
    const s = this.core.scopeOf(ctx);
    const c = await this.core.db.tx(async (tx) => {
      const c = await this.connection(s, input.Name, tx);
      await connections.delete(tx, s, [c.name]);
      return c;
    });
    return { ConnectionArn: c.arn, ConnectionState: 'DELETING', CreationTime: new Date(c.created), LastModifiedTime: new Date(c.modified), LastAuthorizedTime: new Date(c.lastAuthorized) };
  }

  async ListConnections(ctx: RequestContext, input: ListConnectionsRequest): Promise<ListConnectionsResponse> {
    const s = this.core.scopeOf(ctx);
    const page = await this.core.listNamed<StoredConnection>('events_connections', s, { operation: 'ListConnections', prefix: input.NamePrefix, token: input.NextToken, limit: input.Limit, filters: [input.ConnectionState] });
    const items = input.ConnectionState ? page.items.filter((c) => c.state === input.ConnectionState) : page.items;
    return { Connections: items.map(connectionOut), ...(page.next ? { NextToken: page.next } : {}) };
  }

  async CreateApiDestination(ctx: RequestContext, input: CreateApiDestinationRequest): Promise<CreateApiDestinationResponse> {
    const s = this.core.scopeOf(ctx);
    checkEndpoint(input.InvocationEndpoint, 'InvocationEndpoint');
    const now = this.core.clock.now();
    const d: StoredApiDestination = { name: input.Name, arn: arnFor('events', s, `api-destination/${input.Name}/${randomUUID()}`), description: input.Description, connectionArn: input.ConnectionArn, endpoint: input.InvocationEndpoint, method: input.HttpMethod, rateLimit: input.InvocationRateLimitPerSecond, created: now, modified: now };
    await this.core.db.tx(async (tx) => {
      await this.connectionByArn(s, input.ConnectionArn, tx);
      if (await apiDestinations.get(tx, s, [input.Name])) throw new ResourceAlreadyExistsException(`An api-destination '${input.Name}' already exists.`);
      await apiDestinations.put(tx, s, [input.Name], d);
    });
    return { ApiDestinationArn: d.arn, ApiDestinationState: 'ACTIVE', CreationTime: new Date(now), LastModifiedTime: new Date(now) };
  }

  private async connectionByArn(s: Scope, arn: string, q: Queryable = this.core.db): Promise<StoredConnection> {
    const name = arn.split(':connection/')[1]?.split('/')[0] ?? '';
    const c = await connections.get(q, s, [name]);
    if (!c || c.arn !== arn) throw new ResourceNotFoundException(`Connection '${name}' does not exist.`);
    return c;
  }

  async DescribeApiDestination(ctx: RequestContext, input: DescribeApiDestinationRequest): Promise<DescribeApiDestinationResponse> {
    const d = await this.destination(this.core.scopeOf(ctx), input.Name);
    return { ...destinationOut(d), ...(d.description !== undefined ? { Description: d.description } : {}) };
  }

  async UpdateApiDestination(ctx: RequestContext, input: UpdateApiDestinationRequest): Promise<UpdateApiDestinationResponse> {
    const s = this.core.scopeOf(ctx);
    if (input.InvocationEndpoint !== undefined) checkEndpoint(input.InvocationEndpoint, 'InvocationEndpoint');
    const d = await this.core.db.tx(async (tx) => {
      const d = await this.destination(s, input.Name, tx);
      if (input.ConnectionArn !== undefined) {
        await this.connectionByArn(s, input.ConnectionArn, tx);
        d.connectionArn = input.ConnectionArn;
      }
      if (input.Description !== undefined) d.description = input.Description;
      if (input.InvocationEndpoint !== undefined) d.endpoint = input.InvocationEndpoint;
      if (input.HttpMethod !== undefined) d.method = input.HttpMethod;
      if (input.InvocationRateLimitPerSecond !== undefined) d.rateLimit = input.InvocationRateLimitPerSecond;
      d.modified = this.core.clock.now();
      await apiDestinations.put(tx, s, [d.name], d);
      return d;
    });
    return { ApiDestinationArn: d.arn, ApiDestinationState: 'ACTIVE', CreationTime: new Date(d.created), LastModifiedTime: new Date(d.modified) };
  }

  async DeleteApiDestination(ctx: RequestContext, input: DeleteApiDestinationRequest): Promise<DeleteApiDestinationResponse> {
    const s = this.core.scopeOf(ctx);
    await this.core.db.tx(async (tx) => {
      await this.destination(s, input.Name, tx);
      await apiDestinations.delete(tx, s, [input.Name]);
    });
    return {};
  }

  async ListApiDestinations(ctx: RequestContext, input: ListApiDestinationsRequest): Promise<ListApiDestinationsResponse> {
    const s = this.core.scopeOf(ctx);
    const page = await this.core.listNamed<StoredApiDestination>('events_api_destinations', s, { operation: 'ListApiDestinations', prefix: input.NamePrefix, token: input.NextToken, limit: input.Limit, filters: [input.ConnectionArn] });
    const items = input.ConnectionArn ? page.items.filter((d) => d.connectionArn === input.ConnectionArn) : page.items;
    return { ApiDestinations: items.map(destinationOut), ...(page.next ? { NextToken: page.next } : {}) };
  }
}
