# Herald's developer commands. `make dev` runs Herald; `make test` runs the tests.

GO        ?= go
BUF       := $(GO) tool -modfile=tools/go.mod buf
PKGS      := ./...

.PHONY: dev test test-short generate check-generated lint vulncheck fuzz build clean

## dev: migrate, start API and workers against local Postgres, create a dev tenant and print a first curl
dev: build
	./bin/herald dev

## test: unit and integration tests against real Postgres (one database per test), with -race
test:
	$(GO) test -race -count=1 $(PKGS)

## test-short: the same without -race, for a quick loop
test-short:
	$(GO) test -count=1 $(PKGS)

## generate: regenerate gen/ from proto/ (buf with local plugins, offline)
generate:
	$(BUF) generate

## check-generated: fail if gen/ is not what proto/ generates
check-generated: generate
	@git diff --exit-code --stat -- gen/ || (echo "gen/ is stale: run 'make generate' and commit" >&2; exit 1)
	@test -z "$$(git status --porcelain --untracked-files=all -- gen/)" || (git status --porcelain -- gen/; echo "gen/ has files git does not know: run 'make generate' and commit" >&2; exit 1)

## lint: go vet and buf lint
lint:
	$(GO) vet $(PKGS)
	$(BUF) lint

## vulncheck: govulncheck against the Go vulnerability database (needs vuln.go.dev)
vulncheck:
	$(GO) tool -modfile=tools/go.mod govulncheck ./...

## fuzz: run each fuzz target for FUZZTIME (default 30s); seeds also run in `make test`
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzRender -fuzztime $(FUZZTIME) ./render/
	$(GO) test -run '^$$' -fuzz FuzzSendRequestValidation -fuzztime $(FUZZTIME) ./enqueue/
	$(GO) test -run '^$$' -fuzz FuzzFlagFile -fuzztime $(FUZZTIME) ./flags/
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./messagetype/
	$(GO) test -run '^$$' -fuzz FuzzVerify -fuzztime $(FUZZTIME) ./providers/webhook/

## build: the herald binary in bin/
build:
	$(GO) build -o bin/herald ./cmd/herald

clean:
	rm -rf bin
