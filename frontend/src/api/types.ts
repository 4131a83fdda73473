// Shapes shared by the auth and admin API modules, from the generated schema. The schema
// types the theme as text; the app knows three, checked where a session arrives
// (knownTokens), so the rest of the app can rely on them.
import { ApiError } from './errors';
import type { components } from './schema';

type Schemas = components['schemas'];

export type Role = Schemas['UserView']['role'];

export const ROLES: readonly Role[] = ['user', 'manager', 'admin'];

export const THEME_SETTINGS = ['light', 'dark', 'system'] as const;
export type ThemeSetting = (typeof THEME_SETTINGS)[number];

/** The signed-in user, from /api/auth/me and every token response. */
export type Me = Omit<Schemas['MeView'], 'settings'> & { settings: Omit<Schemas['SettingsView'], 'theme'> & { theme: ThemeSetting } };

/** What /api/token, /api/token/refresh and /api/auth/change-password answer. */
export type TokenResponse = Omit<Schemas['TokenBody'], 'user'> & { user: Me };

/** A user account as the admin screens see it. */
export type User = Schemas['UserView'];

/** The signed-in user as the server sent them, their theme checked against the known ones. */
export function knownMe(me: Schemas['MeView']): Me {
  const theme = THEME_SETTINGS.find((known) => known === me.settings.theme);
  if (!theme) throw new ApiError({ status: 200, code: 'invalid_response', title: `The server sent an unknown theme "${me.settings.theme}"` });
  return { ...me, settings: { ...me.settings, theme } };
}

export function knownTokens(tokens: Schemas['TokenBody']): TokenResponse {
  return { ...tokens, user: knownMe(tokens.user) };
}
