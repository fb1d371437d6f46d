# Herald's developer commands. `make dev` runs Herald; `make test` runs the tests.

GO        ?= go
# GO_RELEASE is the Go release every target builds, tests and scans with (the go command fetches it through the
# module proxy, about 10 s once). This machine's Go 1.26.8 has standard-library vulnerabilities (net/http,
# crypto/tls, crypto/x509, html/template) that govulncheck finds in code Herald calls; 1.27.3 has them fixed.
# GO_RELEASE=local uses whatever Go runs make.
GO_RELEASE ?= go1.27.3
ifneq ($(GO_RELEASE),local)
export GOTOOLCHAIN := $(GO_RELEASE)
endif
BUF       := $(GO) tool -modfile=tools/go.mod buf
PKGS      := ./...

.PHONY: dev test test-short test-faults generate check-generated lint vulncheck fuzz build clean web-deps web

# Generated or built from sources and committed: CI fails when stale.
GENERATED := gen/ web/src/gen/ web/dist/

## dev: migrate, start API and workers against local Postgres, create a dev tenant and print a first curl
dev: build
	./bin/herald dev

## test: unit and integration tests against real Postgres (one database per test), with -race; includes the
## Node gRPC client test and the browser tests in headless Chromium (needs /usr/bin/chromium)
test: web-deps
	$(GO) test -race -count=1 $(PKGS)

## test-short: the same without -race, for a quick loop
test-short: web-deps
	$(GO) test -count=1 $(PKGS)

## test-faults: the fault suite (cmd/herald/internal/faults, build tag faults): an API and two worker processes on a
## Postgres cluster of its own, FAULTS_N notifications while it kills a worker with -9, stops Postgres and makes the
## webhook receiver hang, fail, throttle and drop connections; prints accepted, delivered, lost, duplicates and the bound
FAULTS_N ?= 3000
test-faults:
	FAULTS_N=$(FAULTS_N) $(GO) test -tags faults -count=1 -v -timeout 15m -run TestFaults ./cmd/herald/internal/faults/

## web-deps: install web/'s pinned npm packages (protoc-gen-es, Vite, playwright-core, ...) from package-lock.json
web-deps: web/node_modules/.package-lock.json

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch $@

## generate: regenerate gen/ (Go) and web/src/gen/ (TypeScript) from proto/ (buf with local plugins, offline),
## then rebuild web/dist/ (the console and inbox component Herald embeds)
generate: web-deps
	$(BUF) generate
	$(MAKE) web

## web: build web/dist/ from web/src with Vite (type-checked first)
web: web-deps
	cd web && npm run --silent build

## check-generated: fail if gen/, web/src/gen/ or web/dist/ is not what the sources generate
check-generated: generate
	@git diff --exit-code --stat -- $(GENERATED) || (echo "generated code is stale: run 'make generate' and commit" >&2; exit 1)
	@test -z "$$(git status --porcelain --untracked-files=all -- $(GENERATED))" || (git status --porcelain -- $(GENERATED); echo "generated files git does not know: run 'make generate' and commit" >&2; exit 1)

## lint: go vet, buf lint and the TypeScript type check
lint: web-deps
	$(GO) vet $(PKGS)
	$(GO) vet -tags faults ./cmd/herald/internal/faults/
	$(BUF) lint
	cd web && npx --no-install tsc --noEmit

## vulncheck: govulncheck over every package, as built with GO_RELEASE, against the Go vulnerability database at
## VULNDB_VERSION, built offline from the golang.org/x/vulndb module (through the module proxy) into .cache/vulndb/
## (about 40 s the first time); fails on any vulnerability in code Herald calls
VULNDB_VERSION ?= v0.0.0-20261105234957-e22db6528018
VULNDB_DIR     := $(CURDIR)/.cache/vulndb/$(VULNDB_VERSION)
vulncheck: $(VULNDB_DIR)/index/db.json
	$(GO) tool -modfile=tools/go.mod govulncheck -db file://$(VULNDB_DIR) ./...

$(VULNDB_DIR)/index/db.json:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; cd "$$tmp"; \
	src=$$(GOFLAGS=-mod=mod $(GO) mod download -json golang.org/x/vulndb@$(VULNDB_VERSION) | sed -n 's/.*"Dir": "\(.*\)",/\1/p'); \
	test -d "$$src/data/osv" || { echo "vulncheck: golang.org/x/vulndb@$(VULNDB_VERSION) did not download" >&2; exit 1; }; \
	echo "vulncheck: building the vulnerability database from $$src"; \
	rm -rf "$(VULNDB_DIR).tmp"; mkdir -p "$(dir $(VULNDB_DIR))"; \
	GOFLAGS=-mod=mod $(GO) run golang.org/x/vulndb/cmd/indexdb@$(VULNDB_VERSION) -vulns "$$src/data/osv" -out "$(VULNDB_DIR).tmp"; \
	rm -rf "$(VULNDB_DIR)"; mv "$(VULNDB_DIR).tmp" "$(VULNDB_DIR)"

## fuzz: run each fuzz target for FUZZTIME (default 30s); seeds also run in `make test`
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzRender -fuzztime $(FUZZTIME) ./render/
	$(GO) test -run '^$$' -fuzz FuzzSendRequestValidation -fuzztime $(FUZZTIME) ./enqueue/
	$(GO) test -run '^$$' -fuzz FuzzFlagFile -fuzztime $(FUZZTIME) ./flags/
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./messagetype/
	$(GO) test -run '^$$' -fuzz FuzzVerify -fuzztime $(FUZZTIME) ./providers/webhook/
	$(GO) test -run '^$$' -fuzz FuzzRewrite -fuzztime $(FUZZTIME) ./tracking/

## build: the herald binary in bin/
build:
	$(GO) build -o bin/herald ./cmd/herald

clean:
	rm -rf bin
