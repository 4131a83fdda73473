// The project page's deliverables: the ordered table (edited in place by managers and
// admins, read-only for everyone else), "Add a deliverable", and delete after confirming.
import { useState } from 'react';
import type { Deliverable } from '../../api/deliverables';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage, writeErrorMessage } from '../../ui/errorMessage';
import { DeliverableTable } from './DeliverableTable';
import { NewDeliverableForm } from './NewDeliverableForm';
import { useDeliverables } from './useDeliverables';
import './deliverables.css';

export function DeliverablesSection({ project, canEdit }: { project: number; canEdit: boolean }) {
  const { list, save, create, remove, move } = useDeliverables(project);
  const [removing, setRemoving] = useState<Deliverable | null>(null);
  const [added, setAdded] = useState(0);
  const rows = list.data ?? [];
  // Delete what is on screen now: a reload after a refused delete brings a newer version.
  const target = removing && (rows.find((row) => row.id === removing.id) ?? removing);

  return (
    <section aria-labelledby="project-deliverables" className="deliverables">
      <h2 id="project-deliverables">Deliverables</h2>
      {list.error && <FormAlert tone="error">{errorMessage(list.error)}</FormAlert>}
      {list.isPending && !list.error && <p className="muted" role="status">Loading deliverables…</p>}
      {list.data && rows.length === 0 && <p className="muted">No deliverables yet.{canEdit ? ' Add the first one below.' : ''}</p>}
      {rows.length > 0 && (
        <DeliverableTable rows={rows} canEdit={canEdit} save={save} move={move}
          onDelete={(deliverable) => { remove.reset(); setRemoving(deliverable); }} />
      )}
      {canEdit && list.data && (
        <NewDeliverableForm key={added} pending={create.isPending} error={create.error} autoFocus={added > 0}
          onAdd={(fields) => create.mutate(fields, { onSuccess: () => setAdded((count) => count + 1) })} />
      )}
      {target && (
        <ConfirmDialog title={`Delete ${target.description}?`} confirmLabel="Delete deliverable" pending={remove.isPending}
          problem={remove.error ? writeErrorMessage(remove.error) : undefined}
          onConfirm={() => remove.mutate(target, { onSuccess: () => setRemoving(null) })} onClose={() => setRemoving(null)}>
          <p>Its notes and the people linked to it go too. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
