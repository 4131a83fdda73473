// Skills: the skill tags (name unique, category) and the skills each person has, with a
// kind and a level. Typed from the generated OpenAPI schema; tag writes send If-Match.
// useSkills() is the one cached list of tags every screen shares (SKILLS_QUERY_KEY).
import { useQuery } from '@tanstack/react-query';
import { api, read } from './http';
import type { components } from './schema';
import { ifMatch } from './versioned';
import { queryKeys } from './queryKeys';

export type Skill = components['schemas']['SkillView'];
export type SkillChanges = { name?: string; category?: string };

/** The kinds and levels the server accepts (api/src/routes/skills.rs), in display order. */
export const SKILL_KINDS = ['strength', 'development', 'learning'] as const;
export const SKILL_LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** One of a person's skills; the server sends kind and level as plain strings. */
export type PersonSkill = components['schemas']['PersonSkillView'];
export interface PersonSkillChoice {
  skill: number;
  kind: SkillKind;
  level: SkillLevel;
}

/** Every skill tag, ordered by category then name (the server does not page this list). */
export function fetchSkills(signal?: AbortSignal): Promise<Skill[]> {
  return read(api.GET('/api/skills', { signal: signal ?? null }));
}

export function createSkill(skill: { name: string; category: string }): Promise<Skill> {
  return read(api.POST('/api/skills', { body: skill }));
}

export function updateSkill(skill: Skill, changes: SkillChanges): Promise<Skill> {
  return read(api.PATCH('/api/skills/{id}', { params: { path: { id: skill.id } }, headers: ifMatch(skill.version), body: changes }));
}

export function deleteSkill(skill: Skill): Promise<void> {
  return read(api.DELETE('/api/skills/{id}', { params: { path: { id: skill.id } }, headers: ifMatch(skill.version) }));
}

export function fetchPersonSkills(person: number, signal?: AbortSignal): Promise<PersonSkill[]> {
  return read(api.GET('/api/people/{id}/skills', { params: { path: { id: person } }, signal: signal ?? null }));
}

/** Gives the person the skill or changes its kind and level; answers with all their skills. */
export function setPersonSkill(person: number, choice: PersonSkillChoice): Promise<PersonSkill[]> {
  return read(api.PUT('/api/people/{id}/skills', { params: { path: { id: person } }, body: choice }));
}

export function removePersonSkill(person: number, skill: number): Promise<void> {
  return read(api.DELETE('/api/people/{id}/skills/{skill}', { params: { path: { id: person, skill } } }));
}

/**
 * The query key of the skill tags list. Invalidating it after a tag write also refreshes
 * every cached person's skills (keyed below it), which show the tags' names.
 */
export const SKILLS_QUERY_KEY = queryKeys.skills.all;

/** The query key of one person's skills. */
export const personSkillsQueryKey = queryKeys.skills.ofPerson;

/** All skill tags, cached once for the skills page, the typeahead and anyone else. */
export function useSkills({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: SKILLS_QUERY_KEY, queryFn: ({ signal }) => fetchSkills(signal), enabled });
}
