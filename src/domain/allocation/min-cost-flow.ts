import { grown } from '../columns.ts';
import type { AllocationProblem, AllocationSolution, Option, OptionList, Pairing } from './problem.ts';

// Qualities become integer costs so that sums are exact and the result does not depend on
// floating-point rounding: quality is kept to 1/10,000.
const QUALITY_STEPS = 10_000;
// A pairing through a group is worse than any option beyond the radius, whatever its quality.
const GROUP_STEPS = QUALITY_STEPS + 1;

// Costs are pairs compared in order: `rank` (how many seekers are left unsupported, weighted to
// outweigh everything else, then how many are paired beyond their radius) and then `steps` (the
// quality lost). Two small exact numbers rather than one huge one: a single number would need
// about 10^13 per unsupported seeker at national scale, where potentials drift out of the range
// doubles hold exactly. Each node's distance in the search under way and its potential sit side
// by side in one column (a node's four figures from 4 × node): a search reads all four of every
// node it reaches, and it reaches nodes all over the graph.
const DIST_RANK = 0;
const DIST_STEPS = 1;
const POTENTIAL_RANK = 2;
const POTENTIAL_STEPS = 3;

/**
 * Whether (r1, s1) comes before (r2, s2): the lower rank, then the fewer steps. Costs are exact
 * integers, so comparing them is comparing their difference with 0.
 */
const before = (r1: number, s1: number, r2: number, s2: number) => r1 < r2 || (r1 === r2 && s1 < s2);

/**
 * A heap of (rank, steps, node), four children to an entry; ties go to the lower node, for
 * determinism. A search pushes a node again only at a shorter distance, so no two entries are
 * equal: the order entries leave in is the same however the heap is laid out. An entry moves along
 * the path to its place and is written once there, rather than swapped at each step. Four children
 * rather than two halve the levels an entry is taken down through, and each entry's three figures
 * sit side by side: at 147,791 generated schools the flow took 3–6% less time (bench/HISTORY.md).
 */
class MinHeap {
  /** Entry i's rank, steps and node at 3i, 3i + 1 and 3i + 2. */
  private entries = new Float64Array(3 * 64);
  size = 0;
  push(rank: number, steps: number, n: number) {
    if (3 * this.size === this.entries.length) this.entries = grown(this.entries);
    const e = this.entries;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      if (leavesBefore(e, parent, rank, steps, n)) break;
      moveEntry(e, parent, i);
      i = parent;
    }
    writeEntry(e, i, rank, steps, n);
  }
  /** Removes the smallest entry; read it first with topRank, topSteps, topNode. */
  pop() {
    const n = --this.size;
    if (n === 0) return;
    const e = this.entries;
    // The last entry, moved down from the top to its place.
    const rank = e[3 * n]!;
    const steps = e[3 * n + 1]!;
    const node = e[3 * n + 2]!;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let child = first;
      const end = Math.min(first + 4, n);
      for (let c = first + 1; c < end; c++) {
        if (leavesBefore(e, c, e[3 * child]!, e[3 * child + 1]!, e[3 * child + 2]!)) child = c;
      }
      if (!leavesBefore(e, child, rank, steps, node)) break;
      moveEntry(e, child, i);
      i = child;
    }
    writeEntry(e, i, rank, steps, node);
  }
  get topRank() {
    return this.entries[0]!;
  }
  get topSteps() {
    return this.entries[1]!;
  }
  get topNode() {
    return this.entries[2]!;
  }
}

/** Whether entry `i` leaves before (rank, steps, n): ties go to the lower node. */
function leavesBefore(e: Float64Array, i: number, rank: number, steps: number, n: number) {
  const r = e[3 * i]!;
  const s = e[3 * i + 1]!;
  return before(r, s, rank, steps) || (r === rank && s === steps && e[3 * i + 2]! < n);
}

