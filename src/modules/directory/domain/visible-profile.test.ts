import { describe, expect, it } from 'vitest';
import { DEFAULT_VISIBILITY, PROFILE_FIELDS, searchTextsOf, visibleProfile, type DirectoryProfile, type FieldVisibility } from './visible-profile.js';

const book = { id: 'f1', fileName: 'book.pdf', contentType: 'application/pdf', sizeBytes: 1200, url: '/f1' };
const camille = (visibility: Partial<FieldVisibility> = {}, listed = false, files: DirectoryProfile['files'] = [{ ...book, visibility: 'public' }], leftOn: string | null = null): DirectoryProfile => ({
  memberId: 'm-camille',
  name: 'Camille Martin',
  listed,
  visibility: { ...DEFAULT_VISIBILITY, ...visibility },
  trade: 'Développeuse web',
  skills: ['React', 'Accessibilité'],
  poles: ['technical'],
  sectors: ['Culture'],
  pitch: 'Des sites sobres et accessibles.',
  links: [{ label: 'Portfolio', url: 'https://camille.example' }],
  files,
  city: 'Lyon',
  availability: 'partly',
  availabilityNote: 'Deux jours par semaine',
  languages: ['Français', 'Anglais'],
  email: 'camille@example.coop',
  phone: '06 12 34 56 78',
  photoUrl: null,
  leftOn,
  updatedAt: new Date('2026-01-01T10:00:00Z'),
});

const open = { publicDirectory: true };
const closed = { publicDirectory: false };
const member = { kind: 'member', memberId: 'm-other' } as const;

describe('who sees what of a directory profile', () => {
  it('a new profile shows another member the name only (opt-in)', () => {
    expect(visibleProfile(camille({}, false, [{ ...book, visibility: 'hidden' }]), member, open)).toEqual({ memberId: 'm-camille', name: 'Camille Martin' });
  });

  it('staff see every field, whatever the member hid, and her choices', () => {
    const seen = visibleProfile(camille(), { kind: 'staff' }, closed);
    expect(seen?.phone).toBe('06 12 34 56 78');
    expect(seen?.visibility?.phone).toBe('hidden');
    expect(seen?.skills).toEqual(['React', 'Accessibilité']);
  });

  it('the member sees her own profile whole', () => {
    expect(visibleProfile(camille(), { kind: 'member', memberId: 'm-camille' }, closed)?.phone).toBe('06 12 34 56 78');
  });

  it('another member sees the fields at members or public, and the others are absent, not null', () => {
    const seen = visibleProfile(camille({ trade: 'members', skills: 'public', phone: 'hidden', availability: 'members', poles: 'members' }, false, []), member, closed)!;
    expect(Object.keys(seen).sort()).toEqual(['availability', 'availabilityNote', 'memberId', 'name', 'poles', 'sectors', 'skills', 'trade']);
    expect('phone' in seen).toBe(false);
    expect(JSON.stringify(seen)).not.toContain('06 12');
    expect('visibility' in seen).toBe(false);
  });

  it('the public sees nothing when the coop publishes no public directory', () => {
    expect(visibleProfile(camille({ trade: 'public' }, true), { kind: 'public' }, closed)).toBeNull();
  });

  it('the public sees nothing of a member who did not opt in to be listed', () => {
    expect(visibleProfile(camille({ trade: 'public' }, false), { kind: 'public' }, open)).toBeNull();
  });

  it('the public sees only the public fields of a listed member', () => {
    const seen = visibleProfile(camille({ trade: 'public', skills: 'members', phone: 'members', city: 'public' }, true, [{ ...book, visibility: 'members' }]), { kind: 'public' }, open);
    expect(seen).toEqual({ memberId: 'm-camille', name: 'Camille Martin', trade: 'Développeuse web', city: 'Lyon' });
  });

  it('every field is governed: all public gives the public every field', () => {
    const all = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, 'public'])) as FieldVisibility;
    const seen = visibleProfile(camille(all, true), { kind: 'public' }, open)!;
    expect(Object.keys(seen).sort()).toEqual(
      ['memberId', 'name', 'trade', 'skills', 'poles', 'sectors', 'pitch', 'links', 'files', 'city', 'availability', 'availabilityNote', 'languages', 'email', 'phone', 'photoUrl'].sort(),
    );
  });

  it('each portfolio file reaches the audience its own visibility names, and no further', () => {
    const files = [
      { ...book, id: 'hidden', fileName: 'brouillon.pdf', visibility: 'hidden' as const },
      { ...book, id: 'members', fileName: 'etude.pdf', visibility: 'members' as const },
      { ...book, id: 'public', fileName: 'book.pdf', visibility: 'public' as const },
    ];
    const profile = camille({}, true, files);
    expect(visibleProfile(profile, member, open)?.files?.map((f) => f.id)).toEqual(['members', 'public']);
    expect(visibleProfile(profile, { kind: 'public' }, open)?.files?.map((f) => f.id)).toEqual(['public']);
    expect(JSON.stringify(visibleProfile(profile, member, open))).not.toContain('brouillon');
    expect(visibleProfile(profile, { kind: 'staff' }, open)?.files).toHaveLength(3);
    expect(visibleProfile(profile, { kind: 'member', memberId: 'm-camille' }, open)?.files).toHaveLength(3);
  });

  it('a member who left is seen by the staff (marked) and herself only', () => {
    const gone = camille({ trade: 'public' }, true, [], '2026-02-28');
    expect(visibleProfile(gone, member, open)).toBeNull();
    expect(visibleProfile(gone, { kind: 'public' }, open)).toBeNull();
    expect(visibleProfile(gone, { kind: 'staff' }, open)?.leftOn).toBe('2026-02-28');
    expect(visibleProfile(gone, { kind: 'member', memberId: 'm-camille' }, open)?.trade).toBe('Développeuse web');
  });

  it('the result is a copy: changing it does not change the profile', () => {
    const profile = camille({ skills: 'members' });
    visibleProfile(profile, member, closed)!.skills!.push('Intrus');
    expect(profile.skills).toEqual(['React', 'Accessibilité']);
  });
});

describe('what each audience may find a profile by', () => {
  it('a hidden skill is searchable by staff only', () => {
    const texts = searchTextsOf(camille({ skills: 'hidden', trade: 'public' }));
    expect(texts.staff).toContain('accessibilite');
    expect(texts.members).not.toContain('accessibilite');
    expect(texts.public).toContain('developpeuse');
  });

  it('a skill at members is found by members, not by the public', () => {
    const texts = searchTextsOf(camille({ skills: 'members' }));
    expect(texts.members).toContain('react');
    expect(texts.public).not.toContain('react');
    expect(texts.public).toBe('camille martin');
  });
});
