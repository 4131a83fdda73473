// A person's active assignments: project (linked), role on it and hours this week.
import { useQuery } from '@tanstack/react-query';
import { ScopedLink } from '../departmentScope/ScopedLink';
import { fetchAssignments } from '../../api/assignments';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/errorMessage';
import { currentWeek, formatHours } from '../../ui/weeks';
import { queryKeys } from '../../api/queryKeys';

export function PersonAssignments({ personId }: { personId: number }) {
  const assignments = useQuery({
    queryKey: queryKeys.assignments.of({ person: personId }),
    queryFn: ({ signal }) => fetchAssignments({ person: personId }, signal),
  });
  if (assignments.error) return <FormAlert tone="error">{errorMessage(assignments.error)}</FormAlert>;
  if (!assignments.data) return <p className="muted" role="status">Loading assignments…</p>;
  if (assignments.data.items.length === 0) {
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
        {assignments.data.items.map((assignment) => (
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
