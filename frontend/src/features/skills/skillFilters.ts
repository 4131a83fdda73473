// The skills page's filters: the search text and category, read from and written to the
// query string (?q=rev&category=Software), and applied to the full list of tags.
import { useUrlParams } from '../../routing/useUrlParams';
import type { Skill } from '../../api/skills';

export interface SkillFilters {
  search: string;
  /** null: every category; '': only skills without a category. */
  category: string | null;
}

export function useSkillFilters(): [SkillFilters, (changes: Partial<SkillFilters>) => void] {
  const [params, setParams] = useUrlParams();
  const filters: SkillFilters = { search: params.get('q') ?? '', category: params.get('category') };

  function update(changes: Partial<SkillFilters>) {
    const next = { ...filters, ...changes };
    // Only this page's own params change; others (the global department filter) stay.
    setParams(
      (latest) => {
        const query = new URLSearchParams(latest);
        if (next.search) query.set('q', next.search);
        else query.delete('q');
        if (next.category !== null) query.set('category', next.category);
        else query.delete('category');
        return query;
      },
      { replace: true },
    );
  }

  return [filters, update];
}

/** The tags matching the filters: the search matches name or category, like the server's. */
export function filterSkills(skills: readonly Skill[], { search, category }: SkillFilters): Skill[] {
  const needle = search.trim().toLocaleLowerCase();
  return skills.filter(
    (skill) =>
      (category === null || skill.category === category) &&
      (!needle || skill.name.toLocaleLowerCase().includes(needle) || skill.category.toLocaleLowerCase().includes(needle)),
  );
}

/** The distinct non-empty categories, sorted, for the filter and the category suggestions. */
export function skillCategories(skills: readonly Skill[]): string[] {
  const names = new Set(skills.map((skill) => skill.category).filter(Boolean));
  return [...names].sort((a, b) => a.localeCompare(b));
}
