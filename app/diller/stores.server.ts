import { callAndParse } from "./call.server";
import type { components } from "@diller/diller-contract";
import {
  DepartmentListSchema,
  MembershipLevelListSchema,
  SegmentListSchema,
  StoreListSchema,
  StoreResponseSchema,
  type MembershipLevel,
  type StoreDepartment,
  type StoreResponse,
  type StoreSegment,
} from "./schemas.server";
import type { DillerTransport } from "./transport.server";

type Schemas = components["schemas"];

/** Store profile, departments, segments (custom member questions) and membership levels. */
export function storesApiFactory({ transport }: { transport: DillerTransport }) {
  return {
    /** `getAll`: every store these credentials can access. */
    async listStores(): Promise<StoreResponse[]> {
      return callAndParse(transport, "getAll", StoreListSchema);
    },
    /** `get`: the connected store's profile and loyalty settings. */
    async getStore(): Promise<StoreResponse> {
      return callAndParse(transport, "get", StoreResponseSchema);
    },
    /** `getDepartments`. */
    async listDepartments(): Promise<StoreDepartment[]> {
      return callAndParse(transport, "getDepartments", DepartmentListSchema);
    },
    /**
     * `createDepartment` (the retailer picks the id). Not re-sent after an ambiguous failure: list
     * the departments to see whether it exists.
     */
    async createDepartment(department: Schemas["CreateDepartmentRequest"]): Promise<StoreDepartment[]> {
      return callAndParse(transport, "createDepartment", DepartmentListSchema, { body: department });
    },
    /** `getSegments`: the store's custom member questions and their options. */
    async listSegments(): Promise<StoreSegment[]> {
      return callAndParse(transport, "getSegments", SegmentListSchema);
    },
    /** `getStoreMembershipLevel`: the store's membership levels (tiers). */
    async listMembershipLevels(): Promise<MembershipLevel[]> {
      return callAndParse(transport, "getStoreMembershipLevel", MembershipLevelListSchema);
    },
  };
}
