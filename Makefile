# Two commands on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint install system-deps screenshots bench score clean

$(STAMP): pyproject.toml requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	# the spaCy English pipeline, pinned by hash in its own step so other ranges stay free
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

# system-deps reads what the installed Qt plugin needs, so it runs after the Python packages are in
install: $(STAMP) system-deps

system-deps: $(STAMP)
	@sh scripts/system-deps.sh $(PY)

run: install
	$(PY) main.py

test: install
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	# the library (both backends, the store interface), the model and the team commands stay typed, strictly;
	# the modules they import are read silently until they are typed too ([tool.mypy] in pyproject.toml)
	$(VENV)/bin/mypy --strict briefing/library briefing/model.py briefing/team.py

score: install
	$(PY) bench/score_dev.py

bench: install
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

screenshots: install
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
