// The planning grid and the person page show the same band for the same week, at the
// boundaries where they used to disagree (exactly 85% and 100%), with the thresholds
// the server serves.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makePerson, serveApi } from '../test/peopleData';
import { currentWeek, weekRange } from '../ui/weeks';
import { makeMe } from '../test/fixtures';
import { answerGrid } from '../test/gridServer';
import { jsonResponse, renderRoute } from '../test/render';

const START = currentWeek();
// 30.6 of 36 hours is exactly 85%, 36 of 36 exactly 100%.
const HOURS = [30.6, 36];
const ann = makePerson({ id: 1, name: 'Ann Archer', department: 2, version: 1 });

function serveBoth() {
  return serveApi((url) => {
    if (url.pathname === '/api/utilization/bands') {
      return jsonResponse({ optimalFrom: 70, highFrom: 85, overAbove: 100, order: ['available', 'optimal', 'high', 'over_allocated'] });
    }
    if (url.pathname === '/api/people/1') return jsonResponse(ann);
    if (url.pathname === '/api/assignments') return jsonResponse({ items: [], page: 1, pageSize: 500, total: 0 });
    if (url.pathname !== '/api/assignments/grid') return undefined;
    const weekKeys = weekRange(url.searchParams.get('start') ?? START, Number(url.searchParams.get('weeks')));
    const hours: Record<string, number> = Object.fromEntries(weekKeys.slice(0, HOURS.length).map((week, index) => [week, HOURS[index] ?? 0]));
    return answerGrid(url, {
      weekKeys,
      people: [{ id: 1, name: 'Ann Archer', weeklyCapacity: 36, department: 2, departmentName: 'Civil' }],
      hoursByPerson: { '1': hours },
    });
  });
}

async function personPageBands(): Promise<(string | null)[]> {
  const { unmount } = renderRoute('/people/1', { session: makeMe({ role: 'manager' }) });
  const strip = await screen.findByRole('list', { name: 'Utilization, next 12 weeks' });
  const weeks = await within(strip).findAllByRole('listitem');
  const bands = weeks.slice(0, HOURS.length).map((week) => week.getAttribute('data-band'));
  unmount();
  return bands;
}

async function gridBands(): Promise<(string | null)[]> {
  renderRoute(`/planning?start=${START}&weeks=4`, { session: makeMe({ role: 'manager' }) });
  const grid = await screen.findByRole('grid');
  return HOURS.map((hours) => {
    const cell = within(grid).getByLabelText(new RegExp(`Ann Archer, .*: ${hours} of 36 hours`));
    return cell.querySelector('[data-band]')?.getAttribute('data-band') ?? null;
  });
}

describe('utilization bands across screens', () => {
  it('agree between the planning grid and the person page at exactly 85% and 100%', async () => {
    serveBoth();
    const person = await personPageBands();
    const grid = await gridBands();
    expect(person).toEqual(['high', 'high']);
    expect(grid).toEqual(person);
  });
});
