import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Space, Table, type TableColumnsType, type TableProps, Typography } from 'antd';
import type { AnyObject } from 'antd/es/_util/type';
import type { ReactNode } from 'react';
import type { Page } from '../app/api.ts';
import { CursorPager } from './CursorPager.tsx';
import { LoadFailed } from './StatusResult.tsx';
import type { useCursorPages } from './useCursorPages.ts';

type Controlled = 'dataSource' | 'loading' | 'pagination' | 'size' | 'locale';

interface Props<T> extends Omit<TableProps<T>, Controlled> {
  query: UseQueryResult<Page<T>>;
  paging: ReturnType<typeof useCursorPages>;
  emptyText: ReactNode;
  /** Opens a row by click or Enter; the rows become focusable. Pages that need other row handling pass onRow. */
  onOpen?: (row: T) => void;
  /** Defaults to query.isFetching. */
  loading?: boolean;
}

/** One page of a cursor-paged list: the dense table with its pager, or why it could not be loaded. */
export function PagedTable<T extends AnyObject>({
  query,
  paging,
  emptyText,
  onOpen,
  loading,
  rowKey = 'id',
  ...table
}: Props<T>) {
  // Data kept from an earlier page stays on screen while a refetch fails.
  if (query.isError && !query.data) {
    return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  const onRow: TableProps<T>['onRow'] = onOpen
    ? (row) => ({
        onClick: () => onOpen(row),
        onKeyDown: (e) => {
          if (e.key === 'Enter') onOpen(row);
        },
        tabIndex: 0,
        style: { cursor: 'pointer' },
      })
    : table.onRow;
  return (
    <>
      <Table<T>
        {...table}
        size="small"
        rowKey={rowKey}
        dataSource={query.data?.items ?? []}
        loading={loading ?? query.isFetching}
        pagination={false}
        onRow={onRow}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      />
      <CursorPager
        page={paging.page}
        nextCursor={query.data?.nextCursor}
        loading={query.isFetching}
        onPrev={paging.prev}
        onNext={paging.next}
      />
    </>
  );
}

/** The row of filters above a list. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {children}
    </Space>
  );
}

/** Text cut to its column's width, shown whole in a tooltip only when it was cut. */
export function Clipped({ text, danger }: { text: string | null | undefined; danger?: boolean }) {
  if (!text) return null;
  return (
    <Typography.Text type={danger ? 'danger' : undefined} ellipsis={{ tooltip: text }}>
      {text}
    </Typography.Text>
  );
}

/**
 * The width below which a table scrolls sideways: its columns' widths, counting `flexWidth` for each column
 * without one. Above it those columns share what is left.
 */
export function minTableWidth<T>(columns: TableColumnsType<T>, flexWidth: number): number {
  return columns.reduce(
    (sum, column) => sum + (typeof column.width === 'number' ? column.width : flexWidth),
    0,
  );
}
