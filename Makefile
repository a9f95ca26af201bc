# Wirewatch: the commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export WIREWATCH_DATA_DIR ?= $(CURDIR)/var
# Stamp files: each is touched after its install step succeeds, so a half-done install is
# redone on the next run, and a changed lock file or pom reinstalls exactly that part.
CRD_DIR := tests/unit/deploy/crd
NODE_STAMP := $(CRD_DIR)/node_modules/.installed
JARS_DIR := deploy/kafka/target/lib
JARS_STAMP := $(JARS_DIR)/.installed

.PHONY: install test-deps run test test-unit chaos kafka-up kafka-down kafka-status bench eval \
	lint schemas demo clean

$(BIN)/wirewatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	@touch $@

install: $(BIN)/wirewatch  ## create .venv with the `wirewatch` command

# The ServiceMonitor/PrometheusRule schema check (tests/unit/deploy/test_k8s_manifests.py).
$(NODE_STAMP): $(CRD_DIR)/package-lock.json $(CRD_DIR)/package.json
	@command -v npm >/dev/null || { echo "npm not found (Debian: apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --prefix $(CRD_DIR) --no-audit --no-fund --silent
	@touch $@

# The broker's jars; cleared first so a version bump in the pom leaves no old jar on the classpath.
$(JARS_STAMP): deploy/kafka/pom.xml
	rm -rf $(JARS_DIR)
	mvn -q -B -f deploy/kafka/pom.xml dependency:copy-dependencies
	@touch $@

test-deps: install $(NODE_STAMP) $(JARS_STAMP)  ## everything `make test` needs beyond OS packages

kafka-up: install $(JARS_STAMP)  ## start the local KRaft broker on 127.0.0.1:9092 unless one answers there
	bash deploy/kafka/kafka.sh up

kafka-down:  ## stop the broker that kafka-up started (only that one)
	bash deploy/kafka/kafka.sh down

kafka-status:
	bash deploy/kafka/kafka.sh status

run: kafka-up  ## the main job: local broker if needed, then the worker in the foreground
	$(BIN)/wirewatch worker

demo: kafka-up  ## the whole tour on bundled sample wires, then exit
	$(BIN)/wirewatch demo

test: test-deps kafka-up  ## the whole suite: unit, integration (real broker, real worker), end-to-end
	$(BIN)/pytest -q -ra --ignore=tests/chaos

chaos: test-deps kafka-up  ## fault injection on the real broker (kill -9, broker restart, rebalance, hostile input)
	$(BIN)/pytest -q -ra tests/chaos

test-unit: install $(NODE_STAMP)  ## the pure core only, no broker
	$(BIN)/pytest -q -ra tests/unit

bench: kafka-up  ## pipeline throughput vs a bare aiokafka loop, latency, coder speed
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.neardup

eval: install  ## precision, recall and F1 of the coder on the labelled corpus
	$(BIN)/python -m bench.eval

lint: install
	$(BIN)/ruff check .

schemas: install  ## re-export schemas/json/*.schema.json from the pydantic models
	$(BIN)/python -m schemas.export

clean:
	rm -rf .pytest_cache .ruff_cache build *.egg-info
