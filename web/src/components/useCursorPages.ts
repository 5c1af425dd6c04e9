import { useCallback, useState } from 'react';

/**
 * Keyset paging state: the cursors of the pages seen so far, so "previous" can go back without the server
 * having to page backwards.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length;

  const next = useCallback((cursor: string) => setCursors((c) => [...c, cursor]), []);
  const prev = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const reset = useCallback(() => setCursors([undefined]), []);

  return { cursor: cursors[page - 1], page, next, prev, reset };
}
