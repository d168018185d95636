/** State machines for the console's tests and bench. */

/** A machine of `n` states: a chain with Choice fan-outs, a Parallel and a Map every so often, and Catches. */
export function bigMachine(n: number): { definition: { StartAt: string; States: Record<string, object> }; states: number } {
  const states: Record<string, object> = {};
  let count = 0;
  const name = (i: number) => `Step ${String(i).padStart(3, '0')}`;
  let i = 0;
  while (count < n) {
    const here = name(i);
    const next = name(i + 1);
    const kind = i % 10;
    if (kind === 3) {
      states[here] = { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: i, Next: next }], Default: `${here} default` };
      states[`${here} default`] = { Type: 'Pass', Next: next };
      count += 2;
    } else if (kind === 6) {
      states[here] = {
        Type: 'Parallel',
        Branches: [0, 1].map((b) => ({ StartAt: `${here} b${b} a`, States: { [`${here} b${b} a`]: { Type: 'Pass', Next: `${here} b${b} b` }, [`${here} b${b} b`]: { Type: 'Pass', End: true } } })),
        Catch: [{ ErrorEquals: ['States.ALL'], Next: next }],
        Next: next,
      };
      count += 5;
    } else if (kind === 8) {
      states[here] = { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: `${here} item`, States: { [`${here} item`]: { Type: 'Pass', End: true } } }, Next: next };
      count += 2;
    } else {
      states[here] = { Type: 'Pass', Next: next };
      count += 1;
    }
    i++;
  }
  states[name(i)] = { Type: 'Succeed' };
  return { definition: { StartAt: name(0), States: states }, states: count + 1 };
}

