#!/usr/bin/env python3
"""Check the internal links of a built static site.

    check-links.py DIR [--base-path /sub/]
    check-links.py --self-test

Every .html file under DIR is parsed. Each href/src/srcset/poster that points inside the site
(a relative URL or an absolute path) must name an existing file; a folder URL ending in '/' means
its index.html. A '#fragment' must match an id (or <a name>) in the target page. URLs with a
scheme (https:, mailto:, data:, ...) or a host ('//host/x') are not followed, but a page must not
load anything from another host: no such URL in src/srcset/poster or in a <link> that fetches
(stylesheet, icon, preload, ...). The page DIR/a/b/index.html has the URL /a/b/ (or /sub/a/b/).

Prints one line per problem, 'page: link: reason', then a summary; exits 1 on any problem.
"""

import argparse
import os
import posixpath
import sys
import tempfile
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

# <link rel=...> values that make the browser fetch the href.
FETCHING_RELS = {"stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest", "preload",
                 "modulepreload", "prefetch", "preconnect", "dns-prefetch"}


class Page(HTMLParser):
    """Collects the ids and the URL-valued attributes of one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.urls = []  # (url, loads_resource)

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if "href" in a:
            rels = set(a.get("rel", "").lower().split())
            self.urls.append((a["href"], tag == "link" and bool(rels & FETCHING_RELS)))
        for attr in ("src", "poster"):
            if attr in a:
                self.urls.append((a[attr], True))
        if "srcset" in a:  # "url 1x, url 2x" / "url 480w, ..."
            for candidate in a["srcset"].split(","):
                if candidate.strip():
                    self.urls.append((candidate.split()[0], True))

    handle_startendtag = handle_starttag


def page_url(rel_path, base_path):
    """URL path of the file rel_path (relative to the site root): a/b/index.html -> /base/a/b/."""
    url = base_path + rel_path.replace(os.sep, "/")
    return url[: -len("index.html")] if posixpath.basename(url) == "index.html" else url


def check_site(root, base_path="/"):
    """Returns (pages, links checked, problems); a problem is (page, link, reason)."""
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    pages = {}  # path relative to root -> Page
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                parser = Page()
                with open(path, encoding="utf-8", errors="replace") as f:
                    parser.feed(f.read())
                parser.close()
                pages[os.path.relpath(path, root)] = parser

    problems, checked = [], 0
    for rel, page in sorted(pages.items()):
        here = page_url(rel, base_path)
        for link, loads in page.urls:
            link = link.strip()
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                if loads and parts.netloc:
                    problems.append((rel, link, f"loads a resource from another host ({parts.netloc})"))
                continue
            if not link:
                continue
            checked += 1
            reason = check_link(root, pages, base_path, urlsplit(urljoin(here, link)))
            if reason:
                problems.append((rel, link, reason))
    return len(pages), checked, problems


def check_link(root, pages, base_path, url):
    """Returns why the resolved URL is broken, or None."""
    path = unquote(url.path)
    if path + "/" == base_path:
        return f"points to {path} instead of {base_path}"
    if not path.startswith(base_path):
        return f"resolves to {path}, outside the site's base path {base_path}"
    target = posixpath.normpath(path[len(base_path):] or ".")
    if target.startswith(".."):
        return f"resolves to {path}, outside the site"
    fs = os.path.join(root, *target.split("/"))
    if path.endswith("/"):
        fs = os.path.join(fs, "index.html")
    elif os.path.isdir(fs):
        return f"{path} is a folder: link to {path}/ instead"
    if not os.path.isfile(fs):
        return f"{path} does not exist"
    frag = unquote(url.fragment)
    if frag and frag != "top" and fs.endswith(".html"):
        ids = pages[os.path.relpath(fs, root)].ids
        if frag not in ids:
            return f"no id or <a name> '{frag}' in {path}"
    return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", nargs="?", help="the built site")
    ap.add_argument("--base-path", default="/", help="URL path the site is served under, e.g. /sub/")
    ap.add_argument("--self-test", action="store_true", help="check this checker on tiny sites")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    if not args.dir or not os.path.isdir(args.dir):
        ap.error("DIR must be an existing folder")
    base = "/" + args.base_path.strip("/") + "/" if args.base_path.strip("/") else "/"
    pages, checked, problems = check_site(args.dir, base)
    for page, link, reason in problems:
        print(f"{page}: {link}: {reason}")
    if pages == 0:
        print(f"check-links: no .html files under {args.dir}", file=sys.stderr)
        return 1
    print(f"check-links: {pages} pages, {checked} internal links, {len(problems)} problems"
          f" (base path {base})")
    return 1 if problems else 0


# --- self-test --------------------------------------------------------------------------------

def write_site(root, files):
    for rel, body in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"<!DOCTYPE html><html lang=da><head><title>t</title></head><body>{body}</body></html>")


def good_site(p):
    """A small site whose absolute links start with the prefix p ('/' or '/sub/')."""
    return {
        "index.html": f"""<link rel=stylesheet href="{p}style.css"><main id=main>
            <a href="{p}artikler/a/">a</a> <a href="artikler/a/#sektion">a#s</a> <a href="#main">m</a>
            <a href="#gammel">old</a><a name=gammel></a> <a href="{p}ordliste/%C3%A6ble/">æble</a>
            <a href="{p}ordliste/æble/#def">æble#def</a> <a href="https://example.com/x#y">ext</a>
            <a href="//example.com/">ext</a> <a href="mailto:a@example.org">mail</a> <a href="">self</a>
            <img alt="" src="{p}img/x.png" srcset="{p}img/x.png 1x, img/x2.png 2x">
            <img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="> <a href="feed.xml?v=1">feed</a></main>""",
        "style.css": "", "img/x.png": "", "img/x2.png": "", "feed.xml": "",
        "artikler/index.html": '<a href="a/">a</a> <a href="../">forside</a>',
        "artikler/a/index.html": f'<h2 id=sektion>S</h2><a href="../../#main">top</a> <a href="../">up</a>'
                                 f'<a href="{p}404.html">404</a> <a href="#top">top</a>',
        "ordliste/æble/index.html": '<dfn id=def>æble</dfn>',
        "404.html": f'<a href="{p}">forside</a>',
    }


