import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServiceModel } from '../aws/model.js';
import { operationNames, type ServiceDefinition, type ServiceProvider } from '../services/service.js';

const servicesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'services');

/** Every service folder with an index module exporting `definition` (src/services/<name>/index.ts). */
export async function discoverServices(): Promise<ServiceDefinition[]> {
  const definitions: ServiceDefinition[] = [];
  for (const name of readdirSync(servicesDir).sort()) {
    const file = join(servicesDir, name, 'index.js');
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as { definition?: ServiceDefinition };
    if (mod.definition) definitions.push(mod.definition);
  }
  return definitions;
}

/** Every capitalised provider method must be an operation of the service's model: a misspelt one would never be called. */
export function checkOperations(service: string, model: ServiceModel, provider: ServiceProvider): void {
  for (const name of operationNames(provider)) {
    if (!model.operations[name]) throw new Error(`service ${service}: provider method ${name} is not an operation of its model`);
  }
}
