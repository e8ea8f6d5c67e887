/**
 * VersionedMemo: answers computed from the graph, kept while the graph has not changed.
 *
 * Contract:
 * - `get(key, version, compute, weigh)` resolves to the answer stored for `key` if it was
 *   computed at the same `version`. Otherwise it calls `compute` and stores that answer under
 *   `version`, replacing whatever `key` held. Versions are compared for equality only.
 * - `compute` is handed what `key` held at another version, if anything (its answer may still
 *   be pending, or reject), so that it can derive the new answer from the old one.
 * - Calls for the same key and version that arrive while `compute` runs share it: it runs once.
 * - A `compute` that rejects stores nothing: its callers get the rejection, the next call computes.
 * - What is kept weighs at most `capacity`, each answer `weigh(answer)` (at least 1). The least
 *   recently used answers leave first. An answer heavier than the whole capacity is returned,
 *   not kept. Capacity 0 keeps and shares nothing: every call computes.
 * - Answers are handed to every caller as they are: callers must not change them.
 *
 * The caller chooses the version and must read it before computing: an answer computed after
 * the version was read reflects that state or a later one, and a later state has another
 * version, so a stale answer is never handed out.
 */
interface Entry {
  version: string;
  answer: Promise<unknown>;
  /** 0 while the answer is being computed. */
  weight: number;
}

/** An answer held for a key, and the version it was computed at. */
export interface Held<T> {
  version: string;
  answer: Promise<T>;
}

export class VersionedMemo {
  private readonly entries = new Map<string, Entry>();
  private weight = 0;

  constructor(readonly capacity: number) {}

  get<T>(
    key: string,
    version: string,
    compute: (previous?: Held<T>) => Promise<T>,
    weigh: (answer: T) => number,
  ): Promise<T> {
    if (this.capacity <= 0) return compute();
    const held = this.entries.get(key);
    if (held?.version === version) {
      this.entries.delete(key);
      this.entries.set(key, held); // most recently used now
      return held.answer as Promise<T>;
    }
    if (held) this.drop(key, held);
    const answer = compute(held && { version: held.version, answer: held.answer as Promise<T> });
    const entry: Entry = { version, answer, weight: 0 };
    this.entries.set(key, entry);
    answer.then(
      (value) => {
        if (this.entries.get(key) !== entry) return; // replaced by a newer version meanwhile
        const weight = Math.max(1, weigh(value));
        if (weight > this.capacity) {
          this.entries.delete(key);
          return;
        }
        entry.weight = weight;
        this.weight += weight;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return answer;
  }

  /** How many answers are kept or being computed, and what the kept ones weigh. */
  get size(): { entries: number; weight: number } {
    return { entries: this.entries.size, weight: this.weight };
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.weight -= entry.weight;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.weight <= this.capacity) return;
      if (entry.weight > 0) this.drop(key, entry); // answers still being computed weigh nothing yet
    }
  }
}
