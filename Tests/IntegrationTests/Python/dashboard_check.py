"""Drives camsim's dashboard in headless Chromium (selenium + chromedriver).

Default mode: checks that the page lists the expected cameras, that their snapshot
thumbnails are images whose pixels change over time, then clicks "Offline" on one
camera, waits for the page to show that camera as offline, and saves a screenshot.

`--many N` mode: with N cameras configured, checks that the page shows one page of
cards, pages through them, and fetches thumbnails only for the cards in view.

Prints one JSON report on its last line; exits non-zero with a message on the first
check that fails.
"""
import argparse
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

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
    parser.add_argument("--cameras", help="comma-separated camera paths the page must show")
    parser.add_argument("--offline", help="the camera whose Offline button is clicked")
    parser.add_argument("--screenshot", help="where to save a PNG of the page")
    parser.add_argument("--profile", help="CAMERA=PRESET to pick in that camera's fault-profile picker")
    parser.add_argument("--many", type=int, help="the number of cameras configured (paging mode)")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    driver = start_browser(args)
    try:
        if args.many:
            check_paging(driver, args)
        else:
            check_cameras(driver, args)
    finally:
        driver.quit()


def start_browser(args):

    options = Options()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1400,1000", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    driver.set_page_load_timeout(30)
    return driver


def check_cameras(driver, args):
    expected = sorted(args.cameras.split(","))
    report = {"url": args.url, "expected": expected}
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

    # The fault-profile picker of the first camera: a preset applied over the API.
    if args.profile:
        picker_camera, preset = args.profile.split("=", 1)
        picker = driver.find_element(By.CSS_SELECTOR, f'#cameras .card[data-path="{picker_camera}"] select.profile')
        Select(picker).select_by_value(preset)
        wait_for(lambda: not driver.find_elements(By.CSS_SELECTOR, ".error[data-key^='faults:']")
                 and picker.get_attribute("value") == preset, 10, f"{picker_camera} to keep profile {preset}", report)
        report["profile_set"] = {picker_camera: preset}

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
    print(json.dumps(report))


# The camera paths of the snapshot requests the page made, from the resource timing entries.
SNAPSHOT_PATHS = """
return performance.getEntriesByType('resource')
  .map(e => e.name).filter(n => n.includes('/snapshot.jpg'))
  .map(n => decodeURIComponent(new URL(n).pathname.split('/')[4]));
"""


def check_paging(driver, args):
    report = {"url": args.url, "cameras": args.many}
    started = time.monotonic()
    driver.get(args.url)
    # Keep every request's timing entry (the default buffer holds 250).
    driver.execute_script("performance.setResourceTimingBufferSize(100000)")
    summary = lambda: driver.find_element(By.ID, "summary").text
    wait_for(lambda: summary().startswith(f"{args.many} cameras"), 30, f"'{args.many} cameras' in the summary", report)
    report["load_seconds"] = round(time.monotonic() - started, 2)

    def page_paths():
        return [c.get_attribute("data-path") for c in driver.find_elements(By.CSS_SELECTOR, "#cameras .card")]

    page_size = int(driver.find_element(By.ID, "page-size").get_attribute("value"))
    pages = -(-args.many // page_size)
    first_page = wait_for(lambda: (lambda p: p if len(p) == page_size else None)(page_paths()), 10,
                          f"{page_size} cards", report)
    report["page_size"] = page_size
    report["page_label"] = driver.find_element(By.ID, "page-label").text
    if report["page_label"] != f"1 / {pages}":
        fail(f"page label {report['page_label']!r}, expected '1 / {pages}'", report)

    # Thumbnails of the cards in view only: wait for a few rounds of refreshes.
    wait_for(lambda: len(driver.execute_script(SNAPSHOT_PATHS)) >= 8, 20, "thumbnails to load", report)
    fetched_at = time.monotonic()
    wait_for(lambda: time.monotonic() - fetched_at >= 3, 10, "three seconds of refreshes", report)
    requested = set(driver.execute_script(SNAPSHOT_PATHS))
    in_view = set(driver.execute_script("""
        return [...document.querySelectorAll('#cameras .card')].filter(c => {
          const r = c.getBoundingClientRect();
          return r.bottom > -100 && r.top < innerHeight + 100;
        }).map(c => c.dataset.path);"""))
    report["requested"] = sorted(requested)
    report["in_view"] = sorted(in_view)
    if not requested <= set(first_page):
        fail(f"thumbnails fetched for cameras not on the page: {sorted(requested - set(first_page))}", report)
    if not requested <= in_view:
        fail(f"thumbnails fetched for cards out of view: {sorted(requested - in_view)}", report)
    if len(requested) >= page_size:
        fail("every card of the page fetched a thumbnail, not only those in view", report)

    # The next page shows the next cameras.
    driver.find_element(By.ID, "page-next").click()
    second_page = wait_for(lambda: (lambda p: p if p and p[0] != first_page[0] else None)(page_paths()), 10,
                           "the second page", report)
    report["second_page_first"] = second_page[0]
    report["second_page_label"] = driver.find_element(By.ID, "page-label").text
    if set(second_page) & set(first_page):
        fail("the second page repeats cameras of the first", report)
    # Scripts stayed responsive throughout: one round trip through the page's event loop.
    started = time.monotonic()
    driver.execute_script("return 1")
    report["script_round_trip_ms"] = round((time.monotonic() - started) * 1000, 1)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
