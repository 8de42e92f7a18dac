"""Every third-party package the code imports is declared in pyproject.toml (a fresh install has it)."""

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Imported alongside a declared package that brings them: reader/serve.py extends textual-serve's
# aiohttp server, so the [serve] extra's textual-serve pins what works with it.
BROUGHT_BY_A_DECLARED_PACKAGE = {"aiohttp": "textual-serve", "aiohttp_jinja2": "textual-serve"}


def _imported_top_names() -> set[str]:
    names: set[str] = set()
    for path in [*ROOT.joinpath("reader").rglob("*.py"), *ROOT.joinpath("widgets").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"reader", "widgets", "__future__"}


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = [*project["dependencies"], *(s for extra in project["optional-dependencies"].values() for s in extra)]
    return {re.split(r"[\s<>=!~\[;]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in specs}


def test_every_imported_package_is_declared():
    distributions = importlib.metadata.packages_distributions()
    declared = _declared()
    missing = {
        name: distributions.get(name, [name])
        for name in _imported_top_names()
        if BROUGHT_BY_A_DECLARED_PACKAGE.get(name) not in declared
        and not any(d.lower().replace("_", "-") in declared for d in distributions.get(name, [name]))
    }
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
