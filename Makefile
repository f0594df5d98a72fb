# gongwen — `make run` processes samples/ into output/, `make test` runs the tests.
# Both create the virtual environment .venv when it is missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= output
SAMPLES ?= samples

.PHONY: run test bench accuracy fuzz samples formats scans screenshots acks circulars tables clean bytecode

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# bytecode: the package compiled ahead (only what changed; a few ms when nothing did). Where PYTHONDONTWRITEBYTECODE
# is set, as on many CI machines, Python would otherwise compile every module from source in every process, each
# batch worker too: about 0.15 s a process.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q pipeline

# run: the batch parses samples/inbox into records, register, manifest and the index (exit 2 if a sample
# failed, which fails make), then the render targets write replies, circulars and division tables.
run: $(STAMP) bytecode
	@command -v tesseract > /dev/null || echo "gongwen: scans are read by OCR only with Tesseract: apt-get install tesseract-ocr tesseract-ocr-chi-tra"
	$(BIN)/gongwen batch $(SAMPLES)/inbox -o $(OUT)
	$(MAKE) --no-print-directory acks circulars tables

# bench: every script in bench/, each printing its table and writing output/bench-*.json
bench: $(STAMP) bytecode
	for f in bench/*.py; do $(BIN)/python "$$f" || exit 1; done

# accuracy: per-field accuracy on the real-letter corpus tests/data/real/, into README.md and the ratchet baseline
accuracy: $(STAMP) bytecode
	$(BIN)/python tests/accuracy.py

test: $(STAMP) bytecode
	$(BIN)/python -m pytest -q

# fuzz: mutants of the sample files through every reader for FUZZ_SECONDS; a traceback, a mutant over 20 s or
# over 1 GB fails it (FUZZ_SAVE=1 keeps them in tests/data/fuzz/ for tests/test_fuzz_regressions.py)
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py --seconds $(FUZZ_SECONDS) $(if $(FUZZ_SEED),--seed $(FUZZ_SEED)) $(if $(FUZZ_MUTANTS),--mutants $(FUZZ_MUTANTS)) $(if $(FUZZ_SAVE),--save)

# samples: rewrite the sample ODT/PDF files and samples/bad from the seed's content (needs LibreOffice
# and fonts-noto-cjk; the produced files are committed, so tests need neither)
samples: $(STAMP)
	$(BIN)/python scripts/make_samples.py

# formats: rewrite tests/data/formats (the seed letter and 分工表 as .docx/.doc/.rtf/.xlsx/.ods/.xls; needs LibreOffice)
formats: $(STAMP)
	$(BIN)/python scripts/make_formats.py

# scans: rewrite tests/data/scans (sample letters rasterised, skewed, speckled, stamped; a fax TIFF)
scans: $(STAMP)
	$(BIN)/python scripts/make_scans.py

# screenshots: rewrite docs/serve-search.png and docs/serve-letter.png (gongwen serve in Debian's headless chromium)
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

clean:
	find $(OUT) -mindepth 1 ! -name README.md -delete

# ---- rendering (gongwen render, see README "Rendering") ---------------------------------------
# acks / circulars / tables render every letter into $(OUT)/rendered (ODT, HTML, text), sharing one
# dispatch-number register there. Inputs: the records in $(OUT)/records if a batch wrote them,
# else the letters in $(SAMPLES)/inbox. Attachments and other non-letters are skipped with a notice.
RENDERED := $(OUT)/rendered
RENDER_FORMATS := --format odt --format html --format txt
SEED := $(SAMPLES)/inbox/000_7274a88dd80a289e.txt

# $(call render_all,KIND): the shell collects the inputs (names may hold brackets or spaces)
define render_all
	set --; for f in $(OUT)/records/*.json; do if [ -e "$$f" ]; then set -- "$$@" "$$f"; fi; done; \
	if [ $$# -eq 0 ]; then for f in $(SAMPLES)/inbox/*.txt $(SAMPLES)/inbox/*.pdf $(SAMPLES)/inbox/*.di \
	  $(SAMPLES)/inbox/*.odt; do if [ -e "$$f" ]; then set -- "$$@" "$$f"; fi; done; fi; \
	$(BIN)/gongwen render $(1) "$$@" $(RENDER_FORMATS) -o $(RENDERED)
endef

acks: $(STAMP)
	$(call render_all,ack)

circulars: $(STAMP)
	$(call render_all,circular)

tables: $(STAMP)
	$(call render_all,table)

# docs-picture: the seed's reply as ODT → PDF (LibreOffice) → first page as docs/reply-letter.png
.PHONY: docs-picture
docs-picture: $(STAMP)
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(BIN)/gongwen render ack $(SEED) -o "$$tmp/odt" > /dev/null && \
	$(BIN)/python -m pipeline.render.libreoffice "$$tmp/pdf" "$$tmp"/odt/*-ack.odt > /dev/null && \
	pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$$tmp"/pdf/*-ack.pdf docs/reply-letter

# ---- messages in Traditional Chinese (pipeline/i18n.py; Babel) ------------------------------------
# messages-extract: every translatable message of pipeline/ and click's own words → pipeline/locale/gongwen.pot
# messages-update: merge it into pipeline/locale/zh_TW/LC_MESSAGES/gongwen.po (translate the new entries there)
# messages-compile: gongwen.po → gongwen.mo, shipped in the package; `make messages` does all three
LOCALE := pipeline/locale
CLICK_DIR = $$($(BIN)/python -c "import click, os; print(os.path.dirname(click.__file__))")

messages-extract: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --omit-header -o $(LOCALE)/gongwen.pot pipeline $(CLICK_DIR)

messages-update: $(STAMP)
	$(BIN)/pybabel update -i $(LOCALE)/gongwen.pot -d $(LOCALE) -D gongwen -l zh_TW --no-fuzzy-matching --omit-header

messages-compile: $(STAMP)
	$(BIN)/pybabel compile -d $(LOCALE) -D gongwen -l zh_TW

messages: messages-extract messages-update messages-compile
