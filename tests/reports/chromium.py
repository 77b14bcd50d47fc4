"""Headless Chromium for the browser checks (the reports and the page of `roicast serve`)."""
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def headless_chromium(window_size="1200,900"):
    """A driver of Debian's chromium with a profile of its own (driver.profile), nothing fetched
    in the background, and the console kept for get_log("browser")."""
    profile = tempfile.mkdtemp(prefix="roicast-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", f"--window-size={window_size}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.profile = profile  # for the caller to remove after quit()
    return driver
