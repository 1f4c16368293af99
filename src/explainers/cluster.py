"""`make cluster`: N app processes on loopback behind HAProxy, in the foreground, as deployed.

    python -m explainers.cluster [--processes 2] [--port 8080] [--first-app-port 8601]

One Streamlit process runs every viewer's script in one interpreter (one core at most); several
processes behind a proxy use every core and survive the loss of one. This starts:

- N processes of the tuned launcher (`python -m explainers.serve`, precompressed frontend) on
  127.0.0.1:8601.., sharing one `server.cookieSecret` (STREAMLIT_SERVER_COOKIE_SECRET, made here
  unless set) so that a browser's cookies are valid on whichever process it ends up on;
- Debian's HAProxy with deploy/haproxy/haproxy.cfg, the file docker compose uses, with only the
  lines between its `servers:` markers replaced by these processes;

waits until every process answers /_stcore/health and the proxy has them all in rotation, prints
the address, and runs until Ctrl-C (or SIGTERM), when it stops everything it started. Each child
runs in its own process group and is told by the kernel to stop if this launcher dies
(PR_SET_PDEATHSIG), so nothing is left behind even after a `kill -9` of the launcher. Everything
listens on loopback only.

`Cluster` is the same thing as a context manager, for the tests and the benchmark.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HAPROXY_CFG = ROOT / "deploy" / "haproxy" / "haproxy.cfg"
HOST = "127.0.0.1"
SERVERS_BLOCK = re.compile(r"(?m)^[ \t]*# --- servers: begin.*?\n(?:.*\n)*?[ \t]*# --- servers: end ---[ \t]*\n")
SERVED_BY = "X-Explainers-Server"  # the proxy names the process that answered (haproxy.cfg)
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never an http_proxy


def find_haproxy() -> str | None:
    """Debian installs it in /usr/sbin, which is not on every user's PATH."""
    return shutil.which("haproxy") or next((p for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy")
                                            if os.access(p, os.X_OK)), None)


def render_config(servers: list[tuple[str, str, int]], template: Path = HAPROXY_CFG) -> str:
    """The deployed HAProxy config with its server lines replaced by `servers` (name, host, port)."""
    text = template.read_text(encoding="utf-8")
    if not SERVERS_BLOCK.search(text):
        raise ValueError(f"{template}: no '# --- servers: begin' ... '# --- servers: end ---' block")
    lines = "".join(f"    server {name} {host}:{port}\n" for name, host, port in servers)
    block = f"    # --- servers: begin (explainers.cluster: {len(servers)} loopback processes) ---\n{lines}" \
            "    # --- servers: end ---\n"
    return SERVERS_BLOCK.sub(lambda _: block, text, count=1)


def port_free(port: int, host: str = HOST) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_ports(count: int, host: str = HOST) -> list[int]:
    """`count` ports the kernel has free right now (for tests: no fixed port to collide on)."""
    socks = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind((host, 0))
            socks.append(sock)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def healthy(url: str, timeout_s: float = 2.0) -> bool:
    return served_by(url, timeout_s) is not None


def served_by(url: str, timeout_s: float = 2.0) -> str | None:
    """Which process answered `url` with 200 through the proxy ("" straight from a process), or None."""
    try:
        with _NO_PROXY.open(url, timeout=timeout_s) as resp:
            return resp.headers.get(SERVED_BY, "") if resp.status == 200 else None
    except OSError:
        return None


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the kernel sends SIGTERM to this child when the launcher's thread ends."""
    os.setsid()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass


