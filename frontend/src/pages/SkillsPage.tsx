// /skills: the skill tags people can have, filtered by a search and a category (both in
// the URL), with an inline form to add one and per-row edit and delete for managers.
import { useSkills } from '../api/skills';
import { useCanPlan } from '../auth/useCanPlan';
import { CreateSkillForm } from '../features/skills/CreateSkillForm';
import { SkillFilterBar } from '../features/skills/SkillFilterBar';
import { SkillsEmpty } from '../features/skills/SkillsEmpty';
import { SkillsTable } from '../features/skills/SkillsTable';
import { filterSkills, skillCategories, useSkillFilters } from '../features/skills/skillFilters';
import { FormAlert } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import '../features/skills/skills.css';

export function SkillsPage() {
  const canEdit = useCanPlan();
  const [filters, setFilters] = useSkillFilters();
  const skills = useSkills();
  const all = skills.data ?? [];
  const categories = skillCategories(all);
  const shown = filterSkills(all, filters);
  const filtered = filters.search !== '' || filters.category !== null;

  return (
    <>
      <title>Skills · Workload Tracker</title>
      <h1>Skills</h1>
      <div className="toolbar">
        <SkillFilterBar filters={filters} categories={categories} onChange={setFilters} />
      </div>
      {canEdit && <CreateSkillForm categories={categories} />}
      {skills.error && <FormAlert tone="error">{errorMessage(skills.error)}</FormAlert>}
      {skills.isPending && !skills.error && <p className="muted" role="status">Loading skills…</p>}
      {skills.data &&
        (shown.length > 0 ? (
          <>
            <p className="muted skill-count">
              {filtered ? `${shown.length} of ${all.length} skills` : `${all.length} ${all.length === 1 ? 'skill' : 'skills'}`}
            </p>
            <SkillsTable skills={shown} categories={categories} canEdit={canEdit} />
          </>
        ) : (
          <SkillsEmpty total={all.length} filtered={filtered} canEdit={canEdit} />
        ))}
    </>
  );
}
