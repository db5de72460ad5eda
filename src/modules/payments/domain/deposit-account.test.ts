import { describe, expect, it } from 'vitest';
import { depositAccountOf } from './deposit-account.js';

describe('where a payment received waits', () => {
  it('a cheque recorded by hand waits in 5112 until the bank shows it', () => {
    expect(depositAccountOf({ mode: 'cheque', fromBankLine: false })).toBe('5112');
  });
  it('cash recorded by hand waits in the till (530)', () => {
    expect(depositAccountOf({ mode: 'cash', fromBankLine: false })).toBe('530');
  });
  it('a transfer recorded by hand is on the bank account already (512)', () => {
    expect(depositAccountOf({ mode: 'transfer', fromBankLine: false })).toBe('512');
    expect(depositAccountOf({ mode: 'card', fromBankLine: false })).toBe('512');
  });
  it('whatever its mode, a payment read from a bank line is in the bank (512)', () => {
    expect(depositAccountOf({ mode: 'cheque', fromBankLine: true })).toBe('512');
  });
});
