import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  COMMIT_MODES,
  commitResult,
  ImportKind,
  importBatchView,
  importRowView,
} from '../../../../common/schemas/imports.ts';
import { api, buildUrl, type Page } from '../../app/api.ts';

export type ImportBatch = z.infer<typeof importBatchView>;
export type ImportRow = z.infer<typeof importRowView>;
export type CommitResult = z.infer<typeof commitResult>;
export type CommitMode = (typeof COMMIT_MODES)[number];
export type { ImportKind };

/** Every query of this feature starts with it. */
export const IMPORTS = 'imports';
const id = encodeURIComponent;

export const templateUrl = (kind: ImportKind) => buildUrl(`/v1/imports/templates/${kind}.xlsx`);

export function uploadSheet(kind: ImportKind, file: Blob, fileName: string): Promise<ImportBatch> {
  const form = new FormData();
  // The kind goes first: the server reads the fields before the file.
  form.append('kind', kind);
  form.append('file', file, fileName);
  return api.upload<ImportBatch>('/v1/imports', form);
}

export const commitImport = (batchId: string, mode: CommitMode) =>
  api.post<CommitResult>(`/v1/imports/${id(batchId)}/commit`, { mode });
export const discardImport = (batchId: string) => api.post<ImportBatch>(`/v1/imports/${id(batchId)}/discard`);

export function useBatch(batchId: string | null) {
  return useQuery({
    queryKey: [IMPORTS, 'batch', batchId],
    queryFn: () => api.get<ImportBatch>(`/v1/imports/${id(batchId!)}`),
    enabled: !!batchId,
  });
}

export function useProblemRows(batchId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: [IMPORTS, 'rows', batchId, cursor],
    queryFn: () =>
      api.get<Page<ImportRow>>(`/v1/imports/${id(batchId)}/rows`, { onlyErrors: 'true', cursor, limit: 20 }),
    placeholderData: keepPreviousData,
  });
}

export function useRecentImports(cursor: string | undefined) {
  return useQuery({
    queryKey: [IMPORTS, 'recent', cursor],
    queryFn: () => api.get<Page<ImportBatch>>('/v1/imports', { cursor, limit: 10 }),
    placeholderData: keepPreviousData,
  });
}
