/**
 * Who listens to which region's version (CoverageService.version), fed by one poller per
 * process: GET /events/regions/:code and the `regionChanged` subscription both listen here, so a
 * hundred open pages on one region cost what one does.
 *
 * Every `pollMs` the poller reads the graph's state mark (one cheap read transaction); only when
 * it moved since the last look, or a listener joined, does it read the version of each watched
 * region, once per region whoever listens. A listener hears every version that differs from the
 * last one it was told (its `since` at first), so a write that lands between a listener's own
 * read and its joining is not lost. The caller checks the token's scope before listening: the
 * poller reads as the platform itself.
 */
export interface RegionVersionSource {
  /** The region's version, as `regionVersion` answers it. */
  version(regionCode: string): Promise<string>;
  /** An opaque mark that moves with any commit (Graph.stateMark). */
  stateMark(): Promise<string>;
}

export interface RegionVersionEvent {
  regionCode: string;
  version: string;
}

export interface RegionListener {
  next(event: RegionVersionEvent): void;
  /** The region can no longer be read (say, it became inactive, or Neo4j is unreachable); nothing more comes. */
  fail(error: unknown): void;
  /** The platform is stopping; nothing more comes. */
  end(): void;
}

interface Listening extends RegionListener {
  seen: string;
}

export class RegionWatch {
  private readonly regions = new Map<string, Set<Listening>>();
  private timer: NodeJS.Timeout | null = null;
  private mark: string | null = null;
  private joined = false;
  private closed = false;

  constructor(
    private readonly source: RegionVersionSource,
    private readonly pollMs = 250,
  ) {}

  /** Tells `listener` of every version of `regionCode` after `since`, until the returned function is called. */
  listen(regionCode: string, since: string, listener: RegionListener): () => void {
    if (this.closed) {
      queueMicrotask(() => listener.end()); // after the caller holds the returned function
      return () => {};
    }
    const listening: Listening = { ...listener, seen: since };
    const set = this.regions.get(regionCode) ?? new Set();
    set.add(listening);
    this.regions.set(regionCode, set);
    this.joined = true;
    this.schedule();
    return () => {
      set.delete(listening);
      if (set.size === 0 && this.regions.get(regionCode) === set) this.regions.delete(regionCode);
    };
  }

  /**
   * The versions of `regionCode` as an async iterator (for a GraphQL subscription): `since` at
   * once (marked `initial`), then each later one. A consumer that falls behind gets only the
   * newest version.
   */
  versions(regionCode: string, since: string): AsyncIterableIterator<RegionVersionEvent & { initial: boolean }> {
    let latest: (RegionVersionEvent & { initial: boolean }) | null = { regionCode, version: since, initial: true };
    let failure: { error: unknown } | null = null;
    let finished = false;
    let wake: (() => void) | null = null;
    const signal = () => {
      wake?.();
      wake = null;
    };
    const stop = this.listen(regionCode, since, {
      next: (event) => {
        latest = { ...event, initial: false };
        signal();
      },
      fail: (error) => {
        failure = { error };
        signal();
      },
      end: () => {
        finished = true;
        signal();
      },
    });
    const done = (): IteratorResult<RegionVersionEvent & { initial: boolean }> => {
      finished = true;
      stop();
      signal();
      return { value: undefined, done: true };
    };
    const iterator: AsyncIterableIterator<RegionVersionEvent & { initial: boolean }> = {
      async next() {
        while (!latest && !failure && !finished) await new Promise<void>((resolve) => (wake = resolve));
        if (latest) {
          const value = latest;
          latest = null;
          return { value, done: false };
        }
        if (failure) {
          done();
          throw (failure as { error: unknown }).error;
        }
        return done();
      },
      async return() {
        return done();
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Ends every listener and stops polling. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const listeners = [...this.regions.values()].flatMap((set) => [...set]);
    this.regions.clear();
    for (const listener of listeners) listener.end();
  }

  private schedule(): void {
    if (this.timer || this.closed || this.regions.size === 0) return;
    this.timer = setTimeout(() => {
      this.poll().finally(() => {
        this.timer = null;
        this.schedule();
      });
    }, this.pollMs);
    // Listeners keep their own sockets open; the poller alone must not keep a process alive.
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    let mark: string;
    try {
      mark = await this.source.stateMark();
    } catch (error) {
      this.failAll(error);
      return;
    }
    if (mark === this.mark && !this.joined) return;
    this.mark = mark;
    this.joined = false;
    for (const [regionCode, set] of this.regions) {
      let version: string;
      try {
        version = await this.source.version(regionCode);
      } catch (error) {
        this.regions.delete(regionCode);
        for (const listener of set) listener.fail(error);
        continue;
      }
      for (const listener of set) {
        if (listener.seen === version) continue;
        listener.seen = version;
        listener.next({ regionCode, version });
      }
    }
  }

  private failAll(error: unknown): void {
    const listeners = [...this.regions.values()].flatMap((set) => [...set]);
    this.regions.clear();
    for (const listener of listeners) listener.fail(error);
  }
}
