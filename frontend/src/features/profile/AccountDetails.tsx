// The profile's read-only account facts, refreshed from GET /auth/me (which also updates
// the session's copy, e.g. after an admin changed the email address).
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchMe } from '../../api/auth';
import type { Me } from '../../api/types';
import { updateUser } from '../../auth/sessionStore';
import { formatDate } from '../../ui/formatTime';
import { queryKeys } from '../../api/queryKeys';

const ROLE_NAMES = { admin: 'Administrator', manager: 'Manager', user: 'User' } as const;

export function AccountDetails({ user }: { user: Me }) {
  const { data } = useQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => fetchMe(signal) });
  useEffect(() => {
    if (data) updateUser(data);
  }, [data]);

  return (
    <section className="card profile-section" aria-labelledby="account-heading">
      <h2 id="account-heading">Account</h2>
      <dl className="facts">
        <dt>Username</dt>
        <dd>{user.username}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_NAMES[user.role]}</dd>
        <dt>Member since</dt>
        <dd>{formatDate(user.createdAt)}</dd>
      </dl>
      <p className="muted">Ask an administrator to change your email address or role.</p>
    </section>
  );
}
