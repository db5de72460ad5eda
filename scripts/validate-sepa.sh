#!/usr/bin/env bash
# Checks every SEPA file the tests build (they write them to .tmp/sepa/: pain.001 credit
# transfers, pain.008 direct debits) against the official ISO 20022 XSD of the namespace each
# declares (../shared/iso20022/<message>.xsd). One report lists every file; the exit is
# non-zero if any fails or names a message we hold no schema for.
# Run after `npm test`. Needs Debian's libxml2-utils (xmllint).
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(.tmp/sepa/*.xml)
if [ ${#files[@]} -eq 0 ]; then
  echo "validate-sepa: no XML in .tmp/sepa/ (run the payouts tests first)" >&2
  exit 1
fi
schemas=../shared/iso20022
status=0
echo "SEPA (ISO 20022 XSD), ${#files[@]} files:"
for file in "${files[@]}"; do
  ns=$(grep -o 'urn:iso:std:iso:20022:tech:xsd:pain\.[0-9]\{3\}\.[0-9]\{3\}\.[0-9]\{2\}' "$file" | head -n 1 || true)
  message=${ns#urn:iso:std:iso:20022:tech:xsd:}
  case "$message" in
    pain.001.001.09 | pain.001.001.03 | pain.008.001.08 | pain.008.001.02) ;;
    *)
      echo "$file: no pain.001.001.09/.03 or pain.008.001.08/.02 namespace" >&2
      status=1
      continue
      ;;
  esac
  xmllint --noout --schema "$schemas/$message.xsd" "$file" || status=1
done
exit $status