function writeEntry(e: Float64Array, i: number, rank: number, steps: number, n: number) {
  e[3 * i] = rank;
  e[3 * i + 1] = steps;
  e[3 * i + 2] = n;
}

function moveEntry(e: Float64Array, from: number, to: number) {
  writeEntry(e, to, e[3 * from]!, e[3 * from + 1]!, e[3 * from + 2]!);
}

/**
 * The residual graph: edges in pairs (e, e ^ 1), each pair a forward edge and its reverse, as
 * columns. Costs are small integers (ranks and quality steps), held once a pair: a reverse edge
 * costs the negative of its forward edge.
 * Each node's edges are a doubly linked list kept in two parts, those with room first and the full
 * ones after: a supporter is listed by every school offered it but carries only the few it
 * supports, and the "unsupported" node is joined to every school in need, so a search reads a
 * node's open edges and stops at its first full one instead of passing over all of them.
 */
class Graph {
  to: Int32Array;
  cap: Int32Array;
  next: Int32Array;
  prev: Int32Array;
  /**
   * By pair (e >> 1), the forward edge's costs. Steps are at most GROUP_STEPS either way, so 16
   * bits hold them; a rank can be as many as the seekers. Held by pair rather than by edge, they
   * take under half the room: at 150,000 generated schools a graph of 1.3 million edges is made
   * new at each analysis, and the first touch of each page of its columns is most of what
   * building it costs.
   */
  rank: Int32Array;
  steps: Int16Array;
  /** By pair, for a seeker's edge to a supporter: the option's quality and whether remote. */
  quality: Float64Array;
  remote: Uint8Array;
  head: Int32Array;
  tail: Int32Array;
  /** Each node's last edge with room, after which its full edges begin. */
  lastOpen: Int32Array;
  edges = 0;
  /** `edges`: how many edges are expected, so that the columns seldom grow. */
  constructor(nodes: number, edges: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.tail = new Int32Array(nodes).fill(-1);
    this.lastOpen = new Int32Array(nodes).fill(-1);
    // Even, so that the columns by pair stay exactly half as long as those by edge as all of them
    // double: from an odd length, the pair written last before the second doubling fell beyond
    // its column and was lost.
    const n = Math.max(2, edges + (edges & 1));
    this.to = new Int32Array(n);
    this.cap = new Int32Array(n);
    this.next = new Int32Array(n);
    this.prev = new Int32Array(n);
    this.rank = new Int32Array(n >> 1);
    this.steps = new Int16Array(n >> 1);
    this.quality = new Float64Array(n >> 1);
    this.remote = new Uint8Array(n >> 1);
  }
  private grow() {
    this.to = grown(this.to);
    this.cap = grown(this.cap);
    this.rank = grown(this.rank);
    this.steps = grown(this.steps);
    this.next = grown(this.next);
    this.prev = grown(this.prev);
    this.quality = grown(this.quality);
    this.remote = grown(this.remote);
  }
  /** The node an edge leaves: where its reverse arrives. */
  private from(e: number) {
    return this.to[e ^ 1]!;
  }
  /**
   * Links an edge in last among its node's edges with room (open), or last of all (full). Open
   * edges keep the order they opened in: the "unsupported" node's edge to the sink, opened first,
   * stays first, so that a search reaching that node reaches the sink before anything else.
   */
  private link(e: number, from: number) {
    const open = this.cap[e]! > 0;
    const before = open ? this.lastOpen[from]! : this.tail[from]!;
    const after = before === -1 ? this.head[from]! : this.next[before]!;
    this.prev[e] = before;
    this.next[e] = after;
    if (before === -1) this.head[from] = e;
    else this.next[before] = e;
    if (after === -1) this.tail[from] = e;
    else this.prev[after] = e;
    if (open) this.lastOpen[from] = e;
  }
  private unlink(e: number, from: number) {
    const [before, after] = [this.prev[e]!, this.next[e]!];
    if (before === -1) this.head[from] = after;
    else this.next[before] = after;
    if (after === -1) this.tail[from] = before;
    else this.prev[after] = before;
    if (this.lastOpen[from] === e) this.lastOpen[from] = before;
  }
  private half(target: number, capacity: number) {
    if (this.edges === this.to.length) this.grow();
    const e = this.edges++;
    this.to[e] = target;
    this.cap[e] = capacity;
  }
  /** Adds an edge and its reverse; returns the edge. */
  add(from: number, target: number, capacity: number, rank: number, steps: number): number {
    const e = this.edges;
    this.half(target, capacity);
    this.half(from, 0);
    this.rank[e >> 1] = rank;
    this.steps[e >> 1] = steps;
    this.link(e, from);
    this.link(e + 1, target);
    return e;
  }
  /** An edge's rank and steps: its pair's, or their negatives for a reverse edge (odd). */
  rankOf(e: number): number {
    return (1 - 2 * (e & 1)) * this.rank[e >> 1]!;
  }
  stepsOf(e: number): number {
    return (1 - 2 * (e & 1)) * this.steps[e >> 1]!;
  }
  push(e: number, units: number) {
    const back = e ^ 1;
    this.cap[e]! -= units;
    this.cap[back]! += units;
    if (this.cap[e] === 0) this.moved(e);
    if (this.cap[back] === units) this.moved(back);
  }
  /** Moves an edge that has just filled, or just opened, to its part of its node's list. */
  private moved(e: number) {
    const from = this.from(e);
    this.unlink(e, from);
    this.link(e, from);
  }
}

