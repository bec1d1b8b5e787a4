"""_records.py — the claims of a JSONL buffer as dicts: in C by the optional extension
_fastdict when it was built (`make python` / `make fastdict`, python3-dev), else json.loads.

Both give the same records (python/tests/test_fastdict.py holds them equal, types and key order
included). The extension is looked for inside the package (an installed copy), then next to the
library _native loaded (the build tree). CLAIMC_NO_FASTDICT=1 in the environment keeps it off."""
import gc
import importlib.machinery
import importlib.util
import json
import os

from . import _native


class no_gc:
    """The cycle collector paused while records are built: they hold no cycles, and its passes
    over every dict built so far made extract_many's time grow with the square of the claims
    (900 files: 6 times the CLI's time, against 2.7 for 300)."""

    def __enter__(self):
        self.enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc):
        if self.enabled:
            gc.enable()


def _load_fastdict():
    if os.environ.get("CLAIMC_NO_FASTDICT"):
        return None
    try:
        from . import _fastdict
        return _fastdict
    except ImportError:
        pass
    here = os.path.dirname(os.path.abspath(_native.lib._name)) if os.sep in _native.lib._name else None
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = here and os.path.join(here, "_fastdict" + suffix)
        if path and os.path.exists(path):
            try:
                spec = importlib.util.spec_from_file_location("claimc._fastdict", path)
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                return module
            except ImportError:
                return None
    return None


fastdict = _load_fastdict()


def decode(jsonl):
    """json.loads of every line, as one JSON array (newlines only end records: JSON strings
    escape them)."""
    return json.loads("[" + jsonl.decode("utf-8")[:-1].replace("\n", ",") + "]")


def records(jsonl):
    """The claims of a JSONL buffer (bytes) as a list of dicts."""
    if not jsonl:
        return []
    with no_gc():
        if fastdict is not None:
            try:
                return fastdict.records(jsonl)
            except ValueError:   # not what the library writes: json.loads says what is wrong
                pass
        return decode(jsonl)
