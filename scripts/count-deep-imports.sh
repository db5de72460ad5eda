#!/usr/bin/env bash
# Counts cross-module deep imports: a file of src/modules/A importing src/modules/B/<not index>,
# classed as schema-fk (schema.ts -> schema.ts), contract (contract.ts -> contract.ts) or other.
# A measuring aid for reviews; the rule itself is enforced by test/architecture/front-doors.test.ts.
# Usage: scripts/count-deep-imports.sh [repo-root]; the pairs are written to /tmp/deep-imports.txt.
cd "${1:-.}"
grep -rnoE "from '(\.\./)+[^']+'" src/modules --include=*.ts | while IFS=: read -r file line spec; do
  spec=${spec#from \'}; spec=${spec%\'}
  target=$(realpath -m --relative-to=. "$(dirname "$file")/$spec")
  a=$(echo "$file" | cut -d/ -f3); case "$target" in src/modules/*) b=$(echo "$target" | cut -d/ -f3);; *) continue;; esac
  [ "$a" = "$b" ] && continue
  rest=${target#src/modules/$b/}
  [ "$rest" = "index.js" ] && continue
  kind=other; case "$(basename "$file")::$rest" in schema.ts::schema.js) kind=schema-fk;; contract.ts::contract.js) kind=contract;; esac
  echo "$kind $file -> $target"
done | sort | tee /tmp/deep-imports.txt | awk '{print $1}' | sort | uniq -c
