"""What the corpus generator scripts (tests/data/*/make_*.py) share: loading one another."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent


def load_script(name: str, relative: str):
    """Given a module name and a script path under tests/data, return the script loaded as that module."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, DATA / relative)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
