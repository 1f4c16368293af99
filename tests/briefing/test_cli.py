"""`python -m explainers.briefing`: the file it writes, and one line with an exit code on every failure."""

from __future__ import annotations

import subprocess
import sys

import pytest

from explainers import briefing
from explainers.briefing.__main__ import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

from .conftest import reader, squeeze, text_of


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {err!r}"
    assert "Traceback" not in err
    return lines[0]


def test_topic_scene_and_params_written(tmp_path, capsys):
    out = tmp_path / "b.pdf"
    code = main(["--lang", "nl", "--page", "photonics", "--scene", "rack", "--param", "d_m=3", "--out", str(out),
                 "--base-url", "https://example.org"])
    assert code == EXIT_OK, capsys.readouterr().err
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF") and len(reader(pdf).pages) <= 2
    assert squeeze("https://example.org/photonics?lang=nl&scene=rack&d_m=3") in squeeze(text_of(pdf))
    assert "geschreven" in capsys.readouterr().out


def test_cheat_sheet_flag(tmp_path):
    out = tmp_path / "c.pdf"
    assert main(["--cheat-sheet", "--lang", "en", "--out", str(out)]) == EXIT_OK
    assert len(reader(out.read_bytes()).pages) == 1


@pytest.mark.parametrize(("args", "needle"), [
    (["--page", "nowhere"], "nowhere"),
    (["--page", "photonics", "--scene", "moon"], "moon"),
    (["--page", "photonics", "--param", "zz=1"], "zz"),
    (["--page", "photonics", "--param", "d_m=banana"], "banana"),
    (["--page", "photonics", "--param", "d_m"], "d_m"),
    (["--scene", "rack"], "--page"),
    (["--param", "d_m=2"], "--page"),
    (["--lang", "fr"], "fr"),
    (["--base-url", "ftp://x"], "ftp://x"),
    (["--no-such-flag"], "--no-such-flag"),
])
def test_bad_input_is_one_line_and_exit_2(args, needle, tmp_path, capsys):
    code = main([*args, "--out", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert needle in _one_line(err)
    assert not (tmp_path / "x.pdf").exists()


def test_messages_speak_the_language_asked_for(capsys):
    assert main(["--lang", "nl", "--page", "nergens"]) == EXIT_USAGE
    assert "onbekende pagina" in _one_line(capsys.readouterr().err)


def test_failed_render_is_one_line_and_exit_1(monkeypatch, tmp_path, capsys):
    def broken(*_a, **_kw):
        raise briefing.RenderError("unexpected argument\nsecond line")

    monkeypatch.setattr(briefing, "topic_pdf", broken)
    assert main(["--page", "photonics", "--out", str(tmp_path / "x.pdf")]) == EXIT_FAILED
    line = _one_line(capsys.readouterr().err)
    assert "unexpected argument" in line and "second line" not in line


def test_unwritable_output_is_one_line_and_exit_1(tmp_path, capsys):
    assert main(["--cheat-sheet", "--out", str(tmp_path / "missing" / "x.pdf")]) == EXIT_FAILED
    assert "missing" in _one_line(capsys.readouterr().err)


def test_as_a_module_default_is_the_full_briefing(tmp_path):
    out = tmp_path / "full.pdf"
    run = subprocess.run([sys.executable, "-m", "explainers.briefing", "--lang", "nl", "--out", str(out)],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == EXIT_OK, run.stderr
    assert len(reader(out.read_bytes()).pages) >= 4
    bad = subprocess.run([sys.executable, "-m", "explainers.briefing", "--page", "nowhere"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == EXIT_USAGE
    _one_line(bad.stderr)
