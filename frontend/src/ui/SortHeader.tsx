// A sortable column header: a button that sorts by the column (ascending first, then
// reversed), with aria-sort and an arrow showing the current order.
import type { ReactNode } from 'react';
import { nextSort } from './sortParams';

interface Props<K extends string> {
  column: K;
  sort: K | `-${K}`;
  onSort: (sort: K | `-${K}`) => void;
  className?: string;
  children: ReactNode;
}

export function SortHeader<K extends string>({ column, sort, onSort, className, children }: Props<K>) {
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : undefined;
  return (
    <th scope="col" aria-sort={direction ?? 'none'} className={className}>
      <button type="button" className="sort-header" onClick={() => onSort(nextSort(sort, column))}>
        {children}
        <span aria-hidden="true" className="sort-header__arrow">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
        </span>
      </button>
    </th>
  );
}
