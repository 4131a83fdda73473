// "People | Projects": the two planning grids one click apart. The links keep the
// window, department and status; the search and the expanded rows stay behind, since
// one grid searches and expands people and the other projects.
import { NavLink } from 'react-router';
import { writeParams, type PlanningParams } from '../../../shared/links/planningParams';
import './projectGrid.css';

export function PlanningViewSwitch({ params }: { params: PlanningParams }) {
  const query = writeParams({ ...params, search: '', open: [] }).toString();
  return (
    <nav className="plan-views" aria-label="Planning view">
      <NavLink to={`/planning?${query}`} end className="plan-views__link">
        People
      </NavLink>
      <NavLink to={`/planning/projects?${query}`} end className="plan-views__link">
        Projects
      </NavLink>
    </nav>
  );
}
