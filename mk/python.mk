# mk/python.mk — the Python package (python/: claimc over libclaimc.so through ctypes), its
# tests, and the Dask run.
#
#   make python           install the package for $(PYTHON) (pip, offline: no index, no build
#                         isolation; --user outside a virtualenv), libclaimc.so.0 inside it
#   test-python           pytest python/tests/test_claimc.py: the package against the CLI
#   test-python-install   pip install --target into build/: imports and parses with the copy
#                         of the library it carries, from another directory
#   test-dask             a LocalCluster of 2 workers over 600 files = the CLI's lines, sorted
#
# $(PYTHON) is Debian's /usr/bin/python3 when present: python3-pandas, -distributed, -pytest
# are installed for it (the python3 on PATH may be another interpreter without them).

PYTHON ?= $(if $(wildcard /usr/bin/python3),/usr/bin/python3,python3)
PIP_FLAGS ?= $(if $(VIRTUAL_ENV),,--user --break-system-packages)

.PHONY: python test-python test-python-install test-dask
CHECK_PARTS += test-python test-python-install test-dask

python: $(B)/claimc shared
	CLAIMC_LIBRARY=$(CURDIR)/$(B)/$(SONAME) $(PYTHON) -m pip install --no-index \
	    --no-build-isolation --no-deps $(PIP_FLAGS) ./python
	@cd / && $(PYTHON) -c 'import claimc; print("claimc", claimc.__version__, "installed:", claimc.__file__)'

PY_TEST_ENV = PYTHON=$(PYTHON) CLAIMC_BIN=$(CURDIR)/$(B)/claimc \
              CLAIMC_LIBRARY=$(CURDIR)/$(B)/$(SONAME) PYTHONPATH=$(CURDIR)/python

test-python: $(B)/claimc shared
	@$(PY_TEST_ENV) tests/run_python.sh python/tests/test_claimc.py $(B)/test-results.txt

test-dask: $(B)/claimc shared
	@$(PY_TEST_ENV) tests/run_python.sh python/tests/test_dask.py $(B)/test-results.txt

test-python-install: $(B)/claimc shared
	@PYTHON=$(PYTHON) B=$(CURDIR)/$(B) SONAME=$(SONAME) tests/run_python_install.sh $(B)/test-results.txt
