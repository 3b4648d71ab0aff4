import { describe, expect, it } from 'vitest';
import { matchCase } from '../../src/engine/messages.js';

describe('matchCase', () => {
  it('keeps lower case', () => expect(matchCase('utilise', 'use')).toBe('use'));
  it('capitalises after a capital', () => expect(matchCase('Utilise', 'use')).toBe('Use'));
  it('shouts after shouting', () => expect(matchCase('PER ANNUM', 'a year')).toBe('A YEAR'));
  it('does not shout an acronym’s explanation', () => expect(matchCase('MDT', 'a team')).toBe('a team'));
  it('leaves replacements with their own capitals', () => expect(matchCase('nhs', 'NHS')).toBe('NHS'));
  it('does not capitalise for a phrase that starts with an acronym', () => expect(matchCase('DNA rates', 'missed-appointment')).toBe('missed-appointment'));
});
