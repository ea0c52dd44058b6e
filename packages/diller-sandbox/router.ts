/**
 * Matches request paths against the contract's path templates. Like ASP.NET routing, literal segments
 * match case-insensitively, a trailing slash is tolerated, and a literal segment beats a parameter
 * (`/members/search` wins over `/members/{memberId}`).
 */
import { type ContractOperation } from "./contract-document";

export type RouteMatch =
  | { kind: "operation"; operation: ContractOperation; pathParams: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

type Segment = { literal: string } | { parameter: string };

interface Route {
  operation: ContractOperation;
  segments: Segment[];
}

export interface Router {
  match(method: string, pathname: string): RouteMatch;
}

export function createRouter(operations: readonly ContractOperation[]): Router {
  const routes = operations.map((operation) => ({ operation, segments: parseTemplate(operation.pathTemplate) }));
  return {
    match(method, pathname) {
      const requestSegments = splitPath(pathname);
      if (!requestSegments) return { kind: "not-found" };
      const candidates = routes
        .map((route) => ({ route, pathParams: matchSegments(route.segments, requestSegments) }))
        .filter((candidate): candidate is { route: Route; pathParams: Record<string, string> } =>
          Boolean(candidate.pathParams),
        );
      if (candidates.length === 0) return { kind: "not-found" };
      // ASP.NET-style: the method filters first, then the most specific template wins, so
      // PUT /members/search is updateMember with memberId "search" (→ 404), not a 405.
      const withMethod = candidates.filter((candidate) => candidate.route.operation.method === method.toUpperCase());
      if (withMethod.length === 0) {
        return { kind: "method-not-allowed", allowed: [...new Set(candidates.map((c) => c.route.operation.method))] };
      }
      const chosen = withMethod.reduce((best, candidate) =>
        compareSpecificity(candidate.route, best.route) > 0 ? candidate : best,
      );
      return { kind: "operation", operation: chosen.route.operation, pathParams: chosen.pathParams };
    },
  };
}

function parseTemplate(template: string): Segment[] {
  return template
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment)?.[1];
      return parameter ? { parameter } : { literal: segment.toLowerCase() };
    });
}

/** Undefined for a path that cannot be decoded (e.g. a stray `%`). */
function splitPath(pathname: string): string[] | undefined {
  try {
    return pathname
      .split("/")
      .filter(Boolean)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

function matchSegments(template: Segment[], request: string[]): Record<string, string> | undefined {
  if (template.length !== request.length) return undefined;
  const pathParams: Record<string, string> = {};
  for (const [index, segment] of template.entries()) {
    const value = request[index] ?? "";
    if ("literal" in segment) {
      if (segment.literal !== value.toLowerCase()) return undefined;
    } else {
      pathParams[segment.parameter] = value;
    }
  }
  return pathParams;
}

/** Positive when `a` has a literal segment at the first position where the two differ in kind. */
function compareSpecificity(a: Route, b: Route): number {
  for (let index = 0; index < Math.min(a.segments.length, b.segments.length); index++) {
    const aLiteral = isLiteral(a.segments[index]);
    const bLiteral = isLiteral(b.segments[index]);
    if (aLiteral !== bLiteral) return aLiteral ? 1 : -1;
  }
  return 0;
}

function isLiteral(segment: Segment | undefined): boolean {
  return segment !== undefined && "literal" in segment;
}
