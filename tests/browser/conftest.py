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


def logga_ut(page) -> None:
    """Log out through the menu and wait for the login form: a login started before
    the logout has gone through finds the old session and is sent to the start page."""
    from playwright.sync_api import expect

    logga_ut_knapp = page.get_by_role("button", name="Logga ut")
    for forsok in range(3):
        # A click made while the previous page is still arriving (a POST's redirect)
        # can be lost with that page: wait for it, and click again if no form came.
        page.wait_for_load_state()
        if page.get_by_label("Användarnamn").is_visible():
            return  # the last click went through after all
        if not logga_ut_knapp.is_visible():  # a phone: the menu is folded (or folding)
            page.get_by_role("button", name="Visa menyn").click()
        logga_ut_knapp.click()
        try:
            expect(page.get_by_label("Användarnamn")).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            if forsok == 2:
                raise


def assert_accessible(page):
    """Run axe-core in the page; fail on any serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error

    # A click that navigates returns before the new document is there; axe run
    # in between finds no document ("reading 'documentElement'") or loses its
    # context. Wait for the page to load and run it again on the new document.
    for attempt in range(3):
        page.wait_for_load_state()
        try:
            results = Axe().run(page)
            break
        except Error as error:
            if attempt == 2 or not (
                "documentElement" in error.message
                or "Execution context was destroyed" in error.message
            ):
                raise
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
