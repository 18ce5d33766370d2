#!/usr/bin/env python3
"""Would a general thesaurus fill the FAQ's vocabulary gaps? For each labelled
question with a word the FAQ does not know (as `faqdesk batch --explain` reads
it), look the word up in WordNet and count the questions where a synonym is a
word the FAQ uses: that is what a WordNet lookup could add to matching, for
answerable questions (wanted) and unanswerable ones (a wrong answer waiting).

  bench/wordnet.py FAQDESK [LABELLED.tsv] [--faq faq.yaml] [--show N]

Needs Debian's wordnet-base (apt-get install wordnet-base) and python3-yaml;
faqdesk itself does not use WordNet. Three readings: the synonyms of a word's
commonest sense; of all its senses; and of words with one sense only.
"""
import argparse, collections, json, os, re, subprocess, sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = "/usr/share/wordnet"
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def load_wordnet():
    synsets, index, exceptions = {}, collections.defaultdict(list), {}
    for pos, p in POS.items():
        for line in open(os.path.join(DICT, f"data.{pos}"), encoding="latin-1"):
            if line.startswith("  "):
                continue
            parts = line.split(" ")
            count = int(parts[3], 16)
            synsets[(p, parts[0])] = [parts[4 + 2 * i].lower().replace("_", " ") for i in range(count)]
        for line in open(os.path.join(DICT, f"index.{pos}"), encoding="latin-1"):
            if line.startswith("  "):
                continue
            parts = line.split()
            senses, pointers = int(parts[2]), int(parts[3])
            index[parts[0]] += [(p, o) for o in parts[6 + pointers:6 + pointers + senses]]  # commonest first
        with open(os.path.join(DICT, f"{pos[:3] if pos == 'adj' or pos == 'adv' else pos}.exc")) as f:
            for line in f:
                a = line.split()
                exceptions.setdefault(a[0], a[1])
    return synsets, index, exceptions


def base_forms(word, index, exceptions):
    forms = [word, exceptions.get(word, word)]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + repl)
    return [f for f in dict.fromkeys(forms) if f in index]


def faq_vocabulary(path):
    faq = yaml.safe_load(open(path, encoding="utf-8"))
    words = set()
    add = lambda text: words.update(re.findall(r"[a-z]+", str(text).lower()))
    for e in faq.get("entries", []):
        for text in [e.get("question", ""), e.get("answer", ""), e.get("short", "")] + e.get("alternates", []) + e.get("keywords", []):
            add(text)
    for key, values in (faq.get("synonyms") or {}).items():
        add(key)
        for v in values:
            add(v)
    return words - {"the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is", "it", "be", "i", "you", "we",
                    "my", "your", "at", "by", "with", "from", "as", "this", "that", "what", "how", "do", "does", "can", "will"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("faqdesk")
    ap.add_argument("labelled", nargs="?", default=os.path.join(HERE, "..", "tests", "queries.tsv"))
    ap.add_argument("--faq", default=os.path.join(HERE, "..", "faq.yaml"))
    ap.add_argument("--show", type=int, default=6)
    a = ap.parse_args()
    synsets, index, exceptions = load_wordnet()
    vocabulary = faq_vocabulary(a.faq)
    rows = [l.rstrip("\n").split("\t", 1) for l in open(a.labelled, encoding="utf-8") if "\t" in l and not l.startswith("#")]
    out = subprocess.run([a.faqdesk, "--faq", a.faq, "batch", "--explain", "--top", "1"], input="".join(q + "\n" for _, q in rows),
                         capture_output=True, text=True, check=True).stdout.splitlines()

    def synonyms(word, reading):
        forms = base_forms(word, index, exceptions)
        senses = [s for f in forms for s in index[f]]
        if reading == "one sense" and len(set(senses)) != 1:
            return []
        if reading == "commonest sense":
            senses = [index[f][0] for f in forms]
        return [w for s in senses for w in synsets.get(s, []) if w != word]

    for reading in ("commonest sense", "all senses", "one sense"):
        counts, examples = collections.Counter(), collections.defaultdict(list)
        for (ids, question), line in zip(rows, out):
            unknown = [t["word"] for t in json.loads(line)["terms"] if t["how"] == "unknown"]
            if not unknown:
                continue
            answerable = ids != "-"
            hits = [(w, s) for w in unknown for s in synonyms(w, reading) if s in vocabulary]
            counts[answerable, bool(hits)] += 1
            if hits:
                examples[answerable].append(f'"{question}": {hits[0][0]} -> {hits[0][1]}')
        print(f"{reading}: an unknown word has a synonym the FAQ uses in "
              f"{counts[True, True]} of {counts[True, True] + counts[True, False]} answerable questions with one, "
              f"and {counts[False, True]} of {counts[False, True] + counts[False, False]} unanswerable ones")
        for answerable in (True, False):
            for e in examples[answerable][: a.show]:
                print(f"    {'answerable' if answerable else 'unanswerable'}: {e}")


if __name__ == "__main__":
    sys.exit(main())
