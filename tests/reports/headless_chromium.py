"""Headless Chromium for the report checks and the page of `roicast serve`: one way to start it, and the
console messages a page must not produce."""
import shutil
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


class Browser:
    """A headless Chromium with its own throw-away profile, logging the console; use with `with`."""

    def __init__(self, window_size="1200,900"):
        self.window_size = window_size

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="roicast-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--user-data-dir={self.profile}", f"--window-size={self.window_size}"]:
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        return self.driver

    def __exit__(self, *exc):
        self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)
        return False


def console_problems(driver):
    """The browser console's messages of level WARNING or worse since the last call."""
    return [f"console {e['level']}: {e['message']}" for e in driver.get_log("browser")
            if e["level"] in ("WARNING", "SEVERE")]
