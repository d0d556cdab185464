#!/usr/bin/env python3
"""Generate a large sitegen site for benchmarks: N articles, N/2 events, N/20 glossary terms.

    generate-site.py N OUTDIR [--templates DIR] [--seed S]

Writes OUTDIR/site.yaml, OUTDIR/content/ and a copy of the repo's Templates/ (a copy, not a
symlink, so that the site stands alone). The output depends only on N and the seed.
"""

import argparse
import os
import random
import shutil
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

TAGS = ["protester", "lpg", "brændstof", "økonomi", "regeringen", "tokajev", "nazarbajev", "csto",
        "rusland", "kina", "eu", "usa", "undtagelsestilstand", "internet", "medier", "olie", "gas",
        "tenge", "inflation", "politi", "militær", "menneskerettigheder", "retssager", "diplomati",
        "sanktioner", "strejker", "arbejdere", "korruption", "akimat", "valg"]

# id: (name, lat, lon, timezone)
PLACES = {
    "almaty": ("Almaty", 43.25, 76.92, "Asia/Almaty"),
    "nur-sultan": ("Nur-Sultan (nu Astana)", 51.17, 71.45, "Asia/Almaty"),
    "shymkent": ("Shymkent", 42.32, 69.59, "Asia/Almaty"),
    "karaganda": ("Karaganda", 49.81, 73.09, "Asia/Almaty"),
    "aktobe": ("Aktobe", 50.28, 57.17, "Asia/Aqtobe"),
    "taraz": ("Taraz", 42.90, 71.37, "Asia/Almaty"),
    "pavlodar": ("Pavlodar", 52.29, 76.97, "Asia/Almaty"),
    "oskemen": ("Öskemen", 49.95, 82.61, "Asia/Almaty"),
    "semey": ("Semej", 50.41, 80.25, "Asia/Almaty"),
    "atyrau": ("Atyrau", 47.11, 51.92, "Asia/Atyrau"),
    "kostanay": ("Kostanaj", 53.21, 63.63, "Asia/Qostanay"),
    "kyzylorda": ("Kyzylorda", 44.85, 65.51, "Asia/Qyzylorda"),
    "oral": ("Oral", 51.23, 51.37, "Asia/Oral"),
    "petropavl": ("Petropavl", 54.87, 69.15, "Asia/Almaty"),
    "aktau": ("Aktau", 43.65, 51.17, "Asia/Aqtau"),
    "zhanaozen": ("Zhanaozen", 43.34, 52.86, "Asia/Aqtau"),
    "temirtau": ("Temirtau", 50.05, 72.96, "Asia/Almaty"),
    "turkistan": ("Turkistan", 43.30, 68.27, "Asia/Almaty"),
    "taldykorgan": ("Taldykorgan", 45.02, 78.37, "Asia/Almaty"),
    "ekibastuz": ("Ekibastuz", 51.72, 75.32, "Asia/Almaty"),
}

# name: (url, description); events name these in `sources`.
SOURCES = {
    "Reuters": ("https://www.reuters.com/", "Internationalt nyhedsbureau med hovedsæde i London."),
    "AFP": ("https://www.afp.com/", "Agence France-Presse, fransk internationalt nyhedsbureau."),
    "Tass": ("https://tass.com/", "Russisk statsejet nyhedsbureau."),
    "Interfax": ("https://www.interfax.ru/", "Russisk nyhedsbureau."),
    "Zakon": ("https://www.zakon.kz/", "Kasakhisk nyhedssite."),
    "Ritzau": ("https://ritzau.dk/", "Dansk nyhedsbureau."),
    "Instagram": (None, "Socialt medie; videoer er ikke uafhængigt bekræftet."),
    "Twitter": (None, "Socialt medie; opslag er ikke uafhængigt bekræftet."),
}
AGENCIES = ["Reuters", "AFP", "Tass", "Interfax", "Ritzau"]
STATUSES = ["confirmed", "reported", "unverified", "disputed"]

TERMS = ["akimat", "LPG", "CSTO", "tenge", "Mazhilis", "Senatet", "oblys", "akim", "udgangsforbud",
         "undtagelsestilstand", "forsamlingsforbud", "tåregas", "chokgranat", "priskontrol",
         "Nur Otan", "Sikkerhedsrådet", "KNB", "Samruk-Kazyna", "autogas", "prisloft"]

NOUNS = ["regeringen", "præsidenten", "demonstranterne", "politiet", "byen", "provinsen", "prisen",
         "gassen", "protesterne", "bureauerne", "myndighederne", "landet", "befolkningen", "hæren",
         "internettet", "økonomien", "oppositionen", "parlamentet", "borgmesteren", "journalisterne",
         "arbejderne", "olieselskaberne", "naboerne", "ministeriet", "tidslinjen", "kilderne"]
VERBS = ["oplyser", "afviser", "bekræfter", "kræver", "meddeler", "forklarer", "beskriver", "vurderer",
         "understreger", "fremhæver", "nævner", "dokumenterer", "kritiserer", "forventer", "påpeger"]
