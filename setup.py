"""Builds chorus's native module `chorus._chorus` for pip with the library's
own CMake build, so the package and the CLI come from one build description.

CHORUS_CMAKE_BUILD_DIR: reuse an existing CMake tree configured with
-DCHORUS_BUILD_PYTHON=ON (scripts/setup.sh points it at build/, so installing
the package does not compile the library a second time). Without it the
library is configured and built in setuptools' temporary directory (Release,
tests and benchmarks off). CMake honours CMAKE_CXX_COMPILER_LAUNCHER from the
environment (e.g. ccache).
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


def project_version():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(chorus VERSION ([0-9.]+)", text)
    if not match:
        sys.exit("setup.py: no 'project(chorus VERSION x.y.z' in CMakeLists.txt")
    return match.group(1)


class CMakeBuild(build_ext):
    """Configures (unless reusing a tree) and builds the `_chorus` target, then
    copies the module to where setuptools packs it."""

    def build_extension(self, ext):
        tree = os.environ.get("CHORUS_CMAKE_BUILD_DIR")
        if tree:
            tree = pathlib.Path(tree).resolve()
            if not (tree / "CMakeCache.txt").exists():
                sys.exit(f"setup.py: CHORUS_CMAKE_BUILD_DIR={tree} is not a configured CMake tree")
        else:
            tree = pathlib.Path(self.build_temp).resolve() / "cmake"
            configure = ["cmake", "-S", str(ROOT), "-B", str(tree),
                         "-DCMAKE_BUILD_TYPE=Release", "-DCHORUS_BUILD_PYTHON=ON",
                         "-DCHORUS_BUILD_TESTS=OFF", "-DCHORUS_BUILD_BENCHMARKS=OFF",
                         f"-DPython_EXECUTABLE={sys.executable}"]
            if shutil.which("ninja"):
                configure += ["-G", "Ninja"]
            subprocess.check_call(configure)
        subprocess.check_call(["cmake", "--build", str(tree), "--target", "_chorus",
                               "-j", str(os.cpu_count() or 1)])
        dest = pathlib.Path(self.get_ext_fullpath(ext.name))
        # The tree's module must be built for this interpreter (same ABI tag).
        built = tree / "python" / "chorus" / dest.name
        if not built.exists():
            sys.exit(f"setup.py: {built} was not built; configure {tree} with "
                     f"-DPython_EXECUTABLE={sys.executable}")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, dest)


setup(
    version=project_version(),
    ext_modules=[Extension("chorus._chorus", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    # setuptools' own scratch space, kept apart from the CMake tree in build/.
    options={"build": {"build_base": "build/setuptools"}},
)
