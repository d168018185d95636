/**
 * A compact layered ("Sugiyama") layout for directed graphs, top to bottom:
 * 1. cycles broken by a depth-first search (edges back to a node on the search stack are reversed),
 * 2. longest-path layering (each node one layer below its lowest predecessor),
 * 3. edges that span layers get dummy nodes, one per layer crossed,
 * 4. crossings reduced by barycentre ordering, sweeping down and up, keeping the best order found,
 * 5. x from the neighbours' average, overlaps pushed apart in order; y from the layers' heights.
 * Nested groups (Parallel branches, Map processors) are laid out first by the caller, which then
 * gives the group's node its size here. Linear in the graph's size per sweep, so 100+ states lay
 * out in a few milliseconds.
 */

const DUMMY_WIDTH = 12;

/**
 * `graph`: { nodes: [{ id, width, height }], edges: [{ from, to, label? }] }, nodes in their
 * preferred order (the first is laid out first). Answers { width, height, nodes: Map(id ->
 * { x, y, width, height }) (top-left corners), edges: [{ ...edge, points: [[x, y], ...], back }] }.
 */
export function layoutGraph(graph, { layerGap = 56, nodeGap = 28, iterations = 12 } = {}) {
  const ids = graph.nodes.map((n) => n.id);
  const size = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => size.has(e.from) && size.has(e.to));

  // 1. Cycle breaking: depth-first from the nodes in order; an edge to a node on the stack is a back edge.
  const out = new Map(ids.map((id) => [id, []]));
  edges.forEach((e, i) => out.get(e.from).push(i));
  const back = new Set();
  const state = new Map(); // 1 on the stack, 2 done
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack = [[root, 0]];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const list = out.get(top[0]);
      if (top[1] >= list.length) {
        state.set(top[0], 2);
        stack.pop();
        continue;
      }
      const ei = list[top[1]++];
      const to = edges[ei].to;
      const s = state.get(to);
      if (s === 1) back.add(ei);
      else if (s === undefined) {
        state.set(to, 1);
        stack.push([to, 0]);
      }
    }
  }
  // Forward edges (back ones reversed); self-loops take no part in layering.
  const fwd = edges.map((e, i) => (back.has(i) ? { from: e.to, to: e.from } : { from: e.from, to: e.to }));

  // 2. Longest-path layering in topological order.
  const indeg = new Map(ids.map((id) => [id, 0]));
  const succ = new Map(ids.map((id) => [id, []]));
  for (const e of fwd) {
    if (e.from === e.to) continue;
    succ.get(e.from).push(e.to);
    indeg.set(e.to, indeg.get(e.to) + 1);
  }
  const layer = new Map(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indeg.get(id) === 0);
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q];
    for (const v of succ.get(u)) {
      layer.set(v, Math.max(layer.get(v), layer.get(u) + 1));
      indeg.set(v, indeg.get(v) - 1);
      if (indeg.get(v) === 0) queue.push(v);
    }
  }

  // 3. Dummy nodes: every edge becomes a chain between adjacent layers.
  const nodes = new Map(ids.map((id) => [id, { id, width: size.get(id).width, height: size.get(id).height, layer: layer.get(id), dummy: false }]));
  const chains = fwd.map((e, i) => {
    const chain = [e.from];
    if (e.from !== e.to) {
      for (let l = layer.get(e.from) + 1; l < layer.get(e.to); l++) {
        const id = `\u0000${i}:${l}`;
        nodes.set(id, { id, width: DUMMY_WIDTH, height: 0, layer: l, dummy: true });
        chain.push(id);
      }
      chain.push(e.to);
    }
    return chain;
  });
  const depth = Math.max(0, ...[...nodes.values()].map((n) => n.layer)) + 1;
  const layers = Array.from({ length: depth }, () => []);
  for (const n of nodes.values()) layers[n.layer].push(n.id);
  const up = new Map([...nodes.keys()].map((id) => [id, []]));
  const down = new Map([...nodes.keys()].map((id) => [id, []]));
  for (const c of chains) {
    for (let k = 0; k + 1 < c.length; k++) {
      down.get(c[k]).push(c[k + 1]);
      up.get(c[k + 1]).push(c[k]);
    }
  }

  // 4. Crossing reduction. Initial order: a depth-first visit from the first nodes (keeps branches together).
  const seen = new Set();
  const rank = new Map();
  let counter = 0;
  const visit = (id) => {
    const stack = [id];
    while (stack.length) {
      const v = stack.pop();
      if (seen.has(v)) continue;
      seen.add(v);
      rank.set(v, counter++);
      const next = down.get(v);
      for (let k = next.length - 1; k >= 0; k--) stack.push(next[k]);
    }
  };
  for (const id of ids) visit(id);
  for (const id of nodes.keys()) if (!seen.has(id)) visit(id);
  for (const l of layers) l.sort((a, b) => rank.get(a) - rank.get(b));
  const pos = new Map();
  const index = () => layers.forEach((l) => l.forEach((id, k) => pos.set(id, k)));
  index();
  let best = layers.map((l) => l.slice());
  let bestCrossings = crossings(layers, down, pos);
  for (let it = 0; it < iterations && bestCrossings > 0; it++) {
    const downward = it % 2 === 0;
    const order = downward ? layers.map((_, k) => k).slice(1) : layers.map((_, k) => k).reverse().slice(1);
    for (const k of order) {
      const nbrs = downward ? up : down;
      const bary = new Map(layers[k].map((id) => {
        const ns = nbrs.get(id);
        return [id, ns.length ? ns.reduce((s, n) => s + pos.get(n), 0) / ns.length : pos.get(id)];
      }));
      layers[k].sort((a, b) => bary.get(a) - bary.get(b) || pos.get(a) - pos.get(b));
      layers[k].forEach((id, p) => pos.set(id, p));
    }
    const c = crossings(layers, down, pos);
    if (c < bestCrossings) {
      bestCrossings = c;
      best = layers.map((l) => l.slice());
    }
  }
  best.forEach((l, k) => (layers[k] = l));
  index();

  // 5. Coordinates. x: centres packed, then pulled towards the neighbours' average, overlaps pushed apart.
  const cx = new Map();
  for (const l of layers) {
    let x = 0;
    for (const id of l) {
      const w = nodes.get(id).width;
      cx.set(id, x + w / 2);
      x += w + nodeGap;
    }
  }
  const place = (l, want) => {
    // Keep the order: push right where a node would overlap the one before it, then left from the end.
    const xs = l.map((id) => want.get(id));
    for (let k = 1; k < l.length; k++) {
      const min = xs[k - 1] + (nodes.get(l[k - 1]).width + nodes.get(l[k]).width) / 2 + nodeGap;
      if (xs[k] < min) xs[k] = min;
    }
    for (let k = l.length - 2; k >= 0; k--) {
      const max = xs[k + 1] - (nodes.get(l[k + 1]).width + nodes.get(l[k]).width) / 2 - nodeGap;
      if (xs[k] > max) xs[k] = max;
    }
    l.forEach((id, k) => cx.set(id, xs[k]));
  };
  for (let it = 0; it < 8; it++) {
    const downward = it % 2 === 0;
    const order = downward ? layers.map((_, k) => k) : layers.map((_, k) => k).reverse();
    for (const k of order) {
      const nbrs = downward ? up : down;
      const want = new Map(layers[k].map((id) => {
        const ns = nbrs.get(id);
        return [id, ns.length ? ns.reduce((s, n) => s + cx.get(n), 0) / ns.length : cx.get(id)];
      }));
      place(layers[k], want);
    }
  }
  let minX = Infinity;
  let maxX = -Infinity;
  for (const n of nodes.values()) {
    minX = Math.min(minX, cx.get(n.id) - n.width / 2);
    maxX = Math.max(maxX, cx.get(n.id) + n.width / 2);
  }
  if (!Number.isFinite(minX)) minX = maxX = 0;
  const top = [];
  let y = 0;
  for (const l of layers) {
    top.push(y);
    y += Math.max(0, ...l.map((id) => nodes.get(id).height)) + layerGap;
  }
  const height = Math.max(0, y - layerGap);
  const result = new Map();
  for (const id of ids) {
    const n = nodes.get(id);
    const lh = Math.max(...layers[n.layer].map((x) => nodes.get(x).height));
    result.set(id, { x: cx.get(id) - n.width / 2 - minX, y: top[n.layer] + (lh - n.height) / 2, width: n.width, height: n.height });
  }
  const layerHeight = (l) => Math.max(0, ...layers[l].map((x) => nodes.get(x).height));
  const routed = edges.map((e, i) => {
    const c = chains[i];
    const points = [];
    if (e.from === e.to) {
      const r = result.get(e.from);
      const right = r.x + r.width;
      const mid = r.y + r.height / 2;
      points.push([right, mid - 8], [right + 24, mid - 8], [right + 24, mid + 8], [right, mid + 8]);
    } else {
      for (let k = 0; k < c.length; k++) {
        const n = nodes.get(c[k]);
        const x = cx.get(c[k]) - minX;
        if (!n.dummy) {
          const r = result.get(c[k]);
          points.push([x, k === 0 ? r.y + r.height : r.y]);
        } else {
          // A dummy spans its layer's full height: the edge runs straight through it.
          points.push([x, top[n.layer]], [x, top[n.layer] + layerHeight(n.layer)]);
        }
      }
      if (back.has(i)) points.reverse();
    }
    return { ...e, points, back: back.has(i) };
  });
  return { width: maxX - minX, height, nodes: result, edges: routed, crossings: bestCrossings };
}

/** Edge crossings between adjacent layers (pairs of edges whose ends are in opposite orders). */
function crossings(layers, down, pos) {
  let total = 0;
  for (let k = 0; k + 1 < layers.length; k++) {
    const pairs = [];
    for (const id of layers[k]) for (const t of down.get(id)) pairs.push([pos.get(id), pos.get(t)]);
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    // Inversions of the targets' positions (quadratic in one layer's edges: small here).
    for (let a = 0; a < pairs.length; a++) for (let b = a + 1; b < pairs.length; b++) if (pairs[a][0] < pairs[b][0] && pairs[a][1] > pairs[b][1]) total++;
  }
  return total;
}
