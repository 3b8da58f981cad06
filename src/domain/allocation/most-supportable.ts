/**
 * The most seekers that can be supported when a seeker may go to any supporter of a compatible
 * kind at any distance: a maximum flow from the seekers' kinds to the supporters' kinds (a few
 * phases each), by augmenting paths. `demand` counts the seekers of each kind, `supply` the room
 * the supporters of each kind have between them.
 */
export function mostSupportable<K>(
  demand: ReadonlyMap<K, number>,
  supply: ReadonlyMap<K, number>,
  compatible: (seeker: K, supporter: K) => boolean,
): number {
  const seekers = [...demand.keys()];
  const supporters = [...supply.keys()];
  // Nodes: 0 source, seekers' kinds, supporters' kinds, then the sink.
  const n = seekers.length + supporters.length + 2;
  const sink = n - 1;
  const cap = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  seekers.forEach((k, i) => {
    cap[0]![1 + i] = demand.get(k)!;
    supporters.forEach((s, j) => {
      if (compatible(k, s)) cap[1 + i]![1 + seekers.length + j] = Infinity;
    });
  });
  supporters.forEach((s, j) => (cap[1 + seekers.length + j]![sink] = supply.get(s)!));

  let flow = 0;
  for (;;) {
    const from = new Array<number>(n).fill(-1);
    from[0] = 0;
    const queue = [0];
    while (queue.length > 0 && from[sink] === -1) {
      const u = queue.shift()!;
      for (let v = 0; v < n; v++) {
        if (from[v] === -1 && cap[u]![v]! > 0) {
          from[v] = u;
          queue.push(v);
        }
      }
    }
    if (from[sink] === -1) return flow;
    let push = Infinity;
    for (let v = sink; v !== 0; v = from[v]!) push = Math.min(push, cap[from[v]!]![v]!);
    for (let v = sink; v !== 0; v = from[v]!) {
      cap[from[v]!]![v]! -= push;
      cap[v]![from[v]!]! += push;
    }
    flow += push;
  }
}
