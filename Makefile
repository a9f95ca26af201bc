# Wirewatch: the commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export WIREWATCH_DATA_DIR ?= $(CURDIR)/var

.PHONY: install run test test-unit chaos kafka-up kafka-down kafka-status bench eval lint schemas demo clean

$(BIN)/wirewatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	@touch $@

install: $(BIN)/wirewatch  ## create .venv with the `wirewatch` command

kafka-up: install  ## start the local KRaft broker on 127.0.0.1:9092 unless one answers there
	bash deploy/kafka/kafka.sh up

kafka-down:  ## stop the broker that kafka-up started (only that one)
	bash deploy/kafka/kafka.sh down

kafka-status:
	bash deploy/kafka/kafka.sh status

run: kafka-up  ## the main job: local broker if needed, then the worker in the foreground
	$(BIN)/wirewatch worker

demo: kafka-up  ## the whole tour on bundled sample wires, then exit
	$(BIN)/wirewatch demo

test: kafka-up  ## the whole suite: unit, integration (real broker, real worker), end-to-end
	$(BIN)/pytest -q -ra --ignore=tests/chaos

chaos: kafka-up  ## fault injection on the real broker (kill -9, broker restart, rebalance, hostile input)
	$(BIN)/pytest -q -ra tests/chaos

test-unit: install  ## the pure core only, no broker
	$(BIN)/pytest -q -ra tests/unit

bench: kafka-up  ## pipeline throughput vs a bare aiokafka loop, latency, coder speed
	$(BIN)/python -m bench.run

eval: install  ## precision, recall and F1 of the coder on the labelled corpus
	$(BIN)/python -m bench.eval

lint: install
	$(BIN)/ruff check .

schemas: install  ## re-export schemas/json/*.schema.json from the pydantic models
	$(BIN)/python -m schemas.export

clean:
	rm -rf .pytest_cache .ruff_cache build *.egg-info
