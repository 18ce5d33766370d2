#!/usr/bin/env python3
"""HINT3 (../shared/data/hint3): convert each bot to a faqdesk FAQ and score it.

  bench/hint3.py convert OUT_DIR     # BOT.json (FAQ from train) and BOT_test.tsv
  bench/hint3.py eval FAQDESK        # faqdesk eval on the test split, default settings
  bench/hint3.py cv FAQDESK          # train-only cross-validation, for design choices

Labels become entries, train sentences their alternates. The test split is only
ever scored, never used to choose anything; `cv` uses the train split alone:
5 folds of held-out sentences (answerable) plus, in each fold, a fifth of the
labels left out of the FAQ entirely (their sentences must be abstained on).
"""
import csv, json, os, random, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data", "hint3"))
BOTS = ["sofmattress", "curekart", "powerplay11"]
OOS = "NO_NODES_DETECTED"
PAPER = {"sofmattress": {"Dialogflow": 0.713, "BM25 FTS5": 0.481, "BM25 Xapian": 0.438},
         "curekart": {"Dialogflow": 0.732, "BM25 FTS5": 0.547, "BM25 Xapian": 0.536}}


def rows(bot, split):
    with open(os.path.join(DATA, f"{bot}_{split}.csv"), newline="", encoding="utf-8") as f:
        return [(clean(r["sentence"]), r["label"]) for r in csv.DictReader(f) if clean(r["sentence"])]


def clean(s):
    return re.sub(r"\s+", " ", s).strip()


def slug(label):
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


def faq_of(train):
    by_label = {}
    for sentence, label in train:
        by_label.setdefault(label, []).append(sentence)
    entries = [{"id": slug(l), "question": s[0], "answer": l, "alternates": s[1:]} for l, s in by_label.items()]
    return {"entries": entries}


def tsv_of(pairs):
    return "".join(f"{'-' if l == OOS else slug(l)}\t{s}\n" for s, l in pairs)


def run_eval(faqdesk, faq, tsv):
    with tempfile.TemporaryDirectory() as d:
        fp, tp = os.path.join(d, "faq.json"), os.path.join(d, "q.tsv")
        json.dump(faq, open(fp, "w"))
        open(tp, "w").write(tsv)
        out = subprocess.run([faqdesk, "--faq", fp, "eval", "--json", "--quiet", tp], capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f"faqdesk eval failed: {out.stderr}")
        return json.loads(out.stdout)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cmd, arg = sys.argv[1], sys.argv[2]
    if cmd == "convert":
        os.makedirs(arg, exist_ok=True)
        for bot in BOTS:
            json.dump(faq_of(rows(bot, "train")), open(os.path.join(arg, f"{bot}.json"), "w"), indent=1)
            open(os.path.join(arg, f"{bot}_test.tsv"), "w").write(tsv_of(rows(bot, "test")))
    elif cmd == "eval":
        print("| bot | overall | in-scope accuracy | out-of-scope recall | Dialogflow (paper) | BM25 FTS5 | BM25 Xapian |")
        print("|---|---|---|---|---|---|---|")
        for bot in BOTS:
            r = run_eval(arg, faq_of(rows(bot, "train")), tsv_of(rows(bot, "test")))
            p = PAPER.get(bot, {})
            print(f"| {bot} | {r['overall_accuracy']:.3f} | {r['answerable_accuracy']:.3f} | {r['abstention_rate']:.3f} | "
                  f"{p.get('Dialogflow', '-')} | {p.get('BM25 FTS5', '-')} | {p.get('BM25 Xapian', '-')} |")
    elif cmd == "cv":
        for bot in BOTS:
            train = rows(bot, "train")
            labels = sorted({l for _, l in train})
            rng = random.Random(7)
            rng.shuffle(train)
            rng.shuffle(labels)
            tot = {"a": 0, "ar": 0, "u": 0, "ab": 0}
            for k in range(5):
                out_labels = set(labels[k::5])
                fit = [(s, l) for i, (s, l) in enumerate(train) if i % 5 != k and l not in out_labels]
                kept = {l for _, l in fit}
                held = [(s, l) for i, (s, l) in enumerate(train) if i % 5 == k and l in kept]
                held += [(s, OOS) for s, l in train if l in out_labels and rng.random() < 0.5]
                r = run_eval(arg, faq_of(fit), tsv_of(held))
                tot["a"] += r["answerable"]; tot["ar"] += round(r["answerable_accuracy"] * r["answerable"])
                tot["u"] += r["unanswerable"]; tot["ab"] += round(r["abstention_rate"] * r["unanswerable"])
            print(f"{bot}: in-scope {tot['ar']/tot['a']:.3f} oos-recall {tot['ab']/tot['u']:.3f} "
                  f"overall {(tot['ar']+tot['ab'])/(tot['a']+tot['u']):.3f}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
