/**
 * The console's graph layout (console/lib/layout.js, lib/asl-graph.js), without a browser: boxes of
 * one level never overlap, edges run from their source to their target, nested groups hold their
 * states, layers follow the flow, and crossings are removed where the graph allows it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './helpers.js';
import { bigMachine } from './machines.js';

const load = (rel: string) => import(pathToFileURL(join(REPO, 'console/lib', rel)).href);

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

describe('console graph layout', () => {
  it('lays out a 100+ state machine: no overlaps, edges end on their states, groups hold their children', async () => {
    const { layoutMachine, countStates } = await load('asl-graph.js');
    const big = bigMachine(120);
    assert.equal(countStates(big.definition), big.states);
    let checkedLevels = 0;
    const check = (laid: any, origin: Box | undefined): number => {
      checkedLevels++;
      let states = 0;
      const items = laid.items as (Box & { kind: string; name?: string; groups: any[] })[];
      for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) assert.ok(!overlap(items[i]!, items[j]!), `${items[i]!.name ?? items[i]!.kind} overlaps ${items[j]!.name ?? items[j]!.kind}`);
      const byId = new Map(items.filter((it) => it.kind === 'state').map((it) => [it.name, it]));
      for (const e of laid.edges) {
        const [fx, fy] = e.points[0];
        const [tx, ty] = e.points[e.points.length - 1];
        const from = e.kind === 'start' ? items.find((it) => it.kind === 'start')! : byId.get(e.from.split('/').pop())!;
        const to = e.kind === 'end' ? items.find((it) => it.kind === 'end')! : byId.get(e.to.split('/').pop())!;
        if (from === to) continue;
        // Forward edges leave the bottom of their source and enter the top of their target (back edges the reverse).
        const [src, dst] = e.back ? [to, from] : [from, to];
        assert.ok(Math.abs((e.back ? ty : fy) - (src.y + src.height)) < 0.01 && Math.abs((e.back ? fy : ty) - dst.y) < 0.01, `edge ${e.from} -> ${e.to}`);
        assert.ok(fx >= from.x - 0.01 && fx <= from.x + from.width + 0.01);
        assert.ok(tx >= to.x - 0.01 && tx <= to.x + to.width + 0.01);
      }
      for (const it of items) {
        if (it.kind !== 'state') continue;
        states++;
        for (const g of it.groups) {
          assert.ok(inside(g, it), `${it.name}'s group inside it`);
          assert.ok(g.layout.width <= g.width && g.layout.height <= g.height);
          states += check(g.layout, g);
        }
      }
      void origin;
      return states;
    };
    const laid = layoutMachine(big.definition);
    assert.equal(check(laid, undefined), big.states);
    assert.ok(checkedLevels > 10);
    // Readable: the flow goes down (each Next below its state) and the width stays a few columns.
    const items = new Map(laid.items.map((it: any) => [it.name, it]));
    const first = items.get('Step 000') as Box;
    const second = items.get('Step 001') as Box;
    assert.ok(second.y > first.y + first.height);
    assert.ok(laid.width < 1600, `width ${laid.width}`);
  });

  it('orders layers to remove crossings the graph does not need', async () => {
    const { layoutGraph } = await load('layout.js');
    // Two chains whose second layer is listed crosswise: a -> d, b -> c with [c, d] first in order.
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, width: 80, height: 30 }));
    const edges = [
      { from: 'e', to: 'a' },
      { from: 'e', to: 'b' },
      { from: 'a', to: 'd' },
      { from: 'b', to: 'c' },
    ];
    const laid = layoutGraph({ nodes: [nodes[4], nodes[2], nodes[3], nodes[0], nodes[1]], edges });
    assert.equal(laid.crossings, 0);
    const x = (id: string) => laid.nodes.get(id).x;
    assert.equal(Math.sign(x('a') - x('b')), Math.sign(x('d') - x('c')));
  });

  it('lays out loops: the edge back up is reversed for layering and drawn from its source', async () => {
    const { layoutGraph } = await load('layout.js');
    const nodes = ['start', 'work', 'check', 'done'].map((id) => ({ id, width: 80, height: 30 }));
    const edges = [
      { from: 'start', to: 'work' },
      { from: 'work', to: 'check' },
      { from: 'check', to: 'work', label: 'again' },
      { from: 'check', to: 'done' },
    ];
    const laid = layoutGraph({ nodes, edges });
    const y = (id: string) => laid.nodes.get(id).y;
    assert.ok(y('start') < y('work') && y('work') < y('check') && y('check') < y('done'));
    const loop = laid.edges.find((e: any) => e.label === 'again');
    assert.equal(loop.back, true);
    assert.equal(loop.points[0][1], y('check'));
    assert.equal(loop.points.at(-1)[1], y('work') + 30);
  });
});
