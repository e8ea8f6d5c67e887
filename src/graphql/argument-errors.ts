/**
 * Names the argument at fault (`extensions.field`) in the errors that graphql-js raises before
 * any resolver runs: a literal that does not fit its type (validation) and a variable value that
 * does not (coercion). They carry only a location, so the document is read again to find the
 * argument path there, written as the resolvers write theirs: `asOf`, `input[0].startedOn`,
 * `where.foundedOn.eq`. A variable's fault is reported where the variable is first used.
 *
 * A refusal of the platform's scalars (scalars.ts) is a BAD_USER_INPUT however the value came:
 * Apollo calls a bad literal GRAPHQL_VALIDATION_FAILED and a bad variable BAD_USER_INPUT.
 */
import {
  GraphQLError,
  Kind,
  parse,
  visit,
  BREAK,
  type ASTNode,
  type DocumentNode,
  type GraphQLFormattedError,
  type ValueNode,
} from "graphql";
import { SCALAR_INPUT_ERROR } from "../util/scalars.js";

type Target = (node: ValueNode) => boolean;

/** The path below `path` of the first value in `node` that `isTarget` accepts. */
function pathIn(node: ValueNode, path: string, isTarget: Target): string | undefined {
  if (isTarget(node)) return path;
  if (node.kind === Kind.OBJECT) {
    for (const field of node.fields) {
      const found = pathIn(field.value, `${path}.${field.name.value}`, isTarget);
      if (found) return found;
    }
  } else if (node.kind === Kind.LIST) {
    for (const [index, item] of node.values.entries()) {
      const found = pathIn(item, `${path}[${index}]`, isTarget);
      if (found) return found;
    }
  }
  return undefined;
}

/** The argument path of the first value the target accepts, in field arguments of the document. */
function argumentPath(document: DocumentNode, isTarget: Target): string | undefined {
  let found: string | undefined;
  visit(document, {
    Field(field) {
      for (const argument of field.arguments ?? []) {
        found = pathIn(argument.value, argument.name.value, isTarget);
        if (found) return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Where in the document, and at which path inside a variable's value (`.startedOn`), the fault lies. */
function faultOf(error: GraphQLError): { node: ASTNode; innerPath: string } | undefined {
  const node = error.nodes?.[0];
  if (!node?.loc) return undefined;
  if (node.kind !== Kind.VARIABLE_DEFINITION) return { node, innerPath: "" };
  // graphql-js writes the path inside the variable only into its message: `at "input.startedOn"`.
  const name = node.variable.name.value;
  const inner = / at "([^"]+)"; /.exec(error.message)?.[1];
  return { node, innerPath: inner?.startsWith(name) ? inner.slice(name.length) : "" };
}

function locate(error: GraphQLError): string | undefined {
  const fault = faultOf(error);
  const body = fault?.node.loc?.source.body;
  if (!fault || !body) return undefined;
  let document: DocumentNode;
  try {
    document = parse(body);
  } catch {
    return undefined;
  }
  const start = fault.node.loc!.start;
  if (fault.node.kind === Kind.VARIABLE_DEFINITION) {
    const name = fault.node.variable.name.value;
    const usage = argumentPath(document, (value) => value.kind === Kind.VARIABLE && value.name.value === name);
    return usage && usage + fault.innerPath;
  }
  return argumentPath(document, (value) => value.loc?.start === start);
}

/** `formatted` with `field` added where the error is about an argument's value (and nothing else changed otherwise). */
export function withArgumentField(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (!(error instanceof GraphQLError) || (code !== "GRAPHQL_VALIDATION_FAILED" && code !== "BAD_USER_INPUT"))
    return formatted;
  const { [SCALAR_INPUT_ERROR]: scalar, ...extensions } = formatted.extensions ?? {};
  const field = extensions.field ?? locate(error);
  if (field === undefined && scalar === undefined) return formatted;
  return {
    ...formatted,
    extensions: {
      ...extensions,
      ...(scalar !== undefined ? { code: "BAD_USER_INPUT" } : {}),
      ...(field !== undefined ? { field } : {}),
    },
  };
}
