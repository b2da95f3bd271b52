// A minimal typed listener list: a listener that throws must not break the device loop.

export interface Emitter<T> {
  on(listener: (value: T) => void): () => void;
  emit(value: T): void;
  clear(): void;
  readonly size: number;
}

export function createEmitter<T>(onListenerError?: (error: unknown) => void): Emitter<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(value) {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          onListenerError?.(error);
        }
      }
    },
    clear: () => listeners.clear(),
    get size() {
      return listeners.size;
    },
  };
}
