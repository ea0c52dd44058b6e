/**
 * Reading Polaris web component events without casts: the host's elements expose `checked`, `value`
 * and `values` as properties, typed loosely in Preact's event types.
 */
function target(event: Event): Record<string, unknown> | null {
  const element: unknown = event.currentTarget ?? event.target;
  return typeof element === "object" && element !== null ? { ...pick(element) } : null;
}

function pick(element: object): Record<string, unknown> {
  return {
    checked: "checked" in element ? element.checked : undefined,
    value: "value" in element ? element.value : undefined,
    values: "values" in element ? element.values : undefined,
  };
}

export function checkedOf(event: Event): boolean {
  return target(event)?.checked === true;
}

export function valueOf(event: Event): string {
  const value = target(event)?.value;
  return typeof value === "string" ? value : "";
}

/** Choice lists report their selection as `values`. */
export function valuesOf(event: Event): string[] {
  const values = target(event)?.values;
  return Array.isArray(values) ? values.filter((value): value is string => typeof value === "string") : [];
}
