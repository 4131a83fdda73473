// Tests for audit-log sentences.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../api/users';
import { auditSentence } from './auditSentence';

function entry(action: string, details: Record<string, unknown> = {}, actor: AuditEntry['actor'] = { id: 1, username: 'alice' }): AuditEntry {
  return { id: 1, actor, action, target: { type: 'user', id: 2, label: 'bob' }, details, createdAt: '2025-03-01T12:00:00Z' };
}

function job(action: string, details: Record<string, unknown> = {}, label = '', actor: AuditEntry['actor'] = { id: 1, username: 'alice' }): AuditEntry {
  return { ...entry(action, details, actor), target: { type: 'job', id: 12, label } };
}

describe('auditSentence', () => {
  it.each([
    [entry('role_changed', { from: 'user', to: 'manager' }), "alice changed bob's role from user to manager"],
    [entry('user_created', { role: 'manager' }), 'alice created the account bob as manager'],
    [entry('user_invited'), 'alice invited bob'],
    [entry('password_set'), 'alice set a new password for bob'],
    [entry('password_set', {}, { id: 2, username: 'bob' }), 'bob changed their password'],
    [entry('user_deactivated'), 'alice deactivated bob'],
    [entry('user_reactivated'), 'alice reactivated bob'],
    [entry('password_reset_sent'), 'alice sent bob a password reset link'],
    [entry('email_changed', { from: 'b@old.example', to: 'b@new.example' }), "alice changed bob's email from b@old.example to b@new.example"],
    [entry('user_deactivated', {}, null), 'The system deactivated bob'],
    [entry('something_new'), 'alice: something new (bob)'],
    [job('job_cancelled'), 'alice cancelled job #12'],
    [job('job_retried'), 'alice retried job #12'],
    [job('probe_ran', { queue: 'maintenance', attempt: 1 }, 'worker-vm-7'), "worker-vm-7 ran alice's probe, job #12, on the maintenance queue (attempt 1)"],
    [job('probe_ran', { queue: 'mail', attempt: 2 }, 'worker-2', null), 'worker-2 ran a probe, job #12, on the mail queue (attempt 2)'],
  ])('entry %# reads as a sentence', (input, sentence) => {
    expect(auditSentence(input)).toBe(sentence);
  });
});
