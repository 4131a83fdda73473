// Shapes shared by the auth and admin API modules (camelCase JSON, as the server sends it).

export type Role = 'admin' | 'manager' | 'user';

export const ROLES: readonly Role[] = ['user', 'manager', 'admin'];

export type ThemeSetting = 'light' | 'dark' | 'system';

/** The signed-in user, from /api/auth/me and every token response. */
export interface Me {
  id: number;
  username: string;
  email: string;
  role: Role;
  person: number | null;
  isActive: boolean;
  settings: { theme: ThemeSetting; defaultDepartment: number | null };
  createdAt: string;
}

/** What /api/token, /api/token/refresh and /api/auth/change-password answer. */
export interface TokenResponse {
  access: string;
  accessExpiresAt: string;
  user: Me;
  /** Only without cookie refresh: the refresh token travels in the body. */
  refresh?: string;
}

/** A user account as the admin screens see it. */
export interface User {
  id: number;
  username: string;
  email: string;
  role: Role;
  person: number | null;
  isActive: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  version: number;
}

/** One page of a server-paginated list. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
