#!/usr/bin/env python3
"""Writes the golden fixtures for PythonJsonTest and UnifiedDiffTest.

Upstream Orcheo diffs two workflow versions as

    a = json.dumps(base_graph, indent=2, sort_keys=True).splitlines()
    b = json.dumps(target_graph, indent=2, sort_keys=True).splitlines()
    difflib.unified_diff(a, b, fromfile=f"v{base}", tofile=f"v{target}", lineterm="")

and the Java port must reproduce it byte for byte. This script records what CPython says, so the Java tests need no
Python. Rerun it from any directory after changing a case, and commit its output:

    python3 persistence-jooq/src/test/resources/workflows/diff/generate.py

Output, next to this script:
  dumps/<case>.json      input document (JSON text, parsed by both sides)
  dumps/<case>.txt       json.dumps(json.loads(input), indent=2, sort_keys=True)
  dumps/index.txt        one case name per line
  diffs/<case>.base.json, diffs/<case>.target.json   the two graphs
  diffs/<case>.diff      the unified diff, each line followed by "\n" (empty file: no difference)
  diffs/index.txt        "<case> <base version> <target version>" per line
"""

import difflib
import json
import random
import shutil
import struct
import sys
from pathlib import Path

if sys.version_info[:2] != (3, 11):
    sys.exit("difflib is pinned to CPython 3.11's behaviour; run this with python3.11")

HERE = Path(__file__).resolve().parent


def pretty(document):
    return json.dumps(document, indent=2, sort_keys=True)


def write(path, text):
    path.write_bytes(text.encode("utf-8"))


def workflow(node_count, node_type=lambda i: "agent", extra=None):
    """A graph shaped like upstream's: nodes, edges between consecutive nodes, and some metadata."""
    nodes = [{"name": f"node_{i}", "type": node_type(i), "config": {"retries": i % 3, "timeout": 30.0}}
             for i in range(node_count)]
    names = ["START"] + [node["name"] for node in nodes] + ["END"]
    graph = {
        "nodes": nodes,
        "edges": [[source, target] for source, target in zip(names, names[1:])],
        "metadata": {"title": "Example workflow", "tags": ["demo"], "version": 1},
    }
    graph.update(extra or {})
    return graph


def random_doubles(count):
    """Finite doubles from random bit patterns: every exponent range, so every corner of float.__repr__."""
    rng = random.Random(20240611)
    values = []
    while len(values) < count:
        (value,) = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))
        if value == value and abs(value) != float("inf"):
            values.append(value)
    return values


def dump_cases():
    """Name -> JSON input text."""
    cases = {}

    cases["nested_graph"] = json.dumps(workflow(3, extra={
        "entry": None,
        "enabled": True,
        "paused": False,
        "conditional_edges": [],
        "state": {},
        "branches": [{"when": {"equals": ["$.status", "ok"]}, "then": [[], {}, [[1, 2], {"deep": {"deeper": [None]}}]]}],
    }))

    # The input keeps non-ASCII characters raw (UTF-8), so the reader's decoding is exercised as well.
    cases["unicode_raw"] = json.dumps({
        "accents": "café naïve", "cjk": "工作流", "emoji": "launch 🚀 done 😀", "rtl": "שלום",
        "ключ": "значение", "🚀": ["🚀", "\u2028", "\ufeff", "\uffff", "\U0010ffff"],
    }, ensure_ascii=False)

    # Escaped input: control characters, DEL and lone surrogates cannot all travel as raw UTF-8.
    cases["escapes"] = json.dumps({
        "quotes": 'say "hi"', "backslash": "C:\\path\\to", "slash": "a/b", "whitespace": "a\nb\rc\td",
        "controls": "\b\f\x00\x01\x1f", "del": "\x7f", "lone_surrogates": "\ud800 \udfff \ud83d",
        "tilde_space": " ~",
    })

    cases["floats"] = json.dumps([
        0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1.5, -1.5, 1.0, -1.0, 0.0, -0.0, 100.0,
        1e-05, 0.0001, 0.00012345, 1e-04 * 9.99, 1e16, 1e15, 9999999999999998.0, 100000000000000.0,
        123456789012345678.0, 1.5e+300, -1.5e+300, 1e22, 1e23, 5e-324, 2.2250738585072014e-308,
        1.7976931348623157e+308, 2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 54, 2.0 ** -1017, 2.0 ** -1000, 2.0 ** 970,
        # Exact ties between the two shortest candidates: Python rounds them half to even.
        2.0 ** 50 + 0.25, 2.0 ** 50 + 0.75,
        float("nan"), float("inf"), float("-inf"),
    ])

    # Every power of two: the gap below one is half the gap above, the classic trap for shortest digits.
    cases["powers_of_two"] = json.dumps([2.0 ** e for e in range(-1074, 1024)])

    cases["random_doubles"] = json.dumps(random_doubles(2000))

    # Hand-written number spellings that are not Python's own: what matters is the value read.
    cases["number_spellings"] = ("[1E2, 1e+2, 1.50, 0.10, -0, 0e0, -0.0e5, 1e400, -1e400, 1e-400, 0.5e1, "
                                 "123456789012345678901234567890, 1.0000000000000000000001]")

    cases["big_integers"] = json.dumps([
        0, -1, 2 ** 31 - 1, 2 ** 31, 2 ** 63 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1, 2 ** 64,
        -(2 ** 127) - 1, 10 ** 40, {"nested": 170141183460469231731687303715884105728},
    ])

    # Code-point order: non-BMP keys sort after U+E000..U+FFFF, unlike Java's UTF-16 compareTo. (No lone surrogate
    # key: Jackson, unlike Python, refuses one in a field name.)
    cases["key_order"] = json.dumps({key: index for index, key in enumerate([
        "b", "a", "B", "", "aa", "a ", "10", "9", "Z", "_", "é", "\u00ff", "\u0100", "\ud7ff", "\ue000",
        "\uffff", "\U00010000", "\U0001f600", "\U0001f680", "\U0010ffff",
    ])})

    cases["empty_containers"] = json.dumps({"a": [], "b": {}, "c": [[]], "d": [{}], "e": [[], {}], "f": {"g": {}}})
    cases["top_level_empty_array"] = "[]"
    cases["top_level_empty_object"] = "{}"
    cases["top_level_string"] = json.dumps("just a string")
    cases["top_level_float"] = "2.5e-7"
    cases["top_level_null"] = "null"
    return cases


