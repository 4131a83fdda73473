// Turns an audit-log entry into a sentence a person reads at a glance, e.g.
// "alice changed bob's role from user to manager". Unknown actions still read sensibly.
// Job entries name the job by number (their target has no label), except a probe's,
// whose label is the worker that ran it.
import type { AuditEntry } from '../../api/users';

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** One of the entry's details (the schema types them as any JSON), as text when it is one. */
function detail(entry: AuditEntry, key: string): string | undefined {
  const details = entry.details;
  return typeof details === 'object' && details !== null && key in details ? text((details as Record<string, unknown>)[key]) : undefined;
}

function possessive(name: string): string {
  return `${name}'s`;
}

export function auditSentence(entry: AuditEntry): string {
  const actor = entry.actor?.username ?? 'The system';
  const target = entry.target.label;
  const self = !!entry.actor && entry.target.type === 'user' && String(entry.actor.id) === String(entry.target.id);
  const from = detail(entry, 'from');
  const to = detail(entry, 'to');
  const change = from && to ? ` from ${from} to ${to}` : to ? ` to ${to}` : '';
  const role = detail(entry, 'role');

  switch (entry.action) {
    case 'user_created':
      return `${actor} created the account ${target}${role ? ` as ${role}` : ''}`;
    case 'user_invited':
      return `${actor} invited ${target}${role ? ` as ${role}` : ''}`;
    case 'role_changed':
      return `${actor} changed ${possessive(target)} role${change}`;
    case 'email_changed':
      return `${actor} changed ${possessive(target)} email${change}`;
    case 'password_set':
      return self ? `${actor} changed their password` : `${actor} set a new password for ${target}`;
    case 'password_reset_sent':
      return `${actor} sent ${target} a password reset link`;
    case 'user_deactivated':
      return `${actor} deactivated ${target}`;
    case 'user_reactivated':
      return `${actor} reactivated ${target}`;
    case 'job_cancelled':
      return `${actor} cancelled job #${entry.target.id}`;
    case 'job_retried':
      return `${actor} retried job #${entry.target.id}`;
    case 'probe_ran':
      return probeSentence(entry);
    default:
      return `${actor}: ${entry.action.replaceAll('_', ' ')} (${target})`;
  }
}

/** "worker-1 ran alice's probe, job #12, on the maintenance queue (attempt 1)". */
function probeSentence(entry: AuditEntry): string {
  const worker = entry.target.label || 'A worker';
  const whose = entry.actor ? `${possessive(entry.actor.username)} probe` : 'a probe';
  const queue = detail(entry, 'queue');
  const attempt = detail(entry, 'attempt');
  return `${worker} ran ${whose}, job #${entry.target.id}${queue ? `, on the ${queue} queue` : ''}${attempt ? ` (attempt ${attempt})` : ''}`;
}
