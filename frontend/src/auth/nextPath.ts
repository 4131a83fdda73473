// Where to go after signing in: the `next` query parameter, accepted only as a path on
// this site (starting with one "/"), so a crafted link cannot send people elsewhere.

const FALLBACK = '/';

/** A safe in-app path from an untrusted `next` value, or "/" when it is not one. */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return FALLBACK;
  // Browsers read "\" as "/" and drop tabs/newlines in URLs: "/\evil.com" is "//evil.com".
  if (/[\\\t\n\r]/.test(raw)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(raw, window.location.origin);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== window.location.origin) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.pathname === '/login' ? FALLBACK : path;
}

/** The sign-in page URL that comes back to `path` afterwards. */
export function loginPathFor(path: string): string {
  return path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}
