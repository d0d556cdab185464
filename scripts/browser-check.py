#!/usr/bin/env python3
"""Reads a built site the way readers meet it: in headless Chromium, at phone and desktop widths.

    python3 scripts/browser-check.py OUTPUT [--label da] [--screenshots DIR] [--axe PATH]

Serves OUTPUT on 127.0.0.1 (a free port) and, for every HTML page:
  - runs axe-core 4.x and counts its violations (any impact);
  - checks that nothing overflows sideways at 320, 390 and 1280 px;
  - checks that the page asks no other host for anything and logs no console errors.
It also checks that on a 390x844 phone the timeline shows every event's headline within the first
4,500 px (where the last headline ends; the page's whole height is reported too), and saves
screenshots of the pages a reader sees first (front page, timeline, map, an article, an event, a
glossary entry) at 390 and 1280 px, light and dark, into --screenshots. Prints one line per problem
and a summary with the numbers; exits 1 when anything failed.

Needs Debian's chromium and chromium-driver, PyPI's selenium, and axe.min.js (scripts/setup.sh
--browser fetches it from the axe-playwright-python wheel on PyPI, which bundles axe-core 4.12).
"""
import argparse
import functools
import http.server
import json
import os
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

WIDTHS = (320, 390, 1280)
PHONE = (390, 844)
TIMELINE_MAX_HEIGHT = 4500


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def pages(folder):
    """Every page as a URL path ending in / (or the file name), in a fixed order."""
    result = []
    for path in sorted(folder.rglob("*.html")):
        relative = path.relative_to(folder).as_posix()
        if relative.endswith("index.html"):
            result.append(relative[: -len("index.html")])
        else:
            result.append(relative)
    return result


def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=da"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def set_viewport(driver, width, height=900):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def set_dark(driver, dark):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})


def overflow(driver):
    return driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")


def page_height(driver):
    return driver.execute_script("return document.documentElement.scrollHeight")


def headline_bottoms(driver):
    """Where each event's headline in the timeline ends, from the top of the page, in px: the first
    heading (else link) of every entry of an `ol.timeline`."""
    return driver.execute_script(
        "return [...document.querySelectorAll('ol.timeline > li')].map(li => {"
        "  const h = li.querySelector('h2, h3, h4, a'); if (!h) return null;"
        "  const r = h.getBoundingClientRect(); return r.height > 0 ? Math.ceil(r.bottom + window.scrollY) : null; })")


def other_hosts(driver, base):
    own = urlparse(base).netloc
    names = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".concat([...document.querySelectorAll('[src],link[href][rel~=stylesheet],link[href][rel~=preload]')]"
        ".map(e => e.src || e.href))")
    return sorted({n for n in names if urlparse(n).netloc not in ("", own) and not n.startswith("data:")})


def run_axe(driver, axe_source):
    driver.execute_script(axe_source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done(String(e)));")
    if isinstance(result, str):
        raise RuntimeError(f"axe failed: {result}")
    return result


