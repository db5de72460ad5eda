import { describe, expect, it } from 'vitest';
import { defaultAddressFlags, postalCodeProblem, primaryContactFlags } from './address-rules.js';

describe('postalCodeProblem', () => {
  it('wants five digits in France', () => {
    expect(postalCodeProblem('FR', '69001')).toBeNull();
    expect(postalCodeProblem('FR', '6900')).not.toBeNull();
    expect(postalCodeProblem('FR', 'SW1A 1AA')).not.toBeNull();
  });

  it('leaves other countries to the schema', () => {
    expect(postalCodeProblem('GB', 'SW1A 1AA')).toBeNull();
  });
});

describe('defaultAddressFlags', () => {
  it('makes the first address of each kind its default when none is marked', () => {
    expect(defaultAddressFlags([{ kind: 'billing' }, { kind: 'delivery' }, { kind: 'billing' }])).toEqual([true, true, false]);
  });

  it('keeps the address marked as default', () => {
    expect(defaultAddressFlags([{ kind: 'billing' }, { kind: 'billing', isDefault: true }])).toEqual([false, true]);
  });

  it('refuses two default addresses of the same kind', () => {
    expect(defaultAddressFlags([{ kind: 'billing', isDefault: true }, { kind: 'billing', isDefault: true }])).toBeNull();
  });

  it('allows one default billing and one default delivery address', () => {
    expect(defaultAddressFlags([{ kind: 'billing', isDefault: true }, { kind: 'delivery', isDefault: true }])).toEqual([true, true]);
  });
});

describe('primaryContactFlags', () => {
  it('makes the first contact primary when none is marked', () => {
    expect(primaryContactFlags([{}, {}])).toEqual([true, false]);
  });

  it('keeps the marked contact and refuses two primary contacts', () => {
    expect(primaryContactFlags([{}, { isPrimary: true }])).toEqual([false, true]);
    expect(primaryContactFlags([{ isPrimary: true }, { isPrimary: true }])).toBeNull();
  });

  it('has nothing to choose without contacts', () => {
    expect(primaryContactFlags([])).toEqual([]);
  });
});
