import { parse as parseYaml } from 'yaml';
import type { RequestContext } from '../../core/context.js';
import { conflict, newId, notFound, page, type ControlPlane } from './control.js';
import { applyPatch, badRequest } from './patch.js';
import type { ApiDoc, DocLocation, DocPart, DocVersion, Documentation } from './types.js';

/** Which location fields each type uses; the others are dropped (AWS ignores them). */
const FIELDS: Record<string, (keyof DocLocation)[]> = {
  API: [],
  AUTHORIZER: ['name'],
  MODEL: ['name'],
  RESOURCE: ['path'],
  METHOD: ['path', 'method'],
  PATH_PARAMETER: ['path', 'method', 'name'],
  QUERY_PARAMETER: ['path', 'method', 'name'],
  REQUEST_HEADER: ['path', 'method', 'name'],
  REQUEST_BODY: ['path', 'method'],
  RESPONSE: ['path', 'method', 'statusCode'],
  RESPONSE_HEADER: ['path', 'method', 'statusCode', 'name'],
  RESPONSE_BODY: ['path', 'method', 'statusCode'],
};

function normalize(loc: DocLocation): DocLocation {
  const fields = FIELDS[loc.type];
  if (!fields) throw badRequest(`Invalid documentation part type: ${loc.type}`);
  const out: DocLocation = { type: loc.type };
  for (const f of fields) {
    if (f === 'path') out.path = loc.path ?? '/';
    else if (f === 'method') out.method = loc.method ?? '*';
    else if (f === 'statusCode') out.statusCode = loc.statusCode ?? '*';
    else if (loc[f] !== undefined) out[f] = loc[f];
  }
  if ((loc.type === 'AUTHORIZER' || loc.type === 'MODEL' || loc.type.endsWith('_PARAMETER') || loc.type.endsWith('_HEADER')) && !out.name) {
    throw badRequest(`Invalid location: the name is required for documentation parts of type ${loc.type}`);
  }
  return out;
}

const sameLocation = (a: DocLocation, b: DocLocation): boolean => JSON.stringify(a) === JSON.stringify(b);

function checkProperties(p: string): void {
  try {
    const v = JSON.parse(p);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
  } catch {
    throw badRequest('Invalid properties: the properties must be a JSON object');
  }
}

const docsOf = (doc: ApiDoc): Documentation => (doc.documentation ??= { parts: {}, versions: {} });

/** Documentation parts and versions of a REST API (kept in the API's document). */
export class DocumentationOps {
  constructor(private readonly control: ControlPlane) {}

  private read(ctx: RequestContext, apiId: string): Promise<ApiDoc> {
    return this.control.loadApi(this.control.store.db, { accountId: ctx.accountId, region: ctx.region }, apiId);
  }

  private part(doc: ApiDoc, id: string): DocPart {
    const p = docsOf(doc).parts[id];
    if (!p) throw notFound('Invalid Documentation part identifier specified');
    return p;
  }

  async CreateDocumentationPart(ctx: RequestContext, input: any) {
    return this.control.mutate(ctx, input.restApiId, (doc) => {
      const location = normalize(input.location);
      checkProperties(input.properties);
      const docs = docsOf(doc);
      if (Object.values(docs.parts).some((p) => sameLocation(p.location, location))) throw conflict('Documentation part already exists for the specified location');
      const part: DocPart = { id: newId(6), location, properties: input.properties };
      docs.parts[part.id] = part;
      return { ...part };
    });
  }

  async GetDocumentationPart(ctx: RequestContext, input: any) {
    return { ...this.part(await this.read(ctx, input.restApiId), input.documentationPartId) };
  }

  async GetDocumentationParts(ctx: RequestContext, input: any) {
    const doc = await this.read(ctx, input.restApiId);
    const all = Object.values(docsOf(doc).parts).filter(
      (p) => (!input.type || p.location.type === input.type) && (!input.nameQuery || (p.location.name ?? '').includes(input.nameQuery)) && (!input.path || p.location.path === input.path),
    );
    const pg = page(all, input.position, input.limit);
    return { items: pg.items.map((p) => ({ ...p })), position: pg.position };
  }

  async UpdateDocumentationPart(ctx: RequestContext, input: any) {
    return this.control.mutate(ctx, input.restApiId, (doc) => {
      const p = this.part(doc, input.documentationPartId);
      applyPatch(p as unknown as Record<string, any>, input.patchOperations, { properties: 'string' });
      checkProperties(p.properties);
      return { ...p };
    });
  }

