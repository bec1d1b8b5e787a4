"""setup.py — puts the built libclaimc.so.0 into the package, so an installed claimc needs no
LD_LIBRARY_PATH, and the C extension _fastdict when `make fastdict` built it for this Python
(else the package decodes with json.loads). Run `make` first (make python does). The library
is taken from $CLAIMC_LIBRARY, else ../build/libclaimc.so.0 next to this directory; the
extension from the same directory. Nothing is compiled here."""
import os
import shutil
import sysconfig

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


class build_py_with_library(build_py):
    def run(self):
        super().run()
        lib = os.environ.get("CLAIMC_LIBRARY") or os.path.join(HERE, os.pardir, "build",
                                                              "libclaimc.so.0")
        if not os.path.exists(lib):
            raise SystemExit("claimc: %s not found: run `make` in the repository first" % lib)
        dest = os.path.join(self.build_lib, "claimc", "libclaimc.so.0")
        shutil.copyfile(os.path.realpath(lib), dest)
        ext = "_fastdict" + sysconfig.get_config_var("EXT_SUFFIX")
        built = os.path.join(os.path.dirname(lib), ext)
        if os.path.exists(built):
            shutil.copyfile(built, os.path.join(self.build_lib, "claimc", ext))


setup(cmdclass={"build_py": build_py_with_library})
