/** One value per process, whichever copy of a module asks for it. */
export interface ProcessSlot<T> {
  get(): T | undefined;
  /** Stores `value` (undefined clears the slot) and returns it. */
  set<V extends T | undefined>(value: V): V;
  /** The stored value, or the one `create` makes and stores. */
  getOrCreate(create: () => T): T;
}

/**
 * A value shared by every copy of a module in this process. Next.js evaluates a module once per
 * bundle (instrumentation and each route are separate module graphs) and hot reload evaluates it
 * again, so a module-level variable can exist several times; caches, pools and the executor must
 * not. The value lives on globalThis under a registered symbol named after `name`.
 */
export function processSlot<T>(name: string): ProcessSlot<T> {
  const key = Symbol.for(`pl-mlops:${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    get: () => store[key],
    set: (value) => {
      store[key] = value;
      return value;
    },
    getOrCreate: (create) => (store[key] ??= create()),
  };
}
