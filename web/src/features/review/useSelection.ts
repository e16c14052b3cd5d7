import { useCallback, useMemo, useState } from 'react';

/**
 * Rows chosen for a bulk action. Only ids still in the list count: a row accepted (and so gone from the
 * queue) or taken by a colleague drops out of the selection by itself.
 */
export function useSelection(ids: readonly number[]) {
  const [chosen, setChosen] = useState<readonly number[]>([]);
  const present = useMemo(() => new Set(ids), [ids]);
  const selected = useMemo(() => chosen.filter((id) => present.has(id)), [chosen, present]);
  const toggle = useCallback((id: number, on: boolean) => setChosen((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id))), []);
  const setAll = useCallback((on: boolean) => setChosen(on ? [...ids] : []), [ids]);
  const clear = useCallback(() => setChosen([]), []);
  return { selected, set: setChosen, toggle, setAll, clear, allSelected: ids.length > 0 && selected.length === ids.length };
}