ADJS = ["kraftige", "uafhængige", "officielle", "nye", "voldsomme", "fredelige", "store", "vestlige",
        "ubekræftede", "statslige", "lokale", "internationale", "høje", "kortvarige", "omfattende"]
WORDS = ["at", "i", "på", "med", "for", "om", "efter", "under", "mod", "til", "fra", "og", "men",
         "da", "hvor", "som", "der", "det", "den", "de", "flere", "mange", "dage", "timer", "uger",
         "onsdag", "tirsdag", "januar", "aften", "morgen", "gaden", "pladsen", "lufthavnen", "stigning",
         "forbud", "situationen", "oplysninger", "videoer", "billeder", "rapporter", "vidner", "krav",
         "forhandlinger", "udtalelser", "tal", "skøn", "forløbet", "baggrunden", "spørgsmålet"]
CODE = ["site.yaml", "status: reported", "key: true", "Asia/Almaty", "UTC+6", "200 tenge", "LPG-95",
        "places.yaml", "2022-01-05", "timezone"]


class Writer:
    def __init__(self, rng, n_articles, n_events, n_terms):
        self.r, self.n_articles, self.n_events, self.n_terms = rng, n_articles, n_events, n_terms

    def words(self, lo, hi):
        r = self.r
        out = []
        for _ in range(r.randint(lo, hi)):
            out.append(r.choice(WORDS if r.random() < 0.55 else NOUNS + VERBS + ADJS))
        return out

    def sentence(self):
        r = self.r
        w = [r.choice(NOUNS), r.choice(VERBS)] + self.words(5, 14)
        roll = r.random()
        i = r.randrange(2, len(w))
        if roll < 0.10:
            w[i] = f"*{w[i]}*"
        elif roll < 0.17:
            w[i] = f"**{w[i]} {r.choice(ADJS)}**"
        elif roll < 0.22:
            w[i] = f"`{r.choice(CODE)}`"
        elif roll < 0.34:
            w[i] = f"[{w[i]} {r.choice(NOUNS)}]({self.internal_url()})"
        elif roll < 0.37:
            w[i] = f"[{w[i]}](https://www.reuters.com/world/asia-pacific/)"
        elif roll < 0.45:  # plain mention of a glossary term (sitegen may autolink these)
            w[i] = term_title(self.r.randint(1, self.n_terms))
        s = " ".join(w)
        return s[0].upper() + s[1:] + r.choice(".....?")

    def internal_url(self):
        r = self.r
        roll = r.random()
        if roll < 0.6:
            return f"/artikler/article-{r.randint(1, self.n_articles):05d}/"
        if roll < 0.8:
            return f"/ordliste/term-{r.randint(1, self.n_terms):04d}/"
        if roll < 0.9:
            return f"/tidslinje/event-{r.randint(1, self.n_events):05d}/"
        return "/tidslinje/"

    def paragraph(self, lo=4, hi=7):
        return " ".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def article_body(self):
        """About 600-1,200 words of Markdown, as a real explainer: headings, lists, quotes, links."""
        r = self.r
        blocks = [self.paragraph()]
        for _ in range(r.randint(5, 8)):
            blocks.append("## " + " ".join(self.words(2, 5)).capitalize())
            blocks.append(self.paragraph())
            roll = r.random()
            if roll < 0.40:
                blocks.append("\n".join(f"- {' '.join(self.words(3, 8))}" for _ in range(r.randint(3, 6))))
            elif roll < 0.70:
                blocks.append("> " + self.paragraph(1, 2) + "\n>\n> — " + r.choice(AGENCIES))
            elif roll < 0.80:
                blocks.append("```yaml\n" + "\n".join(
                    f"{r.choice(['status', 'place', 'date'])}: {r.choice(CODE)}" for _ in range(3)) + "\n```")
            if r.random() < 0.5:
                blocks.append(self.paragraph())
        return "\n\n".join(blocks) + "\n"


def term_title(i):
    base = TERMS[(i - 1) % len(TERMS)]
    return base if i <= len(TERMS) else f"{base} {(i - 1) // len(TERMS) + 1}"