  async DeleteDocumentationPart(ctx: RequestContext, input: any) {
    await this.control.mutate(ctx, input.restApiId, (doc) => {
      this.part(doc, input.documentationPartId);
      delete docsOf(doc).parts[input.documentationPartId];
    });
    return {};
  }

  /** x-amazon-apigateway-documentation of an OpenAPI document: { version?, documentationParts: [...] }. */
  async ImportDocumentationParts(ctx: RequestContext, input: any) {
    let spec: any;
    try {
      const text = Buffer.from(input.body ?? Buffer.alloc(0)).toString('utf8');
      spec = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      throw badRequest(`Invalid documentation input: ${(e as Error).message}`);
    }
    const parts: { location?: DocLocation; properties?: unknown }[] = spec?.['x-amazon-apigateway-documentation']?.documentationParts ?? [];
    if (!Array.isArray(parts)) throw badRequest('Invalid documentation input: documentationParts must be a list');
    const mode = input.mode ?? 'merge';
    return this.control.mutate(ctx, input.restApiId, (doc) => {
      const docs = docsOf(doc);
      if (mode === 'overwrite') docs.parts = {};
      const ids: string[] = [];
      const warnings: string[] = [];
      for (const [i, raw] of parts.entries()) {
        try {
          if (!raw?.location?.type) throw badRequest('the location type is required');
          const location = normalize(raw.location);
          const properties = typeof raw.properties === 'string' ? raw.properties : JSON.stringify(raw.properties ?? {});
          checkProperties(properties);
          const existing = Object.values(docs.parts).find((p) => sameLocation(p.location, location));
          const part: DocPart = { id: existing?.id ?? newId(6), location, properties };
          docs.parts[part.id] = part;
          ids.push(part.id);
        } catch (e) {
          const message = `Documentation part ${i}: ${(e as Error).message}`;
          if (input.failOnWarnings) throw badRequest(message);
          warnings.push(message);
        }
      }
      return { ids, warnings: warnings.length ? warnings : undefined };
    });
  }

  // ---- versions

  async CreateDocumentationVersion(ctx: RequestContext, input: any) {
    const s = { accountId: ctx.accountId, region: ctx.region };
    if (input.stageName && !(await this.control.store.getStage(this.control.store.db, s, input.restApiId, input.stageName))) {
      throw notFound('Invalid stage identifier specified');
    }
    const out = await this.control.mutate(ctx, input.restApiId, (doc) => {
      const docs = docsOf(doc);
      if (docs.versions[input.documentationVersion]) throw conflict('Documentation version already exists');
      const v: DocVersion = { version: input.documentationVersion, description: input.description, createdDate: Math.floor(ctx.clock.now() / 1000) * 1000, parts: Object.values(docs.parts).map((p) => ({ ...p })) };
      docs.versions[v.version] = v;
      return v;
    });
    if (input.stageName) {
      const stage = await this.control.store.getStage(this.control.store.db, s, input.restApiId, input.stageName);
      if (stage) await this.control.store.db.tx((tx) => this.control.store.putStage(tx, s, input.restApiId, { ...stage, documentationVersion: out.version }));
    }
    return { version: out.version, description: out.description, createdDate: new Date(out.createdDate) };
  }

  private version(doc: ApiDoc, v: string): DocVersion {
    const found = docsOf(doc).versions[v];
    if (!found) throw notFound('Invalid documentation version specified');
    return found;
  }

  async GetDocumentationVersion(ctx: RequestContext, input: any) {
    const v = this.version(await this.read(ctx, input.restApiId), input.documentationVersion);
    return { version: v.version, description: v.description, createdDate: new Date(v.createdDate) };
  }

  async GetDocumentationVersions(ctx: RequestContext, input: any) {
    const doc = await this.read(ctx, input.restApiId);
    const pg = page(Object.values(docsOf(doc).versions), input.position, input.limit);
    return { items: pg.items.map((v) => ({ version: v.version, description: v.description, createdDate: new Date(v.createdDate) })), position: pg.position };
  }

  async UpdateDocumentationVersion(ctx: RequestContext, input: any) {
    return this.control.mutate(ctx, input.restApiId, (doc) => {
      const v = this.version(doc, input.documentationVersion);
      applyPatch(v as unknown as Record<string, any>, input.patchOperations, { description: 'string' });
      return { version: v.version, description: v.description, createdDate: new Date(v.createdDate) };
    });
  }

  async DeleteDocumentationVersion(ctx: RequestContext, input: any) {
    await this.control.mutate(ctx, input.restApiId, (doc) => {
      this.version(doc, input.documentationVersion);
      delete docsOf(doc).versions[input.documentationVersion];
    });
    return {};
  }
}