def self_test():
    cases = []  # (name, site files, base path, expected set of (page, link) problems)
    good = good_site("/")
    cases.append(("good site", good, "/", set()))
    cases.append(("good site under /sub/", good_site("/sub/"), "/sub/", set()))
    cases.append(("root site checked with --base-path /sub/", {"index.html": '<a href="/x/">x</a>', "x/index.html": ""},
                  "/sub/", {("index.html", "/x/")}))
    bad = dict(good)
    bad["bad/index.html"] = """<a href="/artikler/mangler/">missing</a> <a href="/artikler/a/#nope">frag</a>
        <a href="#nope">local frag</a> <a href="/artikler/a">no slash</a> <a href="../../../etc/passwd">up</a>
        <script src="https://cdn.example.net/x.js"></script>
        <link rel="stylesheet" href="https://fonts.example.com/css"> <link rel=canonical href="https://example.org/">
        <img alt="" src="/img/x.png" srcset="/img/x.png 1x, //cdn.example.net/x2.png 2x">"""
    cases.append(("bad site", bad, "/", {
        ("bad/index.html", "/artikler/mangler/"), ("bad/index.html", "/artikler/a/#nope"),
        ("bad/index.html", "#nope"), ("bad/index.html", "/artikler/a"),
        ("bad/index.html", "../../../etc/passwd"),
        ("bad/index.html", "https://cdn.example.net/x.js"), ("bad/index.html", "https://fonts.example.com/css"),
        ("bad/index.html", "//cdn.example.net/x2.png")}))

    failures = 0
    for name, files, base, expected in cases:
        with tempfile.TemporaryDirectory() as root:
            write_site(root, files)
            _, checked, problems = check_site(root, base)
        got = {(page, link) for page, link, _ in problems}
        if got != expected or checked == 0:
            failures += 1
            print(f"self-test FAILED: {name}: unexpected {sorted(got - expected)}, missing {sorted(expected - got)}")
            for p in problems:
                print("   ", *p)
    print(f"check-links self-test: {len(cases) - failures} of {len(cases)} cases ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
