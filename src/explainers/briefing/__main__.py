"""The briefing for organisers, from the command line:

    python -m explainers.briefing --lang nl --out briefing-nl.pdf          # the full briefing
    python -m explainers.briefing --lang nl --page photonics --scene rack  # one topic, two pages at most
    python -m explainers.briefing --page photonics --param d_m=3 --param rate=100
    python -m explainers.briefing --cheat-sheet --lang en --out pocket.pdf

Exit codes: 0 written; 2 a bad language, page, scene, parameter or option; 1 the render or the
write failed. A failure prints one line on standard error, never a traceback. Unlike a link in
the browser (where a bad value falls back to the default), a bad value here is an error: an
organiser should know that the file does not show what they asked for.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Usage(Exception):
    """A bad argument: one line for standard error."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print the usage and exit; we want one line
        raise _Usage(message)


def _lang_of(argv: Sequence[str]) -> str:
    """The language asked for, before parsing (so even argument errors speak it)."""
    from explainers.content import LANGS

    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if value in LANGS:
            return value
    return "en"


def _parser(lang: str) -> argparse.ArgumentParser:
    from explainers import topics
    from explainers.content import LANGS, t

    pages = ", ".join(tp.url_path for tp in topics.TOPICS)
    p = _Parser(prog="python -m explainers.briefing", description=t("briefing.cli.description", lang))
    p.add_argument("--lang", default="en", help=t("briefing.cli.help_lang", lang, langs=", ".join(LANGS)))
    p.add_argument("--out", default=None, help=t("briefing.cli.help_out", lang))
    p.add_argument("--page", default=None, help=t("briefing.cli.help_page", lang, pages=pages))
    p.add_argument("--scene", default=None, help=t("briefing.cli.help_scene", lang))
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help=t("briefing.cli.help_param", lang))
    p.add_argument("--cheat-sheet", action="store_true", help=t("briefing.cli.help_cheat", lang))
    p.add_argument("--base-url", default=None, help=t("briefing.cli.help_base_url", lang))
    return p


def _check(args: argparse.Namespace, lang: str) -> dict[str, str]:
    """Validate page, scene and parameters strictly, as the page would; the URL values to use."""
    from explainers import topics
    from explainers.content import LANGS, content, t

    if args.lang not in LANGS:
        raise _Usage(t("briefing.cli.bad_lang", lang, language=args.lang, langs=", ".join(LANGS)))
    if args.base_url is not None and not args.base_url.lower().startswith(("http://", "https://")):
        raise _Usage(t("briefing.cli.bad_base_url", lang, url=args.base_url))
    if args.page is None:
        if args.scene is not None:
            raise _Usage(t("briefing.cli.scene_without_page", lang))
        if args.param:
            raise _Usage(t("briefing.cli.param_without_page", lang))
        return {}
    topic = topics.by_url_path(args.page) or next((tp for tp in topics.TOPICS if tp.package == args.page), None)
    if topic is None:
        raise _Usage(t("briefing.cli.bad_page", lang, page=args.page,
                       pages=", ".join(tp.url_path for tp in topics.TOPICS)))
    pkg = topics.package(topic)
    if args.scene is not None:
        ids = [s.id for s in content().scenes.get(pkg.PAGE, ())]
        if args.scene not in ids:
            raise _Usage(t("briefing.cli.bad_scene", lang, scene=args.scene, page=topic.url_path, scenes=", ".join(ids)))
    params: dict[str, str] = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise _Usage(t("briefing.cli.bad_param_form", lang, param=item))
        if key not in pkg.CONTROLS.keys:
            raise _Usage(t("briefing.cli.bad_key", lang, page=topic.url_path, name=key, keys=", ".join(pkg.CONTROLS.keys)))
        params[key] = value
    _values, bad = topics.values_for(pkg.PAGE, params, args.scene)
    for key in bad:
        if key in params:
            raise _Usage(t("briefing.cli.bad_value", lang, name=key, value=params[key], page=topic.url_path))
    return params


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except Exception as exc:  # noqa: BLE001 - whatever happens, one line and a code, never a traceback
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"explainers.briefing: {type(exc).__name__}: {reason}", file=sys.stderr)
        return EXIT_FAILED


def _main(argv: list[str]) -> int:
    try:
        from explainers.content import t
        from explainers.content.loader import ContentError
    except Exception as exc:  # noqa: BLE001 - not even the content layer imports
        print(f"explainers.briefing: {type(exc).__name__}: {exc}".splitlines()[0], file=sys.stderr)
        return EXIT_FAILED
    lang = "en"
    try:
        lang = _lang_of(argv)
        args = _parser(lang).parse_args(argv)
        params = _check(args, lang)
    except _Usage as exc:
        print(f"explainers.briefing: {str(exc).splitlines()[0] if str(exc) else exc}", file=sys.stderr)
        return EXIT_USAGE
    except ContentError as exc:
        print(f"explainers.briefing: {str(exc).splitlines()[0]}", file=sys.stderr)
        return EXIT_FAILED

    from explainers import briefing

    try:
        if args.cheat_sheet:
            pdf = briefing.cheat_sheet_pdf(args.lang, base=args.base_url)
        elif args.page is not None:
            pdf = briefing.topic_pdf(args.page, args.lang, params, args.scene, base=args.base_url)
        else:
            pdf = briefing.full_pdf(args.lang, base=args.base_url)
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"explainers.briefing: {t('briefing.cli.render_failed', lang, reason=reason)}", file=sys.stderr)
        return EXIT_FAILED

    out = args.out or briefing.file_name(args.lang, args.page, args.scene, cheat_sheet=args.cheat_sheet)
    try:
        if out == "-":
            sys.stdout.buffer.write(pdf)
            sys.stdout.buffer.flush()
            return EXIT_OK
        Path(out).write_bytes(pdf)
    except OSError as exc:
        print(f"explainers.briefing: {t('briefing.cli.write_failed', lang, path=out, reason=exc.strerror or exc)}",
              file=sys.stderr)
        return EXIT_FAILED
    print(t("briefing.cli.wrote", lang, path=out, pages=briefing.page_count(pdf), kb=round(len(pdf) / 1024)))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
