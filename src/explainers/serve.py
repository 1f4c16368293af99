"""Launcher for `make run`: Streamlit with TCP_NODELAY and precompressed frontend files.

Streamlit 1.67 binds its listening socket itself (protocol 0), so asyncio never sets TCP_NODELAY and
every small websocket frame can wait ~40 ms for the peer's delayed ACK (Nagle's algorithm). There is
no config option for it. Linux copies TCP_NODELAY from a listening socket to the sockets it accepts,
so setting it once on the listener removes the stall for every viewer.

Streamlit 1.67 also sends its 7.45 MB of JavaScript and CSS uncompressed (it expects a proxy to
compress them); the launcher adds `explainers.static_compress.PrecompressedStatic` to its
middleware, so each bundle goes out as brotli or gzip, compressed once per file and kept: a first
visit to a topic page is ~2.2 MB on the wire instead of 8 MB, with no proxy.

    python -m explainers.serve [--port 8501] [--stock] [--no-compress] [--script FILE] [streamlit flags...]

`--stock` starts plain Streamlit with its default runner settings and neither change (for the
benchmark's comparison); `--no-compress` keeps the tuning but leaves the frontend uncompressed (a
proxy in front compresses). `--script` serves another page through the same launcher (the
benchmark's floors).
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"

# Settings `--stock` puts back to Streamlit's defaults (the tuned values live in .streamlit/config.toml).
STOCK_FLAGS = ["--runner.postScriptGC=true", "--server.fileWatcherType=auto", "--runner.magicEnabled=true"]


def patch_nodelay() -> None:
    """Wrap Streamlit's socket binding so the listening socket has TCP_NODELAY set."""
    from streamlit.web.server.starlette import starlette_server

    original = starlette_server._bind_socket
    if getattr(original, "_nodelay", False):
        return

    def bind_with_nodelay(address: str, port: int, backlog: int) -> socket.socket:
        sock = original(address, port, backlog)
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    bind_with_nodelay._nodelay = True  # type: ignore[attr-defined]
    starlette_server._bind_socket = bind_with_nodelay


def patch_static_compression() -> None:
    """Every Streamlit server this process starts sends its frontend files precompressed."""
    from explainers import static_compress

    static_compress.install()


def streamlit_flags(port: int, address: str | None, *, stock: bool = False, extra: list[str] | None = None) -> list[str]:
    """Command-line flags for `streamlit run`.

    Listening on every interface with no address named, Streamlit looks up the machine's *external*
    IP from a web service at start-up, only to print it; naming the browser address as localhost
    (unless the caller names one) keeps the server from making any request outside the machine.
    """
    extra = extra or []
    flags = [f"--server.port={port}"]
    if address:
        flags.append(f"--server.address={address}")
    elif not any(flag.startswith("--browser.serverAddress") for flag in extra):
        flags.append("--browser.serverAddress=localhost")
    if stock:
        flags += STOCK_FLAGS
    return flags


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8501)))
    parser.add_argument("--address", default=None, help="interface to listen on (Streamlit's default if unset)")
    parser.add_argument("--stock", action="store_true",
                        help="plain Streamlit defaults: no TCP_NODELAY, no precompressed frontend")
    parser.add_argument("--no-compress", action="store_true", help="send the frontend files uncompressed")
    parser.add_argument("--script", type=Path, default=APP, help="the page to serve (default: the app)")
    parser.add_argument("--public-url", default=os.environ.get("EXPLAINERS_PUBLIC_URL", ""),
                        help="the address phones reach this server by (the stage's QR codes, the briefing's links); "
                             "default: the address the browser used")
    args, extra = parser.parse_known_args(argv)

    if args.public_url:
        os.environ["EXPLAINERS_PUBLIC_URL"] = args.public_url.rstrip("/")
    # A real server: the topics work out their default views' headline ranges in the background (ui.shell).
    os.environ.setdefault("EXPLAINERS_WARM", "1")

    script = args.script.resolve()
    os.chdir(ROOT)  # .streamlit/config.toml is read from the working directory
    flags = streamlit_flags(args.port, args.address, stock=args.stock, extra=extra)
    if not args.stock:
        patch_nodelay()
        if not args.no_compress:
            patch_static_compression()

    if script == APP.resolve():
        # The app's modules, content and default views are made ready before the server listens (~2 s):
        # a fresh process's first viewer, and a health check's "ok", then mean a process ready to serve.
        from explainers.ui.shell import warm_now

        warm_now(wait=True)

    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(script), *flags, *extra]
    cli.main()


if __name__ == "__main__":
    main()
