import { describe, expect, it } from "vitest";
import { WeightedSemaphore } from "./weighted-semaphore.js";

/** Work that runs until released, recording when it started. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    work: async () => {
      log.push(name);
      await done;
      return name;
    },
    release,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("WeightedSemaphore", () => {
  it("runs work together while the weights fit, and the rest when weight is freed", async () => {
    const semaphore = new WeightedSemaphore(10);
    const log: string[] = [];
    const [a, b, c] = [gate(log, "a"), gate(log, "b"), gate(log, "c")];
    const runs = [semaphore.run(4, a.work), semaphore.run(6, b.work), semaphore.run(3, c.work)];
    await tick();
    expect(log).toEqual(["a", "b"]);
    expect(semaphore.weight).toBe(10);
    a.release();
    await tick();
    expect(log).toEqual(["a", "b", "c"]);
    expect(semaphore.weight).toBe(9);
    b.release();
    c.release();
    expect(await Promise.all(runs)).toEqual(["a", "b", "c"]);
    expect(semaphore.weight).toBe(0);
  });

  it("starts waiting work in order: light work does not overtake a heavy one", async () => {
    const semaphore = new WeightedSemaphore(10);
    const log: string[] = [];
    const [a, heavy, light] = [gate(log, "a"), gate(log, "heavy"), gate(log, "light")];
    const runs = [semaphore.run(5, a.work), semaphore.run(8, heavy.work), semaphore.run(1, light.work)];
    await tick();
    expect(log).toEqual(["a"]); // light would fit, but heavy asked first
    a.release();
    await tick();
    expect(log).toEqual(["a", "heavy", "light"]);
    heavy.release();
    light.release();
    await Promise.all(runs);
  });

  it("runs work heavier than the capacity alone, and frees the weight of work that fails", async () => {
    const semaphore = new WeightedSemaphore(10);
    const log: string[] = [];
    const [a, huge] = [gate(log, "a"), gate(log, "huge")];
    const first = semaphore.run(2, a.work);
    const second = semaphore.run(50, huge.work);
    await tick();
    expect(log).toEqual(["a"]);
    a.release();
    await tick();
    expect(log).toEqual(["a", "huge"]);
    huge.release();
    await Promise.all([first, second]);
    await expect(semaphore.run(3, () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(semaphore.weight).toBe(0);
  });
});
