import type { GrowContext, GrownTree } from "./grow-context";
import { growTree } from "./grow-tree";
import { treePool } from "./tree-pool";
import { treeSeed } from "./tree-seed";

/**
 * Grows `nTrees` trees, tree i from `treeSeed(seed, i)`, on `workers` threads of the shared pool
 * (1: on this thread, yielding to the event loop between trees). Returns them in index order, so
 * the result is the same for any number of workers.
 */
export async function growTrees(
  ctx: GrowContext,
  nTrees: number,
  seed: number,
  workers: number,
  onTree?: (done: number, total: number) => void,
): Promise<GrownTree[]> {
  const threads = Math.min(Math.max(1, Math.floor(workers)), nTrees);
  if (threads > 1) return treePool().grow(ctx, nTrees, seed, threads, onTree);
  const trees = new Array<GrownTree>(nTrees);
  for (let i = 0; i < nTrees; i++) {
    trees[i] = growTree(ctx, i, treeSeed(seed, i));
    onTree?.(i + 1, nTrees);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return trees;
}
