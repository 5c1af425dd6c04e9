import { useSearchParams } from 'react-router';

/**
 * A list's filters kept in the address, so a dashboard can link to a filtered list and a filtered list can
 * be bookmarked or shared. `key` changes with the filters: what pages through them starts again with it.
 */
export function useUrlFilters<S>(read: (params: URLSearchParams) => S, write: (state: S) => URLSearchParams) {
  const [params, setParams] = useSearchParams();
  const state = read(params);
  const change = (c: Partial<S>) => setParams(write({ ...state, ...c }), { replace: true });
  return { state, change, key: write(state).toString() };
}
