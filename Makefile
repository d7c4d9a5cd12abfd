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

.PHONY: venv test test-policies check-policies run clean help

help:
	@echo "make run    set up, train if stale, start the assistant"
	@echo "make test   set up and run every test"

$(PY):
	@PY310="$$(scripts/find-python310.sh)" || exit 1; \
	echo "Creating $(VENV) with $$PY310"; \
	"$$PY310" -m venv $(VENV)

$(STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -q --upgrade pip wheel setuptools 2>&1 | grep -v "^WARNING: Location" || true
	$(PY) -m pip install -q -r requirements-dev.txt 2>&1 | grep -v "^WARNING: Location" ; test $${PIPESTATUS[0]} -eq 0
	rm -f $(VENV)/.installed-*; touch $@

venv: $(STAMP)

check-policies: venv
	$(PY) -m policies check

test-policies: venv
	$(PY) -m pytest -q tests/policies

test: venv check-policies
	$(PY) -m pytest -q tests

run: venv
	@echo "The Rasa assistant is not built yet: only the policy module is. Try:"
	@echo "  $(PY) -m policies explain --place 千阳县 --fact 身份=脱贫劳动力 --fact 合同月数=12"

clean:
	rm -rf models var/cache .pytest_cache
