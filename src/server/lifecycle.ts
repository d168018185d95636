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
import { loadMetadata, loadModel } from '../aws/model.js';
import { ServiceIndex } from '../aws/service-index.js';
import { setEnumOrder, setOpenEnums, setShapeConstraints } from '../aws/validate.js';
import { SCHEDULE_KIND } from '../jobs/recurring.js';
import type { Jobs } from '../jobs/index.js';
import type { BlobStore } from '../storage/blobs/index.js';
import type { Db, Migration } from '../storage/db.js';
import type { ServiceModel } from '../aws/model.js';
import type { LoadedService, Platform, ServiceDefinition, ServiceEntry, ServiceProvider } from '../services/service.js';
import { checkOperations } from './registry.js';

/** Tables of the process itself, never emptied. */
const PROCESS_TABLES = new Set(['stratus_nodes', 'stratus_migrations']);

interface Owned {
  readonly tables: Set<string>;
  readonly jobKinds: string[];
  /** A service never loaded: its jobs by the prefix of their kinds. */
  readonly jobPrefix?: string;
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

/** One service of the server: its definition, its model read on first use, its provider once created. */
class Entry implements ServiceEntry {
  private current: ServiceProvider | undefined;
  private creating: Promise<LoadedService> | undefined;
  private modelRead: ServiceModel | undefined;
  private indexBuilt: ServiceIndex | undefined;

  constructor(
    readonly definition: ServiceDefinition,
    private readonly create: (entry: Entry) => Promise<ServiceProvider>,
    private readonly created: (entry: Entry) => void,
  ) {}

  get model(): ServiceModel {
    if (!this.modelRead) {
      const model = loadModel(this.definition.name);
      setEnumOrder(model, this.definition.enumOrder);
      setShapeConstraints(model, this.definition.shapeConstraints);
      setOpenEnums(model, this.definition.openEnums);
      this.modelRead = model;
    }
    return this.modelRead;
  }

  get metadata(): ServiceModel['metadata'] {
    return this.modelRead?.metadata ?? loadMetadata(this.definition.name);
  }

  get index(): ServiceIndex {
    this.indexBuilt ??= new ServiceIndex(this.definition.name, this.model, this.definition.wireShapes);
    return this.indexBuilt;
  }

  get loaded(): boolean {
    return this.current !== undefined;
  }

  get provider(): ServiceProvider {
    if (!this.current) throw new Error(`service ${this.definition.name} is not loaded yet (await its load() first)`);
    return this.current;
  }

  /** Creates the provider once: concurrent callers share the creation under way. */
  load(): Promise<LoadedService> {
    if (this.current) return Promise.resolve(this);
    this.creating ??= this.create(this).then(
      (provider) => {
        this.current = provider;
        this.creating = undefined;
        this.created(this);
        return this;
      },
      (e: unknown) => {
        this.creating = undefined;
        throw e;
      },
    );
    return this.creating;
  }

  /** The creation under way, if any. */
  pending(): Promise<unknown> | undefined {
    return this.creating;
  }

  /** Forgets the provider (after it was closed): the next load() creates it again. */
  unload(): void {
    this.current = undefined;
  }
}

export class ServiceSet {
  /** Every service served, loaded or not, in their order. */
  readonly entries = new Map<string, ServiceEntry>();
  private readonly owned = new Map<string, Owned>();
  /** Every migration run, by its name (services', the platform's), then version. */
  private readonly migrations = new Map<string, Map<number, Migration>>();
  /** The migration names stored in the database at start (a service's state from an earlier run). */
  private stored = new Set<string>();
  private platform: Platform | undefined;

