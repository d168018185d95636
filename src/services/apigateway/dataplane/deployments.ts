import { ModelValidators } from '../models.js';
import { buildRoutes } from '../router.js';
import type { Store } from '../store.js';
import { stageKey } from './cache.js';
import { RELOAD_MS, type Deployed } from './types.js';

/**
 * Deployed stages in memory, reloaded from SQL at most every second (so another node's deployment is
 * seen within a second) and at once after a change on this node.
 */
export class DeploymentCache {
  private readonly deployed = new Map<string, Deployed>();
  /** Bumped on every local change, so a load racing an invalidation is not kept. */
  private generation = 0;

  constructor(private readonly store: Store) {}

  invalidate(apiId?: string): void {
    this.generation++;
    if (!apiId) this.deployed.clear();
    else for (const k of [...this.deployed.keys()]) if (k.startsWith(apiId + '/')) this.deployed.delete(k);
  }

  async load(apiId: string, stageName: string): Promise<Deployed | undefined> {
    const key = stageKey(apiId, stageName);
    const now = Date.now();
    const hit = this.deployed.get(key);
    if (hit && now - hit.loadedAt < RELOAD_MS) return hit;
    const gen = this.generation;
    const db = this.store.db;
    const scope = await this.store.locateApi(db, apiId);
    if (!scope) return undefined;
    const stage = await this.store.getStage(db, scope, apiId, stageName);
    if (!stage) return undefined;
    let d: Deployed;
    if (hit && hit.stage.deploymentId === stage.deploymentId) {
      // Same deployment: keep the compiled routes and validators, refresh the stage settings.
      d = { ...hit, scope, stage, loadedAt: now };
    } else {
      const dep = await this.store.getDeployment(db, scope, apiId, stage.deploymentId);
      if (!dep) return undefined;
      d = {
        scope,
        apiId,
        stageName,
        stage,
        snapshot: dep.snapshot,
        root: buildRoutes(dep.snapshot.resources),
        validators: new ModelValidators(apiId, dep.snapshot.models),
        loadedAt: now,
      };
    }
    const c = stage.canarySettings;
    if (!c) delete d.canary;
    else if (!(d.canary && d.canary.stage.deploymentId === c.deploymentId)) {
      const cdep = await this.store.getDeployment(db, scope, apiId, c.deploymentId);
      if (cdep) {
        d.canary = {
          ...d,
          canary: undefined,
          snapshot: cdep.snapshot,
          root: buildRoutes(cdep.snapshot.resources),
          validators: new ModelValidators(apiId, cdep.snapshot.models),
          stage: stage,
          isCanary: true,
        };
      }
    }
    if (d.canary && c) {
      // The canary serves with the stage's settings, its own deployment and the variable overrides.
      d.canary = { ...d.canary, scope, stage: { ...stage, deploymentId: c.deploymentId, variables: { ...(stage.variables ?? {}), ...(c.stageVariableOverrides ?? {}) } }, loadedAt: now };
    }
    if (gen === this.generation) this.deployed.set(key, d);
    return d;
  }
}
