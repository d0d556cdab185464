#!/usr/bin/env python3
"""Checks a GeoJSON file sitegen wrote against RFC 7946 as far as sitegen uses it:
a FeatureCollection of Features whose geometry is null or a Point [lon, lat] in range,
with at most five decimals, no `crs` member, and the properties sitegen promises.

    python3 scripts/check-geojson.py public/kort.geojson
"""
import json
import re
import sys

PROPERTIES = {"kind", "name", "title", "description", "start", "place", "precision", "status", "url"}
OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$")


def problems(text):
    decimals = re.findall(r'"coordinates":\[(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)\]', text)
    for lon, lat in decimals:
        for number in (lon, lat):
            if "." in number and len(number.split(".")[1]) > 5:
                yield f"coordinate {number} has more than five decimals"
    root = json.loads(text)
    if root.get("type") != "FeatureCollection" or not isinstance(root.get("features"), list):
        yield "not a FeatureCollection with a features list"
        return
    if "crs" in root:
        yield "RFC 7946 removed `crs`"
    for index, feature in enumerate(root["features"]):
        where = f"feature {index}"
        if feature.get("type") != "Feature" or "geometry" not in feature or not isinstance(feature.get("properties"), dict):
            yield f"{where}: needs type Feature, a geometry (or null) and properties"
            continue
        geometry = feature["geometry"]
        if geometry is not None:
            coordinates = geometry.get("coordinates")
            if geometry.get("type") != "Point" or not isinstance(coordinates, list) or len(coordinates) != 2:
                yield f"{where}: geometry is not a Point with [lon, lat]"
            elif not (-180 <= coordinates[0] <= 180 and -90 <= coordinates[1] <= 90):
                yield f"{where}: coordinates {coordinates} out of range (RFC 7946 is [longitude, latitude])"
        properties = feature["properties"]
        missing = PROPERTIES - properties.keys()
        if missing:
            yield f"{where}: properties lack {sorted(missing)}"
        start = properties.get("start")
        if start is not None and not OFFSET.match(start):
            yield f"{where}: start {start!r} is not ISO 8601 with an offset"


def main(path):
    with open(path, encoding="utf-8") as file:
        found = list(problems(file.read()))
    for problem in found:
        print(f"{path}: {problem}")
    print(f"check-geojson: {path}: {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
