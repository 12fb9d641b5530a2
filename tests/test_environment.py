"""environment.yml (for conda users) lists the same packages as pyproject.toml."""

from __future__ import annotations

import re
import tomllib

import yaml
from conftest import ROOT


def _name(requirement: str) -> str:
    name = re.split(r"[\s<>=!~\[;]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def test_environment_yml_lists_the_pyproject_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    wanted |= {_name(r) for extra in project["optional-dependencies"].values() for r in extra}

    environment = yaml.safe_load((ROOT / "environment.yml").read_text("utf-8"))
    listed = set()
    for item in environment["dependencies"]:
        if isinstance(item, dict):
            listed |= {_name(r) for r in item["pip"] if not r.startswith("-e")}
        else:
            listed.add(_name(item))
    listed -= {"python", "pip"}
    assert listed == wanted
