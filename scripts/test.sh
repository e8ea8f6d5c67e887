#!/bin/sh
# npm test: the type check and the linters run beside the tests instead of before them (their
# minute of one core overlaps the test run's Neo4j starts), and the run fails when any of them does.

# The browser tests (tests/web.test.ts) drive Debian's chromium, which a fresh machine lacks; a CJK
# font makes their screenshots of the Chinese pages legible. Installed once, where apt-get may.
missing=""
command -v chromium >/dev/null || missing=" chromium"
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing="$missing fonts-wqy-microhei"
if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "npm test: installing$missing for the browser tests (once)" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing; } >/dev/null ||
      echo "npm test: installing$missing failed; the browser tests will fail" >&2
  else
    echo "npm test: the browser tests need$missing (Debian packages): install them as root" >&2
  fi
fi

tsc --noEmit &
typecheck=$!
npm run -s lint &
lint=$!
vitest run "$@"
tests=$?
wait $typecheck
types=$?
wait $lint
lints=$?
[ "$types" -eq 0 ] || echo "npm test: the type check failed (tsc --noEmit, above)" >&2
[ "$lints" -eq 0 ] || echo "npm test: the linters failed (npm run lint, above)" >&2
[ "$tests" -eq 0 ] && [ "$types" -eq 0 ] && [ "$lints" -eq 0 ]
