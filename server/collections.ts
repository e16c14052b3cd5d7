/** Adds a value to the list kept under a key, starting the list on first use. */
export function pushInto<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** Items grouped by a key, each group in the items' order (Map.groupBy only arrives with Node 21). */
export function groupBy<T, K, V>(items: Iterable<T>, keyOf: (item: T) => K, valueOf: (item: T) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) pushInto(groups, keyOf(item), valueOf(item));
  return groups;
}
