import type { GroupGraph } from './group-graph';

/** Every group a group belongs to, itself included, each with one shortest path. */
export interface GroupClosure {
  /** Group indices in breadth-first order; the first is the group itself. */
  readonly targets: readonly number[];
  /** For each target, the guids from the group itself up to the target. */
  readonly paths: readonly (readonly string[])[];
}

/**
 * Memoised breadth-first search over "is a member of" edges. Parents are
 * visited in ascending index (= DN) order, and the queue is processed in
 * order, so the first path that reaches a group is the shortest one and,
 * among equally short ones, the lexicographically smallest by DN. The
 * visited set makes cycles (A in B in A) terminate without repeats.
 *
 * Closures are shared by every account whose direct group they start from,
 * which is what makes 100k accounts cheap: the work is per group, not per account.
 */
export class GroupClosures {
  readonly #graph: GroupGraph;
  readonly #cache: (GroupClosure | undefined)[];
  // One scratch array for all searches; a stamp per search avoids clearing it.
  readonly #seen: Int32Array;
  #stamp = 0;

  constructor(graph: GroupGraph) {
    this.#graph = graph;
    this.#cache = new Array<GroupClosure | undefined>(graph.groups.length);
    this.#seen = new Int32Array(graph.groups.length);
  }

  of(group: number): GroupClosure {
    const cached = this.#cache[group];
    if (cached !== undefined) return cached;
    const closure = this.#search(group);
    this.#cache[group] = closure;
    return closure;
  }

  #search(start: number): GroupClosure {
    const { groups, parentsOf } = this.#graph;
    this.#stamp += 1;
    const stamp = this.#stamp;
    const targets: number[] = [start];
    const paths: (readonly string[])[] = [[guidOf(groups, start)]];
    this.#seen[start] = stamp;
    for (let head = 0; head < targets.length; head += 1) {
      const current = targets[head] as number;
      const pathToCurrent = paths[head] as readonly string[];
      for (const parent of parentsOf[current] ?? []) {
        if (this.#seen[parent] === stamp) continue;
        this.#seen[parent] = stamp;
        targets.push(parent);
        paths.push([...pathToCurrent, guidOf(groups, parent)]);
      }
    }
    return { targets, paths };
  }
}

function guidOf(groups: GroupGraph['groups'], index: number): string {
  const group = groups[index];
  if (group === undefined) throw new RangeError(`no group at index ${index}`);
  return group.guid;
}
