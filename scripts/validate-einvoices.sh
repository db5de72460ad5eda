#!/usr/bin/env bash
# Checks the CII XML that src/modules/documents/domain/factur-x-xml.test.ts (and the invoice files
# integration test, db-*.xml) write to .tmp/einvoices/: against the official CII D16B XSD and the
# EN 16931 Schematron (as ../shared/einvoicing/validate does), then against the French
# e-invoicing rules a plateforme agréée applies on top (BR-FR, "Flux 2", XP Z12-012, as
# ../shared/einvoicing/validate-fr does).
# Both run on every file, so one report shows all that fails; the exit is non-zero if either does.
# Run after `npm test` (which writes the files). Needs Debian's libxml2-utils and
# libsaxonhe-java (apt-get install -y libxml2-utils libsaxonhe-java), Java and python3.
#
# Why not call the two shared scripts: they start one JVM per file and stylesheet, and each
# start compiles a Schematron stylesheet of several MB again (~4.5 s of CPU each: 40 of them,
# three minutes of CI). Here Saxon compiles each stylesheet once and applies it to the whole
# folder (-s:DIR -o:DIR), the two stylesheets at once on the two cores; the verdicts are read
# from the reports exactly as the shared scripts read them (fatal failed-asserts for EN 16931,
# svrl-summary.py for BR-FR). `EINVOICE_VALIDATE=per-file` runs the shared scripts instead.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(.tmp/einvoices/*.xml)
if [ ${#files[@]} -eq 0 ]; then
  echo "validate-einvoices: no XML in .tmp/einvoices/ (run the factur-x-xml test first)" >&2
  exit 1
fi
shared=../shared/einvoicing
if [ "${EINVOICE_VALIDATE:-}" = per-file ]; then
  status=0
  echo "EN 16931 (XSD and Schematron), ${#files[@]} files:"
  $shared/validate "${files[@]}" || status=1
  echo "French rules (BR-FR, Flux 2), ${#files[@]} files:"
  $shared/validate-fr -v "${files[@]}" || status=1
  exit $status
fi

saxon=${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}
cii=urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100
cii_xsd=$shared/cii-d16b/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd
command -v xmllint >/dev/null || { echo "xmllint missing: apt-get install -y libxml2-utils" >&2; exit 2; }
[ -f "$saxon" ] || { echo "Saxon-HE missing: apt-get install -y libsaxonhe-java" >&2; exit 2; }
command -v java >/dev/null || { echo "java missing: apt-get install -y default-jre-headless" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in" "$tmp/en" "$tmp/fr"

status=0
echo "EN 16931 (XSD and Schematron), ${#files[@]} files:"
# Only CII invoices are made here; anything else is reported (the shared `validate` also takes UBL).
declare -A xsd_ok=()
for f in "${files[@]}"; do
  if ! root=$(xmllint --xpath 'concat(namespace-uri(/*), "|", local-name(/*))' "$f" 2>&1); then
    echo "XSD FAIL $f"; echo "$root" | head -20; status=1; continue
  fi
  if [ "${root%%|*}" != "$cii" ]; then
    echo "UNKNOWN ROOT $f: {${root%%|*}}${root#*|} is not a CII CrossIndustryInvoice ($cii)"; status=1; continue
  fi
  if ! err=$(xmllint --noout --schema "$cii_xsd" "$f" 2>&1); then
    echo "XSD FAIL $f"; echo "$err" | grep -v 'validates$' | head -20; status=1; continue
  fi
  xsd_ok[$f]=1
done
for f in "${files[@]}"; do cp "$f" "$tmp/in/"; done
java -jar "$saxon" -s:"$tmp/in" -xsl:"$shared/EN16931-CII-validation.xslt" -o:"$tmp/en" 2>"$tmp/en.err" &
en_pid=$!
java -jar "$saxon" -s:"$tmp/in" -xsl:"$shared/fr-ctc/BR-FR-Flux2-Schematron-CII_V1.4.0.03.xslt" -o:"$tmp/fr" 2>"$tmp/fr.err" &
fr_pid=$!
en_rc=0; wait $en_pid || en_rc=$?
fr_rc=0; wait $fr_pid || fr_rc=$?

for f in "${files[@]}"; do
  [ -n "${xsd_ok[$f]:-}" ] || continue
  svrl_file=$tmp/en/$(basename "$f")
  if [ ! -s "$svrl_file" ]; then
    echo "SCHEMATRON ERROR $f: $(head -5 "$tmp/en.err" | tr '\n' ' ')"; status=1; continue
  fi
  # The shared script's extraction (a slow regex over the whole report) only where a fatal flag is.
  fatal=
  grep -q 'flag="fatal"' "$svrl_file" && fatal=$(tr '\n' ' ' <"$svrl_file" | grep -o '<svrl:failed-assert[^>]*flag="fatal"[^>]*>.\{0,600\}</svrl:failed-assert>' | sed -e 's/<svrl:text>/ — /' -e 's/<[^>]*>//g' -e 's/  */ /g' || true)
  if [ -n "$fatal" ]; then
    echo "SCHEMATRON FAIL $f"; printf '%s\n' "$fatal" | head -20; status=1
  else
    echo "ok $f"
  fi
done
[ $en_rc -eq 0 ] || { echo "SCHEMATRON ERROR (EN 16931): $(head -5 "$tmp/en.err" | tr '\n' ' ')"; status=1; }

echo "French rules (BR-FR, Flux 2), ${#files[@]} files:"
for f in "${files[@]}"; do
  svrl_file=$tmp/fr/$(basename "$f")
  if [ ! -s "$svrl_file" ]; then
    echo "ERROR $f: $(head -3 "$tmp/fr.err" | tr '\n' ' ')"; status=1; continue
  fi
  python3 "$shared/fr-ctc/svrl-summary.py" "$f" "$svrl_file" --verbose || status=1
done
[ $fr_rc -eq 0 ] || { echo "ERROR (BR-FR): $(head -3 "$tmp/fr.err" | tr '\n' ' ')"; status=1; }
exit $status