/** Options kept as objects, read through the `OptionList` the allocation takes. */
class OptionArray implements OptionList {
  readonly #options: readonly Option[];
  constructor(options: readonly Option[]) {
    this.#options = options;
  }
  get length() {
    return this.#options.length;
  }
  supporter(k: number) {
    return this.#options[k]!.supporter;
  }
  quality(k: number) {
    return this.#options[k]!.quality;
  }
  remote(k: number) {
    return this.#options[k]!.remote ?? false;
  }
}

/** An allocation problem whose seekers' options are lists read one at a time (see `OptionList`). */
export interface OpenProblem extends Omit<AllocationProblem, 'seekers'> {
  seekers: { seeker: number; options: OptionList; anyOf?: readonly string[] }[];
}

/** An allocation under way: solved, and open to more offers to a seeker left unsupported. */
export interface OpenAllocation {
  /**
   * Offers more to a seeker that is left unsupported, and finds it a supporter if what it is now
   * offered allows: the allocation stays optimal for everything offered so far.
   */
  offer(seeker: number, options: OptionList, anyOf?: readonly string[]): void;
  /** Whether a seeker is left unsupported. */
  isUnsupported(seeker: number): boolean;
  solution(): AllocationSolution;
}

/**
 * The optimal allocation: as many seekers supported as the capacities allow; among those, as few
 * beyond their radius as possible; and among those, the greatest total quality. Solved as a
 * min-cost flow by successive shortest paths (Dijkstra with potentials) from one seeker at a
 * time. Every seeker may also go to an "unsupported" node that costs more than any allocation of
 * the others, so the cheapest flow leaves fewest unsupported, and each search stays local to the
 * seeker's neighbourhood. A seeker's `anyOf` groups are nodes joined to every supporter in them,
 * which is how a seeker can reach any supporter with room without listing them all.
 */
export function allocateOptimally(problem: AllocationProblem): AllocationSolution {
  const seekers = problem.seekers.map((s) => ({ ...s, options: new OptionArray(s.options) }));
  return openAllocation({ ...problem, seekers }).solution();
}

/**
 * Solves the problem as `allocateOptimally` does, and keeps the solution open: offering more to
 * a seeker left unsupported (its other candidates; a group) and solving again for that seeker
 * alone costs one search, where solving the whole problem again would cost one per seeker.
 */
export function openAllocation(problem: OpenProblem): OpenAllocation {
  return new OpenFlow(problem);
}

