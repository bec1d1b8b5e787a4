# mk/python.mk — the Python package (python/: claimc over libclaimc.so through ctypes), its
# tests, and the Dask run.
#
#   make python           install the package for $(PYTHON) (pip, offline: no index, no build
#                         isolation; --user outside a virtualenv), libclaimc.so.0 inside it, and
#                         the optional C extension claimc._fastdict when it was built
#   fastdict              build/_fastdict<EXT_SUFFIX>: the records' dicts made in C (needs
#                         python3-dev's Python.h; without it the package uses json.loads)
#   test-python           pytest python/tests/test_claimc.py: the package against the CLI;
#                         test_fastdict.py: the C decoder = json.loads, and the pure path
#   test-python-install   pip install --target into build/: imports and parses with the copy
#                         of the library it carries, from another directory
#   test-dask             a LocalCluster of 2 workers over 600 files = the CLI's lines, sorted
#
# $(PYTHON) is Debian's /usr/bin/python3 when present: python3-pandas, -distributed, -pytest
# are installed for it (the python3 on PATH may be another interpreter without them).

PYTHON ?= $(if $(wildcard /usr/bin/python3),/usr/bin/python3,python3)
PIP_FLAGS ?= $(if $(VIRTUAL_ENV),,--user --break-system-packages)

.PHONY: python fastdict test-python test-python-install test-dask
CHECK_PARTS += test-python test-python-install test-dask

# The extension is compiled here, for $(PYTHON), never at import time. Its name carries the
# interpreter's ABI tag (EXT_SUFFIX), so another interpreter ignores it and uses json.loads.
PY_EXT_SUFFIX := $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))' 2>/dev/null)
PY_INCLUDE    := $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["include"])' 2>/dev/null)
FASTDICT      := $(if $(wildcard $(PY_INCLUDE)/Python.h),$(B)/_fastdict$(PY_EXT_SUFFIX))

fastdict: $(FASTDICT)
	@$(if $(FASTDICT),:,echo "note: no Python.h for $(PYTHON) (apt-get install python3-dev):" \
	    "claimc decodes records with json.loads")

FASTDICT_SRC = python/claimc/_fastdict.c python/claimc/_arenas.c python/claimc/_utf8.c \
               python/claimc/_batch.c python/claimc/_shapes.c
$(B)/_fastdict$(PY_EXT_SUFFIX): $(FASTDICT_SRC) $(wildcard python/claimc/_*.h) include/claimc.h | $(B)
	$(CC) $(WARN) $(CFLAGS) -fPIC -shared -fvisibility=hidden -I$(PY_INCLUDE) -o $@ $(FASTDICT_SRC)

python: $(B)/claimc shared fastdict
	CLAIMC_LIBRARY=$(CURDIR)/$(B)/$(SONAME) $(PYTHON) -m pip install --no-index \
	    --no-build-isolation --no-deps $(PIP_FLAGS) ./python
	@cd / && $(PYTHON) -c 'import claimc; print("claimc", claimc.__version__, "installed:", claimc.__file__)'

PY_TEST_ENV = PYTHON=$(PYTHON) CLAIMC_BIN=$(CURDIR)/$(B)/claimc \
              CLAIMC_LIBRARY=$(CURDIR)/$(B)/$(SONAME) PYTHONPATH=$(CURDIR)/python \
              CLAIMC_FASTDICT_BUILT=$(if $(FASTDICT),1)

test-python: $(B)/claimc shared fastdict
	@$(PY_TEST_ENV) tests/run_python.sh python/tests/test_claimc.py $(B)/test-results.txt
	@$(PY_TEST_ENV) tests/run_python.sh python/tests/test_fastdict.py $(B)/test-results.txt

test-dask: $(B)/claimc shared
	@$(PY_TEST_ENV) tests/run_python.sh python/tests/test_dask.py $(B)/test-results.txt

test-python-install: $(B)/claimc shared fastdict
	@PYTHON=$(PYTHON) B=$(CURDIR)/$(B) SONAME=$(SONAME) FASTDICT=$(FASTDICT) tests/run_python_install.sh $(B)/test-results.txt

# extract_many against the CLI on the same 200 files, side by side in rounds (not part of check;
# bench/python_vs_cli.py --help). BENCH_PY_ARGS='--rounds 9 --jobs 2' for another run.
.PHONY: bench-python
bench-python: $(B)/claimc shared fastdict
	$(PYTHON) bench/python_vs_cli.py --build $(B) $(BENCH_PY_ARGS)
