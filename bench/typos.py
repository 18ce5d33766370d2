#!/usr/bin/env python3
"""How well faqdesk copes with misspelt questions: each question of a labelled
file gets one typo of the kind callers' fingers make, in one of its words of
four letters or more, and the file is scored again with `faqdesk eval`.

  bench/typos.py FAQDESK [LABELLED.tsv] [--seeds N] [--faq FAQ]

Prints the clean figures, then per seed the figures with typos, then answerable
accuracy by kind of typo (pooled over the seeds). The typos are drawn from a
fixed seed, so a run is repeatable and two builds see the same typos.
"""
import argparse, json, os, random, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def neighbours(c):
    for r, row in enumerate(ROWS):
        if c in row:
            i = row.index(c)
            out = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            # The rows are staggered: the keys above are this column and the
            # next, the keys below this column and the one before.
            for rr, cols in ((r - 1, (i, i + 1)), (r + 1, (i - 1, i))):
                if 0 <= rr < len(ROWS):
                    out += [ROWS[rr][j] for j in cols if 0 <= j < len(ROWS[rr])]
            return out
    return []


def typo(word, kind, rnd):
    """`word` with one typo of `kind`, or None when it has no place for one."""
    n = len(word)
    if kind == "swap":  # two letters in the wrong order ("teh")
        spots = [i for i in range(1, n - 1) if word[i] != word[i + 1]]
        if not spots:
            return None
        i = rnd.choice(spots)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":  # a letter left out ("recovry")
        i = rnd.randrange(1, n)
        return word[:i] + word[i + 1:]
    if kind == "double":  # a letter typed twice ("painfull")
        i = rnd.randrange(1, n)
        return word[:i] + word[i] + word[i:]
    if kind == "neighbour":  # the key next to the right one ("cosr")
        i = rnd.randrange(1, n)
        near = neighbours(word[i])
        if not near:
            return None
        return word[:i] + rnd.choice(near) + word[i + 1:]
    if kind == "vowel":  # a vowel for another, as words are spelt by ear ("recovary")
        spots = [i for i in range(1, n) if word[i] in "aeiou"]
        if not spots:
            return None
        i = rnd.choice(spots)
        return word[:i] + rnd.choice([v for v in "aeiou" if v != word[i]]) + word[i + 1:]
    raise ValueError(kind)


KINDS = ["swap", "drop", "double", "neighbour", "vowel"]


def misspell(question, rnd):
    words = question.split(" ")
    spots = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not spots:
        return question, None
    i = rnd.choice(spots)
    kinds = KINDS[:]
    rnd.shuffle(kinds)
    for kind in kinds:
        t = typo(words[i].lower(), kind, rnd)
        if t and t != words[i].lower():
            words[i] = t
            return " ".join(words), kind
    return question, None


def evaluate(faqdesk, faq, lines):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "q.tsv")
        with open(path, "w") as f:
            f.write("".join(f"{ids}\t{q}\n" for ids, q in lines))
        cmd = [faqdesk] + (["--faq", faq] if faq else []) + ["eval", "--json", path]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f"faqdesk eval failed: {out.stderr}")
        return json.loads(out.stdout)


def figures(r):
    return (f"answerable {100 * r['answerable_accuracy']:.1f}%  abstention {100 * r['abstention_rate']:.1f}%  "
            f"overall {100 * r['overall_accuracy']:.1f}%")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("faqdesk")
    ap.add_argument("labelled", nargs="?", default=os.path.join(HERE, "..", "tests", "queries.tsv"))
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--faq")
    a = ap.parse_args()
    lines = []
    for line in open(a.labelled, encoding="utf-8"):
        line = line.rstrip("\n")
        if line and not line.startswith("#") and "\t" in line:
            lines.append(tuple(line.split("\t", 1)))
    print(f"{a.labelled}: {len(lines)} questions")
    print(f"  as written:     {figures(evaluate(a.faqdesk, a.faq, lines))}")
    right, seen = {k: 0 for k in KINDS}, {k: 0 for k in KINDS}
    for seed in range(a.seeds):
        rnd = random.Random(seed)
        typed, kinds = [], []
        for ids, q in lines:
            t, kind = misspell(q, rnd)
            typed.append((ids, t))
            kinds.append(kind)
        r = evaluate(a.faqdesk, a.faq, typed)
        print(f"  typos, seed {seed}:  {figures(r)}")
        missed = {m["line"] for m in r["misses"]}
        for n, ((ids, _), kind) in enumerate(zip(typed, kinds), start=1):
            if kind and ids != "-":
                seen[kind] += 1
                right[kind] += n not in missed
    print("  answerable, by kind of typo: " +
          ", ".join(f"{k} {100 * right[k] / seen[k]:.0f}%" for k in KINDS if seen[k]))


if __name__ == "__main__":
    main()
