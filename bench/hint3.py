#!/usr/bin/env python3
"""HINT3 (../shared/data/hint3): convert each bot to a faqdesk FAQ and score it.

  bench/hint3.py convert OUT_DIR     # BOT.json (FAQ from train) and BOT_test.tsv
  bench/hint3.py eval FAQDESK        # faqdesk eval on the test split, default settings;
                                     # then, for comparison with the paper's rows only,
                                     # faqdesk at its best test-chosen threshold
  bench/hint3.py cv FAQDESK          # train-only cross-validation, for design choices
  bench/hint3.py cv-novel FAQDESK    # the same, asking only held-out sentences with no
                                     # near-twin (half their words shared) left in the FAQ
  bench/hint3.py report FAQDESK      # all quality figures into bench/QUALITY.md

Labels become entries, train sentences their alternates. The test split is only
ever scored, never used to choose anything; `cv` uses the train split alone:
5 folds of held-out sentences (answerable) plus, in each fold, a fifth of the
labels left out of the FAQ entirely (their sentences must be abstained on),
repeated over 5 shuffles (one shuffle's figure moves by up to 3 points).
"""
import csv, datetime, json, os, random, re, subprocess, sys, tempfile

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
        # Each FAQ here is asked once: its compiled cache goes with the temporary directory.
        out = subprocess.run([faqdesk, "--faq", fp, "eval", "--json", "--quiet", tp], capture_output=True, text=True,
                             env=dict(os.environ, XDG_CACHE_HOME=d))
        if out.returncode not in (0, 1):
            sys.exit(f"faqdesk eval failed: {out.stderr}")
        return json.loads(out.stdout)


def test_table(faqdesk, overall=None):
    lines = ["| bot | overall | in-scope accuracy | out-of-scope recall | Dialogflow (paper) | BM25 FTS5 | BM25 Xapian |",
             "|---|---|---|---|---|---|---|"]
    for bot in BOTS:
        r = run_eval(faqdesk, faq_of(rows(bot, "train")), tsv_of(rows(bot, "test")))
        p = PAPER.get(bot, {})
        if overall is not None:
            overall[bot] = r["overall_accuracy"]
        lines.append(f"| {bot} | {r['overall_accuracy']:.3f} | {r['answerable_accuracy']:.3f} | {r['abstention_rate']:.3f} | "
                     f"{p.get('Dialogflow', '-')} | {p.get('BM25 FTS5', '-')} | {p.get('BM25 Xapian', '-')} |")
    return lines


def as_the_paper_did(faqdesk):
    """The paper's rows are each system at its best threshold on the test set.
    The same for faqdesk, for comparison only: faqdesk's own threshold comes
    from each FAQ and nothing here feeds back into it."""
    lines = ["| bot | faqdesk, best test-chosen threshold | Dialogflow, best test-chosen threshold | in-scope top-1, no threshold |",
             "|---|---|---|---|"]
    for bot in BOTS:
        test = rows(bot, "test")
        with tempfile.TemporaryDirectory() as d:
            fp, qp = os.path.join(d, "faq.json"), os.path.join(d, "q.txt")
            json.dump(faq_of(rows(bot, "train")), open(fp, "w"))
            open(qp, "w").write("".join(s + "\n" for s, _ in test))
            out = subprocess.run([faqdesk, "--faq", fp, "batch", "--format", "tsv", "--min-confidence", "0", qp],
                                 capture_output=True, text=True, check=True,
                                 env=dict(os.environ, XDG_CACHE_HOME=d)).stdout.splitlines()
        res = []
        for (_, label), line in zip(test, out):
            _, got, conf = line.split("\t")
            res.append(("-" if label == OOS else slug(label), got, float(conf)))
        def overall(t):
            return sum((c >= t and g == e) or (c < t and e == "-") for e, g, c in res) / len(res)
        best, at = max((overall(t / 100), t / 100) for t in range(101))
        in_scope = [g == e for e, g, _ in res if e != "-"]
        # (Confidences are printed to 3 places, so this is not the default
        # threshold's figure to the last question: that is in the table above.)
        lines.append(f"| {bot} | {best:.3f} (confidence {at:.2f}) | "
                     f"{PAPER.get(bot, {}).get('Dialogflow', '-')} | {sum(in_scope) / len(in_scope):.3f} |")
    return lines


SEEDS = [1, 2, 3, 4, 5]
TARGET = 0.70


def words(s):
    return set(re.findall(r"[a-z0-9]+", s.lower()))


def has_twin(sentence, others):
    """Whether `others` holds a sentence sharing at least half of the words
    the two use between them (Jaccard >= 0.5)."""
    w = words(sentence)
    return any(len(w & o) >= 0.5 * len(w | o) for o in others)