/**
 * The flow under way, its steps as methods rather than closures made anew for each problem: V8
 * compiles a method once for every problem, where each problem's closures were compiled again.
 */
class OpenFlow implements OpenAllocation {
  readonly #seekers: OpenProblem['seekers'];
  readonly #seekerIndex: Map<number, number>;
  readonly #supporterIds: number[];
  readonly #supporterNode: Map<number, number>;
  readonly #groupNames: string[];
  readonly #groupNode: Map<string, number>;
  /** Each group's edges to its members (supporter nodes). */
  readonly #memberEdges: Int32Array[];
  /** By group: its members before this one have no room. */
  readonly #roomFrom: Int32Array;
  /** Each supporter's edge to the sink: its room. */
  readonly #sinkEdge: Int32Array;
  /** Seekers are nodes 0…L - 1, then supporters, then groups. */
  readonly #L: number;
  readonly #R: number;
  readonly #unsupported: number;
  readonly #sink: number;
  readonly #graph: Graph;
  readonly #unsupportedEdge: Int32Array;
  readonly #toSinkEdge: number;
  readonly #costs: Float64Array;
  readonly #via: Int32Array;
  readonly #done: Uint8Array;
  /** The nodes a search reaches, to be reset after it: a column, as many as there are nodes at most. */
  readonly #touched: Int32Array;
  readonly #heap = new MinHeap();

