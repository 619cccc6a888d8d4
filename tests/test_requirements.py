"""Every third-party package the code imports by name is pinned in requirements.txt,
so a fresh clone installs exactly what was tested (not whatever a dependency pulls in)."""

import ast
import importlib.metadata
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OWN = {"config", "home", "courses", "sandbox", "assessments", "training", "tests", "site"}


def imported_top_level_modules():
    modules = set()
    folders = ["courses", "sandbox", "assessments", "training", "site", "tests"]
    for path in [ROOT / "manage.py", *(p for f in folders for p in (ROOT / f).rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return {m for m in modules if m not in sys.stdlib_module_names and m not in OWN}


def pinned_distributions():
    pinned = set()
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==", line.strip())
        if match:
            pinned.add(re.sub(r"[-_.]+", "-", match[1]).lower())
    return pinned


def test_every_imported_package_is_pinned():
    providers = importlib.metadata.packages_distributions()
    pinned = pinned_distributions()
    unpinned = {}
    for module in sorted(imported_top_level_modules()):
        distributions = {re.sub(r"[-_.]+", "-", d).lower() for d in providers.get(module, [])}
        assert distributions, f"{module} is imported but no installed package provides it"
        if not distributions & pinned:
            unpinned[module] = sorted(distributions)
    assert not unpinned, f"imported but not pinned in requirements.txt: {unpinned}"
