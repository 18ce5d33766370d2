#!/usr/bin/env python3
"""How often faqdesk mistakes a real word for a typo of a FAQ word: the other
side of spelling correction, which bench/typos.py does not see. A caller who
says "pending" or "referred" means that word, and reading it as "bending" or
"reversed" can give a confident wrong answer.

  bench/realwords.py FAQDESK [--faq FAQ] [--words FILE] [--show N]

Each word of four letters or more in the English word list (Debian's
wamerican, the list faqdesk's own is compiled from) is asked alone. Counted:
the words faqdesk rewrites into a FAQ word by spelling correction (as a typo,
a slip or a sound; a compound split or joined is not counted), and how many of
those then get an answer at the default threshold. Lower is better, but a word
list has rare words and real slips alike ("prize" for "price"): compare builds,
and read the sample.
"""
import argparse, json, random, re, subprocess, sys

WORDS = "/usr/share/dict/american-english"


def batch(faqdesk, faq, words, *options):
    cmd = [faqdesk] + (["--faq", faq] if faq else []) + ["batch", *options]
    out = subprocess.run(cmd, input="".join(w + "\n" for w in words), capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("faqdesk")
    ap.add_argument("--faq")
    ap.add_argument("--words", default=WORDS)
    ap.add_argument("--show", type=int, default=20, help="how many rewritten words to list (a fixed sample)")
    a = ap.parse_args()
    with open(a.words, encoding="utf-8") as f:
        words = sorted({w for w in f.read().split() if re.fullmatch(r"[a-z]{4,}", w)})
    explained = batch(a.faqdesk, a.faq, words, "--explain", "--top", "1", "--min-confidence", "0")
    answered = batch(a.faqdesk, a.faq, words, "--top", "1")
    rewritten = []
    for word, e, d in zip(words, explained, answered):
        mine = [t for t in e["terms"] if t["word"] == word]
        fixes = [t for t in mine if t["how"] == "spelling"]
        if len(mine) == 1 and fixes:  # two terms of one word: a compound split
            rewritten.append((word, fixes[0].get("via", ""), d["matches"][0]["id"] if d["matches"] else None))
    confident = [r for r in rewritten if r[2]]
    print(f"{a.words}: {len(words)} words of 4+ letters")
    print(f"  rewritten into a FAQ word: {len(rewritten)} ({100 * len(rewritten) / len(words):.1f}%)")
    print(f"  ... and then answered:    {len(confident)} ({100 * len(confident) / len(words):.1f}%)")
    for word, via, got in random.Random(0).sample(confident, min(a.show, len(confident))):
        print(f"    {word} -> {via} -> {got}")


if __name__ == "__main__":
    sys.exit(main())
