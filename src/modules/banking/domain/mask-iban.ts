/** An IBAN shown in a message to someone who may not own the account: its last four characters only. */
export function maskIban(iban: string): string {
  const clean = iban.replace(/\s/g, '');
  return clean.length <= 4 ? clean : `${'•'.repeat(Math.min(clean.length - 4, 4))}${clean.slice(-4)}`;
}
