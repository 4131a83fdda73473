// Test data for the people and projects screens: people, projects and assignments
// shaped like the API's answers, and a fetch stub that answers by path.
import type { Assignment } from '../api/assignments';
import type { Person } from '../api/people';
import type { Project } from '../api/projects';
import { jsonResponse, mockFetch } from './render';

export function makePerson(overrides: Partial<Person> & Pick<Person, 'id' | 'name'>): Person {
  return {
    email: null,
    weeklyCapacity: 36,
    role: null,
    roleName: null,
    department: null,
    departmentName: null,
    location: '',
    hireDate: null,
    notes: '',
    isActive: true,
    version: 1,
    createdAt: '2025-02-01T10:00:00Z',
    updatedAt: '2025-02-01T10:00:00Z',
    ...overrides,
  };
}

export function makeProject(overrides: Partial<Project> & Pick<Project, 'id' | 'name'>): Project {
  return {
    projectNumber: null,
    client: 'Internal',
    status: 'planning',
    startDate: null,
    endDate: null,
    estimatedHours: null,
    description: '',
    notes: '',
    isActive: true,
    version: 1,
    createdAt: '2025-02-01T10:00:00Z',
    updatedAt: '2025-02-01T10:00:00Z',
    ...overrides,
  };
}

export function makeAssignment(overrides: Partial<Assignment> & Pick<Assignment, 'id' | 'person' | 'project'>): Assignment {
  return {
    personName: 'Ann Archer',
    projectName: 'Bridge',
    roleOnProject: '',
    weeklyHours: {},
    notes: '',
    isActive: true,
    version: 1,
    ...overrides,
  };
}

type Handler = (url: URL, init: RequestInit) => Response | undefined;

/**
 * Stubs fetch: each call goes to the first handler that answers; departments, roles and
 * skills (also a person's) are empty unless a handler answers them; anything else is a 404.
 */
export function serveApi(...handlers: Handler[]) {
  return mockFetch((raw, init) => {
    const url = new URL(raw, 'http://localhost');
    for (const handler of handlers) {
      const answer = handler(url, init);
      if (answer) return answer;
    }
    if (url.pathname === '/api/people/choices') return jsonResponse({ departments: [], roles: [] });
    if (url.pathname === '/api/departments' || url.pathname === '/api/roles') {
      return jsonResponse({ items: [], page: 1, pageSize: 500, total: 0 });
    }
    if (url.pathname === '/api/skills' || /^\/api\/people\/\d+\/skills$/.test(url.pathname)) {
      return jsonResponse([]);
    }
    return jsonResponse({ detail: `unexpected ${url.pathname}` }, 404, 'application/problem+json');
  });
}
