"""_native.py — libclaimc.so through ctypes: the library's buffers and its threads.

The library is looked for, in order: $CLAIMC_LIBRARY (a path); next to this file (where
`make python` and `pip install ./python` put a copy); the build tree this package sits in
(../../build, for running from a checkout); the system loader (`make install` + ldconfig)."""
import ctypes
import os

_SONAME = "libclaimc.so.0"


class Result(ctypes.Structure):
    """cl_result (include/claimc.h)."""
    _fields_ = [("jsonl", ctypes.c_void_p), ("jsonl_len", ctypes.c_size_t),
                ("diags", ctypes.c_void_p), ("diags_len", ctypes.c_size_t),
                ("failed", ctypes.c_bool)]


def _candidates():
    env = os.environ.get("CLAIMC_LIBRARY")
    if env:
        yield env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    yield os.path.join(here, _SONAME)
    yield os.path.join(here, os.pardir, os.pardir, "build", _SONAME)
    yield _SONAME


def _load():
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(path)
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise ImportError("claimc: cannot load %s; tried: %s. Build it with `make` (or set "
                      "CLAIMC_LIBRARY to its path)" % (_SONAME, "; ".join(tried)))


lib = _load()
_P = ctypes.POINTER
lib.cl_extract.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                           _P(Result)]
lib.cl_extract.restype = ctypes.c_int
lib.cl_result_free.argtypes = [_P(Result)]
lib.cl_result_free.restype = None
lib.cl_batch_open.argtypes = [_P(ctypes.c_char_p), ctypes.c_size_t, ctypes.c_int]
lib.cl_batch_open.restype = ctypes.c_void_p
lib.cl_batch_next.argtypes = [ctypes.c_void_p, _P(Result)]
lib.cl_batch_next.restype = ctypes.c_bool
lib.cl_batch_close.argtypes = [ctypes.c_void_p]
lib.cl_batch_close.restype = None


def take(result):
    """The JSONL and diagnostics of a cl_result as bytes, and its failed flag; frees it."""
    try:
        jsonl = ctypes.string_at(result.jsonl, result.jsonl_len) if result.jsonl_len else b""
        diags = ctypes.string_at(result.diags, result.diags_len) if result.diags_len else b""
        return jsonl, diags, bool(result.failed)
    finally:
        lib.cl_result_free(ctypes.byref(result))


def extract(name, data, meta):
    """cl_extract: (jsonl bytes, diagnostics bytes, failed)."""
    r = Result()
    if lib.cl_extract(name, data, len(data), meta, ctypes.byref(r)) != 0:
        raise MemoryError("claimc: out of memory (or meta is not a JSON object)")
    return take(r)


def _ctypes_next(b):
    r = Result()
    return take(r) if lib.cl_batch_next(b, ctypes.byref(r)) else None


def batch(paths, jobs, step=None):
    """cl_batch over PATHS (bytes): yields (jsonl, diags, failed) per path, in order, while the
    library's threads parse ahead. STEP, claimc._fastdict.batch_next, takes each file instead
    and gives its records already made: (records, diags, failed). Closing the generator stops
    the threads."""
    arr = (ctypes.c_char_p * max(len(paths), 1))(*paths)
    b = lib.cl_batch_open(arr, len(paths), int(jobs or 0))
    if not b:
        raise MemoryError("claimc: cannot start a batch (out of memory)")
    if step is None:
        def next_result():
            return _ctypes_next(b)
    else:
        def next_result():
            return step(b, _NEXT, _FREE)
    try:
        while True:
            result = next_result()
            if result is None:
                return
            yield result
    finally:
        lib.cl_batch_close(b)


_NEXT = ctypes.cast(lib.cl_batch_next, ctypes.c_void_p).value
_FREE = ctypes.cast(lib.cl_result_free, ctypes.c_void_p).value
