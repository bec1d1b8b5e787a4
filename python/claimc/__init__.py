"""claimc — quantitative claims of Chinese government reports, from Python.

    import claimc
    claims = claimc.extract(open("report.txt", encoding="utf-8").read())   # list of dicts
    claims = claimc.extract_file("report.txt")            # UTF-8, GB18030, UTF-16 with BOM
    claims = claimc.extract_many(paths, jobs=4)           # parsed on the library's threads
    df = claimc.to_dataframe(claims)                      # typed pandas columns

Each dict is exactly the record `claimc --format jsonl` prints for the claim. The parsing is the
C library's (libclaimc.so, through ctypes); the dicts are made in C by the optional extension
claimc._fastdict when `make python` built it, else by json.loads. See python/README.md and
docs/library.md."""
import json
import os
import warnings

from . import _native, _records

__all__ = ["extract", "extract_file", "extract_many", "iter_many", "to_dataframe", "read_csv",
           "ClaimcError", "ClaimcWarning", "CSV_DTYPES"]
__version__ = "0.1.0"


class ClaimcError(Exception):
    """An input claimc could not parse cleanly (the CLI's exit status 1): FILE, OFFSET (a byte
    offset into the UTF-8 text), LINE, COLUMN, CODE ("invalid-utf8", "cannot-read" ...),
    MESSAGE, and CLAIMS: what the rest of the input gave all the same."""

    def __init__(self, file, diag, claims=None):
        self.file = file
        self.offset = diag.get("start", 0)
        self.line = diag.get("line")
        self.column = diag.get("column")
        self.code = diag.get("code")
        self.message = diag.get("message")
        self.claims = claims if claims is not None else []
        super().__init__("%s: byte %d (line %s, column %s): %s [%s]" % (
            file, self.offset, self.line, self.column, self.message, self.code))


class ClaimcWarning(UserWarning):
    """A warning diagnostic (a numeral too large, ...): the input was parsed."""


def _settle(file, claims, diags, failed, errors):
    """CLAIMS (a list, or the JSONL bytes) after the diagnostics: raised, warned or dropped."""
    if errors not in ("raise", "warn", "ignore"):
        raise ValueError("errors must be 'raise', 'warn' or 'ignore', not %r" % (errors,))
    if diags and errors != "ignore":
        first_error = None
        for line in diags.decode("utf-8", "replace").splitlines():
            d = json.loads(line)
            if d["severity"] == "error" and errors == "raise":
                first_error = first_error or d
            else:
                warnings.warn(str(ClaimcError(file, d)), ClaimcWarning, stacklevel=4)
        if first_error:
            raise ClaimcError(file, first_error, claims)
    return claims


def _name(s):
    return os.fsencode(s)


def extract(text, name=None, meta=None, errors="raise"):
    """The claims of TEXT (str, or bytes in any encoding claimc detects) as a list of dicts,
    each the JSONL record of `claimc --format jsonl`; its "doc" is NAME ("<text>" by default).
    META, a dict, goes into every claim as "meta" (as --input jsonl does with a record's other
    fields). ERRORS: "raise" (ClaimcError on an error diagnostic), "warn" or "ignore"."""
    if isinstance(text, str):
        text = text.encode("utf-8", "surrogatepass")
    name = "<text>" if name is None else str(name)
    meta_json = json.dumps(meta, ensure_ascii=False).encode("utf-8") if meta else None
    jsonl, diags, failed = _native.extract(_name(name), bytes(text), meta_json)
    return _settle(name, _records.records(jsonl), diags, failed, errors)


def iter_many(paths, jobs=None, errors="raise", raw=False):
    """(path, claims) for each of PATHS in order, read and parsed by the library's threads
    (JOBS of them; None: one a core) a window ahead of the loop. With RAW, claims is the JSONL
    of the file as bytes (what the CLI writes for it), not decoded: the fast way to write
    records elsewhere (claimc.dask_bag does)."""
    paths = [os.fspath(p) for p in paths]
    step = None if raw or _records.fastdict is None else _records.fastdict.batch_next
    results = _native.batch([_name(p) for p in paths], jobs, step)
    try:
        for path, (claims, diags, failed) in zip(paths, results):
            if not raw and not isinstance(claims, list):   # bytes: json.loads, or to say why not
                claims = _records.records(claims)
            yield path, _settle(path, claims, diags, failed, errors)
    finally:
        results.close()   # an error raised, or the loop left: the library's threads stop now


def extract_file(path, errors="raise"):
    """The claims of the file at PATH (UTF-8, GB18030, UTF-16 with BOM: as the CLI reads it)."""
    for _, claims in iter_many([path], jobs=1, errors=errors):
        return claims


def extract_many(paths, jobs=None, errors="raise"):
    """The claims of every file of PATHS, in order, in one list (each claim's "doc" is its
    path), parsed on JOBS threads of the library's (None: one a core)."""
    out = []
    with _records.no_gc():
        for _, claims in iter_many(paths, jobs=jobs, errors=errors):
            out.extend(claims)
    return out


from .frame import CSV_DTYPES, read_csv, to_dataframe  # noqa: E402  (pandas only when used)
