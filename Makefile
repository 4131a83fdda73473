# Workload Tracker: the verbs a person uses. `make run` starts the whole system;
# `make test` runs every check CI runs.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

export SQLX_OFFLINE := true
CARGO ?= cargo
NPM ?= npm
FRONTEND := frontend

.PHONY: bench bench-import help run build build-rust build-frontend frontend-deps test checks lint-rust test-rust \
        test-frontend e2e migrate sqlx-prepare fmt clean openapi check-openapi \
        build-prod up-prod down-prod logs-prod backup-db restore-db stack-test

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

run: ## Build, start PostgreSQL + Redis if needed, migrate, serve on http://127.0.0.1:8000
	deploy/local/run.sh

build: build-rust build-frontend ## Build the binaries (release) and the web app

build-rust:
	$(CARGO) build --release -p wt-api -p wt-worker

frontend-deps:
	@if [ ! -d $(FRONTEND)/node_modules ] || [ $(FRONTEND)/package-lock.json -nt $(FRONTEND)/node_modules ]; then \
	  cd $(FRONTEND) && $(NPM) ci --no-audit --no-fund; fi

build-frontend: frontend-deps
	cd $(FRONTEND) && $(NPM) run build

test: ## Every check (format, lints, Rust, OpenAPI drift, frontend, Chromium e2e), after installing what a fresh machine lacks
	deploy/local/test.sh

checks: lint-rust test-rust check-openapi test-frontend e2e stack-test
	@echo "make test: all checks passed"

lint-rust:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

# sqlx::test creates one database per test on this server, next to wt_test.
test-rust:
	DATABASE_URL="$$(deploy/local/test-db.sh wt_test)" \
	REDIS_URL="$${REDIS_URL:-redis://127.0.0.1:6379/0}" \
	  $(CARGO) test --workspace --locked

test-frontend: frontend-deps
	cd $(FRONTEND) && $(NPM) run typecheck && $(NPM) run lint && $(NPM) run test

openapi: frontend-deps ## Regenerate frontend/openapi.json and the API types from the code
	$(CARGO) run --quiet --locked -p wt-api -- openapi > $(FRONTEND)/openapi.json
	cd $(FRONTEND) && $(NPM) run --silent gen:api

# The committed document and types must match the code. Uses the debug binary that
# `test-rust` built (builds it only when missing), so nothing is compiled twice.
check-openapi: frontend-deps
	@test -x target/debug/wt-api || $(CARGO) build --quiet --locked -p wt-api
	@fresh="$$(mktemp -d)"; trap 'rm -rf "$$fresh"' EXIT; \
	target/debug/wt-api openapi > "$$fresh/openapi.json"; \
	(cd $(FRONTEND) && npx --no-install openapi-typescript "$$fresh/openapi.json" \
	  -o "$$fresh/schema.d.ts" > /dev/null); \
	if ! diff -u $(FRONTEND)/openapi.json "$$fresh/openapi.json" \
	   || ! diff -u $(FRONTEND)/src/api/schema.d.ts "$$fresh/schema.d.ts"; then \
	  echo "check-openapi: the API changed; run \`make openapi\` and commit the result." >&2; \
	  exit 1; \
	fi; \
	echo "check-openapi: frontend/openapi.json and src/api/schema.d.ts match the code"

# Reuses the debug binaries `test-rust` built (all targets, so the features match and
# nothing is compiled again); builds the web app once.
e2e: build-frontend
	$(CARGO) build --locked --workspace --all-targets
	deploy/local/e2e.sh

# The production stack as plain processes (nginx with deploy/nginx, two apis, two workers,
# DEBUG=false) checked through nginx, and the compose files checked without Docker. Reuses
# the debug binaries and the web app build the targets before it made.
stack-test: build-frontend ## The production stack as plain processes, checked through nginx; the compose files checked without Docker
	$(CARGO) build --locked --workspace --all-targets
	deploy/local/stack-test.sh
	deploy/local/check-compose.py

# WT_BENCH_PEOPLE (5000), WT_BENCH_SECONDS (10 per endpoint), WT_BENCH_MIXED_SECONDS (60),
# WT_BENCH_JOBS=0 (skip the job system's part) tune a run.
bench: ## Load-test the release build on a 5,000-person company (table in bench/results/<date>.md), then jobs and imports
	deploy/local/bench.sh
	deploy/local/bench-import.sh

bench-import: ## Time a 100k-row people import and a zip bomb through the api and worker
	deploy/local/bench-import.sh

# The admin CLI the database targets run: here by default, against DATABASE_URL (or .env).
# For the compose stack, run it in a container instead, e.g.
#   make backup-db WT_API="docker compose -f docker-compose.yml -f docker-compose.prod.yml exec -T scheduler wt-api"
WT_API ?= $(CARGO) run --quiet -p wt-api --

migrate: ## Apply migrations to the database in DATABASE_URL (or .env)
	$(WT_API) migrate

backup-db: ## Back up the database in DATABASE_URL (or .env) to BACKUPS_DIR (custom-format pg_dump + sidecar)
	$(WT_API) backup-db

restore-db: ## Restore a backup made by backup-db: make restore-db FILE=backups/db/<id>.dump
	@test -n "$(FILE)" || { echo "usage: make restore-db FILE=<backup file>" >&2; exit 2; }
	$(WT_API) restore-db "$(FILE)" --confirm

# The production stack (docker-compose.yml + docker-compose.prod.yml; deploy/README.md).
COMPOSE ?= docker compose
COMPOSE_PROD := $(COMPOSE) -f docker-compose.yml -f docker-compose.prod.yml

build-prod: ## Build the production images (api, worker, nginx with the web app) on current base images
	$(COMPOSE_PROD) build --pull

up-prod: ## Start the production stack in the background (migrations run first)
	$(COMPOSE_PROD) up -d

down-prod: ## Stop the production stack (volumes are kept)
	$(COMPOSE_PROD) down

logs-prod: ## Follow the logs of every production service
	$(COMPOSE_PROD) logs -f --tail=200

sqlx-prepare: ## Regenerate .sqlx/ (the query cache) against a freshly migrated database
	url="$$(deploy/local/test-db.sh wt_sqlx_prepare --fresh)"; \
	for f in migrations/*.up.sql; do psql -X -q -v ON_ERROR_STOP=1 "$$url" -f "$$f"; done; \
	rm -rf .sqlx && mkdir .sqlx && git ls-files -z '*.rs' | xargs -0 touch; \
	SQLX_OFFLINE=false SQLX_OFFLINE_DIR="$$PWD/.sqlx" DATABASE_URL="$$url" \
	  $(CARGO) check --workspace --all-targets

fmt: ## Format the Rust code
	$(CARGO) fmt --all

clean: ## Remove build output (keeps .data/ and .env)
	$(CARGO) clean
	rm -rf $(FRONTEND)/dist
