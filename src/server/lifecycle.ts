/**
 * The services of a running server: created at start-up, and stopped and created again by a reset
 * or a restore, without a restart.
 *
 * What a service owns is recorded as it is created, so no service needs code of its own for a reset:
 * - its tables: those its migrations create (migrations named after it, `sqs`, or `lambda.urls`),
 *   read from the migrations' SQL (CREATE / DROP / ALTER ... RENAME);
 * - its background work: the job kinds it registers with `jobs.handle` (and their recurring schedules);
 * - its tags: the rows of the shared tags table whose ARN names its ARN namespace.
 * A reset closes the provider (its caches, timers, warm environments and runners go with it), deletes
 * those rows in one transaction (but for the tables its definition lists in `keepOnReset`), and calls
 * `create` again: nothing in memory can outlive the reset.
 */
import { loadModel } from '../aws/model.js';
import { ServiceIndex } from '../aws/service-index.js';
import { setEnumOrder, setOpenEnums, setShapeConstraints } from '../aws/validate.js';
import { SCHEDULE_KIND } from '../jobs/recurring.js';
import type { Jobs } from '../jobs/index.js';
import type { BlobStore } from '../storage/blobs/index.js';
import type { Db, Migration } from '../storage/db.js';
import type { LoadedService, Platform, ServiceDefinition } from '../services/service.js';
import { checkOperations } from './registry.js';

/** Tables of the process itself, never emptied. */
const PROCESS_TABLES = new Set(['stratus_nodes', 'stratus_migrations']);

interface Owned {
  readonly tables: Set<string>;
  readonly jobKinds: string[];
  /** The service part of its ARNs (`states` for Step Functions). */
  readonly arnService: string;
}

/** The tables a list of migrations leaves, in order. */
export function tablesOf(migrations: readonly Migration[]): Set<string> {
  const tables = new Set<string>();
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const re = /\b(CREATE\s+TABLE(?:\s+IF\s+NOT\s+EXISTS)?|DROP\s+TABLE(?:\s+IF\s+EXISTS)?)\s+"?(\w+)"?|\bALTER\s+TABLE\s+"?(\w+)"?\s+RENAME\s+TO\s+"?(\w+)"?/gi;
    for (const x of m.sql.matchAll(re)) {
      if (x[3]) {
        tables.delete(x[3]);
        tables.add(x[4]!);
      } else if (/^CREATE/i.test(x[1]!)) tables.add(x[2]!);
      else tables.delete(x[2]!);
    }
  }
  return tables;
}

export class ServiceSet {
  readonly loaded = new Map<string, LoadedService>();
  private readonly definitions = new Map<string, ServiceDefinition>();
  private readonly owned = new Map<string, Owned>();
  /** Every migration run, by its name (services', the platform's), then version. */
  private readonly migrations = new Map<string, Map<number, Migration>>();

  constructor(
    private readonly db: Db,
    private readonly jobs: () => Jobs,
    private readonly blobs: () => BlobStore,
  ) {}

  /** `db` recording the migrations run through it; the platform and every service use this one. */
  recording(): Db {
    const db = this.db;
    return {
      dialect: db.dialect,
      get: db.get.bind(db),
      all: db.all.bind(db),
      run: db.run.bind(db),
      tx: db.tx.bind(db),
      close: db.close.bind(db),
      migrate: (name, migrations) => {
        const known = this.migrations.get(name) ?? new Map<number, Migration>();
        for (const m of migrations) known.set(m.version, m);
        this.migrations.set(name, known);
        return db.migrate(name, migrations);
      },
    };
  }

  /** Creates a service (its migrations, background work and provider) and records what it owns. */
  async load(definition: ServiceDefinition, platform: Platform): Promise<LoadedService> {
    const model = loadModel(definition.name);
    setEnumOrder(model, definition.enumOrder);
    setShapeConstraints(model, definition.shapeConstraints);
    setOpenEnums(model, definition.openEnums);
    const kindsBefore = new Set(this.jobs().kinds());
    const provider = await definition.create(platform);
    checkOperations(definition.name, model, provider);
    const tables = new Set<string>();
    for (const [name, list] of this.migrations) {
      if (name === definition.name || name.startsWith(`${definition.name}.`)) for (const t of tablesOf([...list.values()])) tables.add(t);
    }
    const jobKinds = this.jobs().kinds().filter((k) => !kindsBefore.has(k));
    this.owned.set(definition.name, { tables, jobKinds, arnService: model.metadata.signingName ?? model.metadata.endpointPrefix });
    const service: LoadedService = { definition, model, provider, index: new ServiceIndex(definition.name, model, definition.wireShapes) };
    this.loaded.set(definition.name, service);
    this.definitions.set(definition.name, definition);
    return service;
  }

  /** Stops services (the last loaded first): their job kinds stop running here and their providers close. */
  async stop(names: readonly string[]): Promise<void> {
    for (const name of [...this.loaded.keys()].reverse()) {
      if (!names.includes(name)) continue;
      // Its background work first: a run in progress may still use what close() releases.
      for (const kind of this.owned.get(name)?.jobKinds ?? []) await this.jobs().unhandle(kind);
      await this.loaded.get(name)!.provider.close?.();
    }
  }

  /** Creates the stopped services again, in their first order (the map keeps each one's place). */
  async restart(names: readonly string[], platform: Platform): Promise<void> {
    for (const name of [...this.loaded.keys()]) if (names.includes(name)) await this.load(this.definitions.get(name)!, platform);
  }

  /**
   * Deletes the state of the named services (every loaded one with `all`, and then also the
   * platform's shared tables: tags, jobs, blobs, log events). The services must be stopped.
   */
  async wipe(names: readonly string[], all: boolean): Promise<void> {
    const owned = names.map((n) => this.owned.get(n)).filter((o): o is Owned => o !== undefined);
    const tables = new Set(owned.flatMap((o) => [...o.tables]));
    if (all) for (const list of this.migrations.values()) for (const t of tablesOf([...list.values()])) tables.add(t);
    for (const t of PROCESS_TABLES) tables.delete(t);
    for (const d of this.definitions.values()) for (const t of d.keepOnReset ?? []) tables.delete(t);
    await this.db.tx(async (tx) => {
      for (const t of tables) await tx.run(`DELETE FROM ${t}`);
      if (all) return;
      for (const o of owned) {
        for (const kind of o.jobKinds) {
          await tx.run('DELETE FROM stratus_jobs WHERE kind = ?', [kind]);
          await tx.run('DELETE FROM stratus_jobs WHERE kind = ? AND key LIKE ?', [SCHEDULE_KIND, `${kind}/%`]);
        }
        await tx.run('DELETE FROM stratus_tags WHERE arn LIKE ?', [`arn:%:${o.arnService}:%`]);
      }
    });
    if (all) await this.blobs().sweep?.();
  }

  /** The names of the loaded services among `wanted` (every one when undefined); throws for an unknown one. */
  resolve(wanted: readonly string[] | undefined): string[] {
    if (!wanted) return [...this.loaded.keys()];
    const unknown = wanted.filter((n) => !this.loaded.has(n));
    if (unknown.length > 0) throw new Error(`unknown service ${unknown.join(', ')}; loaded: ${[...this.loaded.keys()].join(', ')}`);
    return [...wanted];
  }
}
