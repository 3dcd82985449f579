# Everything runs inside .venv, which the first target that needs it creates.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: generate check validate test test-fast lint typecheck update-snapshots runtime bench fuzz package clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) -e '.[test]'
	touch $@

# The TypeScript compiler the tests judge the generated package with, exactly as locked.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The headless browser the HTML page's tests drive (playwright-core from package-lock.json; no
# browser download): Debian's Chromium, installed when missing (as root, or through sudo).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update
	$(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

generate: $(VENV)/.installed
	$(PY) -m generator generate

# Also the spec against its last release, when catalog.release_tag names one: breaking changes
# fail unless ALLOW_BREAKING=1, and so does a version the changes do not allow.
check: $(VENV)/.installed
	$(PY) -m generator generate --check --fix-command "make generate"
	$(PY) -m generator diff --last-release $(if $(ALLOW_BREAKING),--allow-breaking)

validate: $(VENV)/.installed
	$(PY) -m generator validate

test: $(VENV)/.installed-test node_modules/.installed $(CHROMIUM) lint typecheck
	$(PY) -m pytest

# The in-process tests alone, while working: no Node.js, tsc, go or browser (`make test` runs them all).
test-fast: $(VENV)/.installed-test
	$(PY) -m pytest -q -m "not toolchain"

lint: $(VENV)/.installed-test
	$(PY) -m ruff check generator tests bench
	$(PY) -m ruff format --check generator tests bench

typecheck: $(VENV)/.installed-test
	$(PY) -m mypy generator
	$(PY) -m mypy --strict $(dir $(wildcard out/python/*/py.typed))

update-snapshots: $(VENV)/.installed-test
	$(PY) -m generator generate
	$(PY) -m tests.snapshots

# The TypeScript runtime's committed build (runtime.js, runtime.d.ts), rebuilt from runtime.ts by the locked tsc.
runtime: node_modules/.installed
	node_modules/.bin/tsc -p generator/runtime/typescript/tsconfig.json

# Speed is measured here, never in a timed test: every scale measure against its floor, as one
# table and bench/results/bench.json (BENCH_FLAGS=--quick skips 100,000 codes), then the single-call
# and hostile-input timings of the real spec's packages.
bench: $(VENV)/.installed-test node_modules/.installed
	$(PY) bench/run.py $(BENCH_FLAGS)
	$(PY) bench/bench_python.py
	$(PY) bench/bench_hostile_python.py
	$(PY) bench/bench_check.py
	node bench/bench_typescript.mjs
	cd bench/go && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -run '^$$' -bench . -benchmem

# The fuzz test with a much larger budget than `make test` gives it.
fuzz: $(VENV)/.installed-test node_modules/.installed
	ERRGEN_FUZZ_EXAMPLES=1000 $(PY) -m pytest tests/test_fuzz.py -q

# Release artifacts of out/ in dist/, the same bytes on every run (SOURCE_DATE_EPOCH may set their time).
package: $(VENV)/.installed-test
	$(PY) -m generator package

# Everything the targets above make; out/ is committed and stays.
clean:
	rm -rf $(VENV) node_modules .mypy_cache .ruff_cache .pytest_cache .hypothesis build dist *.egg-info
	find generator tests bench -name __pycache__ -type d -prune -exec rm -rf {} +
