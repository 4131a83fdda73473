// A person's assignments: project (linked), role on it and hours this week.
import type { Assignment } from '../../api/assignments';
import { ScopedLink } from '../../shared/departmentScope/ScopedLink';
import { currentWeek, formatHours } from '../../ui/weeks';

export function PersonAssignments({ assignments }: { assignments: readonly Assignment[] }) {
  if (assignments.length === 0) {
    return <p className="muted">Not on any project yet. Add people to a project from the project’s page.</p>;
  }
  const week = currentWeek();
  return (
    <table className="data-table" aria-label="Assignments">
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Role on project</th>
          <th scope="col" className="num">Hours this week</th>
        </tr>
      </thead>
      <tbody>
        {assignments.map((assignment) => (
          <tr key={assignment.id}>
            <td><ScopedLink to={`/projects/${assignment.project}`}>{assignment.projectName}</ScopedLink></td>
            <td>{assignment.roleOnProject}</td>
            <td className="num">{formatHours(assignment.weeklyHours[week] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
