// The header picker's options: every department in tree order, indented by depth and
// inactive ones marked, plus a stand-in for a scoped department the list does not hold
// (still loading, unreadable, or deleted since the link was made) so the picker never
// claims "All departments" while a filter is on.
import type { Department } from '../../api/departments';
import { parentOptions } from '../departments/departmentTree';
import { departmentChoices, type Choice } from '../../ui/ChoiceSelect';

export interface KnownDepartments {
  /** Undefined until the list arrives (or when it could not be read). */
  list: readonly Department[] | undefined;
  pending: boolean;
}

/** The scoped department's name, or a stand-in that says why there is none. */
export function scopeName({ list, pending }: KnownDepartments, scoped: number): string {
  const found = list?.find((department) => department.id === scoped);
  if (found) return found.name;
  return pending ? 'Loading…' : `Department #${scoped}`;
}

export function scopeChoices(known: KnownDepartments, scoped: number | null): Choice[] {
  const choices = departmentChoices(parentOptions(known.list ?? [], null));
  if (scoped === null || choices.some((choice) => choice.id === scoped)) return choices;
  return [...choices, { id: scoped, label: scopeName(known, scoped) }];
}
