/** Store profile, departments, segments and membership levels. */
import { type Schemas } from "../operation-types";
import { fieldProblem, validationProblem } from "../problem";
import { type StoreState } from "../state/schema";
import { type Handler, requireBody } from "./context";

export function toStoreResponse(store: StoreState): Schemas["StoreResponse"] {
  return { ...structuredClone(store.profile), id: store.id };
}

const getAll: Handler<"getAll"> = ({ store }) => ({ status: 200, body: [toStoreResponse(store)] });

const get: Handler<"get"> = ({ store }) => ({ status: 200, body: toStoreResponse(store) });

const getDepartments: Handler<"getDepartments"> = ({ store }) => ({
  status: 200,
  body: store.departments.map((department) => ({ ...department })),
});

const createDepartment: Handler<"createDepartment"> = ({ store, logger }, { body }) => {
  const request = requireBody(body);
  const id = request.id?.trim() ?? "";
  const name = request.name?.trim() ?? "";
  const errors: Record<string, string[]> = {};
  if (!id) errors.id = ["The id field is required."];
  if (!name) errors.name = ["The name field is required."];
  if (Object.keys(errors).length > 0) throw validationProblem(errors);
  if (store.departments.some((department) => department.id === id)) {
    throw fieldProblem("id", `A department with id '${id}' already exists.`);
  }
  store.departments.push({ id, name });
  logger.info("Department created", { storeId: store.id, departmentId: id });
  return { status: 200, body: store.departments.map((department) => ({ ...department })) };
};

const getSegments: Handler<"getSegments"> = ({ store }) => ({ status: 200, body: structuredClone(store.segments) });

const getStoreMembershipLevel: Handler<"getStoreMembershipLevel"> = ({ store }) => ({
  status: 200,
  body: [...store.membershipLevels].sort((a, b) => a.points - b.points).map((level) => ({ ...level })),
});

export const storeHandlers = { getAll, get, getDepartments, createDepartment, getSegments, getStoreMembershipLevel };
