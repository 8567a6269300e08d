"""Production settings and the compose file (Docker cannot run on this machine)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "finsam.example.se",
    "DATABASE_URL": "sqlite:////tmp/finsam-deploy-check.sqlite3",
    "PATH": os.environ.get("PATH", ""),
}


def _kor(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """``python *args`` in the checkout with only ``env``, as the server would start."""
    return subprocess.run(  # noqa: S603 (the callers' fixed arguments)
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def collected_static(tmp_path):
    """A STATIC_ROOT as `collectstatic` leaves it, as far as the start-up check looks:
    its manifest (the real command takes a minute, compressing every file)."""
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    return {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}


@pytest.fixture
def uncollected_static(tmp_path):
    return {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path / "inte-insamlade")}


def test_production_settings_pass_check_deploy_without_warnings(collected_static):
    result = _kor(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], collected_static
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = _kor(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_compose_runs_postgres_and_the_app_with_a_media_volume():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"db", "web", "worker"}
    assert services["db"]["image"].startswith("postgres:")
    web = services["web"]
    env = web["environment"]
    assert (
        env["DATABASE_URL"].startswith("postgres://")
        and "@db:5432/" in env["DATABASE_URL"]
    )
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_HOST", "DEBUG"):
        assert name in env
    assert env["DEBUG"] == "0"
    assert any(v.endswith(":/data/media") for v in web["volumes"])
    assert "media" in compose["volumes"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"


def test_compose_runs_a_task_worker_on_the_apps_database_and_media():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    web, worker = compose["services"]["web"], compose["services"]["worker"]
    assert worker["command"][:3] == ["python", "manage.py", "db_worker"]
    assert worker["environment"] == web["environment"]
    assert any(v.endswith(":/data/media") for v in worker["volumes"])
    assert worker["depends_on"]["db"]["condition"] == "service_healthy"


def test_the_image_serves_the_app_with_gunicorn_and_collected_static_files():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "gunicorn finsam.wsgi:application" in dockerfile
    assert "collectstatic --noinput" in dockerfile
    assert "libharfbuzz-subset0" in dockerfile


def _start(env):
    """What gunicorn does first: import the WSGI application."""
    return _kor(["-c", "import finsam.wsgi; print('startad')"], env)


def test_production_without_collected_static_files_fails_the_check(uncollected_static):
    """With DEBUG off every {% static %} needs collectstatic's manifest: without it
    every page was a 500. Now the checks (migrate, runserver, check) say why."""
    result = _kor(["manage.py", "check"], uncollected_static)
    assert result.returncode != 0
    assert "finsam.E001" in result.stderr
    assert "collectstatic --noinput" in result.stderr


def test_the_wsgi_app_refuses_to_start_without_collected_static_files(
    uncollected_static,
):
    """gunicorn runs no system checks: the import itself fails, so the workers never
    serve a page."""
    result = _start(uncollected_static)
    assert result.returncode != 0
    assert "startad" not in result.stdout
    assert "De statiska filerna är inte insamlade" in result.stderr


def test_the_wsgi_app_starts_once_static_files_are_collected(collected_static):
    result = _start(collected_static)
    assert result.returncode == 0, result.stderr
    assert "startad" in result.stdout


def test_readme_says_how_production_starts():
    readme = (ROOT / "README.md").read_text()
    assert "collectstatic --noinput" in readme
    assert "gunicorn finsam.wsgi:application" in readme
