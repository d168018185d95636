import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServiceDefinition } from '../services/service.js';

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
