// My projects in the window: hours per week and the total, each project a link to its page.
import { Link } from 'react-router';
import type { MyWork } from '../../api/analytics';
import { formatHours, weekLabel } from '../../ui/weeks';

export function MyProjects({ projects, weekKeys }: Pick<MyWork, 'projects' | 'weekKeys'>) {
  return (
    <section className="card chart-panel" aria-labelledby="my-projects-title">
      <h2 id="my-projects-title">My projects</h2>
      {projects.length === 0 ? (
        <p className="muted">You have no hours planned on any project in these weeks.</p>
      ) : (
        <div className="chart-panel__table">
          <table className="data-table rollup-table">
            <caption className="visually-hidden">My hours by project and week</caption>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Total (h)</th>
                {weekKeys.map((week) => (
                  <th key={week} scope="col" className="num">
                    {weekLabel(week)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {projects.map((project) => (
                <tr key={project.id}>
                  <th scope="row">
                    <Link to={`/projects/${project.id}`}>{project.name}</Link>
                  </th>
                  <td>{project.status}</td>
                  <td className="num">{formatHours(project.total)}</td>
                  {project.hours.map((hours, index) => (
                    <td key={weekKeys[index] ?? index} className="num">
                      {hours === 0 ? '' : formatHours(hours)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
