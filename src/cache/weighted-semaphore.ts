/**
 * WeightedSemaphore: work that holds memory in proportion to a weight, run so that what runs at
 * once weighs at most `capacity` together.
 *
 * Contract:
 * - `run(weight, work)` calls `work` once the weights running, this one included, fit in
 *   `capacity`, and settles as `work` does; its weight is freed either way.
 * - Waiting work starts in the order it asked: a heavy one is not overtaken for ever by the
 *   light ones behind it.
 * - Work heavier than the whole capacity runs alone, once nothing else runs.
 */
interface Waiting {
  weight: number;
  start: () => void;
}

export class WeightedSemaphore {
  private running = 0;
  private readonly waiting: Waiting[] = [];

  constructor(readonly capacity: number) {}

  async run<T>(weight: number, work: () => Promise<T>): Promise<T> {
    if (this.waiting.length === 0 && this.fits(weight)) this.running += weight;
    else await new Promise<void>((start) => this.waiting.push({ weight, start }));
    try {
      return await work();
    } finally {
      this.running -= weight;
      this.startWaiting();
    }
  }

  /** The weight of the work running now. */
  get weight(): number {
    return this.running;
  }

  private fits(weight: number): boolean {
    return this.running === 0 || this.running + weight <= this.capacity;
  }

  private startWaiting(): void {
    while (this.waiting.length > 0 && this.fits(this.waiting[0]!.weight)) {
      const next = this.waiting.shift()!;
      this.running += next.weight;
      next.start();
    }
  }
}
