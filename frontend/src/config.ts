// Build-time configuration of the SPA, read once from import.meta.env (Vite
// replaces these at build time; set them in the environment of `npm run build`).

/** Parses a "true"/"false" build flag; anything else (or unset) gives the fallback. */
export function parseBooleanFlag(value: string | undefined, fallback: boolean): boolean {
  const normalized = value?.trim().toLowerCase();
  if (normalized === 'true' || normalized === '1') return true;
  if (normalized === 'false' || normalized === '0') return false;
  return fallback;
}

/**
 * VITE_COOKIE_REFRESH_AUTH (default "true").
 *
 * Mirrors the API's COOKIE_REFRESH_AUTH setting. When true, the sign-in flow keeps the
 * refresh token only in the HttpOnly cookie the API sets, and the access token only in
 * memory; refresh is a cookie-authenticated POST. When false (development only; the API
 * refuses COOKIE_REFRESH_AUTH=false with DEBUG=false), the refresh token travels in the
 * JSON body instead and is kept in memory only (a reload signs out). It is never stored
 * in localStorage either way. Read by src/api/refresh.ts and src/api/auth.ts.
 */
export const cookieRefreshAuth: boolean = parseBooleanFlag(
  import.meta.env.VITE_COOKIE_REFRESH_AUTH,
  true,
);
