import { Worker } from "node:worker_threads";
import type { GrowContext, GrownTree } from "./grow-context";
import { growTree } from "./grow-tree";

/** The seed of tree `index`: a hash of the forest seed and the index, so no tree depends on another. */
export function treeSeed(seed: number, index: number): number {
  let z = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

// The worker is built from growTree's own source text. esbuild (tsx) wraps named functions in
// `__name(...)` calls; the shim makes that helper exist in the worker too.
const workerSource = `"use strict";
var __name = function (target) { return target; };
const { parentPort, workerData } = require("node:worker_threads");
const growTree = (${growTree.toString()});
parentPort.on("message", (task) => {
  const tree = growTree(workerData, task.treeIndex, task.seed);
  parentPort.postMessage(tree, [tree.feature.buffer, tree.threshold.buffer, tree.left.buffer,
    tree.leafValues.buffer, tree.importance.buffer, tree.outOfBag.buffer]);
});`;

/**
 * Grows `nTrees` trees, tree i from `treeSeed(seed, i)`, on `workers` threads (1: this thread,
 * yielding to the event loop between trees). Returns them in index order, so the result is the
 * same for any number of workers.
 */
export async function growTrees(
  ctx: GrowContext,
  nTrees: number,
  seed: number,
  workers: number,
  onTree?: (done: number, total: number) => void,
): Promise<GrownTree[]> {
  const trees = new Array<GrownTree>(nTrees);
  const threads = Math.min(Math.max(1, Math.floor(workers)), nTrees);
  if (threads === 1) {
    for (let i = 0; i < nTrees; i++) {
      trees[i] = growTree(ctx, i, treeSeed(seed, i));
      onTree?.(i + 1, nTrees);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return trees;
  }
  return growOnWorkers(ctx, nTrees, seed, threads, trees, onTree);
}

function growOnWorkers(
  ctx: GrowContext,
  nTrees: number,
  seed: number,
  threads: number,
  trees: GrownTree[],
  onTree?: (done: number, total: number) => void,
): Promise<GrownTree[]> {
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = () => Promise.all(pool.map((w) => w.terminate()));
    const fail = (cause: unknown) => {
      if (failed) return;
      failed = true;
      void stop();
      const message = cause instanceof Error ? cause.message : String(cause);
      reject(new Error(`forest worker thread failed: ${message} (FOREST_WORKERS=1 grows trees in-thread)`, { cause }));
    };
    const assign = (worker: Worker) => {
      if (next >= nTrees) return;
      const treeIndex = next++;
      worker.postMessage({ treeIndex, seed: treeSeed(seed, treeIndex) });
    };
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(workerSource, { eval: true, workerData: ctx });
      pool.push(worker);
      worker.on("message", (tree: GrownTree) => {
        if (failed) return;
        trees[tree.treeIndex] = tree;
        done++;
        try {
          onTree?.(done, nTrees);
        } catch (error) {
          return fail(error);
        }
        if (done === nTrees) void stop().then(() => resolve(trees), fail);
        else assign(worker);
      });
      worker.on("error", fail);
      worker.on("messageerror", fail);
      worker.on("exit", (code) => {
        if (done < nTrees) fail(new Error(`worker exited with code ${code} after ${done} of ${nTrees} trees`));
      });
      assign(worker);
    }
  });
}
