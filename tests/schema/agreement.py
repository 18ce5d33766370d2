#!/usr/bin/env python3
"""The JSON Schema for faq.yaml accepts the default FAQ and agrees with
`faqdesk check` on what is valid.

usage: agreement.py FAQDESK SCHEMA FAQ

Each case edits the default FAQ, writes it out, and asks both the schema and
`faqdesk check`. Problems that span the file (ids that must exist or be
unique) are check's alone; those cases say so.
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

import jsonschema
import yaml


def edit(path, value=None, delete=False):
    def apply(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        if delete:
            del node[path[-1]]
        else:
            node[path[-1]] = value
        return doc
    return apply


def add_cost(item):
    def apply(doc):
        doc["costs"].append(item)
        return doc
    return apply


CASES = [
    # (name, edit, schema accepts, check accepts)
    ("the default FAQ", lambda d: d, True, True),
    ("an entry without 'short'", edit(["entries", 0, "short"], delete=True), True, True),
    ("empty settings", edit(["settings"], None), True, True),
    ("a min_confidence", edit(["settings"], {"min_confidence": 0.6}), True, True),
    ("a new synonym group", edit(["synonyms", "parking"], ["car park", "garage"]), True, True),
    ("an unknown top-level key", edit(["faq"], 1), False, False),
    ("an unknown key in an entry", edit(["entries", 0, "answr"], "x"), False, False),
    ("an entry without an answer", edit(["entries", 0, "answer"], delete=True), False, False),
    ("an empty question", edit(["entries", 0, "question"], "  "), False, False),
    ("an id with capitals and spaces", edit(["entries", 0, "id"], "Cost Item"), False, False),
    ("alternates as one string", edit(["entries", 0, "alternates"], "how much"), False, False),
    ("no entries", edit(["entries"], []), False, False),
    ("severity that is not info or flag",
     edit(["screening", 0, "answers", 0, "notes", 0, "severity"], "warn"), False, False),
    ("min_confidence above 1", edit(["settings"], {"min_confidence": 1.5}), False, False),
    ("a cost with amount and max", add_cost({"id": "x", "label": "X", "amount": 1, "max": 2}), False, False),
    ("a cost with no price", add_cost({"id": "x", "label": "X"}), False, False),
    ("a cost unpriced and priced", add_cost({"id": "x", "label": "X", "priced": False, "amount": 5}), False, False),
    ("a negative price", add_cost({"id": "x", "label": "X", "amount": -5}), False, False),
    ("a price that is not a number", add_cost({"id": "x", "label": "X", "amount": "cheap"}), False, False),
    # What spans the file is check's job; the schema cannot see it.
    ("a related id that does not exist", edit(["entries", 0, "related"], ["nonexistent"]), True, False),
]


def main():
    faqdesk, schema_path, faq_path = sys.argv[1:4]
    with open(schema_path) as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    with open(faq_path) as f:
        base = yaml.safe_load(f)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, change, schema_ok, check_ok in CASES:
            doc = change(copy.deepcopy(base))
            path = os.path.join(tmp, "faq.yaml")
            with open(path, "w") as f:
                yaml.safe_dump(doc, f, sort_keys=False, allow_unicode=True)
            errors = [e.message for e in validator.iter_errors(doc)]
            run = subprocess.run([faqdesk, "check", path], capture_output=True, text=True,
                                 env={"PATH": "/usr/bin:/bin", "HOME": tmp})
            got_schema, got_check = not errors, run.returncode == 0
            if run.returncode not in (0, 2):
                print(f"FAIL {name}: faqdesk check exited {run.returncode}")
                failures += 1
            if (got_schema, got_check) != (schema_ok, check_ok):
                print(f"FAIL {name}: schema {'accepts' if got_schema else 'rejects'} "
                      f"({errors[:1]}), check {'accepts' if got_check else 'rejects'} ({run.stderr.strip()[:200]})")
                failures += 1
            else:
                print(f"ok   {name}")
    print(f"{len(CASES) - failures}/{len(CASES)} cases agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
