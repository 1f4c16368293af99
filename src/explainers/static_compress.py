"""Streamlit's frontend files, compressed once and kept: a light first visit without a proxy.

Streamlit 1.67 sends `/static/*` (the JavaScript and CSS bundles, 7.45 MB for a first visit to a
topic page) uncompressed on purpose: its gzip middleware would compress them again on every request,
so it leaves compression to a proxy. A presenter who runs `make run` and shows a QR code has no
proxy, and 100-300 phones then each pull 8 MB through one Wi-Fi access point.

`PrecompressedStatic` is an ASGI middleware that answers GET/HEAD for those files (and the root
document, which Streamlit also leaves uncompressed) with a brotli or gzip body that is compressed
once per file and then kept, in memory and on disk:

- the first request for a file compresses it in a worker thread (brotli quality 9, or gzip level 9
  for a browser without brotli: ~0.5 s for the largest bundle, Plotly's 4.7 MB); requests for the
  same file that arrive meanwhile wait for that one result instead of compressing it again;
- the result is kept in memory for the life of the process and written to a disk cache keyed by the
  Streamlit version, the file's path, size and modification time, so the next start, and every
  other process of a cluster on the same machine, reads it instead of compressing;
- brotli's best quality (11) is another ~10 % smaller but ~20x slower (9 s for Plotly), too slow
  for the first viewer to wait for. One background thread at nice 19 (it only gets CPU time nobody
  else wants) remakes each requested file at quality 11 and swaps it in, then, once per machine
  and install of Streamlit, fills the cache with the best copy of every other file (~45 CPU-seconds
  for Streamlit 1.67's 23 MB), so later starts never compress. A lock file keeps the processes of a
  cluster from doing that twice; `EXPLAINERS_STATIC_PRECOMPRESS=0` turns the fill off.
  `python -m explainers.static_compress` does the same ahead of time (the Docker image build);
- responses carry the headers Streamlit's own static handler sets (content type, Last-Modified,
  the immutable one-year Cache-Control for hashed bundles, no-cache for the document) plus
  `Content-Encoding`, `Vary: Accept-Encoding` and a weak ETag per encoding (a quality-9 and a
  quality-11 copy differ in bytes, not in content), and answer conditional requests with 304;
- everything else (a client that accepts neither encoding, a Range request, a font or an image,
  a path that is not a file) goes to Streamlit untouched, with `Vary: Accept-Encoding` added to
  the static files so a shared cache never hands an uncompressed copy to one browser and a
  compressed one to another by mistake.

`explainers.serve` adds it to Streamlit's middleware stack (after the path-security check); it is
a plain ASGI middleware, so `st.App(..., middleware=[Middleware(PrecompressedStatic)])` can use it too.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import hashlib
import logging
import mimetypes
import os
import queue
import re
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from email.utils import formatdate, parsedate
from pathlib import Path
from typing import Any

try:  # brotli is a dependency; without it the middleware still serves gzip
    import brotli
except ImportError:  # pragma: no cover - exercised only on a broken install
    brotli = None

_LOG = logging.getLogger(__name__)

#: Text types worth compressing. Fonts (woff2), images and archives are compressed already.
COMPRESSIBLE_SUFFIXES = frozenset({".js", ".mjs", ".css", ".html", ".json", ".svg", ".map", ".txt", ".ttf", ".wasm"})
MIN_SIZE = 1024  # below this the gzip/brotli framing eats most of the saving
MIN_SAVING = 0.05  # keep a compressed copy only if it is at least 5 % smaller
#: Brotli quality for compression at run time: q9 is ~17 % smaller than gzip -9 on these bundles and
#: about as fast; q11 is another ~10 % smaller but ~20x slower (9 s for Plotly), so it is only used
#: ahead of time (`python -m explainers.static_compress`, the Docker build).
RUNTIME_BROTLI_QUALITY = 9
BEST_BROTLI_QUALITY = 11
GZIP_LEVEL = 9
#: Copies of another install of Streamlit's files that nobody wrote for this long are removed.
STALE_AFTER_S = 7 * 24 * 3600
#: The encodings in order of preference (smallest first) with their ETag suffix and file suffix.
ENCODINGS = ("br", "gzip")
_ETAG_SUFFIX = {"br": "br", "gzip": "gz"}

# Streamlit's own cache rule (starlette_static_routes): HTML and manifest.json are revalidated on
# every visit, hashed bundles are cached for a year and never revalidated.
_NO_CACHE = re.compile(r"(?:\.html$|^manifest\.json$)")
try:
    from streamlit.web.server.starlette.starlette_server_config import STATIC_ASSET_CACHE_MAX_AGE_SECONDS
except ImportError:  # pragma: no cover - older layout
    STATIC_ASSET_CACHE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60
IMMUTABLE = f"public, immutable, max-age={STATIC_ASSET_CACHE_MAX_AGE_SECONDS}"


def cache_control(relpath: str) -> str:
    return "no-cache" if _NO_CACHE.search(relpath) else IMMUTABLE


def compress(data: bytes, encoding: str, *, brotli_quality: int = RUNTIME_BROTLI_QUALITY) -> bytes:
    if encoding == "br":
        if brotli is None:
            raise ValueError("brotli is not installed")
        return brotli.compress(data, mode=brotli.MODE_TEXT, quality=brotli_quality)
    if encoding == "gzip":
        return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)  # mtime=0: same bytes every time
    raise ValueError(f"unknown encoding {encoding!r}")


def available_encodings() -> tuple[str, ...]:
    return ENCODINGS if brotli is not None else ("gzip",)


def negotiate(accept_encoding: str, offered: tuple[str, ...]) -> str | None:
    """The best of `offered` (in its order of preference) that the Accept-Encoding header allows.

    RFC 9110: a coding with q=0 is refused; `*` stands for every coding not named; no header, or a
    header naming none of ours, means identity (None).
    """
    q: dict[str, float] = {}
    for part in accept_encoding.split(","):
        token, _, params = part.strip().partition(";")
        token = token.strip().lower()
        if not token:
            continue
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        q[token] = weight
    for coding in offered:
        weight = q.get(coding, q.get("x-gzip") if coding == "gzip" else None)
        if weight is None:
            weight = q.get("*")
        if weight is not None and weight > 0:
            return coding
    return None


def default_cache_dir() -> Path | None:
    """EXPLAINERS_STATIC_CACHE, or ~/.cache/explainers/static; "off" (or empty) keeps memory only."""
    value = os.environ.get("EXPLAINERS_STATIC_CACHE")
    if value is not None:
        return None if value.strip().lower() in ("", "off", "none", "0") else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "explainers" / "static"


def _streamlit_static_dir() -> Path:
    from streamlit import file_util

    return Path(file_util.get_static_dir())


def _streamlit_version() -> str:
    import streamlit

    return streamlit.__version__


class AssetStore:
    """The compressed copies of the files under one static directory, each made once.

    Thread-safe: `encoded()` may be called from any thread; the first caller for a (file, encoding)
    reads the disk cache or compresses, the others wait for its result: no request ever waits for
    more than the one file it asked for.

    A brotli copy made at run time (quality 9, fast) is replaced by a quality-11 copy (~10 % smaller)
    by one background thread at the lowest CPU priority (nice 19), so it only uses time no viewer
    wants; `fill()` queues every other file behind those. The disk cache keeps the best copy, and
    later starts serve it from the first request.
    """

    def __init__(self, root: Path, cache_dir: Path | None = None, *, quality: int = RUNTIME_BROTLI_QUALITY,
                 best_quality: int = BEST_BROTLI_QUALITY, upgrade: bool = True, version: str | None = None,
                 refresh: bool = False) -> None:
        self.root = Path(os.path.realpath(root))
        self.quality = quality
        self.best_quality = max(best_quality, quality)
        self.cache_dir = (Path(cache_dir) / f"streamlit-{version or _streamlit_version()}") if cache_dir else None
        self.refresh = refresh  # ignore copies already on disk (to make them again at another quality)
        self._lock = threading.Lock()
        self._memory: dict[tuple[str, str, int, int], tuple[bytes | None, str]] = {}
        self._pending: dict[tuple[str, str, int, int], Future] = {}
        self._disk_ok = self.cache_dir is not None
        self._upgrades: queue.PriorityQueue | None = (queue.PriorityQueue() if upgrade and self.best_quality > quality
                                                      else None)
        self._upgrader: threading.Thread | None = None
        self._fingerprint: str | None = None
        self._upgrading = 0
        self._seq = 0
        self.stats = {"compressed": 0, "from_disk": 0, "hits": 0, "upgraded": 0, "seconds": 0.0}

    def resolve(self, relpath: str) -> tuple[Path, os.stat_result] | None:
        """The regular file `relpath` names inside the root, or None (never a path outside it)."""
        if not relpath or "\x00" in relpath or "\\" in relpath or relpath.startswith("/"):
            return None
        if any(part in ("", ".", "..") for part in relpath.split("/")):
            return None
        if Path(relpath).suffix.lower() not in COMPRESSIBLE_SUFFIXES:
            return None
        path = Path(os.path.realpath(self.root / relpath))
        if self.root not in path.parents:
            return None
        try:
            st = path.stat()
        except OSError:
            return None
        if not path.is_file() or st.st_size < MIN_SIZE:
            return None
        return path, st

    # --- levels: which copy this is ("gz9", "br9", "br11") ------------------------------------------

    def _tag(self, encoding: str, quality: int | None = None) -> str:
        return "gz9" if encoding == "gzip" else f"br{quality or self.quality}"

    def _best_tag(self, encoding: str) -> str:
        return self._tag(encoding, self.best_quality)

    # --- lookups -------------------------------------------------------------------------------------

    def peek(self, relpath: str, st: os.stat_result, encoding: str) -> tuple[bool, bytes | None]:
        """(True, body) when the copy is in memory already: no thread hop for the common case."""
        key = (relpath, encoding, st.st_size, st.st_mtime_ns)
        with self._lock:
            if key in self._memory:
                self.stats["hits"] += 1
                return True, self._memory[key][0]
        return False, None

    def encoded(self, relpath: str, path: Path, st: os.stat_result, encoding: str) -> bytes | None:
        """The compressed body (None: not worth compressing), made at most once per process."""
        key = (relpath, encoding, st.st_size, st.st_mtime_ns)
        with self._lock:
            if key in self._memory:
                self.stats["hits"] += 1
                return self._memory[key][0]
            future = self._pending.get(key)
            owner = future is None
            if owner:
                future = self._pending[key] = Future()
        if not owner:
            return future.result()
        try:
            body, tag = self._load_or_compress(relpath, path, st, encoding)
        except BaseException as err:
            with self._lock:
                del self._pending[key]
            future.set_exception(err)
            raise
        with self._lock:
            self._memory[key] = (body, tag)
            del self._pending[key]
        future.set_result(body)
        if tag != self._best_tag(encoding) and self._upgrades is not None:
            self._queue_upgrade((relpath, path, st, encoding))
        return body

    def _disk_path(self, relpath: str, st: os.stat_result, tag: str) -> Path | None:
        if not self._disk_ok or self.cache_dir is None:
            return None
        return self.cache_dir / f"{relpath}.{st.st_size}-{st.st_mtime_ns}.{tag}"

    def _read_disk(self, relpath: str, st: os.stat_result, tag: str) -> bytes | None:
        disk = self._disk_path(relpath, st, tag)
        if disk is None or self.refresh:
            return None
        try:
            return disk.read_bytes()  # b"" records "not worth compressing"
        except OSError:
            return None

    def _load_or_compress(self, relpath: str, path: Path, st: os.stat_result, encoding: str) -> tuple[bytes | None, str]:
        for tag in dict.fromkeys((self._best_tag(encoding), self._tag(encoding))):  # the best copy first
            body = self._read_disk(relpath, st, tag)
            if body is not None:
                self.stats["from_disk"] += 1
                return body or None, tag
        tag = self._tag(encoding)
        return self._compress(relpath, path, st, encoding, self.quality, tag), tag

    def _compress(self, relpath: str, path: Path, st: os.stat_result, encoding: str, quality: int,
                  tag: str) -> bytes | None:
        t0 = time.perf_counter()
        data = path.read_bytes()
        body = compress(data, encoding, brotli_quality=quality)
        if len(body) > len(data) * (1 - MIN_SAVING):
            body = b""
        with self._lock:
            self.stats["compressed"] += 1
            self.stats["seconds"] += time.perf_counter() - t0
        disk = self._disk_path(relpath, st, tag)
        if disk is not None:
            self._write(disk, body)
            if tag == self._best_tag(encoding):  # the quick copies are no longer needed
                for quality in {self.quality, RUNTIME_BROTLI_QUALITY}:
                    quick = self._disk_path(relpath, st, self._tag(encoding, quality))
                    if quick is not None and quick != disk:
                        quick.unlink(missing_ok=True)
        return body or None

    # --- the background work: the best quality, with CPU time nobody else wants -----------------------
    #
    # One thread at nice 19 works through a priority queue: first the files viewers asked for (their
    # quick copy is replaced by the best one), then, once per machine, every other file (`fill`), so
    # that the cache is complete and later starts never compress. Done once per cache directory:
    # a lock file keeps the processes of a cluster from doing it twice, and a marker file records it.

    def _queue_upgrade(self, job: tuple, priority: int = 0) -> None:
        assert self._upgrades is not None
        with self._lock:
            self._upgrading += 1
            self._seq += 1
            seq = self._seq
            if self._upgrader is None:
                self._upgrader = threading.Thread(target=self._upgrade_loop, name="static-compress-best", daemon=True)
                self._upgrader.start()
        self._upgrades.put((priority, seq, job))

    def _upgrade_loop(self) -> None:
        try:  # Linux: a thread's nice value is its own (setpriority on its thread id)
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        except (AttributeError, OSError):
            pass
        assert self._upgrades is not None
        while True:
            _, _, job = self._upgrades.get()
            try:
                if callable(job):
                    job()
                else:
                    self._make_best(*job)
            except Exception as err:  # keep serving the quick copy
                _LOG.warning("static compression in the background failed: %s", err)
            finally:
                with self._lock:
                    self._upgrading -= 1

    def _make_best(self, relpath: str, path: Path, st: os.stat_result, encoding: str) -> None:
        """Make sure the cache has the best copy; swap it in if this process holds a quicker one."""
        key = (relpath, encoding, st.st_size, st.st_mtime_ns)
        best = self._best_tag(encoding)
        with self._lock:
            held = self._memory.get(key)
        if held is not None and held[1] == best:
            return
        body = self._read_disk(relpath, st, best)  # another process of a cluster may have made it
        if body is None:
            body = self._compress(relpath, path, st, encoding, self.best_quality, best) or b""
        with self._lock:
            old = self._memory.get(key)
            if old is not None and body and (old[0] is None or len(body) <= len(old[0])):
                self._memory[key] = (body, best)
                self.stats["upgraded"] += 1

    def _marker(self) -> Path | None:
        """The file that records a complete cache for this install of Streamlit's files.

        Keyed to the install, not only to Streamlit's version: the cache keeps copies per file size and
        modification time, so a reinstall of the same version (a new virtualenv, CI's clean clone on a
        machine whose ~/.cache persists) has none of them yet, and its first viewers would otherwise get
        the quick copies (Plotly's bundle ~120 kB larger) for as long as the background takes to catch up.
        """
        if self.cache_dir is None:
            return None
        return self.cache_dir / f".complete-br{self.best_quality}-{self._install_fingerprint()}"

    def _install_fingerprint(self) -> str:
        """A short hash of where the static files are and of each one's path, size and modification time."""
        if self._fingerprint is None:
            digest = hashlib.sha256(str(self.root).encode())
            for rel, _, st in sorted(self.compressible_files()):
                digest.update(f"\0{rel}\0{st.st_size}\0{st.st_mtime_ns}".encode())
            self._fingerprint = digest.hexdigest()[:16]
        return self._fingerprint

    def fill(self) -> bool:
        """Queue the best copy of every file (behind the viewers' requests), once per cache directory.

        False when there is nothing to do: no disk cache, no upgrades, done before, or another
        process is doing it (it holds the lock).
        """
        marker = self._marker()
        if self._upgrades is None or marker is None or not self._disk_ok or marker.exists():
            return False
        lock = None
        try:
            import fcntl

            self.cache_dir.mkdir(parents=True, exist_ok=True)
            lock = open(self.cache_dir / ".fill.lock", "w")
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held until the fill is done (or the process ends)
        except (OSError, ImportError):  # someone else fills it, or the disk is read-only
            if lock is not None:
                lock.close()
            return False
        files = self.compressible_files()
        for rel, path, st in files:
            for enc in available_encodings():
                self._queue_upgrade((rel, path, st, enc), priority=1)

        def done() -> None:
            if self._disk_ok:
                self._write(marker, f"{len(files)} files\n".encode())
                self.prune()
            lock.close()  # releases the lock

        self._queue_upgrade(done, priority=2)
        return True

    def prune(self, *, older_than_s: float = STALE_AFTER_S) -> int:
        """Remove the copies and markers of other installs that nobody has written for a while.

        Each reinstall of Streamlit (a new virtualenv, every CI run on a machine whose cache persists)
        adds ~11 MB of copies keyed to its own files' times; without this the cache only grows. Copies
        written recently are kept: another install on this machine may still be using them.
        """
        if self.cache_dir is None:
            return 0
        current = {f"{rel}.{st.st_size}-{st.st_mtime_ns}" for rel, _, st in self.compressible_files()}
        keep_marker = self._marker()
        cutoff = time.time() - older_than_s
        removed = 0
        for path in self.cache_dir.rglob("*"):
            try:
                if not path.is_file() or path.stat().st_mtime > cutoff or path.name == ".fill.lock":
                    continue
                if path.name.startswith(".complete-"):
                    stale = path != keep_marker
                else:
                    stem = path.relative_to(self.cache_dir).as_posix().rsplit(".", 1)[0]  # drop ".br11"
                    stale = stem not in current  # (a ".tmp-" file this old is a crashed writer's)
                if stale:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed

    def compressible_files(self) -> list[tuple[str, Path, os.stat_result]]:
        """Every file worth compressing: the page's own entry files first, then the largest first."""
        files = []
        for path in self.root.rglob("*"):
            rel = path.relative_to(self.root).as_posix()
            found = self.resolve(rel)
            if found:
                files.append((rel, *found))
        try:
            index = (self.root / "index.html").read_text(encoding="utf-8", errors="replace")
        except OSError:
            index = ""
        entry = set(re.findall(r'(?:src|href)="\./([^"]+)"', index)) | {"index.html"}
        files.sort(key=lambda f: (f[0] not in entry, -f[2].st_size, f[0]))
        return files

    def wait_upgrades(self, timeout_s: float = 60.0) -> bool:
        """Until the background queue is empty (tests and the benchmark); False on time-out."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._lock:
                if self._upgrading == 0:
                    return True
            time.sleep(0.02)
        return False

    # --- the disk cache ---------------------------------------------------------------------------

    def _write(self, disk: Path, body: bytes) -> None:
        """Atomically (write + rename), so a process reading the cache never sees half a file."""
        try:
            disk.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=disk.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(body)
                # Public files: readable by every user (the image builds the cache as root and runs
                # as `app`); mkstemp would leave them private to their writer.
                os.chmod(tmp, 0o644)
                os.replace(tmp, disk)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError as err:  # read-only image, full disk: memory only from now on
            self._disk_ok = False
            _LOG.warning("static compression cache %s is not writable (%s): keeping compressed files in memory only",
                         self.cache_dir, err)

    def precompress(self, *, workers: int | None = None, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
        """Compress every compressible file into the disk cache (ahead of time: the Docker build)."""
        files = self.compressible_files()
        raw = sum(st.st_size for _, _, st in files)
        sizes = {enc: 0 for enc in available_encodings()}
        t0 = time.perf_counter()
        jobs = [(rel, p, st, enc) for rel, p, st in files for enc in available_encodings()]
        # Brotli and zlib release the GIL while they compress, so threads use every core.
        with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
            for (rel, _, st, enc), body in zip(jobs, pool.map(lambda j: self.encoded(*j), jobs)):
                sizes[enc] += len(body) if body else st.st_size
                if progress:
                    progress(f"{enc:>4} {rel}")
        marker = self._marker()
        if marker is not None and self._disk_ok and self.quality >= BEST_BROTLI_QUALITY:
            self._write(marker, f"{len(files)} files\n".encode())  # launchers need not fill it again
            self.prune()
        return {"files": len(files), "raw_bytes": raw, "encoded_bytes": sizes,
                "seconds": round(time.perf_counter() - t0, 2), "cache_dir": str(self.cache_dir)}


def _match_etag(if_none_match: str, etags: tuple[str, ...]) -> bool:
    if if_none_match.strip() == "*":
        return True
    # If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/ does not matter.
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return any(etag.removeprefix("W/") in tags for etag in etags)


def _add_vary(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    for i, (name, value) in enumerate(headers):
        if name.lower() == b"vary":
            if b"accept-encoding" not in value.lower() and value.strip() != b"*":
                headers[i] = (name, value + b", Accept-Encoding")
            return headers
    headers.append((b"vary", b"Accept-Encoding"))
    return headers


class PrecompressedStatic:
    """ASGI middleware: `{base}/static/**` and `{base}/` from precompressed copies (module docstring)."""

    def __init__(self, app: Any, *, static_dir: str | os.PathLike[str] | None = None, base_url: str | None = None,
                 cache_dir: str | os.PathLike[str] | None | bool = True, store: AssetStore | None = None,
                 max_workers: int = 2) -> None:
        self.app = app
        if base_url is None:
            from streamlit import config

            base_url = config.get_option("server.baseUrlPath") or ""
            # In development mode Streamlit serves no static files (the frontend's dev server does).
            self.enabled = not config.get_option("global.developmentMode")
        else:
            self.enabled = True
        base = "/" + base_url.strip("/") if base_url.strip("/") else ""
        self.root_path = base + "/"
        self.static_prefix = base + "/static/"
        if store is None:
            root = Path(static_dir) if static_dir is not None else _streamlit_static_dir()
            cache = default_cache_dir() if cache_dir is True else (Path(cache_dir) if cache_dir else None)
            store = AssetStore(root, cache)
        self.store = store
        self.enabled = self.enabled and self.store.root.is_dir()
        self.offered = available_encodings()
        if self.enabled and os.environ.get("EXPLAINERS_STATIC_PRECOMPRESS", "1") != "0":
            self.store.fill()  # once per machine, in the background: the best copy of every file
        # At most two compressions at once, whatever the audience: each takes a core while it runs.
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="static-compress")

    def _relpath(self, scope: dict[str, Any]) -> str | None:
        path: str = scope.get("path", "")
        root_path = scope.get("root_path", "")
        if root_path and path.startswith(root_path):  # mounted under another ASGI app
            path = path[len(root_path):] or "/"
        if path == self.root_path:
            return "index.html"
        if path.startswith(self.static_prefix):
            return "static/" + path[len(self.static_prefix):]
        return None

    async def __call__(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        if not self.enabled or scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        relpath = self._relpath(scope)
        found = self.store.resolve(relpath) if relpath else None
        if found is None:
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in ((k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"])}
        encoding = None if "range" in headers else negotiate(headers.get("accept-encoding", ""), self.offered)
        body = None
        if encoding is not None:
            path, st = found
            ready, body = self.store.peek(relpath, st, encoding)
            if not ready:  # compress (or read the disk cache) off the event loop, once
                loop = asyncio.get_running_loop()
                body = await loop.run_in_executor(self._executor, self.store.encoded, relpath, path, st, encoding)
        if body is None:
            await self.app(scope, receive, self._vary_send(send))
            return
        await self._respond(scope, send, relpath, found, encoding, body, headers)

    def _vary_send(self, send: Callable) -> Callable:
        async def wrapped(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": _add_vary(list(message.get("headers", [])))}
            await send(message)

        return wrapped

    async def _respond(self, scope: dict[str, Any], send: Callable, relpath: str, found: tuple[Path, os.stat_result],
                       encoding: str, body: bytes, request: dict[str, str]) -> None:
        path, st = found
        identity_etag, etag = self.etags(st, encoding)
        last_modified = formatdate(st.st_mtime, usegmt=True)
        common = [(b"etag", etag.encode()), (b"cache-control", cache_control(relpath).encode()),
                  (b"vary", b"Accept-Encoding"), (b"last-modified", last_modified.encode())]
        if self._not_modified(request, (etag, identity_etag), st):
            await send({"type": "http.response.start", "status": 304, "headers": common})
            await send({"type": "http.response.body", "body": b""})
            return
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type.startswith("text/"):  # as Starlette's FileResponse writes it
            content_type += "; charset=utf-8"
        out = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode()),
               (b"content-encoding", encoding.encode()), *common]
        await send({"type": "http.response.start", "status": 200, "headers": out})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    @staticmethod
    def etags(st: os.stat_result, encoding: str) -> tuple[str, str]:
        """Starlette's ETag for the file, and the one of its `encoding` copy (a different representation)."""
        import hashlib

        digest = hashlib.md5(f"{st.st_mtime}-{st.st_size}".encode(), usedforsecurity=False).hexdigest()
        return f'"{digest}"', f'W/"{digest}-{_ETAG_SUFFIX[encoding]}"'

    @staticmethod
    def _not_modified(request: dict[str, str], etags: tuple[str, ...], st: os.stat_result) -> bool:
        # As Starlette's StaticFiles: If-None-Match decides when present, else If-Modified-Since.
        if "if-none-match" in request:
            return _match_etag(request["if-none-match"], etags)
        since = parsedate(request.get("if-modified-since", ""))
        if since is None:
            return False
        modified = parsedate(formatdate(st.st_mtime, usegmt=True))
        return modified is not None and since >= modified


def install() -> None:
    """Put `PrecompressedStatic` into the middleware of every Streamlit server this process builds.

    Right after Streamlit's path-security middleware (so a hostile path is refused before any file
    lookup) and before its session and gzip middlewares, which a static file needs neither of.
    Both `streamlit run` and `st.App` build their stack with `create_streamlit_middleware`.
    """
    from starlette.middleware import Middleware
    from streamlit.web.server.starlette import starlette_app

    original = starlette_app.create_streamlit_middleware
    if getattr(original, "_precompressed", False):
        return

    def create_streamlit_middleware() -> list[Middleware]:
        stack = list(original())
        at = next((i + 1 for i, m in enumerate(stack) if getattr(m.cls, "__name__", "") == "PathSecurityMiddleware"), 0)
        stack.insert(at, Middleware(PrecompressedStatic))
        return stack

    create_streamlit_middleware._precompressed = True  # type: ignore[attr-defined]
    starlette_app.create_streamlit_middleware = create_streamlit_middleware


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m explainers.static_compress",
        description="Fill the disk cache with brotli and gzip copies of Streamlit's frontend files "
                    "(ahead of time, at brotli's best quality), so no server compresses at run time.")
    parser.add_argument("--cache-dir", type=Path, default=None,
                        help="default: $EXPLAINERS_STATIC_CACHE or ~/.cache/explainers/static")
    parser.add_argument("--quality", type=int, default=BEST_BROTLI_QUALITY, help="brotli quality (0-11)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--refresh", action="store_true", help="compress again what the cache already has")
    args = parser.parse_args(argv)
    cache = args.cache_dir or default_cache_dir()
    if cache is None:
        parser.error("no cache directory (EXPLAINERS_STATIC_CACHE is off): pass --cache-dir")
    store = AssetStore(_streamlit_static_dir(), cache, quality=args.quality, upgrade=False, refresh=args.refresh)
    result = store.precompress(workers=args.workers)
    sizes = ", ".join(f"{enc} {n / 1e6:.1f} MB" for enc, n in result["encoded_bytes"].items())
    print(f"{result['files']} files, {result['raw_bytes'] / 1e6:.1f} MB -> {sizes} in {result['seconds']} s "
          f"({store.stats['compressed']} compressed, {store.stats['from_disk']} already cached) -> {result['cache_dir']}")


if __name__ == "__main__":
    main()
