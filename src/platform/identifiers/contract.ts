// The identifier checks the web runs while the user types, the same code the server validates
// with; the web imports contracts only.
export { formatIban } from './iban.js';
export { isValidSiren } from './siren.js';
export { frenchVatNumberFromSiren } from './vat.js';
export { isDirectoryAddressOf, isValidDirectoryAddress, normalizeDirectoryAddress } from './directory-address.js';
