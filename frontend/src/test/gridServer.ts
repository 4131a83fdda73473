// The people grid's two endpoints answered from one whole grid, as the server answers
// them: GET /api/assignments/grid a page of people (offset, limit) with their totals and
// how many there are; GET /api/assignments/grid/rows the rows of the people asked for.
import type { GridAssignment, GridData, GridPerson } from '../api/planning';
import { jsonResponse } from './render';

/** Every person (their row counts follow from `assignments`), totals and row. */
export interface WholeGrid {
  weekKeys: string[];
  people: Omit<GridPerson, 'assignmentCount'>[];
  hoursByPerson: GridData['hoursByPerson'];
  assignments?: GridAssignment[];
}

export function answerGrid(address: string | URL, whole: WholeGrid): Response {
  const url = new URL(address, 'http://localhost');
  const assignments = whole.assignments ?? [];
  if (url.pathname === '/api/assignments/grid/rows') {
    const people = new Set((url.searchParams.get('people') ?? '').split(',').map(Number));
    return jsonResponse({ weekKeys: whole.weekKeys, assignments: assignments.filter((row) => people.has(row.person)) });
  }
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 100);
  const people = whole.people.slice(offset, offset + limit).map((person) => ({
    ...person,
    assignmentCount: assignments.filter((row) => row.person === person.id).length,
  }));
  const hoursByPerson = Object.fromEntries(people.flatMap((person) => (whole.hoursByPerson[person.id] ? [[String(person.id), whole.hoursByPerson[person.id]!]] : [])));
  const page: GridData = { weekKeys: whole.weekKeys, total: whole.people.length, offset, limit, people, hoursByPerson };
  return jsonResponse(page);
}