  constructor(problem: OpenProblem) {
    const seekers = (this.#seekers = problem.seekers);
    const L = (this.#L = seekers.length);
    // Filled in loops rather than from arrays of pairs: at 150,000 schools, tens of thousands of
    // pairs made and dropped at each of the analysis's three allocations.
    this.#seekerIndex = new Map();
    for (let i = 0; i < L; i++) this.#seekerIndex.set(seekers[i]!.seeker, i);
    const supporterIds: number[] = (this.#supporterIds = []);
    this.#supporterNode = new Map();
    problem.capacity.forEach((c, id) => {
      if (!(c > 0)) return;
      this.#supporterNode.set(id, L + supporterIds.length);
      supporterIds.push(id);
    });
    const R = (this.#R = supporterIds.length);
    const groupNames = (this.#groupNames = [...(problem.groups?.keys() ?? [])]);
    this.#groupNode = new Map(groupNames.map((g, k) => [g, L + R + k]));
    const unsupported = (this.#unsupported = L + R + groupNames.length);
    const sink = (this.#sink = unsupported + 1);
    const nodes = sink + 1;
    let edges = L + R + 1;
    for (const { options, anyOf = [] } of seekers) edges += options.length + anyOf.length;
    for (const g of groupNames) edges += problem.groups!.get(g)!.length;
    // Room for what is offered later, without growing: doubling columns of a million edges or more
    // cost more than the searches. Where capacity runs out, the schools left without a supporter
    // are offered the rest of their radius and the nearest beyond it: at 150,000 generated schools
    // about one edge for every fifteen at the start.
    const graph = (this.#graph = new Graph(nodes, 2 * edges + (edges >> 2) + 1024));
    // Pairs beyond the radius can be offered later, but there are never more than seekers.
    const unsupportedRank = L + 1;

    const unsupportedEdge = (this.#unsupportedEdge = new Int32Array(L));
    seekers.forEach(({ options, anyOf = [] }, i) => {
      this.#optionEdges(i, options, anyOf);
      unsupportedEdge[i] = graph.edges;
      graph.add(i, unsupported, 1, unsupportedRank, 0);
    });
    this.#memberEdges = [];
    for (const g of groupNames) {
      const memberEdges: number[] = [];
      for (const supporter of problem.groups!.get(g)!) {
        const node = this.#supporterNode.get(supporter);
        if (node !== undefined) memberEdges.push(graph.add(this.#groupNode.get(g)!, node, L, 0, 0));
      }
      this.#memberEdges.push(Int32Array.from(memberEdges));
    }
    this.#roomFrom = new Int32Array(groupNames.length);
    this.#sinkEdge = Int32Array.from(supporterIds, (id, j) =>
      graph.add(L + j, sink, problem.capacity.get(id)!, 0, 0),
    );
    // Never full, so that both directions stay open and a seeker can leave it again.
    this.#toSinkEdge = graph.edges;
    graph.add(unsupported, sink, L + 1, 0, 0);

    // Every potential starts at 0 and only falls, so a group node, reached by no seeker until one
    // is offered it, keeps a potential at or above its supporters' and its edges stay non-negative.
    const costs = (this.#costs = new Float64Array(4 * nodes));
    for (let v = 0; v < nodes; v++) costs[4 * v + DIST_RANK] = Infinity;
    this.#via = new Int32Array(nodes).fill(-1);
    this.#done = new Uint8Array(nodes);
    this.#touched = new Int32Array(nodes);

    for (let source = 0; source < L; source++) this.#augment(source);
  }

  #optionEdges(i: number, options: OptionList, anyOf: readonly string[]) {
    const graph = this.#graph;
    for (let k = 0; k < options.length; k++) {
      const node = this.#supporterNode.get(options.supporter(k));
      if (node === undefined) continue;
      const quality = options.quality(k);
      const remote = options.remote(k);
      const q = Math.min(1, Math.max(0, quality));
      const e = graph.add(i, node, 1, remote ? 1 : 0, Math.round((1 - q) * QUALITY_STEPS));
      // The option each seeker's edge to a supporter stands for.
      graph.quality[e >> 1] = quality;
      graph.remote[e >> 1] = remote ? 1 : 0;
    }
    for (const g of anyOf) {
      const node = this.#groupNode.get(g);
      if (node !== undefined) graph.add(i, node, 1, 1, GROUP_STEPS);
    }
  }

  /** Sends one seeker's unit along its cheapest path to the sink, then updates the potentials. */
  #augment(source: number) {
    const graph = this.#graph;
    const { to, cap, rank, steps, next, head } = graph;
    const costs = this.#costs;
    const via = this.#via;
    const done = this.#done;
    const touched = this.#touched;
    const heap = this.#heap;
    const sink = this.#sink;
    // Supporters are nodes L…groupsFrom - 1, each with its edge to the sink.
    const L = this.#L;
    const groupsFrom = this.#L + this.#R;
    const sinkEdges = this.#sinkEdge;
    let reached = 0;
    // The sink's distance, read at every step: kept at hand.
    let sinkRank = Infinity;
    let sinkSteps = Infinity;
    heap.size = 0;
    costs[4 * source + DIST_RANK] = 0;
    costs[4 * source + DIST_STEPS] = 0;
    touched[reached++] = source;
    heap.push(0, 0, source);
    while (heap.size > 0) {
      const dr = heap.topRank;
      const ds = heap.topSteps;
      const u = heap.topNode;
      heap.pop();
      const at = 4 * u;
      if (done[u] || dr !== costs[at + DIST_RANK] || ds !== costs[at + DIST_STEPS]) continue;
      // Stops once nothing left can be shorter than the sink: the path is found, and a node at
      // the sink's distance would have its potential raised by nothing. Without this the search
      // went on through every school in need left without a supporter, all at that distance
      // behind the "unsupported" node, once for each school that joined them.
      if (!before(dr, ds, sinkRank, sinkSteps)) break;
      done[u] = 1;
      const pr = costs[at + POTENTIAL_RANK]!;
      const ps = costs[at + POTENTIAL_STEPS]!;
      const only = u >= this.#L + this.#R && u < this.#unsupported ? this.#edgeToRoom(u) : -1;
      for (let e = only === -1 ? head[u]! : only; e !== -1; e = only === -1 ? next[e]! : -1) {
        // The rest of the node's edges are full.
        if (cap[e]! <= 0) break;
        const v = to[e]!;
        if (done[v]) continue;
        const to4 = 4 * v;
        // Graph.rankOf and stepsOf, written out: this runs for every edge a search reads.
        const sign = 1 - 2 * (e & 1);
        const nr = dr + sign * rank[e >> 1]! + pr - costs[to4 + POTENTIAL_RANK]!;
        const ns = ds + sign * steps[e >> 1]! + ps - costs[to4 + POTENTIAL_STEPS]!;
        const vr = costs[to4 + DIST_RANK]!;
        // A node no nearer than the sink is never settled: not queued.
        if (before(nr, ns, vr, costs[to4 + DIST_STEPS]!) && before(nr, ns, sinkRank, sinkSteps)) {
          if (vr === Infinity) touched[reached++] = v;
          costs[to4 + DIST_RANK] = nr;
          costs[to4 + DIST_STEPS] = ns;
          via[v] = e;
          if (v >= L && v < groupsFrom && cap[sinkEdges[v - L]!]! > 0) {
            // A supporter with room reaches the sink by its own edge, at no cost and with a
            // potential no higher than the sink's (0): the sink is nearer still, so it is reached
            // now rather than once the supporter is settled, and the supporter, never to be
            // settled, is not queued. Nothing further than the sink is queued from then on. Where
            // several paths are as short, another may be taken than before (an allocation as good);
            // at 147,791 generated schools the flow took 4–17% less time (bench/HISTORY.md).
            if (sinkRank === Infinity) touched[reached++] = sink;
            const at4 = 4 * sink;
            sinkRank = nr + costs[to4 + POTENTIAL_RANK]! - costs[at4 + POTENTIAL_RANK]!;
            sinkSteps = ns + costs[to4 + POTENTIAL_STEPS]! - costs[at4 + POTENTIAL_STEPS]!;
            costs[at4 + DIST_RANK] = sinkRank;
            costs[at4 + DIST_STEPS] = sinkSteps;
            via[sink] = sinkEdges[v - L]!;
          } else {
            heap.push(nr, ns, v);
            if (v !== sink) continue;
            sinkRank = nr;
            sinkSteps = ns;
          }
          // Nothing reached from here can be shorter than the sink now is.
          if (!before(dr, ds, sinkRank, sinkSteps)) break;
        }
      }
    }
    // The unsupported node is always reachable, so the sink always is.
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) graph.push(via[v]!, 1);
    // Potentials rise by min(distance, reach) (nodes not reached: by reach). Lowering only the
    // touched ones by what they fall short keeps the work local; the common shift cancels out.
    for (let k = 0; k < reached; k++) {
      const v = touched[k]!;
      const at = 4 * v;
      const vr = costs[at + DIST_RANK]!;
      const vs = costs[at + DIST_STEPS]!;
      if (done[v] && !before(sinkRank, sinkSteps, vr, vs)) {
        costs[at + POTENTIAL_RANK]! += vr - sinkRank;
        costs[at + POTENTIAL_STEPS]! += vs - sinkSteps;
      }
      costs[at + DIST_RANK] = Infinity;
      via[v] = -1;
      done[v] = 0;
    }
  }

  /**
   * A group's edge to its first member with room, or -1 if all are full: the one edge a search
   * that reaches the group need follow. Through a member with room the group reaches the sink at
   * no cost. Every other way on from the group costs at least that: a full member, or a seeker
   * the group serves, leads on only by moving seekers along, which the flow, being optimal, never
   * gains by. With potentials, every node's reduced distance through the group is at least the
   * sink's through that member, because no potential rises above the sink's (0: the sink is never
   * settled); so the search never settles them, nor need it reach them. At 150,000 generated
   * schools a school offered its groups reached 18,000 supporters this way, where it now reaches one.
   */
  #edgeToRoom(group: number): number {
    const k = group - this.#L - this.#R;
    const edges = this.#memberEdges[k]!;
    const { to, cap } = this.#graph;
    // A member never has room again once full (every path ends at the sink, none leaves it), so
    // the full ones at the front are passed over once.
    let i = this.#roomFrom[k]!;
    while (i < edges.length && cap[this.#sinkEdge[to[edges[i]!]! - this.#L]!] === 0) i++;
    this.#roomFrom[k] = i;
    return i < edges.length ? edges[i]! : -1;
  }

  #indexOf(seeker: number) {
    const i = this.#seekerIndex.get(seeker);
    if (i === undefined) throw new Error(`Seeker ${seeker} is not in the allocation`);
    return i;
  }

  #isUnsupported(i: number) {
    return this.#graph.cap[this.#unsupportedEdge[i]!] === 0;
  }

  isUnsupported(seeker: number): boolean {
    return this.#isUnsupported(this.#indexOf(seeker));
  }

  offer(seeker: number, options: OptionList, anyOf: readonly string[] = []): void {
    const i = this.#indexOf(seeker);
    if (!this.#isUnsupported(i)) throw new Error(`Seeker ${seeker} already has a supporter`);
    const graph = this.#graph;
    const costs = this.#costs;
    // Take the seeker back out: it then has no edge coming in, so its potential can be set as
    // high as its new edges need to stay non-negative, and one search finds its best pairing.
    graph.push(this.#unsupportedEdge[i]! ^ 1, 1);
    graph.push(this.#toSinkEdge ^ 1, 1);
    this.#optionEdges(i, options, anyOf);
    let [pr, ps] = [-Infinity, -Infinity];
    for (let e = graph.head[i]!; e !== -1; e = graph.next[e]!) {
      if (graph.cap[e]! <= 0) continue;
      const v = graph.to[e]!;
      const r = costs[4 * v + POTENTIAL_RANK]! - graph.rankOf(e);
      const s = costs[4 * v + POTENTIAL_STEPS]! - graph.stepsOf(e);
      if (r > pr || (r === pr && s > ps)) [pr, ps] = [r, s];
    }
    costs[4 * i + POTENTIAL_RANK] = pr;
    costs[4 * i + POTENTIAL_STEPS] = ps;
    this.#augment(i);
  }

  solution(): AllocationSolution {
    const { to, cap, next, head, quality, remote } = this.#graph;
    const [L, R, supporterIds] = [this.#L, this.#R, this.#supporterIds];
    // What flows from each group to each supporter is handed out to the group's seekers in turn.
    const fromGroup = new Map<number, number[]>();
    for (const g of this.#groupNames) {
      const node = this.#groupNode.get(g)!;
      const taken: number[] = [];
      for (let e = head[node]!; e !== -1; e = next[e]!) {
        if (e % 2 === 1) continue;
        for (let k = cap[e ^ 1]!; k > 0; k--) taken.push(supporterIds[to[e]! - L]!);
      }
      fromGroup.set(
        node,
        taken.sort((a, b) => a - b),
      );
    }
    const pairs: Pairing[] = [];
    const unassigned: number[] = [];
    const seekers = this.#seekers;
    for (let i = 0; i < seekers.length; i++) {
      const { seeker } = seekers[i]!;
      let pair: Pairing | undefined;
      for (let e = head[i]!; e !== -1; e = next[e]!) {
        if (e % 2 === 1 || cap[e] !== 0 || to[e] === this.#unsupported) continue;
        const node = to[e]!;
        if (node < L + R) {
          const supporter = supporterIds[node - L]!;
          pair = {
            seeker,
            supporter,
            quality: quality[e >> 1]!,
            remote: remote[e >> 1] === 1,
            throughGroup: false,
          };
        } else {
          const supporter = fromGroup.get(node)!.shift()!;
          pair = { seeker, supporter, quality: 0, remote: true, throughGroup: true };
        }
      }
      if (pair) pairs.push(pair);
      else unassigned.push(seeker);
    }
    return { pairs, unassigned };
  }
}
