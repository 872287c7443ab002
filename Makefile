# Muster — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# Build output lives outside the clone so CI and fresh clones reuse it.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/muster-target
export MUSTER_TOOLS_DIR ?= $(HOME)/.cache/muster-tools
export PATH := $(MUSTER_TOOLS_DIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export LEPTOS_SITE_ROOT ?= target/site

.PHONY: run test bench build tools tools-test fmt clean-data help

help:
	@echo "make run    install what is missing, build, migrate, seed the demo and serve it"
	@echo "make test   install what is missing, then run every check and test"
	@echo "make bench  build release and run the benchmarks"

## Install what a build needs (idempotent).
tools:
	@.ci/install-tools.sh build

tools-test:
	@.ci/install-tools.sh test

## The release build: server binary and the hydrate bundle in target/site.
build: tools
	cargo leptos build --release

## Serve the demo on http://127.0.0.1:3000 (MUSTER_BIND changes the address).
run: build
	MUSTER_SEED_DEMO=$${MUSTER_SEED_DEMO:-true} "$(CARGO_TARGET_DIR)/release/server" serve

## Every check and test, with counts.
test: tools-test
	@.ci/test.sh

bench:
	@.ci/install-tools.sh bench
	@.ci/bench.sh

fmt:
	cargo fmt --all

## Forget the embedded demo database (it is re-created and re-seeded by the next `make run`).
clean-data:
	rm -rf data
