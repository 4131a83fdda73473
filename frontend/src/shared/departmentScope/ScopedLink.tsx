// In-app links and moves that keep the global department filter: drop-ins for
// react-router's Link, NavLink and Navigate, and a navigate for code that moves after an
// action (a new person opens their page). Each adds the current department/sub to its
// target unless the target names a department itself, so the filter survives every move
// inside the app but an explicit clear. The side nav and header build their own targets.
import {
  Link,
  Navigate,
  NavLink,
  parsePath,
  useNavigate,
  useSearchParams,
  type LinkProps,
  type NavigateOptions,
  type NavigateProps,
  type NavLinkProps,
  type Path,
  type To,
} from 'react-router';
import { readScope, withScope } from './scopeParams';

/** Turns a link target, string or object, into one that carries the current scope. */
function useScopedTo(): (to: To) => Partial<Path> {
  const [query] = useSearchParams();
  const scope = readScope(query);
  return (to) => {
    const target = typeof to === 'string' ? parsePath(to) : to;
    return { ...target, search: withScope(target.search ?? '', scope) };
  };
}

export function ScopedLink({ to, ...props }: LinkProps) {
  const scoped = useScopedTo();
  return <Link {...props} to={scoped(to)} />;
}

export function ScopedNavLink({ to, ...props }: NavLinkProps) {
  const scoped = useScopedTo();
  return <NavLink {...props} to={scoped(to)} />;
}

/** A redirect (such as /admin to its first tab) that keeps the scope. */
export function ScopedNavigate({ to, ...props }: NavigateProps) {
  const scoped = useScopedTo();
  return <Navigate {...props} to={scoped(to)} />;
}

export function useScopedNavigate(): (to: To, options?: NavigateOptions) => void | Promise<void> {
  const navigate = useNavigate();
  const scoped = useScopedTo();
  return (to, options) => navigate(scoped(to), options);
}
