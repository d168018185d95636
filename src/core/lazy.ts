/**
 * A module loaded on first use. Libraries only some requests need (YAML for OpenAPI documents,
 * Velocity templates, JSON Schema, JSONata) cost 50-60 ms each to import, which every start would
 * otherwise pay; `require` keeps the call sites synchronous.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
