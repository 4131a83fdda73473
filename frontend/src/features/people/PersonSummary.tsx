// A person's profile, read-only: for people who may not change it.
import type { Person } from '../../api/people';
import { formatDate } from '../../ui/formatTime';
import { formatHours } from '../../ui/weeks';

export function PersonSummary({ person }: { person: Person }) {
  const rows: [string, string][] = [
    ['Email', person.email ?? '—'],
    ['Weekly capacity', `${formatHours(person.weeklyCapacity)} hours`],
    ['Role', person.roleName ?? '—'],
    ['Department', person.departmentName ?? '—'],
    ['Location', person.location || '—'],
    ['Hire date', person.hireDate ? formatDate(`${person.hireDate}T12:00:00Z`) : '—'],
    ['Status', person.isActive ? 'Active' : 'Inactive'],
    ['Notes', person.notes || '—'],
  ];
  return (
    <dl className="person-summary">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
