// Tests for audit-log sentences.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../api/users';
import { auditSentence } from './auditSentence';

function entry(action: string, details: Record<string, unknown> = {}, actor: AuditEntry['actor'] = { id: 1, username: 'alice' }): AuditEntry {
  return { id: 1, actor, action, target: { type: 'user', id: 2, label: 'bob' }, details, createdAt: '2025-03-01T12:00:00Z' };
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
  ])('entry %# reads as a sentence', (input, sentence) => {
    expect(auditSentence(input)).toBe(sentence);
  });
});
