// Project statuses in words.
import type { ProjectStatus } from '../../api/projects';

export const STATUS_LABELS: Record<ProjectStatus, string> = {
  planning: 'Planning',
  active: 'Active',
  active_ca: 'Active (CA)',
  on_hold: 'On hold',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
