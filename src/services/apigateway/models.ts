import type AjvDraft4Module from 'ajv-draft-04';
import { lazyModule } from '../../core/lazy.js';
import type { ModelDoc } from './types.js';

type ValidateFn = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null };
type AjvLike = { compile(schema: object): ValidateFn; addSchema(schema: object, key: string): void; getSchema(key: string): ValidateFn | undefined };

const ajvModule = lazyModule<typeof AjvDraft4Module>('ajv-draft-04');
const ajvCtor = (): new (opts: object) => AjvLike => {
  const m = ajvModule();
  return ((m as unknown as { default?: unknown }).default ?? m) as new (opts: object) => AjvLike;
};

/** The URL by which one model references another ($ref), as API Gateway writes it. */
export const modelUrl = (apiId: string, name: string): string => `https://apigateway.amazonaws.com/restapis/${apiId}/models/${name}`;

/**
 * Compiled JSON Schema (draft 4) validators for one deployment's models; models may reference
 * each other with $ref to their model URL.
 */
export class ModelValidators {
  private ajvInstance: AjvLike | undefined;
  private readonly compiled = new Map<string, ValidateFn | Error>();

  constructor(
    private readonly apiId: string,
    private readonly models: Record<string, ModelDoc>,
  ) {}

  /** Built on first use: most deployments never validate a body. */
  private get ajv(): AjvLike {
    if (this.ajvInstance) return this.ajvInstance;
    this.ajvInstance = new (ajvCtor())({ allErrors: true, strict: false, logger: false, schemaId: 'id' });
    for (const m of Object.values(this.models)) {
      try {
        const schema = JSON.parse(m.schema ?? '{}') as Record<string, unknown>;
        delete schema.$schema;
        delete schema.id;
        this.ajvInstance.addSchema(schema, modelUrl(this.apiId, m.name));
      } catch {
        // an invalid schema fails when the model is used
      }
    }
    return this.ajvInstance;
  }

  /** Validates `data` against the named model; returns the AWS-style error string or undefined. */
  validate(name: string, data: unknown): string | undefined {
    let fn = this.compiled.get(name);
    if (!fn) {
      try {
        fn = this.ajv.getSchema(modelUrl(this.apiId, name)) ?? new Error(`no model ${name}`);
      } catch (e) {
        fn = e as Error;
      }
      this.compiled.set(name, fn);
    }
    if (fn instanceof Error) return `[Invalid model ${name}: ${fn.message}]`;
    if (fn(data)) return undefined;
    const errors = (fn.errors ?? []).map((e) => describe(e));
    return `[${errors.join(', ')}]`;
  }

  has(name: string): boolean {
    return name in this.models;
  }
}

function describe(e: { instancePath: string; message?: string; params?: Record<string, unknown> }): string {
  const at = e.instancePath ? `instance ${e.instancePath}` : 'object';
  if (e.params && 'missingProperty' in e.params) return `${at} has missing required properties ([\"${String(e.params.missingProperty)}\"])`;
  return `${at} ${e.message ?? 'is invalid'}`;
}
