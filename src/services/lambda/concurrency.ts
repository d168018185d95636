/**
 * In-flight invocation counts, for reserved concurrency (per function) and the account's
 * unreserved pool (per account and region). In memory: the counts are this process's invocations.
 */
export class Concurrency {
  private readonly byFunction = new Map<string, number>();
  private readonly unreserved = new Map<string, number>();

  /** Counts one more invocation, or answers why it may not run (the TooManyRequestsException Reason). */
  tryAcquire(scope: string, fnKey: string, reserved: number | null, unreservedLimit: number): string | undefined {
    const current = this.byFunction.get(fnKey) ?? 0;
    if (reserved !== null) {
      if (current >= reserved) return 'ReservedFunctionConcurrentInvocationLimitExceeded';
    } else {
      const pool = this.unreserved.get(scope) ?? 0;
      if (pool >= unreservedLimit) return 'ConcurrentInvocationLimitExceeded';
      this.unreserved.set(scope, pool + 1);
    }
    this.byFunction.set(fnKey, current + 1);
    return undefined;
  }

  release(scope: string, fnKey: string, reserved: number | null): void {
    const current = (this.byFunction.get(fnKey) ?? 1) - 1;
    if (current <= 0) this.byFunction.delete(fnKey);
    else this.byFunction.set(fnKey, current);
    if (reserved === null) this.unreserved.set(scope, Math.max(0, (this.unreserved.get(scope) ?? 1) - 1));
  }
}
