import { z } from "zod";

import { AdminApiError } from "./admin-gateway.server";

/** Runs one Admin GraphQL operation for the shop and returns its `data`. */
type Graphql = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

export const LOCATIONS_QUERY = `#graphql
  query DillerLocations {
    locations(first: 250, sortKey: NAME) {
      nodes { legacyResourceId name isActive }
    }
  }
`;

export interface ShopLocation {
  /** The numeric location id, as decimal text (the `location_id` of POS orders). */
  id: string;
  name: string;
}

const LocationsSchema = z.object({
  locations: z.object({
    nodes: z.array(
      z.object({
        legacyResourceId: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String),
        name: z.string(),
        isActive: z.boolean(),
      }),
    ),
  }),
});

/** The shop's active locations (where POS registers stand), by name. Needs the read_locations scope. */
export async function listLocations(graphql: Graphql): Promise<ShopLocation[]> {
  const parsed = LocationsSchema.safeParse(await graphql(LOCATIONS_QUERY));
  if (!parsed.success) throw new AdminApiError("unexpected DillerLocations response");
  return parsed.data.locations.nodes
    .filter((location) => location.isActive)
    .map((location) => ({ id: location.legacyResourceId, name: location.name }));
}
