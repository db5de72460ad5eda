import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  BIC_MESSAGE,
  IBAN_MESSAGE,
  SIREN_MESSAGE,
  SIRET_MESSAGE,
  VAT_NUMBER_MESSAGE,
  bicSchema,
  ibanSchema,
  sirenSchema,
  siretSchema,
  vatNumberSchema,
} from './zod.js';

function messagesOf(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('sirenSchema', () => {
  it('outputs the SIREN without separators', () => {
    expect(sirenSchema.parse(' 732 829 320 ')).toBe('732829320');
    expect(sirenSchema.parse('732.829.320')).toBe('732829320');
  });

  it('rejects a SIREN with a wrong Luhn key with a clear message', () => {
    const result = sirenSchema.safeParse('732829321');
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toEqual([SIREN_MESSAGE]);
    expect(SIREN_MESSAGE).toContain('must be a valid SIREN (9 digits, Luhn key)');
  });

  it('rejects non-string input', () => {
    expect(sirenSchema.safeParse(732829320).success).toBe(false);
    expect(sirenSchema.safeParse(null).success).toBe(false);
  });
});

describe('siretSchema', () => {
  it('outputs the SIRET without separators', () => {
    expect(siretSchema.parse('732 829 320 00074')).toBe('73282932000074');
  });

  it('accepts a La Poste SIRET whose digits sum to a multiple of 5', () => {
    expect(siretSchema.parse('356 000 000 49837')).toBe('35600000049837');
  });

  it('rejects an invalid SIRET with a clear message', () => {
    const result = siretSchema.safeParse('73282932000079');
    expect(messagesOf(result)).toEqual([SIRET_MESSAGE]);
  });
});

describe('vatNumberSchema', () => {
  it('outputs the VAT number uppercase without separators', () => {
    expect(vatNumberSchema.parse('fr 44 732.829.320')).toBe('FR44732829320');
    expect(vatNumberSchema.parse('de 136 695 976')).toBe('DE136695976');
  });

  it('rejects a French VAT number whose key does not match its SIREN', () => {
    const result = vatNumberSchema.safeParse('FR45732829320');
    expect(messagesOf(result)).toEqual([VAT_NUMBER_MESSAGE]);
  });
});

describe('ibanSchema', () => {
  it('outputs the electronic form: uppercase, no spaces', () => {
    expect(ibanSchema.parse(' fr76 3000 6000 0112 3456 7890 189 ')).toBe('FR7630006000011234567890189');
  });

  it('rejects an IBAN with one changed digit with a clear message', () => {
    const result = ibanSchema.safeParse('FR7630006000011234567890188');
    expect(messagesOf(result)).toEqual([IBAN_MESSAGE]);
  });
});

describe('bicSchema', () => {
  it('outputs the BIC uppercase without spaces', () => {
    expect(bicSchema.parse(' bnpa fr pp ')).toBe('BNPAFRPP');
    expect(bicSchema.parse('BNPAFRPPXXX')).toBe('BNPAFRPPXXX');
  });

  it('rejects a malformed BIC with a clear message', () => {
    expect(messagesOf(bicSchema.safeParse('BNPAFRPPX'))).toEqual([BIC_MESSAGE]);
  });
});

describe('use inside z.object bodies', () => {
  const body = z.object({
    siren: sirenSchema,
    siret: siretSchema.optional(),
    vatNumber: vatNumberSchema,
    iban: ibanSchema,
    bic: bicSchema,
  });

  it('parses a body and outputs normalized plain strings', () => {
    const parsed = body.parse({
      siren: '732 829 320',
      vatNumber: 'FR 44 732 829 320',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'bnpafrpp',
    });
    expect(parsed).toEqual({
      siren: '732829320',
      vatNumber: 'FR44732829320',
      iban: 'FR7630006000011234567890189',
      bic: 'BNPAFRPP',
    });
  });

  it('reports each invalid field at its own path', () => {
    const result = body.safeParse({
      siren: '732829321',
      siret: '73282932000079',
      vatNumber: 'FR44732829320',
      iban: 'FR7630006000011234567890189',
      bic: 'BNPAFRPP',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['siren', SIREN_MESSAGE],
      ['siret', SIRET_MESSAGE],
    ]);
  });

  it('keeps string as both input and output type', () => {
    expectTypeOf<z.input<typeof sirenSchema>>().toEqualTypeOf<string>();
    expectTypeOf<z.output<typeof ibanSchema>>().toEqualTypeOf<string>();
    expectTypeOf<z.output<typeof body>>().toEqualTypeOf<{
      siren: string;
      siret?: string | undefined;
      vatNumber: string;
      iban: string;
      bic: string;
    }>();
  });

  it('converts to a plain JSON Schema string in both input and output modes', () => {
    // fastify-type-provider-zod builds request and response JSON Schemas with
    // z.toJSONSchema; a transform would not be representable on the output side.
    for (const io of ['input', 'output'] as const) {
      const json = z.toJSONSchema(z.object({ iban: ibanSchema }), { io }) as {
        properties: Record<string, unknown>;
      };
      expect(json.properties['iban']).toEqual({ type: 'string' });
    }
  });
});
