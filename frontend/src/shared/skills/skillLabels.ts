// Words for a person's skill kinds and levels, and the guard that reads the server's
// plain strings back into the known values (an unknown value falls back to the default).
import { SKILL_KINDS, SKILL_LEVELS, type SkillKind, type SkillLevel } from '../../api/skills';

export const KIND_LABELS: Record<SkillKind, string> = {
  strength: 'Strength',
  development: 'Development',
  learning: 'Learning',
};

/** Group headings on the person page, one per kind. */
export const KIND_HEADINGS: Record<SkillKind, string> = {
  strength: 'Strengths',
  development: 'Developing',
  learning: 'Learning',
};

export const LEVEL_LABELS: Record<SkillLevel, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
  expert: 'Expert',
};

export function asKind(value: string): SkillKind {
  return SKILL_KINDS.find((kind) => kind === value) ?? 'strength';
}

export function asLevel(value: string): SkillLevel {
  return SKILL_LEVELS.find((level) => level === value) ?? 'intermediate';
}

/** "●●○○": the level as filled and hollow dots (a shape, not a colour), beside its word. */
export function levelDots(level: SkillLevel): string {
  const rank = SKILL_LEVELS.indexOf(level) + 1;
  return '●'.repeat(rank) + '○'.repeat(SKILL_LEVELS.length - rank);
}
