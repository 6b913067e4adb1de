# The README's two commands: `make serve` and `make test`. Both do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The web editor (Decap CMS, pinned in package.json/package-lock.json), served from the site itself.
NODE_STAMP := node_modules/.installed
# Debian packages the tests need: Chromium (browser tests), LibreOffice (documents open back), hunspell-nl (spelling),
# poppler-utils (pdftotext reads back printed pages and the PDFs LibreOffice makes of the templates).
SYSTEM_PACKAGES := chromium libreoffice-writer-nogui libreoffice-calc-nogui hunspell hunspell-nl poppler-utils
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build build-zensical beheer test validate system-packages bench lock clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e . || $(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "FOUT: npm ontbreekt; installeer Debian's pakket 'npm' (de webeditor komt uit npm)." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/kennisbank serve

build: $(STAMP) $(NODE_STAMP)
	$(BIN)/kennisbank build

build-zensical: $(STAMP) $(NODE_STAMP)
	$(BIN)/kennisbank build --bouwer zensical

beheer: $(STAMP) $(NODE_STAMP)
	$(BIN)/kennisbank beheer

validate: $(STAMP)
	$(BIN)/kennisbank validate

system-packages:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Systeempakketten installeren:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing \
	    || { echo "FOUT: kon$$missing niet installeren; de browser-, document- en spellingtests hebben ze nodig." >&2; exit 1; }; \
	fi
	@command -v chromium >/dev/null || { echo "FOUT: chromium ontbreekt na installatie." >&2; exit 1; }
	@command -v soffice >/dev/null || { echo "FOUT: soffice (LibreOffice) ontbreekt na installatie." >&2; exit 1; }
	@command -v pdftotext >/dev/null || { echo "FOUT: pdftotext (poppler-utils) ontbreekt na installatie." >&2; exit 1; }

# One pytest worker per core (pytest-xdist); a test file stays on one worker, so its module fixtures are
# made once, and each worker builds the shared site once.
test: $(STAMP) $(NODE_STAMP) system-packages
	$(BIN)/pytest -n auto --dist loadfile

bench: $(STAMP)
	$(BIN)/python bench/validate_bench.py
	$(BIN)/python bench/site_bench.py

# Regenerate the hashed lock after changing dependencies in pyproject.toml.
lock:
	$(PYTHON) -m venv .cache/piptools && .cache/piptools/bin/pip install --quiet pip-tools
	.cache/piptools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --extra test --extra zensical --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf site .site.builds .cache
