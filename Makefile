# reportgen: `make` sets everything up and renders the sample briefing; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SEED   := seeds/huangzhong-2024-newspaper.txt

# Debian packages: venv for Debian's own python3, CJK fonts and HarfBuzz subsetting for WeasyPrint PDFs, poppler for reading PDFs back.
DEB_RUNTIME := python3-venv fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils
# Only the tests need these: LibreOffice opens our DOCX, Chromium checks the HTML views.
DEB_TEST    := libreoffice-writer-nogui chromium

.PHONY: all setup system system-test venv brief test lint bench clean

all: setup brief

setup: system venv

system:
	@dpkg -s $(DEB_RUNTIME) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(DEB_RUNTIME); }

system-test: system
	@dpkg -s $(DEB_TEST) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(DEB_TEST); }

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

brief: setup
	$(BIN)/reportgen brief $(SEED) -o output/huangzhong-2024-newspaper.pdf
	@echo "Briefing written to output/huangzhong-2024-newspaper.pdf"

test: setup system-test
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: setup
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) output/*.pdf output/*.docx output/*.html
