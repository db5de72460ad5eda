#!/usr/bin/env bash
# Checks the CII XML that src/modules/documents/domain/factur-x-xml.test.ts (and the invoice files
# integration test, db-*.xml) write to .tmp/einvoices/: against the official CII D16B XSD and the
# EN 16931 Schematron (../shared/einvoicing/validate), then against the French e-invoicing rules
# a plateforme agréée applies on top (BR-FR, "Flux 2", XP Z12-012: ../shared/einvoicing/validate-fr).
# Both run on every file, so one report shows all that fails; the exit is non-zero if either does.
# Run after `npm test` (which writes the files). Needs Debian's libxml2-utils and
# libsaxonhe-java (apt-get install -y libxml2-utils libsaxonhe-java), Java and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(.tmp/einvoices/*.xml)
if [ ${#files[@]} -eq 0 ]; then
  echo "validate-einvoices: no XML in .tmp/einvoices/ (run the factur-x-xml test first)" >&2
  exit 1
fi
status=0
echo "EN 16931 (XSD and Schematron), ${#files[@]} files:"
../shared/einvoicing/validate "${files[@]}" || status=1
echo "French rules (BR-FR, Flux 2), ${#files[@]} files:"
../shared/einvoicing/validate-fr -v "${files[@]}" || status=1
exit $status
