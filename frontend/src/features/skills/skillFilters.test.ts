// Tests for the skills page's client-side filtering and the category list.
import { describe, expect, it } from 'vitest';
import type { Skill } from '../../api/skills';
import { filterSkills, skillCategories } from './skillFilters';

const skills: Skill[] = [
  { id: 1, name: 'Revit', category: 'Software', version: 1 },
  { id: 2, name: 'Bridge design', category: 'Structures', version: 1 },
  { id: 3, name: 'Negotiation', category: '', version: 1 },
  { id: 4, name: 'AutoCAD', category: 'Software', version: 1 },
];

describe('filterSkills', () => {
  it('matches the search in the name or the category, ignoring case', () => {
    expect(filterSkills(skills, { search: 'REV', category: null }).map((s) => s.id)).toEqual([1]);
    expect(filterSkills(skills, { search: 'soft', category: null }).map((s) => s.id)).toEqual([1, 4]);
  });

  it('keeps one category, or only the uncategorised ones for an empty category', () => {
    expect(filterSkills(skills, { search: '', category: 'Software' }).map((s) => s.id)).toEqual([1, 4]);
    expect(filterSkills(skills, { search: '', category: '' }).map((s) => s.id)).toEqual([3]);
    expect(filterSkills(skills, { search: 'auto', category: 'Software' }).map((s) => s.id)).toEqual([4]);
  });
});

describe('skillCategories', () => {
  it('lists each non-empty category once, sorted', () => {
    expect(skillCategories(skills)).toEqual(['Software', 'Structures']);
  });
});