def screenshot_targets(all_pages):
    """front, timeline, map, an article, an event and a glossary entry: the first of each kind."""
    targets = {"front": ""}
    sections = {
        "timeline": ["tidslinje/", "timeline/"],
        "map": ["kort/", "map/"],
        "article": ["artikler/", "articles/"],
        "event": ["tidslinje/", "timeline/"],
        "glossary": ["ordliste/", "glossary/"],
    }
    for name, prefixes in sections.items():
        for prefix in prefixes:
            if name in ("timeline", "map"):
                if prefix in all_pages:
                    targets[name] = prefix
                    break
                continue
            # One level below the section: /artikler/x/, /tidslinje/x/ (not /tidslinje/sted/x/).
            children = [p for p in all_pages if p.startswith(prefix) and p != prefix
                        and p.endswith("/") and p[len(prefix):].count("/") == 1
                        and p[len(prefix):-1] not in ("sted", "emne", "vigtigste", "place", "tag", "key")]
            if children:
                targets[name] = children[0]
                break
    return targets


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output", type=Path)
    parser.add_argument("--label", default="site")
    parser.add_argument("--screenshots", type=Path)
    parser.add_argument("--axe", type=Path, default=Path(".build/browser/axe.min.js"))
    parser.add_argument("--max-pages", type=int, default=10_000)
    args = parser.parse_args()

    axe_source = args.axe.read_text()
    server = serve(args.output)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    all_pages = pages(args.output)[: args.max_pages]
    problems = []
    violations_total = 0
    sizes = {}
    driver = browser()
    try:
        for page in all_pages:
            url = base + page
            set_dark(driver, False)
            set_viewport(driver, 1280)
            driver.get(url)
            driver.get_log("browser")  # drop what loading logged before the checks below
            driver.get(url)
            for entry in driver.get_log("browser"):
                if entry.get("level") == "SEVERE":
                    problems.append(f"{args.label} /{page}: console error: {entry.get('message')}")
            for host in other_hosts(driver, base):
                problems.append(f"{args.label} /{page}: request to another host: {host}")
            violations = run_axe(driver, axe_source)
            for violation in violations:
                targets = ", ".join(" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                                    for node in violation["nodes"][:3])
                problems.append(f"{args.label} /{page}: axe {violation['id']} ({violation['impact']}): "
                                f"{violation['help']} [{targets}]")
            violations_total += len(violations)
            for width in WIDTHS:
                set_viewport(driver, width)
                extra = overflow(driver)
                if extra > 0:
                    problems.append(f"{args.label} /{page}: overflows sideways by {extra} px at {width} px")
            sizes[page] = (args.output / (page + "index.html" if page.endswith("/") or page == "" else page)).stat().st_size

        timeline = next((p for p in ("tidslinje/", "timeline/") if p in all_pages), None)
        timeline_height = timeline_headlines = None
        if timeline:
            set_dark(driver, False)
            set_viewport(driver, *PHONE)
            driver.get(base + timeline)
            timeline_height = page_height(driver)
            bottoms = headline_bottoms(driver)
            shown = [b for b in bottoms if b is not None]
            timeline_headlines = (len(shown), max(shown) if shown else 0)
            if not bottoms:
                problems.append(f"{args.label} /{timeline}: no events (ol.timeline > li) found")
            elif len(shown) < len(bottoms):
                problems.append(f"{args.label} /{timeline}: {len(bottoms) - len(shown)} of {len(bottoms)} headlines not shown at 390x844")
            elif max(shown) > TIMELINE_MAX_HEIGHT:
                problems.append(f"{args.label} /{timeline}: the {len(shown)} headlines end at {max(shown)} px at 390x844 "
                                f"(at most {TIMELINE_MAX_HEIGHT})")

        heights = {}
        if args.screenshots:
            args.screenshots.mkdir(parents=True, exist_ok=True)
            for name, page in screenshot_targets(all_pages).items():
                for width in (390, 1280):
                    for dark in (False, True):
                        set_dark(driver, dark)
                        set_viewport(driver, width, PHONE[1] if width == 390 else 900)
                        driver.get(base + page)
                        height = page_height(driver)
                        heights[f"{name} {width}"] = height
                        set_viewport(driver, width, min(height, 16_000))
                        file = args.screenshots / f"{args.label}-{name}-{width}-{'dark' if dark else 'light'}.png"
                        driver.save_screenshot(str(file))
    finally:
        driver.quit()
        server.shutdown()

    for problem in problems:
        print(problem)
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
    headlines = (f"its {timeline_headlines[0]} headlines end at {timeline_headlines[1]} px, " if timeline_headlines else "")
    print(f"{args.label}: {len(all_pages)} pages, {violations_total} axe violations, "
          f"timeline {timeline_height} px at 390x844 ({headlines}at most {TIMELINE_MAX_HEIGHT}), "
          f"page bytes median {sorted(sizes.values())[len(sizes) // 2] if sizes else 0}, largest "
          + ", ".join(f"/{p} {s}" for p, s in largest))
    if heights:
        print(f"{args.label}: page heights " + ", ".join(f"{k} {v}" for k, v in heights.items()))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