def cv(faqdesk, bot, novel=False):
    """Per shuffle: (in-scope right, in-scope, out-of-scope abstained, out-of-scope).
    With `novel`, a held-out sentence whose label keeps a near-twin of it in
    the fold's FAQ is not asked: bot train sets repeat phrasings with a word
    changed, and such a sentence is an easier question than a new caller's."""
    out = []
    for seed in SEEDS:
        train = rows(bot, "train")
        labels = sorted({l for _, l in train})
        rng = random.Random(seed)
        rng.shuffle(train)
        rng.shuffle(labels)
        tot = [0, 0, 0, 0]
        for k in range(5):
            out_labels = set(labels[k::5])
            fit = [(s, l) for i, (s, l) in enumerate(train) if i % 5 != k and l not in out_labels]
            kept = {l for _, l in fit}
            held = [(s, l) for i, (s, l) in enumerate(train) if i % 5 == k and l in kept]
            if novel:
                fit_words = {}
                for s, l in fit:
                    fit_words.setdefault(l, []).append(words(s))
                held = [(s, l) for s, l in held if not has_twin(s, fit_words[l])]
            held += [(s, OOS) for s, l in train if l in out_labels and rng.random() < 0.5]
            r = run_eval(faqdesk, faq_of(fit), tsv_of(held))
            tot[0] += round(r["answerable_accuracy"] * r["answerable"]); tot[1] += r["answerable"]
            tot[2] += round(r["abstention_rate"] * r["unanswerable"]); tot[3] += r["unanswerable"]
        out.append(tot)
    return out


def cv_line(runs):
    t = [sum(r[i] for r in runs) for i in range(4)]
    overall = [(r[0] + r[2]) / (r[1] + r[3]) for r in runs]
    return (f"in-scope {t[0]/t[1]:.3f} oos-recall {t[2]/t[3]:.3f} overall {(t[0]+t[2])/(t[1]+t[3]):.3f} "
            f"(shuffles {min(overall):.3f}-{max(overall):.3f})")


def write_report(faqdesk):
    root = os.path.dirname(HERE)
    rev = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    clinic = subprocess.run([faqdesk, "--faq", os.path.join(root, "faq.yaml"), "eval",
                             os.path.join(root, "tests", "queries.tsv")], capture_output=True, text=True).stdout
    clinic = "\n".join(l for l in clinic.splitlines() if not l.startswith(" ") and l.strip() and not l.startswith("miss"))
    unseen = subprocess.run([faqdesk, "--faq", os.path.join(root, "faq.yaml"), "eval",
                             os.path.join(HERE, "clinic_unseen.tsv")], capture_output=True, text=True).stdout
    unseen = "\n".join(l for l in unseen.splitlines()[:3])
    # The set's header says when it was written and its first score: once
    # scored, its misses may have prompted changes, and then it flatters.
    with open(os.path.join(HERE, "clinic_unseen.tsv"), encoding="utf-8") as f:
        unseen_note = " ".join(l[1:].strip() for l in f if l.startswith("#"))
    overall = {}
    table = test_table(faqdesk, overall)
    verdict = "; ".join(f"{bot} {overall[bot]:.3f}, {'met' if overall[bot] >= TARGET else 'NOT met'}" for bot in PAPER)
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    md = [
        "# faqdesk answer quality",
        "",
        f"Written by `bench/hint3.py report build/faqdesk` on {when}, commit `{rev}`.",
        "",
        "## The clinic FAQ: `faqdesk eval tests/queries.tsv`",
        "",
        "Targets: answerable top-1 ≥ 95%, abstention on unanswerable ≥ 90%, overall ≥ 93%.",
        "",
        "```", clinic, "```",
        "",
        "Questions written before the session's changes and sealed until scored once (`bench/clinic_unseen.tsv`; same targets), now:",
        "",
        "```", unseen, "```",
        "",
        f"From its header: {unseen_note}",
        "",
        "## HINT3 real user queries, test split (scored once, never tuned on)",
        "",
        f"Each bot's train sentences are its FAQ's alternates; default settings. Target: sofmattress and curekart overall ≥ {TARGET:.2f} ({verdict}).",
        "",
        *table,
        "",
        "The paper's rows are each system at the confidence threshold that scores best on the test set itself. "
        "For comparison on that footing only (faqdesk's threshold is derived from each FAQ, and none of these figures feeds back into it):",
        "",
        *as_the_paper_did(faqdesk),
        "",
        "## HINT3 train-only cross-validation (what design choices are judged on)",
        "",
        f"5 folds × {len(SEEDS)} shuffles of the train split; a fifth of the labels left out of each fold's FAQ are the out-of-scope questions.",
        "",
        "| bot | figures |",
        "|---|---|",
        *[f"| {bot} | {cv_line(cv(faqdesk, bot))} |" for bot in BOTS],
        "",
        "The same folds asking only held-out sentences with no near-twin (half their words shared) left in the FAQ "
        "(`bench/hint3.py cv-novel`): closer to a new user's question than a train sentence with a word changed.",
        "",
        "| bot | figures |",
        "|---|---|",
        *[f"| {bot} | {cv_line(cv(faqdesk, bot, novel=True))} |" for bot in BOTS],
        "",
    ]
    with open(os.path.join(HERE, "QUALITY.md"), "w") as f:
        f.write("\n".join(md))
    print(os.path.join(HERE, "QUALITY.md"))


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
        print("\n".join(test_table(arg)))
        print()
        print("\n".join(as_the_paper_did(arg)))
    elif cmd == "cv":
        for bot in BOTS:
            print(f"{bot}: " + cv_line(cv(arg, bot)))
    elif cmd == "cv-novel":
        for bot in BOTS:
            print(f"{bot}: " + cv_line(cv(arg, bot, novel=True)))
    elif cmd == "report":
        write_report(arg)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
