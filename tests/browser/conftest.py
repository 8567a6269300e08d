"""Browser tests: Playwright for Python driving Debian's Chromium, headless.

Without Chromium the tests are skipped with a visible reason, except under CI (CI=true),
where a missing browser fails the run.
"""

import os
import shutil

import pytest

from finsam.demo import DEMO_PASSWORD

# Sync Playwright runs an event loop in this thread; the ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def chromium_executable() -> str | None:
    if os.environ.get("CHROMIUM_PATH"):
        return CHROMIUM if os.path.exists(CHROMIUM) else None
    return CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = chromium_executable()
    if executable is None:
        message = f"Chromium saknas ({CHROMIUM}); installera Debian-paketet 'chromium'."
        if IN_CI:
            pytest.fail(message + " I CI är det ett fel, inte ett skäl att hoppa över.")
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "headless": True,
        "args": [
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def login(live_server):
    """``login(page, username)`` logs a demo user in through the real login form."""

    def do_login(page, username, password=DEMO_PASSWORD):
        page.set_default_timeout(10_000)
        page.goto(f"{live_server.url}/logga-in/")
        page.get_by_label("Användarnamn").fill(username)
        page.get_by_label("Lösenord").fill(password)
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_load_state()
        return page

    return do_login


@pytest.fixture
def demo(transactional_db):
    """The full demo förbund (every app's part), for journeys through real pages."""
    from finsam.demo import build_demo

    return build_demo()


def assert_accessible(page):
    """Run axe-core in the page; fail on any serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [
        v
        for v in results.response["violations"]
        if v.get("impact") in {"serious", "critical"}
    ]
    assert not bad, "Tillgänglighetsfel på {}:\n{}".format(
        page.url,
        "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in bad
        ),
    )
