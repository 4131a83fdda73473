// The filters above the skills table: a search over names and categories, and one
// category (or the skills without one). Both land in the URL via the page.
import { useId } from 'react';
import { SearchBox } from '../../ui/SearchBox';
import type { SkillFilters } from './skillFilters';

interface Props {
  filters: SkillFilters;
  categories: readonly string[];
  onChange: (changes: Partial<SkillFilters>) => void;
}

// Option values carry a prefix so no category name can be mistaken for "all" or "none".
const ALL = 'all';
const NONE = 'none';

function toValue(category: string | null): string {
  if (category === null) return ALL;
  return category ? `c:${category}` : NONE;
}

function fromValue(value: string): string | null {
  if (value === ALL) return null;
  return value === NONE ? '' : value.slice(2);
}

export function SkillFilterBar({ filters, categories, onChange }: Props) {
  const id = useId();
  // A category from a shared link that no skill has any more is still shown as chosen.
  const shown = filters.category && !categories.includes(filters.category) ? [...categories, filters.category] : categories;
  return (
    <div className="filter-bar skill-filters">
      <SearchBox label="Search skills" value={filters.search} onSearch={(search) => onChange({ search })} />
      <label htmlFor={id} className="visually-hidden">
        Category
      </label>
      <select id={id} className="select" value={toValue(filters.category)}
        onChange={(event) => onChange({ category: fromValue(event.target.value) })}>
        <option value={ALL}>All categories</option>
        {shown.map((category) => (
          <option key={category} value={toValue(category)}>
            {category}
          </option>
        ))}
        <option value={NONE}>No category</option>
      </select>
    </div>
  );
}