  constructor(
    private readonly db: Db,
    private readonly jobs: () => Jobs,
    private readonly blobs: () => BlobStore,
    /** Called once a service is created (the server adds its routes). */
    private readonly created: (service: ServiceEntry) => void = () => undefined,
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

  /** Registers the services (none is created yet). */
  define(definitions: readonly ServiceDefinition[], platform: Platform): void {
    this.platform = platform;
    for (const d of definitions) this.entries.set(d.name, new Entry(d, (entry) => this.createProvider(entry), this.created));
  }

  /**
   * Creates the services that are not lazy (a lazy one is created on first use), having read which
   * services have state in the database from an earlier run.
   */
  async start(): Promise<void> {
    const rows = await this.db.all<{ service: string }>('SELECT DISTINCT service FROM stratus_migrations');
    this.stored = new Set(rows.map((r) => r.service));
    for (const e of this.entries.values()) if (!e.definition.lazy) await e.load();
  }

  /** Waits for the creations under way (before the server closes what they use). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.entries.values()].map((e) => (e as Entry).pending()));
  }

  /** The loaded services, in their order. */
  loaded(): ServiceEntry[] {
    return [...this.entries.values()].filter((e) => e.loaded);
  }

  /** Creates a service (its migrations, background work and provider) and records what it owns. */
  private async createProvider(entry: Entry): Promise<ServiceProvider> {
    const definition = entry.definition;
    const provider = await definition.create(this.platform!);
    checkOperations(definition.name, entry.model, provider);
    const tables = new Set<string>();
    for (const [name, list] of this.migrations) {
      if (owns(definition.name, name)) for (const t of tablesOf([...list.values()])) tables.add(t);
    }
    // Its job kinds by their prefix: services may be created at once, so registrations interleave.
    const prefix = jobPrefixOf(definition);
    const jobKinds = this.jobs().kinds().filter((k) => k.startsWith(prefix));
    this.owned.set(definition.name, { tables, jobKinds, arnService: entry.model.metadata.signingName ?? entry.model.metadata.endpointPrefix });
    return provider;
  }

  /** The service whose job kinds `kind` is one of, if it is not loaded yet. */
  ownerOfJob(kind: string): ServiceEntry | undefined {
    for (const e of this.entries.values()) if (!e.loaded && e.definition.lazy && kind.startsWith(jobPrefixOf(e.definition))) return e;
    return undefined;
  }

  /** Whether a service has ever run a migration in this database (else it has no state yet). */
  hasState(name: string): boolean {
    if ([...this.migrations.keys()].some((m) => owns(name, m))) return true;
    return [...this.stored].some((m) => owns(name, m));
  }

  /** Stops services (the last loaded first): their job kinds stop running here and their providers close. */
  async stop(names: readonly string[]): Promise<void> {
    for (const entry of [...this.entries.values()].reverse()) {
      if (!names.includes(entry.definition.name) || !entry.loaded) continue;
      // Its background work first: a run in progress may still use what close() releases.
      for (const kind of this.owned.get(entry.definition.name)?.jobKinds ?? []) await this.jobs().unhandle(kind);
      await entry.provider.close?.();
      (entry as Entry).unload();
    }
  }

  /**
   * Creates the stopped services again, in their first order: those that were loaded, and every
   * eager one (a lazy one not loaded stays so: it is created on its next use).
   */
  async restart(names: readonly string[], wasLoaded: ReadonlySet<string>): Promise<void> {
    for (const entry of this.entries.values()) {
      const name = entry.definition.name;
      if (names.includes(name) && (wasLoaded.has(name) || !entry.definition.lazy)) await entry.load();
    }
  }

  /**
   * Loads the named services that are not loaded but have state in the database, so that a reset
   * or restore knows their tables. Returns the names loaded before.
   */
  async loadStateful(names: readonly string[], all = false): Promise<Set<string>> {
    const before = new Set(this.loaded().map((s) => s.definition.name));
    for (const name of names) {
      const entry = this.entries.get(name)!;
      if (!entry.loaded && (all || this.hasState(name))) await entry.load();
    }
    return before;
  }

  /**
   * Deletes the state of the named services (every one with `all`, and then also the platform's
   * shared tables: tags, jobs, blobs, log events). The services must be stopped; those with state
   * must have been loaded (loadStateful), so that their tables are known.
   */
  async wipe(names: readonly string[], all: boolean): Promise<void> {
    const owned = names.map((n) => this.owned.get(n) ?? this.unloadedOwned(n)).filter((o): o is Owned => o !== undefined);
    const tables = new Set(owned.flatMap((o) => [...o.tables]));
    if (all) for (const list of this.migrations.values()) for (const t of tablesOf([...list.values()])) tables.add(t);
    for (const t of PROCESS_TABLES) tables.delete(t);
    for (const e of this.entries.values()) for (const t of e.definition.keepOnReset ?? []) tables.delete(t);
    await this.db.tx(async (tx) => {
      for (const t of tables) await tx.run(`DELETE FROM ${t}`);
      if (all) return;
      for (const o of owned) {
        for (const kind of o.jobKinds) {
          await tx.run('DELETE FROM stratus_jobs WHERE kind = ?', [kind]);
          await tx.run('DELETE FROM stratus_jobs WHERE kind = ? AND key LIKE ?', [SCHEDULE_KIND, `${kind}/%`]);
        }
        if (o.jobPrefix) {
          await tx.run('DELETE FROM stratus_jobs WHERE kind LIKE ?', [`${o.jobPrefix}%`]);
          await tx.run('DELETE FROM stratus_jobs WHERE kind = ? AND key LIKE ?', [SCHEDULE_KIND, `${o.jobPrefix}%`]);
        }
        await tx.run('DELETE FROM stratus_tags WHERE arn LIKE ?', [`arn:%:${o.arnService}:%`]);
      }
    });
    if (all) await this.blobs().sweep?.();
  }

  /** What a service never loaded owns: no tables (it has no state), its jobs by their prefix, its tags. */
  private unloadedOwned(name: string): Owned | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const meta = entry.metadata;
    return { tables: new Set(), jobKinds: [], jobPrefix: jobPrefixOf(entry.definition), arnService: meta.signingName ?? meta.endpointPrefix };
  }

  /** The names of the services among `wanted` (every one when undefined); throws for an unknown one. */
  resolve(wanted: readonly string[] | undefined): string[] {
    if (!wanted) return [...this.entries.keys()];
    const unknown = wanted.filter((n) => !this.entries.has(n));
    if (unknown.length > 0) throw new Error(`unknown service ${unknown.join(', ')}; loaded: ${[...this.entries.keys()].join(', ')}`);
    return [...wanted];
  }
}

/** Whether migrations named `migration` are the service's (`sqs`, `lambda.urls`). */
function owns(service: string, migration: string): boolean {
  return migration === service || migration.startsWith(`${service}.`);
}

function jobPrefixOf(definition: ServiceDefinition): string {
  return definition.lazy?.jobPrefix ?? `${definition.name}.`;
}