class Cluster:
    """N app processes + HAProxy on loopback (see the module docstring)."""

    def __init__(self, processes: int = 2, *, port: int = 8080, app_ports: list[int] | None = None,
                 first_app_port: int = 8601, extra: list[str] | None = None, log_dir: Path | None = None,
                 haproxy: str | None = None, cookie_secret: str | None = None, env: dict[str, str] | None = None,
                 quiet_proxy: bool = True) -> None:
        if processes < 1:
            raise ValueError("at least one process")
        self.processes = processes
        self.port = port
        self.app_ports = app_ports or [first_app_port + i for i in range(processes)]
        if len(self.app_ports) != processes:
            raise ValueError("one app port per process")
        self.extra = list(extra or [])
        self.haproxy = haproxy or find_haproxy()
        self.cookie_secret = cookie_secret or os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32)
        self.env = dict(env or {})
        self.quiet_proxy = quiet_proxy
        self._own_log_dir = log_dir is None
        self.log_dir = Path(log_dir or tempfile.mkdtemp(prefix="explainers-cluster-"))
        self.apps: list[subprocess.Popen | None] = [None] * processes
        self.proxy: subprocess.Popen | None = None
        self.config_path = self.log_dir / "haproxy.cfg"
        self._logs: list = []

    # --- names and addresses -------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def server_name(self, i: int) -> str:
        return f"app{i + 1}"

    def app_url(self, i: int) -> str:
        return f"http://{HOST}:{self.app_ports[i]}"

    # --- start ----------------------------------------------------------------------------------------

    def _popen(self, cmd: list[str], log_name: str, env: dict[str, str]) -> subprocess.Popen:
        log = open(self.log_dir / log_name, "ab")
        self._logs.append(log)
        return subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                env=env, preexec_fn=_die_with_parent if sys.platform == "linux" else None,
                                start_new_session=sys.platform != "linux")

    def start_app(self, i: int) -> subprocess.Popen:
        env = {**os.environ, **self.env, "STREAMLIT_SERVER_COOKIE_SECRET": self.cookie_secret,
               "PYTHONUNBUFFERED": "1"}
        cmd = [sys.executable, "-m", "explainers.serve", "--port", str(self.app_ports[i]), "--address", HOST,
               *self.extra]
        self.apps[i] = self._popen(cmd, f"{self.server_name(i)}.log", env)
        return self.apps[i]

    def start(self, timeout_s: float = 90.0) -> Cluster:
        if self.haproxy is None:
            raise RuntimeError("HAProxy not found (apt-get install haproxy)")
        busy = [p for p in [self.port, *self.app_ports] if not port_free(p)]
        if busy:
            raise RuntimeError(f"port(s) already in use on {HOST}: {', '.join(map(str, busy))}")
        try:
            for i in range(self.processes):  # all at once: they import in parallel on the cores
                self.start_app(i)
            deadline = time.monotonic() + timeout_s
            for i in range(self.processes):
                self.wait_app(i, deadline - time.monotonic())
            self.start_proxy(deadline - time.monotonic())
        except BaseException:
            self.stop()
            raise
        return self

    def wait_app(self, i: int, timeout_s: float) -> None:
        deadline = time.monotonic() + max(timeout_s, 1.0)
        proc = self.apps[i]
        assert proc is not None
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"{self.server_name(i)} exited ({proc.returncode}): {self.log_tail(i)}")
            if healthy(f"{self.app_url(i)}/_stcore/health", 1.0):
                return
            time.sleep(0.1)
        raise RuntimeError(f"{self.server_name(i)} not healthy after {timeout_s:.0f} s: {self.log_tail(i)}")

    def start_proxy(self, timeout_s: float = 20.0) -> None:
        servers = [(self.server_name(i), HOST, p) for i, p in enumerate(self.app_ports)]
        self.config_path.write_text(render_config(servers), encoding="utf-8")
        env = {**os.environ, "EXPLAINERS_BIND": f"{HOST}:{self.port}",
               "EXPLAINERS_PROXY_LOG_LEVEL": "notice" if self.quiet_proxy else "info"}
        check = subprocess.run([self.haproxy, "-c", "-q", "-f", str(self.config_path)], env=env,
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"HAProxy refused {self.config_path}: {check.stdout}{check.stderr}")
        # -db: stay in the foreground (this launcher is its supervisor).
        self.proxy = self._popen([self.haproxy, "-db", "-f", str(self.config_path)], "haproxy.log", env)
        # Started means every process is in rotation: HAProxy staggers its first health checks, so
        # for a moment after the first answer only one process may be up (`rise 2`), and a viewer
        # that arrives then is pinned to it. Cookie-less requests go to every process that is up
        # (leastconn, ties in turn), so a few in a row meet them all.
        names = {self.server_name(i) for i in range(self.processes)}
        seen: set[str] = set()
        deadline = time.monotonic() + max(timeout_s, 1.0)
        while time.monotonic() < deadline:
            if self.proxy.poll() is not None:
                raise RuntimeError(f"HAProxy exited ({self.proxy.returncode}): {self.log_tail('haproxy')}")
            seen.add(served_by(f"{self.url}/_stcore/health", 1.0))
            if names <= seen:
                return
            time.sleep(0.05)
        raise RuntimeError(f"the proxy did not reach {', '.join(sorted(names - seen))} in {timeout_s:.0f} s: "
                           f"{self.log_tail('haproxy')}")

    # --- failure and stop -----------------------------------------------------------------------------

    def kill_app(self, i: int, sig: int = signal.SIGKILL) -> None:
        """Simulate a crash: the process (and its group) dies at once, no clean shutdown."""
        proc = self.apps[i]
        if proc is None or proc.poll() is not None:
            return
        _signal_group(proc, sig)
        proc.wait(timeout=10)

    def stop(self) -> None:
        procs = [p for p in [self.proxy, *self.apps] if p is not None]
        for proc in procs:  # the proxy first: no new requests reach a process that is stopping
            if proc.poll() is None:
                _signal_group(proc, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for proc in procs:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(proc, signal.SIGKILL)
                proc.wait(timeout=5)
        self.proxy = None
        self.apps = [None] * self.processes
        for log in self._logs:
            log.close()
        self._logs.clear()

    def log_tail(self, which: int | str, n: int = 2000) -> str:
        name = which if isinstance(which, str) else self.server_name(which)
        try:
            return (self.log_dir / f"{name}.log").read_bytes()[-n:].decode(errors="replace")
        except OSError:
            return ""

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
        if self._own_log_dir and exc[0] is None:
            shutil.rmtree(self.log_dir, ignore_errors=True)


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    """The child's whole process group (it leads one), falling back to the child alone."""
    with contextlib.suppress(ProcessLookupError):
        try:
            os.killpg(proc.pid, sig)
        except PermissionError:
            proc.send_signal(sig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainers.cluster", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", "-n", type=int, default=int(os.environ.get("N", 2)))
    parser.add_argument("--port", type=int, default=8080, help="the proxy's port (what viewers open)")
    parser.add_argument("--first-app-port", type=int, default=8601, help="processes listen on this and the next ones")
    parser.add_argument("--verbose", action="store_true", help="HAProxy logs one line per request")
    args, extra = parser.parse_known_args(argv)

    cluster = Cluster(args.processes, port=args.port, first_app_port=args.first_app_port, extra=extra,
                      quiet_proxy=not args.verbose)

    def on_signal(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started as a background job
    print(f"starting {args.processes} app processes on {HOST}:{cluster.app_ports[0]}-{cluster.app_ports[-1]} "
          f"and HAProxy on {HOST}:{args.port} (logs in {cluster.log_dir})", flush=True)
    try:
        t0 = time.monotonic()
        cluster.start()
        print(f"ready after {time.monotonic() - t0:.1f} s:  {cluster.url}   (Ctrl-C stops everything)", flush=True)
        restarted = [0.0] * cluster.processes
        while True:
            time.sleep(1)
            if cluster.proxy is not None and cluster.proxy.poll() is not None:
                print(f"HAProxy exited ({cluster.proxy.returncode}): {cluster.log_tail('haproxy')}", file=sys.stderr)
                return 1
            for i, proc in enumerate(cluster.apps):
                # A process that died is out of rotation (health check); start a fresh one so the
                # cluster heals, as compose's restart policy or Kubernetes would, at most every 10 s.
                if proc is not None and proc.poll() is not None and time.monotonic() - restarted[i] > 10:
                    print(f"{cluster.server_name(i)} exited ({proc.returncode}); starting it again", flush=True)
                    restarted[i] = time.monotonic()
                    cluster.start_app(i)
    except KeyboardInterrupt:
        print("\nstopping", flush=True)
        return 0
    except RuntimeError as err:
        print(f"cluster failed: {err}", file=sys.stderr)
        return 1
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
