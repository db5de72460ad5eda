#!/usr/bin/env bash
# Checks the CII XML that src/modules/documents/domain/factur-x-xml.test.ts writes to
# .tmp/einvoices/ against the official CII D16B XSD and the EN 16931 Schematron.
# Run after `npm test` (which writes the files). Needs Debian's libxml2-utils and
# libsaxonhe-java (apt-get install -y libxml2-utils libsaxonhe-java) and Java.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(.tmp/einvoices/*.xml)
if [ ${#files[@]} -eq 0 ]; then
  echo "validate-einvoices: no XML in .tmp/einvoices/ (run the factur-x-xml test first)" >&2
  exit 1
fi
exec ../shared/einvoicing/validate "${files[@]}"
