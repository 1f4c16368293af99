"""The Dockerfile's steps, run here without Docker (no daemon on this machine or in CI).

The image's /app is assembled the way `docker build -f deploy/Dockerfile .` does it: each COPY of
the Dockerfile, in order, filtered by deploy/Dockerfile.dockerignore. In that tree the test runs the
build's RUN step (the compression cache, at a fast quality), the image's CMD (the tuned launcher, on
a free port instead of 8501) and its HEALTHCHECK command, and loads every content file. What it
cannot run: the base image and `pip install -e .`, which `make test` itself does for the repository
(the same pyproject.toml) into .venv; the interpreter here is .venv's, with the assembled src first
on the path, so what is imported comes from the image's tree and a file the COPY lines leave out
is missing here too.
"""

from __future__ import annotations

import fnmatch
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainers.cluster import free_ports
from tests.browser.conftest import wait_healthy

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
IGNORE = ROOT / "deploy" / "Dockerfile.dockerignore"

pytestmark = [pytest.mark.xdist_group("dockerfile")]  # one worker runs the module: the image is assembled once


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, comments dropped and continued lines joined."""
    out, pending = [], ""
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("#") or (not pending and not line.strip()):
            continue  # (Docker drops comment lines, also inside a continued instruction)
        pending += line.rstrip("\\").strip() + " "
        if not line.rstrip().endswith("\\"):
            word, _, rest = pending.strip().partition(" ")
            out.append((word.upper(), rest.strip()))
            pending = ""
    return out


def ignored(rel: str, patterns: list[str]) -> bool:
    """.dockerignore's rules, as far as this one uses them: `**/x` anywhere, `x` from the context's root."""
    parts = rel.split("/")
    for pat in patterns:
        if pat.startswith("**/"):
            if any(fnmatch.fnmatch(p, pat[3:]) for p in parts):
                return True
        elif fnmatch.fnmatch(rel, pat) or any(fnmatch.fnmatch("/".join(parts[:k]), pat) for k in range(1, len(parts))):
            return True
    return False


def assemble(dest: Path) -> dict[str, str]:
    """The image's WORKDIR as its COPY lines make it; returns the Dockerfile's ENV."""
    patterns = [p.strip() for p in IGNORE.read_text(encoding="utf-8").splitlines()
                if p.strip() and not p.lstrip().startswith("#")]
    env: dict[str, str] = {}
    for word, args in instructions():
        if word == "ENV":
            for item in shlex.split(args):
                key, _, value = item.partition("=")
                env[key] = value
        if word != "COPY":
            continue
        *sources, target = shlex.split(args)
        for src in sources:
            path = ROOT / src
            if path.is_dir():  # a directory's contents go into the target
                for f in path.rglob("*"):
                    rel = f.relative_to(ROOT).as_posix()
                    if f.is_file() and not ignored(rel, patterns):
                        to = dest / target / f.relative_to(path)
                        to.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(f, to)
            elif not ignored(src, patterns):
                to = dest / target / path.name if target.endswith("/") else dest / target
                to.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, to)
    return env


def exec_form(args: str) -> list[str]:
    return json.loads(args[args.index("["):])


@pytest.fixture(scope="module")
def image(tmp_path_factory):
    app = tmp_path_factory.mktemp("image") / "app"
    app.mkdir()
    env = assemble(app)
    cache = app / ".static-cache"
    env = {**os.environ, **env, "EXPLAINERS_STATIC_CACHE": str(cache), "PYTHONPATH": str(app / "src"),
           "EXPLAINERS_STATIC_PRECOMPRESS": "0"}
    return app, env


def test_the_image_tree_holds_what_the_app_needs_and_nothing_of_the_workbench(image):
    app, _env = image
    for needed in ("app.py", "app_pages", "data/references.yaml", "data/talks.yaml", ".streamlit/config.toml",
                   "src/explainers/serve.py", "pyproject.toml"):
        assert (app / needed).exists(), f"the image lacks {needed}"
    for left_out in ("tests", "benchmarks", ".venv", ".git", "test-output"):
        assert not (app / left_out).exists(), f"the image carries {left_out}"
    assert not list(app.rglob("__pycache__"))


def test_in_the_image_tree_the_content_loads_and_the_run_step_fills_the_cache(image):
    app, env = image
    where = subprocess.run([sys.executable, "-c", "import explainers, explainers.content as c; c.content(); "
                            "from explainers import talks; talks.check(); print(explainers.__file__)"],
                           cwd=app, env=env, capture_output=True, text=True, timeout=120)
    assert where.returncode == 0, where.stderr[-2000:]
    assert Path(where.stdout.strip()).is_relative_to(app), "imported from the repository, not the image tree"
    runs = [shlex.split(args) for word, args in instructions() if word == "RUN" and "static_compress" in args]
    assert runs, "the Dockerfile no longer fills the compression cache at build time"
    step = [sys.executable if a == "python" else a for a in runs[0]] + ["--quality", "1"]  # (the build uses 11)
    out = subprocess.run(step, cwd=app, env=env, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    assert len(list((app / ".static-cache").rglob("*.br1"))) > 100


def test_the_images_command_serves_and_its_healthcheck_passes(image):
    app, env = image
    (port,) = free_ports(1)
    steps = dict(instructions())
    cmd = [sys.executable if a == "python" else a for a in exec_form(steps["CMD"])]
    assert "explainers.serve" in cmd and "8501" in cmd
    cmd = [str(port) if a == "8501" else "127.0.0.1" if a == "0.0.0.0" else a for a in cmd]
    check = exec_form(steps["HEALTHCHECK"][steps["HEALTHCHECK"].index("CMD"):])
    check = [sys.executable if a == "python" else a.replace("8501", str(port)) for a in check]
    proc = subprocess.Popen(cmd, cwd=app, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc)
        health = subprocess.run(check, cwd=app, env=env, capture_output=True, text=True, timeout=30)
        assert health.returncode == 0, health.stderr
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
