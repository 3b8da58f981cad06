import type { AllocationProblem, AllocationSolution, Pairing } from './problem.ts';

// Qualities become integer costs so that sums are exact and the result does not depend on
// floating-point rounding: quality is kept to 1/10,000.
const QUALITY_STEPS = 10_000;

/** A binary heap of (distance, node) pairs; ties go to the lower node, for determinism. */
class MinHeap {
  private dist: number[] = [];
  private node: number[] = [];
  get size() {
    return this.node.length;
  }
  clear() {
    this.dist.length = 0;
    this.node.length = 0;
  }
  private less(i: number, j: number) {
    return this.dist[i]! < this.dist[j]! || (this.dist[i] === this.dist[j] && this.node[i]! < this.node[j]!);
  }
  private swap(i: number, j: number) {
    [this.dist[i], this.dist[j]] = [this.dist[j]!, this.dist[i]!];
    [this.node[i], this.node[j]] = [this.node[j]!, this.node[i]!];
  }
  push(d: number, n: number) {
    this.dist.push(d);
    this.node.push(n);
    for (let i = this.node.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.dist[0]!, this.node[0]!];
    const lastD = this.dist.pop()!;
    const lastN = this.node.pop()!;
    if (this.node.length > 0) {
      this.dist[0] = lastD;
      this.node[0] = lastN;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.node.length && this.less(l, m)) m = l;
        if (r < this.node.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/**
 * The optimal allocation: as many seekers supported as the capacities allow and, among all
 * such allocations, the greatest total quality. Solved as a min-cost flow by successive
 * shortest paths (Dijkstra with potentials) from one seeker at a time. Every seeker may also go
 * to an "unsupported" node whose cost exceeds any sum of real costs, so the cheapest flow is the
 * one that leaves fewest unsupported, and each search stays local to the seeker's neighbourhood.
 */
export function allocateOptimally(problem: AllocationProblem): AllocationSolution {
  const seekers = problem.seekers;
  const supporterIds: number[] = [];
  const supporterNode = new Map<number, number>();
  const L = seekers.length;
  for (const { options } of seekers) {
    for (const { supporter } of options) {
      if (!supporterNode.has(supporter) && (problem.capacity.get(supporter) ?? 0) > 0) {
        supporterNode.set(supporter, L + supporterIds.length);
        supporterIds.push(supporter);
      }
    }
  }
  const R = supporterIds.length;
  const unsupported = L + R;
  const sink = L + R + 1;
  const nodes = L + R + 2;
  const optionEdges = seekers.reduce((n, s) => n + s.options.length, 0);
  const maxEdges = 2 * (optionEdges + L + R + 1);
  const to = new Int32Array(maxEdges);
  const cap = new Float64Array(maxEdges);
  const cost = new Float64Array(maxEdges);
  const next = new Int32Array(maxEdges);
  const head = new Int32Array(nodes).fill(-1);
  let edges = 0;
  const addEdge = (from: number, target: number, capacity: number, c: number) => {
    for (const [a, b, k, w] of [
      [from, target, capacity, c],
      [target, from, 0, -c],
    ] as const) {
      to[edges] = b;
      cap[edges] = k;
      cost[edges] = w;
      next[edges] = head[a]!;
      head[a] = edges++;
    }
  };

  const BIG = QUALITY_STEPS * (L + 1) + 1;
  seekers.forEach(({ options }, i) => {
    for (const { supporter, quality } of options) {
      const node = supporterNode.get(supporter);
      if (node === undefined) continue;
      const q = Math.min(1, Math.max(0, quality));
      addEdge(i, node, 1, Math.round((1 - q) * QUALITY_STEPS));
    }
    addEdge(i, unsupported, 1, BIG);
  });
  supporterIds.forEach((id, j) => addEdge(L + j, sink, problem.capacity.get(id)!, 0));
  addEdge(unsupported, sink, L, 0);

  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes).fill(Infinity);
  const via = new Int32Array(nodes).fill(-1);
  const done = new Uint8Array(nodes);
  const touched: number[] = [];
  const heap = new MinHeap();

  for (let source = 0; source < L; source++) {
    heap.clear();
    dist[source] = 0;
    touched.push(source);
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (done[u] || d > dist[u]!) continue;
      done[u] = 1;
      if (u === sink) break;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        if (cap[e]! <= 0) continue;
        const v = to[e]!;
        const nd = d + cost[e]! + potential[u]! - potential[v]!;
        if (nd < dist[v]!) {
          if (dist[v] === Infinity) touched.push(v);
          dist[v] = nd;
          via[v] = e;
          heap.push(nd, v);
        }
      }
    }
    // The unsupported node is always reachable, so the sink always is.
    const reach = dist[sink]!;
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]! -= 1;
      cap[via[v]! ^ 1]! += 1;
    }
    // Potentials rise by min(distance, reach) (nodes not reached: by reach). Lowering only the
    // touched ones by what they fall short keeps the work local; the common shift cancels out.
    for (const v of touched) {
      potential[v]! += Math.min(dist[v]!, reach) - reach;
      dist[v] = Infinity;
      via[v] = -1;
      done[v] = 0;
    }
    touched.length = 0;
  }

  const pairs: Pairing[] = [];
  const unassigned: number[] = [];
  seekers.forEach(({ seeker, options }, i) => {
    let supporter: number | undefined;
    for (let e = head[i]!; e !== -1; e = next[e]!) {
      if (e % 2 === 0 && cap[e] === 0 && to[e] !== unsupported) supporter = supporterIds[to[e]! - L];
    }
    if (supporter === undefined) unassigned.push(seeker);
    else pairs.push({ seeker, supporter, quality: options.find((o) => o.supporter === supporter)!.quality });
  });
  return { pairs, unassigned };
}
