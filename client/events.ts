// A small typed event interface (no EventEmitter): listeners per name, `on` returns its remover, and emitting with
// no listener costs one map lookup, so events on hot paths are built only when someone listens.

export type Listener<P> = (payload: P) => void;

export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  on<K extends keyof Events>(type: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => {
      set.delete(listener as Listener<never>);
    };
  }

  has<K extends keyof Events>(type: K): boolean {
    return (this.listeners.get(type)?.size ?? 0) > 0;
  }

  /** Calls each listener; a listener that throws does not stop the others or the caller. */
  emit<K extends keyof Events>(type: K, payload: Events[K]): void {
    const set = this.listeners.get(type);
    if (!set) return;
    for (const listener of set) {
      try {
        (listener as Listener<Events[K]>)(payload);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
