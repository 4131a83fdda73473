// Admins: "Run a test job", a probe on a chosen queue that walks through its steps and
// succeeds, to check that the queue's workers take work. Fields are checked here first
// (the server's own messages still show at their fields); once started, the job appears
// at the top of the list and is announced when it ends.
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { QUEUES, startedJobId, startProbe, type ProbeRequest, type Queue } from '../../api/jobs';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/TextField';
import { errorMessage } from '../../ui/errorMessage';
import { fieldErrors } from '../../ui/fieldErrors';
import { QUEUE_LABELS } from '../../shared/jobs/jobLabels';
import type { OnStarted } from './WarmCacheButton';
import { DEFAULT_PROBE, MAX_STEP_MILLIS, MAX_STEPS, checkProbe, probeDuration, type ProbeDraft, type ProbeField } from './probeForm';

const FIELDS: readonly ProbeField[] = ['steps', 'stepMillis'];

export function ProbeForm({ onStarted }: { onStarted: OnStarted }) {
  const [draft, setDraft] = useState<ProbeDraft>(DEFAULT_PROBE);
  const [checked, setChecked] = useState(false);
  const queueId = useId();
  const probe = useMutation({
    mutationFn: (body: ProbeRequest) => startProbe(body),
    onSuccess: (queued, body) => onStarted(startedJobId(queued), 'probe', body.queue ?? DEFAULT_PROBE.queue),
  });

  const local = checked ? checkProbe(draft) : { body: {} };
  const localErrors = 'errors' in local ? local.errors : {};
  const server = fieldErrors(probe.error, FIELDS);
  const set = (changes: Partial<ProbeDraft>) => setDraft((current) => ({ ...current, ...changes }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    const result = checkProbe(draft);
    if ('body' in result) probe.mutate(result.body);
  }

  return (
    <form className="card jobs-probe" onSubmit={submit} noValidate aria-label="Run a test job">
      <h2>Run a test job</h2>
      <p className="muted">A probe walks through its steps on a queue and succeeds: a quick check that the queue’s workers take work.</p>
      {probe.error && !server.shownInline && <FormAlert tone="error">{errorMessage(probe.error)}</FormAlert>}
      {probe.data && !probe.error && <FormAlert tone="success">Started Probe #{startedJobId(probe.data)}.</FormAlert>}
      <div className="jobs-probe__fields">
        <div className="field">
          <label htmlFor={queueId}>Queue</label>
          <select id={queueId} className="select" value={draft.queue} onChange={(event) => set({ queue: event.target.value as Queue })}>
            {QUEUES.map((queue) => (
              <option key={queue} value={queue}>{QUEUE_LABELS[queue]}</option>
            ))}
          </select>
        </div>
        <TextField label="Steps" type="number" inputMode="numeric" min={0} max={MAX_STEPS} step={1} value={draft.steps}
          onChange={(event) => set({ steps: event.target.value })} error={localErrors.steps ?? server.messages.steps} />
        <TextField label="Step (ms)" type="number" inputMode="numeric" min={0} max={MAX_STEP_MILLIS} step={100} value={draft.stepMillis}
          onChange={(event) => set({ stepMillis: event.target.value })} error={localErrors.stepMillis ?? server.messages.stepMillis} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={probe.isPending}>
          {probe.isPending ? 'Starting…' : 'Run test job'}
        </button>
        <span className="muted">{probeDuration(draft)}</span>
      </div>
    </form>
  );
}
