# 就业帮扶政策助手 — one Makefile for set-up, training, running and testing.
# Fresh machine: `make run` (set up + start the assistant) and `make test` (set up + every test).

SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | md5sum | cut -c1-8)

# Keep every cache inside the repo (var/ is git-ignored); no telemetry.
export RASA_TELEMETRY_ENABLED := false
export PIP_CACHE_DIR := $(CURDIR)/var/cache/pip
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export MPLCONFIGDIR := $(CURDIR)/var/cache/matplotlib
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1
export PYTHONHASHSEED := 0

RASA := $(VENV)/bin/rasa
MODEL := models/policy-assistant.tar.gz
# what the model is trained from: the data, the config, the tokenizer (and the speed-ups it loads) and its dictionary
TRAIN_INPUTS := config.yml domain.yml bot/tokenizer.py bot/speedups.py $(wildcard data/*.yml data/nlu/*.yml bot/jieba_dict/*)

.PHONY: venv test test-fast test-policies test-rasa test-stories test-nlu check-policies nlu-data validate train run shell \
  clean help

help:
	@echo "make run         set up, train if stale, start the assistant"
	@echo "make test        set up and run every test (what CI runs)"
	@echo "make test-fast   the fast, server-free tests: no model, no servers, under a minute"
	@echo "make test-scale  the scale-out tests (PostgreSQL + Redis + several Rasa processes)"

$(PY):
	@PY310="$$(scripts/find-python310.sh)" || exit 1; \
	echo "Creating $(VENV) with $$PY310"; \
	"$$PY310" -m venv $(VENV)

$(STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -q --upgrade pip wheel 2>&1 | grep -v "^WARNING: Location" || true
	$(PY) -m pip install -q -r requirements-dev.txt 2>&1 | grep -v "^WARNING: Location" ; test $${PIPESTATUS[0]} -eq 0
	rm -f $(VENV)/.installed-*; touch $@

venv: $(STAMP)

check-policies: venv
	$(PY) -m policies check

test-policies: venv
	$(PY) -m pytest -q tests/policies

nlu-data: venv
	$(PY) scripts/gen_nlu_lookups.py

# Fails when the validator exits non-zero, or when its output reports an error or a misaligned entity.
validate: venv
	@mkdir -p var; $(RASA) data validate --domain domain.yml --data data --config config.yml > var/validate.log 2>&1; \
	  rc=$$?; \
	  if grep -Ei "misaligned|error" var/validate.log; then echo "rasa data validate reported problems (var/validate.log)"; exit 1; fi; \
	  if [ $$rc -ne 0 ]; then tail -20 var/validate.log; echo "rasa data validate exited with $$rc (var/validate.log)"; exit 1; fi; \
	  echo "rasa data validate: no errors, no misaligned entities"

# Train only when the training data, config, domain, tokenizer or dictionary changed.
$(MODEL): $(TRAIN_INPUTS) | $(STAMP)
	@mkdir -p models var
	@echo "Training (data or config changed) ..."; rm -f models/policy-assistant-new.tar.gz
	@start=$$(date +%s); \
	$(RASA) train --config config.yml --domain domain.yml --data data --out models \
	  --fixed-model-name policy-assistant-new --force > var/train.log 2>&1; \
	if grep -q "Misaligned entity annotation" var/train.log; then \
	  grep -A2 "Misaligned entity annotation" var/train.log | head -20; rm -f models/policy-assistant-new.tar.gz; \
	  echo "entity spans must fall on jieba word boundaries (var/train.log)"; exit 1; fi; \
	test -f models/policy-assistant-new.tar.gz || { tail -30 var/train.log; exit 1; }; \
	mv -f models/policy-assistant-new.tar.gz $@; \
	echo "trained in $$(( $$(date +%s) - start ))s: $@ ($$(du -h $@ | cut -f1))"

train: $(MODEL)

run: $(MODEL)
	@scripts/serve.sh

shell: $(MODEL)
	@scripts/serve.sh --shell

test-stories: $(MODEL)
	$(RASA) test core --stories tests/rasa/stories.yml --model $(MODEL) --fail-on-prediction-errors \
	  --out var/core-results > var/core-test.log 2>&1 || { grep -B2 -A12 -i "failed\|error" var/core-test.log | tail -60; exit 1; }
	@echo "conversation tests (tests/rasa/stories.yml): all predicted correctly"

# Floors just under the figures measured on tests/nlu/holdout.yml (236 messages; one message = 0.004) when they were
# set: intent accuracy 0.928, macro F1 0.932, entity micro F1 0.934 (DIETClassifier) and 0.677 (RegexEntityExtractor).
# A regression of about five messages fails; raise the floors when the model gets better.
NLU_FLOORS ?= --min-intent-acc 0.91 --min-macro-f1 0.91 --min-entity-f1 DIETClassifier=0.91 \
  --min-entity-f1 RegexEntityExtractor=0.65
test-nlu: $(MODEL)
	$(PY) scripts/nlu_eval.py $(NLU_FLOORS)

test-rasa: $(MODEL)
	$(PY) -m pytest -q tests/actions tests/rasa

# The fast, server-free tests (markers in tests/conftest.py): no trained model, no servers, no browser, under a minute.
FAST_TESTS := not servers and not browser and not scale and not slow
test-fast: venv
	@start=$$(date +%s); $(PY) -m pytest -q -m "$(FAST_TESTS)" tests; rc=$$?; \
	  echo "test-fast: $$(( $$(date +%s) - start )) s"; exit $$rc

# The conversation suite (tests/conversations/*.yaml, written from the sources by writers who never saw the code):
# every conversation through the NLU model and the conversation core in one process, graded on structure (benefits,
# amounts, payees, status, questions, validity notice; tests/conversations/benefits.yaml maps the writers' words).
# Prints the pass rates by document, asker and kind and the count of each failure kind; every failure is in
# var/conversations/report.json. Fails only below the floor, set a few points under the strict pass rate measured in
# session 4 (246/318 = 77.4%; 35.5% at the end of session 3, 10.4% when the grader was added), so that a regression
# fails while the suite stays a measure, not a gate (a retrained model moves the rate by a point or two).
CONVERSATIONS_MIN_PASS ?= 0.72
.PHONY: test-conversations
test-conversations: $(MODEL)
	$(PY) scripts/grade_conversations.py --min-pass $(CONVERSATIONS_MIN_PASS)

# Every test. pytest runs last so its summary closes the output.
test: venv check-policies
	@mkdir -p var
	$(MAKE) --no-print-directory validate
	$(MAKE) --no-print-directory $(MODEL)
	$(MAKE) --no-print-directory test-stories
	$(MAKE) --no-print-directory test-nlu
	$(MAKE) --no-print-directory test-conversations
	@test -x /usr/bin/chromium || $(MAKE) --no-print-directory browser-deps
	$(PY) -m pytest -q tests

# Debian's chromium (and a Chinese font, for readable screenshots) for the operator console's browser tests
# (tests/console, Playwright). Never `playwright install`: it downloads a browser build of its own.
.PHONY: browser-deps
browser-deps:
	@if [ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  echo "browser-deps: $$(/usr/bin/chromium --version 2>/dev/null | head -1)"; else \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -q && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei; fi

clean:
	rm -rf models var/cache .pytest_cache

# Scale-out, storage and load tests (tests/reliability, marked `scale`): a throwaway PostgreSQL + Redis on loopback
# (scripts/services.sh installs them with apt-get when missing), two Rasa processes plus one with SANIC_WORKERS=2
# sharing them, and the full 200 senders x 10 turns load test. The rest of tests/reliability runs in plain pytest.
# Not part of `make test`; CI (.ci/run) runs it after `make test` (about 4 min).
.PHONY: test-scale
test-scale: $(MODEL)
	$(PY) -m pytest -q -m scale tests/reliability

# Benchmarks (not part of `make test`): starts the real servers, measures latency under open-loop load, saturation
# throughput (and the PostgreSQL + Redis scale-out set-up via scripts/services.sh), cold start, training, RSS, NLU
# quality (held-out + 5-fold CV), the policy evaluator, a py-spy profile; prints a table and writes BENCHMARKS.md.
# About 30–40 min on 2 cores. Parts: make bench BENCH_ARGS="--only latency,nlu"; smoke run: BENCH_ARGS=--quick.
.PHONY: bench
bench: venv
	@$(PY) -m pip install -q py-spy==0.4.3 2>&1 | grep -v "^WARNING: Location" || true   # the profile part only
	$(PY) scripts/bench.py $(BENCH_ARGS)
