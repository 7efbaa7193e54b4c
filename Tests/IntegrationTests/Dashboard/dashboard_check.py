"""Drives camsim's dashboard in headless Chromium (selenium + chromedriver).

Checks that the page lists the expected cameras, that their snapshot thumbnails are
images whose pixels change over time, then clicks "Offline" on one camera, waits for
the page to show that camera as offline, and saves a screenshot. Prints one JSON report
on its last line; exits non-zero with a message on the first check that fails.
"""
import argparse
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

# A digest of an <img>'s pixels, drawn through a canvas (same-origin blob: URLs, so
# the canvas is readable). null while the image has not loaded.
PIXEL_DIGEST = """
const img = arguments[0];
if (!img.complete || img.naturalWidth === 0) return null;
const canvas = document.createElement('canvas');
canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
const g = canvas.getContext('2d');
g.drawImage(img, 0, 0);
const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
let hash = 2166136261;
for (let i = 0; i < data.length; i += 1) { hash = Math.imul(hash ^ data[i], 16777619) >>> 0; }
return [img.naturalWidth, img.naturalHeight, hash];
"""


def fail(message, report):
    report["failure"] = message
    print(json.dumps(report))
    sys.exit(1)


def wait_for(condition, timeout, what, report, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            fail(f"timed out after {timeout} s waiting for {what}", report)
        time.sleep(interval)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True, help="the dashboard, e.g. http://127.0.0.1:8080/")
    parser.add_argument("--cameras", required=True, help="comma-separated camera paths the page must show")
    parser.add_argument("--offline", required=True, help="the camera whose Offline button is clicked")
    parser.add_argument("--screenshot", required=True, help="where to save a PNG of the page")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    expected = sorted(args.cameras.split(","))
    report = {"url": args.url, "expected": expected}

    options = Options()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1400,1000", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    try:
        driver.set_page_load_timeout(30)
        driver.get(args.url)
        report["title"] = driver.title

        def cards():
            return driver.find_elements(By.CSS_SELECTOR, "#cameras .card")

        def card_paths():
            return sorted(c.get_attribute("data-path") for c in cards())

        wait_for(lambda: card_paths() == expected, 20, f"cards {expected}", report)
        report["cards"] = card_paths()

        # Every thumbnail loads, then shows a different picture a moment later.
        def digests():
            out = {}
            for card in cards():
                img = card.find_element(By.CSS_SELECTOR, ".thumb img")
                out[card.get_attribute("data-path")] = driver.execute_script(PIXEL_DIGEST, img)
            return out

        first = wait_for(lambda: (lambda d: d if all(d.values()) else None)(digests()), 20,
                         "every thumbnail to load", report)
        report["thumbnail_sizes"] = {path: d[:2] for path, d in first.items()}

        def all_changed():
            now = digests()
            return now if all(now[p] and now[p][2] != first[p][2] for p in expected) else None

        later = wait_for(all_changed, 20, "every thumbnail to change", report)
        report["thumbnails_changed"] = sorted(later)

        # The click: the camera's Offline button.
        card = driver.find_element(By.CSS_SELECTOR, f'#cameras .card[data-path="{args.offline}"]')
        card.find_element(By.CSS_SELECTOR, 'button[data-action="offline"]').click()
        report["clicked"] = args.offline
        print(f"clicked offline on {args.offline}", flush=True)

        def shown_state(path):
            element = driver.find_element(By.CSS_SELECTOR, f'#cameras .card[data-path="{path}"] .state')
            return element.text.strip()

        wait_for(lambda: shown_state(args.offline) == "offline", 15, f"{args.offline} shown offline", report)
        report["states"] = {path: shown_state(path) for path in expected}
        # The thumbnail says why it stopped.
        wait_for(lambda: "offline" in card.find_element(By.CSS_SELECTOR, ".thumb-note").text, 10,
                 "the offline camera's thumbnail note", report)
        report["offline_note"] = card.find_element(By.CSS_SELECTOR, ".thumb-note").text
        report["page_errors"] = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#errors .error .message")]

        driver.save_screenshot(args.screenshot)
        report["screenshot"] = args.screenshot
        report["console"] = [entry["message"] for entry in driver.get_log("browser")
                             if entry.get("level") == "SEVERE"]
    finally:
        driver.quit()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
