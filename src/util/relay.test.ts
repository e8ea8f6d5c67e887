import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, paginate } from "./relay.js";

const limits = { prefix: "t", defaultFirst: 2, maxFirst: 3 };
const items = ["a", "b", "c", "d", "e"];
const key = (s: string) => s;

describe("relay pagination", () => {
  it("pages through a sorted list with opaque cursors, default size and totals", () => {
    const first = paginate(items, key, {}, limits);
    expect(first.edges.map((e) => e.node)).toEqual(["a", "b"]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.totalCount).toBe(5);
    const second = paginate(items, key, { first: 3, after: first.pageInfo.endCursor }, limits);
    expect(second.edges.map((e) => e.node)).toEqual(["c", "d", "e"]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("continues after a cursor whose item has since vanished", () => {
    const cursor = encodeCursor("t", "bb");
    expect(paginate(items, key, { after: cursor }, limits).edges.map((e) => e.node)).toEqual(["c", "d"]);
    expect(paginate(items, key, { after: encodeCursor("t", "z") }, limits).edges).toEqual([]);
  });

  it("gives an empty page for first: 0 and null cursors on an empty page", () => {
    const page = paginate(items, key, { first: 0 }, limits);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, startCursor: null, endCursor: null });
  });

  it("rejects foreign or malformed cursors and out-of-range sizes as BAD_USER_INPUT", () => {
    expect(() => decodeCursor("t", encodeCursor("other", "a"))).toThrow(/not a cursor/);
    expect(() => decodeCursor("t", "%%%")).toThrow(/not a cursor/);
    for (const first of [-1, 4, 1.5]) {
      try {
        paginate(items, key, { first }, limits);
        expect.unreachable();
      } catch (error) {
        expect((error as { extensions: unknown }).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
      }
    }
  });
});
