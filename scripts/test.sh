#!/bin/sh
# npm test: the type check and the linters run beside the tests instead of before them (their
# minute of one core overlaps the test run's Neo4j starts), and the run fails when any of them does.
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
