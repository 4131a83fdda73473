// Shared fixtures for the *.e2e.test.ts files, on top of browser.ts (Chromium, the
// harness's E2E_* settings, the sign-in form): what every test would otherwise repeat.
//
//   useBrowser()                 inside a describe: Chromium for its tests, closed after
//   openAsAdmin(session, path)   a watched page at `path`, signed in as the harness admin
//   closeWithoutProblems(...)    no CSP violation or page error, then close the page
//   adminApi()                   JSON calls to /api with the admin's token
//   createDepartment/Person/Project/Assignment/Deliverable(api, body)   test data, typed
//   thisSunday(), weeksAfter(), daysAfter()   week keys and dates (UTC, YYYY-MM-DD)
//   uniqueSuffix()               keeps names apart between runs on one database
//
// A typical file:
//   describe('thing', () => {
//     const browser = useBrowser();
//     it('does it', async () => {
//       const api = await adminApi();
//       const project = await createProject(api, { name: `E2E Bridge ${uniqueSuffix()}`, status: 'active' });
//       const { page, problems } = await openAsAdmin(browser(), `/projects/${project.id}`);
//       …
//       await closeWithoutProblems(page, problems);
//     });
//   });
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { components } from '../src/api/schema';
import {
  adminCredentials,
  baseUrl,
  launchBrowser,
  signInThroughForm,
  watchPage,
  type BrowserSession,
  type PageProblems,
} from './browser.ts';

type Schemas = components['schemas'];

/**
 * Registers beforeAll/afterAll in the calling describe: Chromium is launched once for
 * its tests and closed after them. Answers a getter for the session (set once beforeAll
 * ran). By default it first checks the harness's admin settings, so a missing one fails
 * before anything starts; `{ admin: false }` for a file that never signs in.
 */
export function useBrowser({ admin = true }: { admin?: boolean } = {}): () => BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    baseUrl(); // fail clearly before launching anything when E2E_BASE_URL is unset
    if (admin) adminCredentials();
    session = await launchBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('useBrowser(): the browser starts in beforeAll; call the getter inside a test');
    return session;
  };
}

/** A page being watched for CSP violations and errors (see watchPage). */
export interface WatchedPage {
  page: Page;
  problems: PageProblems;
}

/** A new page in the session, watched from its first request. */
export async function newWatchedPage(session: BrowserSession): Promise<WatchedPage> {
  const page = await session.context.newPage();
  return { page, problems: watchPage(page) };
}

/** Signs the harness admin in on the current /login page. */
export async function signInAsAdmin(page: Page): Promise<void> {
  const { username, password } = adminCredentials();
  await signInThroughForm(page, username, password);
}

/**
 * Opens `path` signed out (the guard shows the sign-in form), signs in as the admin and
 * answers the watched page; the caller waits for the page it expects.
 */
export async function openAsAdmin(session: BrowserSession, path: string): Promise<WatchedPage> {
  const watched = await newWatchedPage(session);
  await watched.page.goto(path);
  await signInAsAdmin(watched.page);
  return watched;
}

/** The end of a test: the page met no CSP violation and no uncaught error; then it closes. */
export async function closeWithoutProblems(page: Page, problems: PageProblems): Promise<void> {
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
  await page.close();
}

/** A JSON call to /api as the admin: method, path under /api, optional body; throws with the answer when not 2xx. */
export type Api = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/** Signs the admin in through POST /api/token and answers a caller carrying the token. */
export async function adminApi(): Promise<Api> {
  const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  const signIn = await fetch(`${baseUrl()}/api/token`, { method: 'POST', headers, body: JSON.stringify(adminCredentials()) });
  expect(signIn.status).toBe(200);
  const { access } = (await signIn.json()) as { access: string };
  return async <T,>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl()}/api${path}`, {
      method,
      headers: { ...headers, Authorization: `Bearer ${access}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
}

/** What a create answers that tests use: the new row's id. */
export interface Created {
  id: number;
}

export function createDepartment(api: Api, body: Schemas['DepartmentBody']): Promise<Created> {
  return api<Created>('POST', '/departments', body);
}

export function createPerson(api: Api, body: Schemas['PersonBody']): Promise<Created> {
  return api<Created>('POST', '/people', body);
}

export function createProject(api: Api, body: Schemas['ProjectBody']): Promise<Created> {
  return api<Created>('POST', '/projects', body);
}

export function createAssignment(api: Api, body: Schemas['NewAssignment']): Promise<Created> {
  return api<Created>('POST', '/assignments', body);
}

export function createDeliverable(api: Api, body: Schemas['DeliverableBody']): Promise<Created> {
  return api<Created>('POST', '/deliverables', body);
}

/** Six random letters and digits: names made with it do not meet earlier runs' rows. */
export function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

const DAY_MS = 86_400_000;

/** The Sunday starting this week (UTC), as the grids key weeks: "2026-11-22". */
export function thisSunday(): string {
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - now.getUTCDay() * DAY_MS).toISOString().slice(0, 10);
}

/** The YYYY-MM-DD date `count` days after `date`. */
export function daysAfter(date: string, count: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
}

/** The week key `count` weeks after `week`. */
export function weeksAfter(week: string, count: number): string {
  return daysAfter(week, count * 7);
}
