# Two commands do everything: `make play` and `make test`.
# Both install exactly the versions in requirements.lock (hashes checked), never today's
# releases; `make lock` re-resolves the lock from pyproject.toml's ranges.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
STAMP := $(VENV)/.installed
SCENARIO ?= strait-incident
UV_VERSION := 0.13.9
# pytest-xdist workers: the UI tests mostly wait on the app, so four workers suit a 2-core
# machine; `make test JOBS=0` runs the suite in one process.
JOBS ?= 4

.PHONY: play test venv bench lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(LOCK) pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

venv: $(STAMP)

play: $(STAMP)
	$(BIN)/wargame play $(SCENARIO)

test: $(STAMP)
	$(BIN)/python -m pytest -n $(JOBS)

bench: $(STAMP)
	@status=0; for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || status=1; done; exit $$status

# Resolve every platform and Python >= 3.11 at once; the build tools are locked too, so the
# editable install needs nothing from today's releases.
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml','rb'))['build-system']['requires']))" > $(VENV)/build-requires.in
	$(BIN)/uv pip compile pyproject.toml $(VENV)/build-requires.in --extra test --universal \
		--python-version 3.11 --generate-hashes --quiet -o $(LOCK)

clean:
	rm -rf $(VENV) build *.egg-info
