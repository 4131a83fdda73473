// A list's sort in the query string: a column key, "-" in front for descending
// (sort=-startDate), and what clicking a column header makes of it.

/** Whether `value` is one of `keys`, ascending or descending. */
export function isSort<K extends string>(keys: readonly K[], value: string | null): value is K | `-${K}` {
  return value !== null && (keys as readonly string[]).includes(value.replace(/^-/, ''));
}

/** Clicking a column: ascending first, then reversed; another column starts ascending. */
export function nextSort<K extends string>(current: K | `-${K}`, column: K): K | `-${K}` {
  return current === column ? `-${column}` : column;
}
