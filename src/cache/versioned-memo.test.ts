/** The contract of VersionedMemo (src/cache/versioned-memo.ts), one clause per test. */
import { describe, expect, it } from "vitest";
import { VersionedMemo } from "./versioned-memo.js";

/** A compute function that counts its calls and answers `value` (or what `answer` gives). */
function counted<T>(answer: (call: number) => T | Promise<T>) {
  const fn = async () => {
    fn.calls += 1;
    return answer(fn.calls);
  };
  fn.calls = 0;
  return fn;
}
const one = () => 1;

describe("VersionedMemo", () => {
  it("hands out the stored answer while the version is the same, and computes again at another", async () => {
    const memo = new VersionedMemo(10);
    const compute = counted((call) => `answer ${call}`);
    expect(await memo.get("k", "v1", compute, one)).toBe("answer 1");
    expect(await memo.get("k", "v1", compute, one)).toBe("answer 1");
    expect(await memo.get("k", "v2", compute, one)).toBe("answer 2");
    expect(await memo.get("k", "v1", compute, one)).toBe("answer 3"); // v2 replaced v1; nothing older is kept
    expect(compute.calls).toBe(3);
    expect(memo.size).toEqual({ entries: 1, weight: 1 });
  });

  it("keeps keys apart", async () => {
    const memo = new VersionedMemo(10);
    expect(await memo.get("a", "v", async () => "A", one)).toBe("A");
    expect(await memo.get("b", "v", async () => "B", one)).toBe("B");
    expect(await memo.get("a", "v", async () => "not again", one)).toBe("A");
  });

  it("shares one computation between calls that arrive while it runs", async () => {
    const memo = new VersionedMemo(10);
    let finish!: (value: string) => void;
    const compute = counted(() => new Promise<string>((resolve) => (finish = resolve)));
    const calls = [
      memo.get("k", "v", compute, one),
      memo.get("k", "v", compute, one),
      memo.get("k", "v", compute, one),
    ];
    await Promise.resolve();
    finish("shared");
    expect(await Promise.all(calls)).toEqual(["shared", "shared", "shared"]);
    expect(compute.calls).toBe(1);
  });

  it("stores nothing for a rejected computation: its callers get the rejection, the next call computes", async () => {
    const memo = new VersionedMemo(10);
    const compute = counted((call) => {
      if (call === 1) throw new Error("Neo4j went away");
      return "recovered";
    });
    const [first, second] = await Promise.allSettled([
      memo.get("k", "v", compute, one),
      memo.get("k", "v", compute, one),
    ]);
    expect(first).toMatchObject({ status: "rejected", reason: { message: "Neo4j went away" } });
    expect(second).toMatchObject({ status: "rejected", reason: { message: "Neo4j went away" } });
    expect(await memo.get("k", "v", compute, one)).toBe("recovered");
    expect(compute.calls).toBe(2);
  });

  it("keeps at most its capacity by weight, the least recently used leaving first", async () => {
    const memo = new VersionedMemo(5);
    const weightOf = (answer: string) => answer.length;
    await memo.get("a", "v", async () => "aa", weightOf);
    await memo.get("b", "v", async () => "bb", weightOf);
    await memo.get("a", "v", async () => "not again", weightOf); // a is now the most recently used
    await memo.get("c", "v", async () => "cc", weightOf); // 6 > 5: b leaves
    expect(memo.size).toEqual({ entries: 2, weight: 4 });
    expect(await memo.get("a", "v", async () => "recomputed", weightOf)).toBe("aa");
    expect(await memo.get("b", "v", async () => "bb again", weightOf)).toBe("bb again");
  });

  it("returns but does not keep an answer heavier than its whole capacity", async () => {
    const memo = new VersionedMemo(3);
    const compute = counted(() => "heavy");
    expect(await memo.get("k", "v", compute, (answer) => answer.length)).toBe("heavy");
    expect(await memo.get("k", "v", compute, (answer) => answer.length)).toBe("heavy");
    expect(compute.calls).toBe(2);
    expect(memo.size).toEqual({ entries: 0, weight: 0 });
  });

  it("with capacity 0 computes every time and shares nothing", async () => {
    const memo = new VersionedMemo(0);
    const compute = counted((call) => call);
    expect(await Promise.all([memo.get("k", "v", compute, one), memo.get("k", "v", compute, one)])).toEqual([1, 2]);
    expect(memo.size).toEqual({ entries: 0, weight: 0 });
  });
});
