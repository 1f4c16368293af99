"""Read and write data/references.yaml by script without YAML aliases (for hand-editable diffs)."""

from pathlib import Path

import yaml

PATH = Path(__file__).resolve().parents[1] / "data" / "references.yaml"


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def load() -> dict:
    return yaml.safe_load(PATH.read_text(encoding="utf-8"))


def save(data: dict) -> None:
    text = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=110)
    PATH.write_text(text, encoding="utf-8")
