// The filters above the jobs list: kind, state and queue, and for admins "Only mine".
// Every change lands in the URL and goes back to the first page.
import { useId } from 'react';
import { JOB_KINDS, JOB_STATES, QUEUES } from '../../api/jobs';
import type { JobParams } from './jobParams';
import { KIND_LABELS, QUEUE_LABELS, STATE_LOOK } from '../../shared/jobs/jobLabels';

interface SelectProps<T extends string> {
  label: string;
  anyLabel: string;
  values: readonly T[];
  labels: (value: T) => string;
  value: T | null;
  onChange: (value: T | null) => void;
}

function FilterSelect<T extends string>({ label, anyLabel, values, labels, value, onChange }: SelectProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : (event.target.value as T))}>
        <option value="">{anyLabel}</option>
        {values.map((option) => (
          <option key={option} value={option}>
            {labels(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

interface Props {
  params: JobParams;
  isAdmin: boolean;
  onChange: (changes: Partial<JobParams>) => void;
}

export function JobFilterBar({ params, isAdmin, onChange }: Props) {
  return (
    <div className="filter-bar jobs-filters" role="search" aria-label="Filter jobs">
      <FilterSelect label="Kind" anyLabel="Any kind" values={JOB_KINDS} labels={(kind) => KIND_LABELS[kind]}
        value={params.kind} onChange={(kind) => onChange({ kind })} />
      <FilterSelect label="State" anyLabel="Any state" values={JOB_STATES} labels={(state) => STATE_LOOK[state].word}
        value={params.state} onChange={(state) => onChange({ state })} />
      <FilterSelect label="Queue" anyLabel="Any queue" values={QUEUES} labels={(queue) => QUEUE_LABELS[queue]}
        value={params.queue} onChange={(queue) => onChange({ queue })} />
      {isAdmin && (
        <label className="checkbox">
          <input type="checkbox" checked={params.mine} onChange={(event) => onChange({ mine: event.target.checked })} />
          Only mine
        </label>
      )}
    </div>
  );
}
