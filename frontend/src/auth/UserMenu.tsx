// The header's account menu: the signed-in user's name opening Profile, Admin (admins
// only) and Sign out; the links keep the department filter. Keyboard: Enter/Space/
// ArrowDown open, arrows move, Escape closes.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { signOut } from '../api/auth';
import type { Me } from '../api/types';
import { ScopedLink } from '../shared/departmentScope/ScopedLink';
import './auth.css';

export function UserMenu({ user }: { user: Me }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOnOutsideClick);
    return () => document.removeEventListener('mousedown', closeOnOutsideClick);
  }, [open]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent) {
    const items = [...(rootRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    if (event.key === 'Escape') close();
    else if (event.key === 'Tab') setOpen(false);
    else if (event.key in moves) {
      event.preventDefault();
      items.at((moves[event.key] ?? 0) % items.length)?.focus();
    }
  }

  async function handleSignOut() {
    setOpen(false);
    await signOut();
    queryClient.removeQueries();
    await navigate('/login', { replace: true });
  }

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className="visually-hidden">Account menu for </span>
        {user.username}
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul id={menuId} className="user-menu__list" role="menu" aria-label="Account" onKeyDown={onMenuKeyDown}>
          <li role="none" className="user-menu__role">
            Signed in as {user.role}
          </li>
          <li role="none">
            <ScopedLink role="menuitem" className="user-menu__item" to="/profile" onClick={() => setOpen(false)}>
              Profile
            </ScopedLink>
          </li>
          {user.role === 'admin' && (
            <li role="none">
              <ScopedLink role="menuitem" className="user-menu__item" to="/admin/users" onClick={() => setOpen(false)}>
                Admin
              </ScopedLink>
            </li>
          )}
          <li role="none">
            <button role="menuitem" type="button" className="user-menu__item" onClick={() => void handleSignOut()}>
              Sign out
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
