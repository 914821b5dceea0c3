import { describe, expect, it } from 'vitest';
import { filterClients, fold, initials, matchesQuery } from './filter';
import { client } from './fixtures.test-helpers';

const zoe = client({ id: '1', name: 'Zoë Åkesson', preferred_name: 'Zo', tags: ['Career', 'leadership'], status: 'active' });
const marc = client({ id: '2', name: 'Marc Dubois', preferred_name: '', tags: ['santé'], status: 'paused' });
const ines = client({ id: '3', name: 'Inès Moreau', preferred_name: 'Nessa', tags: [], status: 'completed' });
const all = [zoe, marc, ines];

describe('fold', () => {
  it('drops case and accents', () => {
    expect(fold('ZOË Åkesson')).toBe('zoe akesson');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('Søren Łukasz')).toBe('soren lukasz');
  });
});

describe('matchesQuery', () => {
  it('finds by name without accents or case', () => {
    expect(matchesQuery(zoe, 'zoe')).toBe(true);
    expect(matchesQuery(zoe, 'AKESS')).toBe(true);
    expect(matchesQuery(ines, 'ines')).toBe(true);
  });

  it('finds accented names typed with accents, and plain names typed with them', () => {
    expect(matchesQuery(marc, 'dubois')).toBe(true);
    expect(matchesQuery(marc, 'SANTE')).toBe(true);
    expect(matchesQuery(client({ name: 'Rene' }), 'René')).toBe(true);
  });

  it('finds by preferred name and by tag', () => {
    expect(matchesQuery(ines, 'nessa')).toBe(true);
    expect(matchesQuery(zoe, 'leader')).toBe(true);
  });

  it('needs every word to match somewhere', () => {
    expect(matchesQuery(zoe, 'zoe career')).toBe(true);
    expect(matchesQuery(zoe, 'zoe santé')).toBe(false);
  });

  it('does not look in notes or contact details', () => {
    const c = client({ name: 'Ann', email: 'secret@example.com', private_notes: 'secret' });
    expect(matchesQuery(c, 'secret')).toBe(false);
  });

  it('matches everyone on an empty or blank query', () => {
    expect(matchesQuery(zoe, '')).toBe(true);
    expect(matchesQuery(zoe, '   ')).toBe(true);
  });
});

describe('filterClients', () => {
  it('filters by status', () => {
    expect(filterClients(all, '', 'all')).toEqual(all);
    expect(filterClients(all, '', 'paused')).toEqual([marc]);
    expect(filterClients(all, '', 'completed')).toEqual([ines]);
  });

  it('combines status and search', () => {
    expect(filterClients(all, 'zoe', 'paused')).toEqual([]);
    expect(filterClients(all, 'o', 'active')).toEqual([zoe]);
  });

  it('finds a renamed client by the new name once the list holds the new client object', () => {
    expect(filterClients(all, 'zoe', 'all')).toEqual([zoe]);
    const renamed = { ...zoe, name: 'Zoë Lindqvist', preferred_name: '' };
    const after = [renamed, marc, ines];
    expect(filterClients(after, 'lindqvist', 'all')).toEqual([renamed]);
    expect(filterClients(after, 'akesson', 'all')).toEqual([]);
    expect(filterClients(all, 'akesson', 'all')).toEqual([zoe]);
  });
});

describe('initials', () => {
  it('uses the preferred name first and the last name', () => {
    expect(initials(zoe)).toBe('ZÅ');
    expect(initials(marc)).toBe('MD');
    expect(initials({ name: 'Cher', preferred_name: '' })).toBe('C');
    expect(initials({ name: '  ', preferred_name: '' })).toBe('?');
    expect(initials({ name: 'Alex Morgan (sample)', preferred_name: '' })).toBe('AM');
    expect(initials({ name: 'Ana Lima – 2nd', preferred_name: '' })).toBe('AL');
  });
});
