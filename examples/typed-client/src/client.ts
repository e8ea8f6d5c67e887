/**
 * A small front-end module as a front-end developer would write it: typed operations on the
 * platform's GraphQL API (analyst's coverage, the pairing network), sent with fetch. The types
 * come from graphql-codegen (src/gql/, generated from docs/schema.graphql), so a breaking
 * change of the schema fails the type check, not the page.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { graphql } from "./gql";

export const RegionCoverage = graphql(`
  query RegionCoverage($code: String!, $depth: Int!) {
    coverageReport(regionCode: $code, depth: $depth) {
      region {
        code
        name
        level
      }
      asOf
      twoNew {
        total
        organizational
        workOnly
        none
        orgCoverageRate
      }
      villages {
        total
        chainComplete
        weak
      }
      gapCounts {
        kind
        count
      }
      towns: children {
        region {
          code
          name
        }
        villages {
          total
          chainComplete
        }
      }
    }
  }
`);

export const FirstGaps = graphql(`
  query FirstGaps($code: String!, $kinds: [GapKind!], $first: Int) {
    coverageGaps(regionCode: $code, kinds: $kinds, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          kind
          subjectId
          subjectName
          regionCode
          reason
        }
      }
    }
  }
`);

export const Network = graphql(`
  query Network($code: String!) {
    pairingNetwork(regionCode: $code) {
      truncated
      nodes {
        id
        type
        label
      }
      edges {
        id
        type
        source
        target
      }
      stats {
        pairings
        components
        weakVillagesPaired
        weakVillagesUnpaired
      }
    }
  }
`);

export class ApiError extends Error {
  constructor(readonly errors: Array<{ message: string; extensions?: { code?: string; field?: string } }>) {
    super(errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; "));
  }
}

/** One typed request: the variables and the answer's shape come from the operation. */
export async function request<Result, Variables>(
  url: string,
  token: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: ApiError["errors"] };
  if (body.errors?.length) throw new ApiError(body.errors);
  return body.data!;
}

/** What an analyst's page shows first: the weakest coverage rate among a region's towns. */
export async function weakestTown(
  url: string,
  token: string,
  code: string,
): Promise<{ name: string; chainComplete: number; total: number } | null> {
  const { coverageReport } = await request(url, token, RegionCoverage, { code, depth: 2 });
  const towns = coverageReport.towns
    .map((t) => ({ name: t.region.name, chainComplete: t.villages.chainComplete, total: t.villages.total }))
    .filter((t) => t.total > 0);
  towns.sort((a, b) => a.chainComplete / a.total - b.chainComplete / b.total);
  return towns[0] ?? null;
}
