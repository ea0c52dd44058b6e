/** What the POS registers section and its server side share (the browser cannot import *.server). */

export const POS_DEPARTMENTS_INTENT = "save-pos-departments";
/** Form field of a location's department: `location.<numeric location id>`. */
export const LOCATION_FIELD_PREFIX = "location.";

export interface PosRegisterView {
  locationId: string;
  name: string;
  /** "" = the default department. */
  departmentId: string;
}

/** null when Shopify's locations could not be read (for example before read_locations is granted). */
export type PosRegistersView = PosRegisterView[] | null;