def q(s):
    """A YAML double-quoted scalar (our strings hold no newlines or control characters)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(items):
    return "[" + ", ".join(items) + "]"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(n, out, seed):
    r = random.Random(seed)
    n_events, n_terms = max(1, n // 2), max(1, n // 20)
    w = Writer(r, n, n_events, n_terms)
    c = os.path.join(out, "content")

    write(os.path.join(out, "site.yaml"),
          f"title: Uroen i Kasakhstan (benchmark, {n} artikler)\n"
          "description: Genereret testsite til at måle sitegen.\n"
          "language: da\nbaseURL: https://example.org/\ntimezone: Europe/Copenhagen\n"
          "publisher: Benchmarkredaktionen\n")

    write(os.path.join(c, "places.yaml"), "".join(
        f"{pid}:\n  name: {q(name)}\n  lat: {lat}\n  lon: {lon}\n  precision: city\n  timezone: {tz}\n"
        for pid, (name, lat, lon, tz) in PLACES.items()))
    write(os.path.join(c, "sources.yaml"), "".join(
        f"{name.lower()}:\n  name: {name}\n" + (f"  url: {q(url)}\n" if url else "") + f"  description: {q(desc)}\n"
        for name, (url, desc) in SOURCES.items()))

    write(os.path.join(c, "index.md"),
          "---\ntitle: Uroen i Kasakhstan\n"
          f"summary: {q('Et overblik over ' + str(n) + ' artikler, begivenheder og begreber.')}\n"
          "date: 2022-01-05T18:00:00+01:00\n---\n"
          f"{w.paragraph()}\n\nFølg forløbet på [tidslinjen](/tidslinje/), slå begreber op i "
          "[ordlisten](/ordliste/).\n\n## Udvalgte artikler\n\n"
          + "".join(f"- [Artikel {i}](/artikler/article-{i:05d}/)\n" for i in range(1, min(n, 10) + 1))
          + f"\n{w.paragraph()}\n")

    for i in range(1, n + 1):
        day, hour, minute = r.randint(1, 31), r.randint(6, 22), r.choice([0, 15, 30, 45])
        month = r.choice([1, 1, 1, 2, 3])
        day = min(day, 28) if month == 2 else day
        title = " ".join(w.words(4, 9)).capitalize()
        write(os.path.join(c, "articles", f"article-{i:05d}.md"),
              f"---\ntitle: {q(title)}\n"
              f"date: 2022-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00+01:00\n"
              f"summary: {q(w.sentence())}\n"
              f"tags: {flow(r.sample(TAGS, r.randint(2, 5)))}\n"
              f"places: {flow(r.sample(list(PLACES), r.randint(1, 3)))}\n---\n"
              + w.article_body())

    for i in range(1, n_events + 1):
        day = r.randint(1, 9)
        fm = [f"title: {q(' '.join(w.words(4, 10)).capitalize())}"]
        if r.random() < 0.6:
            fm.append(f"date: 2022-01-{day:02d}T{r.randint(0, 23):02d}:{r.choice([0, 10, 20, 30, 40, 50]):02d}:00+06:00")
            if r.random() < 0.3:
                fm.append("timezone: Asia/Almaty")
        else:
            fm.append(f"date: 2022-01-{day:02d}")
            if r.random() < 0.7:
                fm.append("timezone: Asia/Almaty")
        fm.append(f"place: {r.choice(list(PLACES))}")
        if r.random() < 0.75:
            fm.append(f"sources: {flow(r.sample(AGENCIES, r.randint(1, 2)))}")
        else:
            origin = r.choice(["Zakon", "Instagram", "Twitter"])
            url = SOURCES[origin][0]
            fm.append(f"sources: [{{name: {origin}, via: {r.choice(AGENCIES)}"
                      + (f", url: {q(url)}" if url else "") + "}]")
        fm.append(f"status: {r.choice(STATUSES)}")
        fm.append(f"key: {'true' if r.random() < 0.15 else 'false'}")
        fm.append(f"tags: {flow(r.sample(TAGS, r.randint(1, 3)))}")
        body = "\n\n".join(w.paragraph(2, 4) for _ in range(r.randint(1, 2)))
        write(os.path.join(c, "events", f"event-{i:05d}.md"), "---\n" + "\n".join(fm) + "\n---\n" + body + "\n")

    for i in range(1, n_terms + 1):
        title = term_title(i)
        aliases = [f"{title}-begrebet", f"{title}-ordningen"]  # unique, as titles are
        write(os.path.join(c, "glossary", f"term-{i:04d}.md"),
              f"---\ntitle: {q(title)}\naliases: {flow(q(a) for a in aliases)}\n"
              f"short: {q(w.sentence())}\n---\n{w.paragraph()}\n")
    return n, n_events, n_terms


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles (>= 1)")
    ap.add_argument("outdir")
    ap.add_argument("--templates", default=os.path.join(REPO, "Templates"),
                    help="folder copied to OUTDIR/Templates (default: the repo's Templates/)")
    ap.add_argument("--seed", type=int, default=2022)
    args = ap.parse_args()
    if args.n < 1:
        ap.error("N must be at least 1")
    if os.path.exists(args.outdir):
        sys.exit(f"generate-site: {args.outdir} exists; remove it first")
    if not os.path.isdir(args.templates):
        sys.exit(f"generate-site: no templates folder at {args.templates}")

    # Write into a temporary sibling and rename at the end: an interrupted run leaves no
    # half-made OUTDIR behind (bench/run.sh only generates sites that are not there yet).
    tmp = args.outdir.rstrip("/") + f".tmp-{os.getpid()}"
    try:
        counts = generate(args.n, tmp, args.seed)
        shutil.copytree(args.templates, os.path.join(tmp, "Templates"), symlinks=False)
        os.rename(tmp, args.outdir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("generate-site: %d articles, %d events, %d glossary terms in %s" % (counts + (args.outdir,)))


if __name__ == "__main__":
    main()
