import { Worker } from "node:worker_threads";
import type { GrowContext, GrownTree } from "./grow-context";
import { growTree } from "./grow-tree";
import { treeSeed } from "./tree-seed";
import { processSlot } from "@/lib/process-slot";

// The worker is built from growTree's own source text, so no separate worker file has to survive
// bundling. esbuild (tsx) wraps named functions in `__name(...)`; the shim defines it here too.
const workerSource = `"use strict";
var __name = function (target) { return target; };
const { parentPort } = require("node:worker_threads");
const growTree = (${growTree.toString()});
let ctx = null;
parentPort.on("message", (message) => {
  if (message.type === "context") ctx = message.ctx;
  else if (message.type === "release") ctx = null;
  else {
    const tree = growTree(ctx, message.treeIndex, message.seed);
    parentPort.postMessage({ fit: message.fit, tree }, [tree.feature.buffer, tree.threshold.buffer,
      tree.left.buffer, tree.leafValues.buffer, tree.importance.buffer, tree.outOfBag.buffer]);
  }
});`;

interface TreeMessage {
  fit: number;
  tree: GrownTree;
}

interface Slot {
  worker: Worker;
  onMessage?: (message: TreeMessage) => void;
  onFailure?: (cause: unknown) => void;
}

/**
 * Worker threads that stay alive (and JIT-warm) between fits, so a walk-forward evaluation does
 * not pay thread start-up and warm-up on every fit. Idle workers are unref'd: they never keep
 * the process alive. Fits run one at a time; after a failed fit its workers are replaced.
 */
export class TreePool {
  private slots: Slot[] = [];
  private fits = 0;
  private queue: Promise<unknown> = Promise.resolve();

  /** Grows tree i from `treeSeed(seed, i)` for i < nTrees on `threads` workers; results in index order. */
  grow(
    ctx: GrowContext,
    nTrees: number,
    seed: number,
    threads: number,
    onTree?: (done: number, total: number) => void,
  ): Promise<GrownTree[]> {
    const run = this.queue.then(() => this.run(ctx, nTrees, seed, threads, onTree));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Thread ids of the live workers (for tests and diagnostics). */
  threadIds(): number[] {
    return this.slots.map((s) => s.worker.threadId);
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(workerSource, { eval: true }) };
    slot.worker.on("message", (message: TreeMessage) => slot.onMessage?.(message));
    slot.worker.on("error", (error) => this.drop(slot, error));
    slot.worker.on("exit", (code) => this.drop(slot, new Error(`worker exited with code ${code}`)));
    slot.worker.unref();
    return slot;
  }

  private drop(slot: Slot, cause: unknown): void {
    this.slots = this.slots.filter((s) => s !== slot);
    slot.onFailure?.(cause);
  }

  private run(
    ctx: GrowContext,
    nTrees: number,
    seed: number,
    threads: number,
    onTree?: (done: number, total: number) => void,
  ): Promise<GrownTree[]> {
    while (this.slots.length < threads) this.slots.push(this.spawn());
    const slots = this.slots.slice(0, threads);
    const fit = ++this.fits;
    return new Promise((resolve, reject) => {
      const trees = new Array<GrownTree>(nTrees);
      let next = 0;
      let done = 0;
      let settled = false;
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        for (const s of slots) s.onMessage = s.onFailure = undefined;
        if (error === undefined) {
          for (const s of slots) {
            s.worker.postMessage({ type: "release" });
            s.worker.unref();
          }
          return resolve(trees);
        }
        // Other workers may still be busy with (or about to crash on) this fit's trees: retire
        // them all so the next fit starts on fresh threads.
        this.slots = this.slots.filter((s) => !slots.includes(s));
        for (const s of slots) void s.worker.terminate();
        const message = error instanceof Error ? error.message : String(error);
        reject(
          new Error(`growing trees on worker threads failed: ${message} (FOREST_WORKERS=1 grows them in-thread)`, {
            cause: error,
          }),
        );
      };
      const assign = (s: Slot) => {
        if (next >= nTrees) return;
        const treeIndex = next++;
        s.worker.postMessage({ type: "grow", fit, treeIndex, seed: treeSeed(seed, treeIndex) });
      };
      for (const s of slots) {
        s.worker.ref();
        s.onFailure = finish;
        s.onMessage = ({ fit: from, tree }) => {
          if (from !== fit || settled) return;
          trees[tree.treeIndex] = tree;
          done++;
          try {
            onTree?.(done, nTrees);
          } catch (error) {
            return finish(error);
          }
          if (done === nTrees) finish();
          else assign(s);
        };
        s.worker.postMessage({ type: "context", ctx });
        assign(s);
      }
    });
  }
}

const poolSlot = processSlot<{ source: string; pool: TreePool }>("forest-tree-pool");

/**
 * The process-wide pool: a hot reload in development reuses it (or replaces it when the tree
 * code itself changed).
 */
export function treePool(): TreePool {
  let holder = poolSlot.get();
  if (!holder || holder.source !== workerSource) {
    void holder?.pool.close();
    holder = poolSlot.set({ source: workerSource, pool: new TreePool() });
  }
  return holder.pool;
}
