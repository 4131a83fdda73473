// Inline-edited deliverable fields: text in, changes or a message out.
import { describe, expect, it } from 'vitest';
import { fieldText, formatPercentage, parseField, PERCENTAGE_PROBLEM } from './deliverableFields';

const ifc = {
  id: 1, project: 4, projectName: 'Bridge', description: 'IFC', percentage: 100, date: null,
  sortOrder: 3, isCompleted: false, completedDate: null, notes: '', version: 1,
};

describe('deliverable fields', () => {
  it('starts editing from the current values, empty when unset', () => {
    expect([fieldText(ifc, 'description'), fieldText(ifc, 'percentage'), fieldText(ifc, 'date')]).toEqual(['IFC', '100', '']);
  });

  it('turns text into changes, clearing on empty', () => {
    expect(parseField('description', '  SD ')).toEqual({ changes: { description: 'SD' } });
    expect(parseField('percentage', '35')).toEqual({ changes: { percentage: 35 } });
    expect(parseField('percentage', '')).toEqual({ changes: { percentage: null } });
    expect(parseField('date', '2026-12-01')).toEqual({ changes: { date: '2026-12-01' } });
    expect(parseField('date', '')).toEqual({ changes: { date: null } });
  });

  it('explains what it cannot send', () => {
    expect(parseField('percentage', '101')).toEqual({ problem: PERCENTAGE_PROBLEM });
    expect(parseField('percentage', '3.5')).toEqual({ problem: PERCENTAGE_PROBLEM });
    expect(parseField('description', ' ')).toHaveProperty('problem');
  });

  it('writes percentages with a sign', () => {
    expect([formatPercentage(35), formatPercentage(null)]).toEqual(['35%', '']);
  });
});
