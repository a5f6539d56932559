#!/usr/bin/env python3
"""Writes src/serve/assets/world.json, the page's world map: one SVG path
per country of Natural Earth's 1:110m boundaries (public domain), keyed by
ISO 3166-1 alpha-2 code, in an equirectangular projection (x = longitude + 180,
y = 90 - latitude, one unit a degree), coordinates rounded to 0.1 degree.

Inputs, both from the npm registry (fetch them with `npm pack world-atlas@2
i18n-iso-countries` and unpack them):
  world-atlas 2.x  package/countries-110m.json  (TopoJSON of Natural Earth
                   110m admin-0 countries, ISC; ids are ISO 3166-1 numeric)
  i18n-iso-countries  package/codes.json  ([alpha-2, alpha-3, numeric] rows,
                   MIT), to turn the numeric ids into alpha-2 codes.

usage: tools/world/make-world.py WORLD_ATLAS_DIR I18N_ISO_COUNTRIES_DIR
"""
import json
import os
import sys

# Features world-atlas gives no ISO id: the codes annals' gazetteer uses.
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}
# Antarctica takes a fifth of the map and no country is counted there.
LEAVE_OUT = {"AQ"}


def decode_arcs(topology):
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # Consecutive arcs share their end points.
        points.extend(arc if not points else arc[1:])
    return points


def ring_path(points):
    out = []
    last = None
    for lon, lat in points:
        p = (round(lon + 180, 1), round(90 - lat, 1))
        if p == last:
            continue
        out.append(f"{p[0]:g},{p[1]:g}")
        last = p
    if len(out) < 3:
        return ""
    return "M" + "L".join(out) + "Z"


def main():
    atlas_dir, codes_dir = sys.argv[1], sys.argv[2]
    topology = json.load(open(os.path.join(atlas_dir, "package", "countries-110m.json")))
    codes = json.load(open(os.path.join(codes_dir, "package", "codes.json")))
    alpha2 = {row[2]: row[0] for row in codes}
    arcs = decode_arcs(topology)
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        code = alpha2.get(geometry.get("id")) or BY_NAME.get(name)
        if not code or code in LEAVE_OUT:
            continue
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        path = "".join(
            ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon
        )
        entry = countries.setdefault(code, {"code": code, "name": name, "d": ""})
        entry["d"] += path
    out = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via the world-atlas "
        "package 2.x (ISC); ISO codes via i18n-iso-countries (MIT); made by tools/world/make-world.py",
        "viewBox": "0 5 360 142",
        "countries": sorted(countries.values(), key=lambda c: c["code"]),
    }
    target = os.path.join(os.path.dirname(__file__), "..", "..", "src", "serve", "assets", "world.json")
    with open(target, "w") as f:
        json.dump(out, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    print(f"{len(countries)} countries, {os.path.getsize(target)} bytes -> {target}")


if __name__ == "__main__":
    main()
