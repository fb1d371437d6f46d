// Package faults holds Herald's fault suite: tests that run several herald
// processes against a Postgres cluster of their own and a loopback webhook
// receiver, then break things while thousands of notifications go through
// (kill -9 a worker mid-delivery, restart Postgres, make the receiver hang,
// fail, throttle and drop connections) and check that nothing accepted was
// lost and that repeats stay within what at-least-once allows.
//
// The tests are behind the "faults" build tag, so `go test ./...` skips
// them; run them with `make test-faults` (FAULTS_N sets the number of
// notifications). They need PostgreSQL 15's server binaries
// (/usr/lib/postgresql/15/bin, or FAULTS_PG_BIN) and, when run as root, a
// "postgres" user to run them as.
package faults
