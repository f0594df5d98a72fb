# gongwen — `make run` processes samples/ into output/, `make test` runs the tests.
# Both create the virtual environment .venv when it is missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= output
SAMPLES ?= samples

.PHONY: run test bench acks circulars tables clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

run: $(STAMP)
	mkdir -p $(OUT)/records
	for f in $(SAMPLES)/*.txt; do $(BIN)/gongwen parse --pretty "$$f" > "$(OUT)/records/$$(basename "$$f" .txt).json" || exit 1; done

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	find $(OUT) -mindepth 1 ! -name README.md -delete
