"""Every topic package has the same shape (as streamlit-extras holds each of its modules to one).

PAGE, CONTROLS, SECTIONS and reference_ids() in the package; one pure `present` function and one
Streamlit `sections` function per section, same names, in page order; a page script that is a
table of contents; and no Streamlit below the sections.
"""

from __future__ import annotations

import ast
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

from explainers import topics
from explainers.topics.controls import Controls

ROOT = Path(__file__).resolve().parents[2]
TOPIC_IDS = [t.package for t in topics.TOPICS]


@pytest.fixture(params=topics.TOPICS, ids=TOPIC_IDS)
def topic(request):
    return request.param


def test_package_exposes_the_same_names(topic):
    pkg = topics.package(topic)
    assert pkg.PAGE == topic.url_path
    assert isinstance(pkg.CONTROLS, Controls) and pkg.CONTROLS
    assert isinstance(pkg.SECTIONS, dict) and list(pkg.SECTIONS)[0] == "one_minute" and "model" in pkg.SECTIONS
    declared = set(pkg.CONTROLS.keys)
    for name, keys in pkg.SECTIONS.items():
        assert set(keys) <= declared, (name, set(keys) - declared)
    used = {k for keys in pkg.SECTIONS.values() for k in keys}
    assert used == declared, f"controls no section takes: {declared - used}"
    assert callable(pkg.reference_ids)
    assert pkg.reference_ids(pkg.CONTROLS.defaults())


def test_one_present_and_one_sections_function_per_section_in_page_order(topic):
    pkg = topics.package(topic)
    present = topics.module(topic, "present")
    sections = topics.module(topic, "sections")
    for name, keys in pkg.SECTIONS.items():
        fn = getattr(present, name)
        params = list(inspect.signature(fn).parameters)
        assert params[0] == "lang", (name, params)
        assert set(params[1:]) == set(keys), (name, params[1:], keys)
        assert callable(getattr(sections, name)), name
    src = inspect.getsource(sections)
    order = [m.group(1) for m in re.finditer(r"^def (\w+)\(", src, re.M) if m.group(1) in pkg.SECTIONS]
    assert order == list(pkg.SECTIONS), "sections.py defines the sections in page order"


def test_page_script_is_a_table_of_contents(topic):
    text = (ROOT / topic.file).read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 30, f"{topic.file} has {len(text.splitlines())} lines"
    for banned in (r"\bt\(", r"st\.columns", r"\bstate\.", r"\bst\.", r"\bimport streamlit\b"):
        assert not re.search(banned, text), (topic.file, banned)
    tree = ast.parse(text)
    assert not [n for n in ast.walk(tree) if isinstance(n, (ast.BinOp, ast.UnaryOp, ast.Compare, ast.AugAssign))], \
        "no arithmetic in a page script"
    pkg = topics.package(topic)
    groups = getattr(pkg, "GROUPS", {})  # sections that share a choice, called as one fragment
    assert all(set(members) <= set(pkg.SECTIONS) for members in groups.values())
    calls = [s for c in re.findall(r"sections\.(\w+)\(", text) for s in groups.get(c, (c,)) if s in pkg.SECTIONS]
    assert calls == list(pkg.SECTIONS), (calls, list(pkg.SECTIONS))
    assert "sections.sources()" in text and re.search(r"\bscene_bar\(", text)


LAYER_BANNED = r"streamlit|explainers\.ui\b"


@pytest.mark.parametrize("name", ["__init__", "setup", "present"])
def test_no_streamlit_below_the_sections(topic, name):
    folder = ROOT / "src" / "explainers" / "topics" / topic.package
    path = folder / f"{name}.py"
    text = path.read_text(encoding="utf-8")
    assert not re.search(rf"^\s*(import|from)\s+({LAYER_BANNED})", text, re.M), path


def test_views_build_in_a_plain_python_process():
    """Not one Streamlit module is imported to print every section of every topic, in both languages."""
    code = (
        "import sys\n"
        "from explainers import topics\n"
        "for tp in topics.TOPICS:\n"
        "    pkg = topics.package(tp)\n"
        "    for name in pkg.SECTIONS:\n"
        "        for lang in ('en', 'nl'):\n"
        "            topics.view(tp, name, lang)\n"
        "bad = sorted(m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.'))\n"
        "print(len(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "0", "Streamlit was imported to build views"
