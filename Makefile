# Two commands do everything on a fresh Debian 12 / Ubuntu machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export LANG := C.UTF-8
export LC_ALL := C.UTF-8

.PHONY: run test bench demo system-deps system-deps-test venv venv-test translations lock clean

run: system-deps $(VENV)/.runtime translations
	$(BIN)/station-app $(ARGS)

test: system-deps-test $(VENV)/.test translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: system-deps-test $(VENV)/.test translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(BENCH_ARGS)

demo: system-deps $(VENV)/.runtime translations
	$(BIN)/station-app demo $(ARGS)

system-deps:
	@scripts/install-system-deps.sh

system-deps-test:
	@TEST=1 scripts/install-system-deps.sh

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The lock files pin what is tested and shipped; the project itself goes in editable, without resolving again.
$(VENV)/.runtime: $(VENV)/bin/python requirements.lock pyproject.toml
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	@touch $@

$(VENV)/.test: $(VENV)/.runtime requirements-test.lock
	$(BIN)/pip install -q -r requirements-test.lock
	@touch $@

translations: $(VENV)/.runtime
	@$(BIN)/python scripts/translations.py build

# Re-pin after changing dependencies in pyproject.toml (needs the network).
lock:
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/pip install -q . && .lockvenv/bin/pip freeze --exclude station-app > requirements.lock
	.lockvenv/bin/pip install -q ".[test]" && .lockvenv/bin/pip freeze --exclude station-app \
	  | grep -vxFf requirements.lock > requirements-test.lock
	rm -rf .lockvenv

clean:
	rm -rf $(VENV) build dist *.egg-info

# Packaging (installer/README.md). `make dist`: the one-folder bundle dist/station-app/ in a build venv of its own
# (build/venv: requirements.lock + requirements-build.lock), smoke-tested; `make deb`: the .deb from it;
# `make deb-test` (root, network to a Debian mirror, a few minutes): installs it into a clean Debian 12 root;
# `make deb-upgrade-test OLD_DEB=…/station-app_<older>_amd64.deb`: the older package with data first, this one over it.
# `make deb-offline`: one .tar for a site with no network (the .deb, the Debian packages it needs, install.sh);
# `make deb-offline-test` installs that kit into a clean Debian 12 root with no network.
# `make dist-office`: the receiving office's bundle dist/station-app-office/ (adds the network service, PostgreSQL
# and FHIR validation, which stations never use).
.PHONY: dist dist-office deb deb-test deb-upgrade-test deb-offline deb-offline-test

dist: system-deps
	scripts/build-dist.sh

dist-office: system-deps
	STATION_APP_EDITION=office scripts/build-dist.sh

deb: dist
	scripts/build-deb.sh

deb-test: deb
	scripts/test-deb-in-chroot.sh

deb-upgrade-test: deb
	@[ -n "$(OLD_DEB)" ] || { echo "OLD_DEB=path/to/the/older/station-app_*.deb is needed" >&2; exit 2; }
	scripts/test-deb-in-chroot.sh --upgrade-from "$(OLD_DEB)"

deb-offline: deb
	scripts/build-offline-kit.sh

deb-offline-test: deb-offline
	scripts/test-deb-in-chroot.sh --offline-kit $$(ls -t dist/station-app_*-offline.tar | head -1)

# Windows, built and run under Wine (root, network to PyPI, npm and a Debian mirror the first time; installer/README.md):
# `make win-dist`: dist-win/station-app/ (PyInstaller under Wine from the Windows CPython and wheels) and
# dist-win/station-app-setup-<version>.exe (Inno Setup); `make win-test`: that setup installed, used, upgraded and
# uninstalled in a fresh Wine prefix, with screenshots of the window in build/win/screens/.
.PHONY: win-dist win-test
win-dist: $(VENV)/.runtime translations
	scripts/build-win-in-wine.sh

win-test: win-dist
	scripts/test-win-in-wine.sh

# `make test-clean-root` (root, network to a Debian mirror and PyPI, about 15 minutes): `make test` in a throwaway
# Debian 12 root with only make, python3 and git, under CI=true, as a new machine would run it.
.PHONY: test-clean-root
test-clean-root:
	scripts/test-in-clean-root.sh
