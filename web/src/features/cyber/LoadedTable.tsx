import type { ReactNode } from 'react';
import { TableHead, type Column } from '../../components/TableHead.tsx';

/** A loaded list as a table (one `row` per item), or its error, or `none` when it is empty. */
export function LoadedTable<T>({
  loaded,
  none,
  testId,
  columns,
  row,
}: {
  loaded: { data: { items: T[] } | null; error: Error | null };
  none: string;
  testId: string;
  columns: readonly Column[];
  row: (item: T) => ReactNode;
}) {
  if (loaded.error) return <p role="alert">{loaded.error.message}</p>;
  if (!loaded.data) return null;
  if (loaded.data.items.length === 0) return <p>{none}</p>;
  return (
    <table data-testid={testId}>
      <TableHead columns={columns} />
      <tbody>{loaded.data.items.map(row)}</tbody>
    </table>
  );
}
