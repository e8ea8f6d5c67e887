/**
 * Relay-style pagination over an ordered list, for hand-written connections.
 *
 * Contract: items must be sorted by `keyOf`, which gives each a unique, stable string key. A cursor is the opaque base64url of "<prefix>:" + that key, so a page
 * continues after the item it names even when items were added or removed before it.
 * `first` defaults to `defaultFirst` and may not exceed `maxFirst`; a negative `first`, an
 * over-large one or a cursor that is not one of ours is a BAD_USER_INPUT naming the argument.
 */
import { Field, ObjectType } from "type-graphql";
import { badInput } from "../errors/errors.js";

/**
 * The documented range of a whole-number argument, kept in its `extensions`. `minimum` and
 * `maximum`: values outside are refused before anything runs. `cap`: larger values are cut to it
 * by the resolver (the generated lists' @limit), so the cost counts at most that many.
 */
export interface ArgumentBounds {
  minimum?: number;
  maximum?: number;
  cap?: number;
}

/**
 * Extensions of every hand-written page size argument (`first`, 500 at most), so that the
 * operation checks (limits.ts) refuse a larger one as BAD_USER_INPUT before anything runs.
 */
export const PAGE_SIZE_BOUNDS = { minimum: 0, maximum: 500 } as const satisfies ArgumentBounds;

@ObjectType({ description: "分页信息 (page info): Relay page information." })
export class PageInfo {
  @Field(() => Boolean, { description: "有下一页 (has next page)." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "有上一页 (has previous page); false for forward paging." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "起始游标 (start cursor): the cursor of the page's first item." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "结束游标 (end cursor): pass it as after for the next page." })
  endCursor!: string | null;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export interface PageLimits {
  prefix: string;
  defaultFirst: number;
  maxFirst: number;
}

export function encodeCursor(prefix: string, key: string): string {
  return Buffer.from(`${prefix}:${key}`, "utf8").toString("base64url");
}

export function decodeCursor(prefix: string, cursor: string): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(`${prefix}:`) || encodeCursor(prefix, text.slice(prefix.length + 1)) !== cursor) {
    throw badInput("after", `"${cursor}" is not a cursor of this list; use an endCursor from a previous page`);
  }
  return text.slice(prefix.length + 1);
}

/** The page size a request asks for, checked against the limits. */
export function pageSize(request: PageRequest, limits: PageLimits): number {
  const first = request.first ?? limits.defaultFirst;
  if (!Number.isInteger(first) || first < 0 || first > limits.maxFirst) {
    throw badInput("first", `first must be a whole number from 0 to ${limits.maxFirst}, got ${first}`);
  }
  return first;
}

export function paginate<T>(items: T[], keyOf: (item: T) => string, request: PageRequest, limits: PageLimits): Page<T> {
  const first = pageSize(request, limits);
  let start = 0;
  if (request.after) {
    const key = decodeCursor(limits.prefix, request.after);
    const index = items.findIndex((item) => keyOf(item) === key);
    // A vanished item: continue after the position where its key would sort.
    start = index >= 0 ? index + 1 : items.findIndex((item) => keyOf(item) > key);
    if (start < 0) start = items.length;
  }
  const slice = items.slice(start, start + first);
  const edges = slice.map((node) => ({ cursor: encodeCursor(limits.prefix, keyOf(node)), node }));
  return {
    edges,
    totalCount: items.length,
    pageInfo: {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
