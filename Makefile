# The README's two commands: `make serve` and `make test`. Both do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Debian packages the tests need: Chromium (browser tests), LibreOffice (documents open back), hunspell-nl (spelling).
SYSTEM_PACKAGES := chromium libreoffice-writer-nogui libreoffice-calc-nogui hunspell hunspell-nl
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test validate system-packages bench lock clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e . || $(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/kennisbank serve

build: $(STAMP)
	$(BIN)/kennisbank build

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

test: $(STAMP) system-packages
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/validate_bench.py
	$(BIN)/python bench/site_bench.py

# Regenerate the hashed lock after changing dependencies in pyproject.toml.
lock:
	$(PYTHON) -m venv .cache/piptools && .cache/piptools/bin/pip install --quiet pip-tools
	.cache/piptools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --extra test --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf site .site.builds .cache
