"""The deployment files say what the tested setup does (no Docker daemon or Kubernetes here: these
check the files themselves; tests/cluster/test_cluster.py runs the HAProxy config for real)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from explainers.cluster import HAPROXY_CFG, find_haproxy, render_config

from .conftest import need

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
K8S = DEPLOY / "k8s"


def k8s(kind: str) -> dict:
    for path in K8S.glob("*.yaml"):
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if doc and doc.get("kind") == kind:
                return doc
    raise AssertionError(f"no {kind} in deploy/k8s")


def haproxy_header(name: str) -> str:
    found = re.search(rf'http-response set-header {name} (?:"([^"]*)"|(\S+))', HAPROXY_CFG.read_text(encoding="utf-8"))
    assert found, name
    return found.group(1) if found.group(1) is not None else found.group(2)


def test_haproxy_accepts_the_deployed_config_and_the_rendered_one(tmp_path):
    haproxy = find_haproxy()
    need("HAProxy (/usr/sbin/haproxy)", haproxy)
    rendered = tmp_path / "cluster.cfg"
    rendered.write_text(render_config([("app1", "127.0.0.1", 18601), ("app2", "127.0.0.1", 18602)]))
    for cfg in (HAPROXY_CFG, rendered):
        out = subprocess.run([haproxy, "-c", "-f", str(cfg)], capture_output=True, text=True, timeout=30)
        assert out.returncode == 0, out.stdout + out.stderr


def test_the_haproxy_config_has_what_a_session_needs():
    cfg = HAPROXY_CFG.read_text(encoding="utf-8")
    assert re.search(r"^\s*cookie EXPLAINERS_SERVER insert indirect nocache httponly", cfg, re.M)
    assert re.search(r"^\s*timeout tunnel\s+\d+h", cfg, re.M)  # the websocket outlives `timeout client`
    assert "uri /_stcore/health" in cfg and "http-check expect status 200" in cfg
    assert re.search(r"^\s*option redispatch", cfg, re.M) and re.search(r"^\s*timeout check", cfg, re.M)
    # A busy process's viewers are never cut because it missed health checks.
    assert "shutdown-sessions" not in re.sub(r"#.*", "", cfg)
    assert re.search(r"^\s*compression algo gzip", cfg, re.M)
    assert "compression offload" not in re.sub(r"#.*", "", cfg)


def test_compose_shares_one_cookie_secret_and_runs_the_tested_proxy_config():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    app, proxy = compose["services"]["app"], compose["services"]["proxy"]
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in app["environment"]
    assert "${EXPLAINERS_COOKIE_SECRET:?" in app["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"]  # no default secret
    assert app["build"]["dockerfile"] == "deploy/Dockerfile"
    assert "ports" not in app  # only the proxy is reachable
    assert any(v.startswith("./haproxy/haproxy.cfg:") for v in proxy["volumes"])
    assert proxy["depends_on"]["app"]["condition"] == "service_healthy"
    assert "server-template app " in HAPROXY_CFG.read_text(encoding="utf-8")  # finds the scaled replicas


def test_the_dockerfile_runs_the_launcher_unprivileged_with_a_curl_free_healthcheck():
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.\d+-slim", text, re.M)
    assert re.search(r"^USER app$", text, re.M)
    healthcheck = re.search(r"^HEALTHCHECK .*?\n(?:    .*\n)*", text, re.M).group(0)
    assert '"python", "-c"' in healthcheck and "urllib.request" in healthcheck and "/_stcore/health" in healthcheck
    assert "curl" not in re.sub(r"#.*", "", text)  # nothing installs or calls it
    assert '"-m", "explainers.serve"' in text
    assert "RUN python -m explainers.static_compress" in text
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").split()
    assert ".venv" in ignore and ".git" in ignore


def test_kubernetes_probes_resources_affinity_autoscaling_and_the_secret():
    deployment = k8s("Deployment")
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/_stcore/health"
    assert container["resources"]["requests"]["cpu"] and container["resources"]["requests"]["memory"]
    env = {e["name"]: e for e in container["env"]}
    ref = env["STREAMLIT_SERVER_COOKIE_SECRET"]["valueFrom"]["secretKeyRef"]
    secret = k8s("Secret")
    assert ref["name"] == secret["metadata"]["name"] and ref["key"] in secret["stringData"]
    assert deployment["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True

    ingress = k8s("Ingress")["metadata"]["annotations"]
    assert ingress["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(ingress["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600

    hpa = k8s("HorizontalPodAutoscaler")
    assert hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert hpa["spec"]["metrics"][0]["resource"]["name"] == "cpu"

    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    assert "secret.yaml" not in kustomization["resources"]  # a placeholder is never applied
    assert all((K8S / r).exists() for r in kustomization["resources"])


def test_the_ingress_sends_the_same_security_headers_as_haproxy():
    headers = k8s("ConfigMap")["data"]
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
                 "Permissions-Policy"):
        assert headers[name] == haproxy_header(name), name
