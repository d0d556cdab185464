#!/usr/bin/env python3
"""Makes Templates/data/countries.json, the country outlines sitegen draws its maps from.

Source: Natural Earth 1:110m Admin 0 - Countries (public domain, https://www.naturalearthdata.com/),
as shipped in the geopandas 0.14.4 wheel on PyPI (geopandas/datasets/naturalearth_lowres/).

    python3 -m pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    (cd /tmp/ne && unzip -o geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*')
    python3 -m pip install pyshp==3.1.6 pycountry==26.2.16
    python3 scripts/data/make-countries.py /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

Outlines are simplified (Douglas-Peucker) to what a regional locator map can show and
rounded to 0.01 degrees (about a kilometre), so the file stays small and diffs stay readable.
"""
import gettext
import json
import sys

import pycountry
import shapefile

TOLERANCE = 0.03  # degrees; a regional map draws about 0.05 degrees to a pixel
DECIMALS = 2

# Natural Earth codes some countries -99 (or a code of its own) for iso_a3: places without an ISO
# code, and in some releases France and Norway.
BY_NAME = {"France": "FR", "Norway": "NO", "Kosovo": "XK", "Somaliland": "XS", "N. Cyprus": "XC"}
# Danish names as Danish newsrooms write them, where the ISO list's Danish is formal or dated.
DANISH = {
    "RU": "Rusland", "IR": "Iran", "KR": "Sydkorea", "KP": "Nordkorea", "SY": "Syrien", "VE": "Venezuela",
    "BO": "Bolivia", "TZ": "Tanzania", "MD": "Moldova", "LA": "Laos", "VN": "Vietnam", "CD": "DR Congo",
    "CG": "Congo", "TW": "Taiwan", "CZ": "Tjekkiet", "MK": "Nordmakedonien", "XK": "Kosovo",
    "XS": "Somaliland", "XC": "Nordcypern", "PS": "Palæstina", "GB": "Storbritannien", "US": "USA",
    "BA": "Bosnien-Hercegovina", "CI": "Elfenbenskysten", "FK": "Falklandsøerne", "TL": "Østtimor",
    "SZ": "Eswatini", "EH": "Vestsahara", "TF": "De Franske Sydlige Territorier", "FM": "Mikronesien",
}


def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def douglas_peucker(points, tolerance):
    """Keeps the points that stray more than `tolerance` from the line between kept neighbours."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, distance = first, 0.0
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > distance:
                index, distance = i, d
        if distance > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring):
    # A closed ring: split at the point farthest from the first so both halves have distinct ends.
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    half = douglas_peucker(ring[: far + 1], TOLERANCE)[:-1] + douglas_peucker(ring[far:], TOLERANCE)
    rounded = []
    for x, y in half:
        point = (round(x, DECIMALS), round(y, DECIMALS))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    return rounded if len(rounded) >= 3 else None


def number(value):
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def main(path):
    danish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["da"])
    reader = shapefile.Reader(path)
    countries = []
    for shape_record in reader.iterShapeRecords():
        record, shape = shape_record.record, shape_record.shape
        name = record["name"]
        iso = pycountry.countries.get(alpha_3=record["iso_a3"])
        code = iso.alpha_2 if iso else BY_NAME[name]
        alpha3 = iso.alpha_3 if iso else ""
        if code not in DANISH:
            iso = pycountry.countries.get(alpha_2=code)
            DANISH[code] = danish.gettext(iso.name)
        parts = list(shape.parts) + [len(shape.points)]
        rings = []
        for start, end in zip(parts, parts[1:]):
            ring = simplify_ring([tuple(p) for p in shape.points[start:end]])
            if ring:
                rings.append(ring)
        countries.append((code, alpha3, name, DANISH[code], rings))
    countries.sort()
    lines = []
    for code, alpha3, english, danish_name, rings in countries:
        flat = ",".join("[" + ",".join(f"{number(x)},{number(y)}" for x, y in ring) + "]" for ring in rings)
        names = json.dumps({"da": danish_name, "en": english}, ensure_ascii=False, sort_keys=True)
        lines.append(f'{{"id":"{code}","iso3":"{alpha3}","name":{names},"rings":[{flat}]}}')
    header = {
        "source": "Natural Earth 1:110m Admin 0 - Countries, public domain (naturalearthdata.com)",
        "credit": "Natural Earth",
        "format": "id is ISO 3166-1 alpha-2, iso3 alpha-3 (empty where there is none); rings are flat [lon, lat, lon, lat, ...] lists in degrees (WGS 84), outer rings and holes alike",
    }
    head = json.dumps(header, ensure_ascii=False, sort_keys=True)[:-1]
    sys.stdout.write(head + ',"countries":[\n' + ",\n".join(lines) + "\n]}\n")


if __name__ == "__main__":
    main(sys.argv[1])