def many_typed_nodes(count):
    """Nodes that pretty-print as runs of identical lines ("{", "type": "x", "},"): popular lines for autojunk."""
    return {"nodes": [{"id": f"n{i}", "type": "x"} for i in range(count)]}


def diff_cases():
    """Name -> (base version, target version, base graph, target graph)."""
    cases = {}

    base = workflow(12)
    target = json.loads(json.dumps(base))
    target["nodes"][5]["config"]["timeout"] = 45.5
    cases["one_line_change"] = (1, 2, base, target)

    target = json.loads(json.dumps(base))
    target["aaa_first"] = {"note": "sorts before every other key"}
    cases["insertion_at_start"] = (2, 3, base, target)

    target = json.loads(json.dumps(base))
    target["metadata"].pop("version")
    target["zzz_last"] = True
    base_with_last = json.loads(json.dumps(base))
    base_with_last["zzz_last"] = True
    base_with_last["zzz_trailing"] = ["gone", "soon"]
    cases["deletion_at_end"] = (3, 4, base_with_last, target)

    target = json.loads(json.dumps(base))
    target["nodes"][0]["type"] = "tool"
    target["nodes"][11]["config"]["retries"] = 9
    cases["two_hunks"] = (4, 5, base, target)

    target = json.loads(json.dumps(base))
    target["nodes"][3]["type"] = "tool"
    target["nodes"][4]["config"]["timeout"] = 60.0
    cases["nearby_changes_one_hunk"] = (5, 6, base, target)

    target = json.loads(json.dumps(base))
    target["nodes"].insert(7, {"name": "node_new", "type": "llm", "config": {"retries": 0, "timeout": 1e-05}})
    target["edges"] = target["edges"][:7] + [["node_6", "node_new"], ["node_new", "node_7"]] + target["edges"][8:]
    cases["node_inserted_in_middle"] = (6, 7, base, target)

    cases["identical"] = (7, 8, base, json.loads(json.dumps(base)))
    cases["from_empty_graph"] = (1, 2, {}, workflow(1))
    cases["to_empty_graph"] = (2, 3, workflow(1), {})

    # Unicode in a diff: the lines carry Python's escapes, not the characters.
    unicode_base = {"title": "Résumé 🚀", "nodes": [{"name": "naïve", "type": "agent"}]}
    unicode_target = {"title": "Résumé 🚀🚀", "nodes": [{"name": "naïve", "type": "agent"}, {"name": "新", "type": "x"}]}
    cases["unicode"] = (1, 2, unicode_base, unicode_target)

    # More than 300 lines where "{", "}," and "type": "x" each exceed 1% of b, so autojunk decides the hunks:
    # renaming a run of nodes leaves only popular lines between the unique anchors.
    base = many_typed_nodes(90)
    target = json.loads(json.dumps(base))
    for i in range(40, 46):
        target["nodes"][i]["id"] = f"renamed{i}"
    target["nodes"][80]["type"] = "y"
    cases["autojunk_popular_lines"] = (10, 11, base, target)
    return cases


def unified(base_version, target_version, base, target):
    a = pretty(base).splitlines()
    b = pretty(target).splitlines()
    return list(difflib.unified_diff(a, b, fromfile=f"v{base_version}", tofile=f"v{target_version}", lineterm=""))


def autojunk_matters(base, target):
    a = pretty(base).splitlines()
    b = pretty(target).splitlines()
    with_autojunk = difflib.SequenceMatcher(None, a, b).get_opcodes()
    without = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return len(b) >= 300 and with_autojunk != without


def main():
    dumps_dir = HERE / "dumps"
    diffs_dir = HERE / "diffs"
    for directory in (dumps_dir, diffs_dir):
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir()

    dumps = dump_cases()
    for name, text in dumps.items():
        write(dumps_dir / f"{name}.json", text)
        write(dumps_dir / f"{name}.txt", pretty(json.loads(text)))
    write(dumps_dir / "index.txt", "".join(f"{name}\n" for name in dumps))

    diffs = diff_cases()
    if not autojunk_matters(*diffs["autojunk_popular_lines"][2:]):
        sys.exit("autojunk_popular_lines no longer depends on autojunk; adjust the case")
    for name, (base_version, target_version, base, target) in diffs.items():
        write(diffs_dir / f"{name}.base.json", json.dumps(base, ensure_ascii=False))
        write(diffs_dir / f"{name}.target.json", json.dumps(target, ensure_ascii=False))
        lines = unified(base_version, target_version, base, target)
        if (name == "identical") != (not lines):
            sys.exit(f"{name}: expected {'no' if name == 'identical' else 'a'} difference")
        write(diffs_dir / f"{name}.diff", "".join(f"{line}\n" for line in lines))
    write(diffs_dir / "index.txt", "".join(f"{name} {cases[0]} {cases[1]}\n" for name, cases in diffs.items()))


if __name__ == "__main__":
    main()
