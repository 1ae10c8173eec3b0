#!/usr/bin/env python3
"""The held-out table of issue #36: per published cell, the reading a search selected, the search's value at the
selected step, and the confirmation on seeds and test images the search never saw.

Reads three judgement.json files the project wrote (`vae:report` or `vae:reproduce` writes each beside its suite's
results): the confirmation suite's (its cells' intervals and verdicts), the search suite's (its protocol search: the
mean curve of every evaluation reading and the steps at which Java found it within the margin) and, where the
confirmation suite names one in `comparedWith`, the earlier confirmation's verdicts (its `comparison`). Which
search suite and reading a row was selected from is what the confirmation suite declares for it: its KL reduction
names the search suite (`--search mean=... --search sum=...`), its step budget the step, and its evaluation fields
the reading. This script prints; it judges nothing.

Usage: python3 reproductions/analysis/held_out_table.py <confirmation suite.json> <results folder>
         --search mean=protocol-search-kl-mean --search sum=protocol-search-kl-sum
Run from the repository root after `vae:report` of the three suites (judgement.json is not committed).
"""
import argparse
import json
import pathlib


def judgement(results, suite):
    path = pathlib.Path(results) / suite / "judgement.json"
    if not path.is_file():
        raise SystemExit(f"{path}: missing; run vae:report -Dvae.suite=suites/{suite}.json -Dvae.firstSeeds=0 first")
    return json.loads(path.read_text())


def declared(suite, experiment):
    """The experiment's declared fields over the suite's defaults: only what the file says, no defaults of Java's."""
    fields = dict(suite.get("defaults", {}))
    fields.update(experiment)
    return fields


def search_protocol(row, fields):
    """The search's curves under the reading the confirmation declares (fields it leaves out match any value)."""
    wanted = {"decoding": fields.get("decoding"), "psnrReduction": fields.get("psnrReduction"),
              "scaling": fields.get("lpipsScaling"), "rule": fields.get("lpipsSmallImages")}
    matches = [p for p in row["protocols"]
               if all(v is None or p["protocol"].get(k) in (v, None) for k, v in wanted.items())]
    if len(matches) != 1:
        raise SystemExit(f"{row['id']}: {len(matches)} search readings match {wanted}; expected one")
    return matches[0]


def at_step(cell, step):
    if step not in cell["steps"]:
        raise SystemExit(f"step {step} is not one of the search's steps {cell['steps']}")
    value = cell["means"][cell["steps"].index(step)]
    within = any(w["from"] <= step <= w["to"] for w in cell["within"])
    return value, within


def interval(summary, fmt):
    if not isinstance(summary.get("halfWidth"), float):
        return f"{summary['mean']:{fmt}} ({summary['n']} seed, no interval)"
    return f"{summary['mean']:{fmt}} ± {summary['halfWidth']:{fmt}} ({summary['n']} seeds)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("suite")
    parser.add_argument("results")
    parser.add_argument("--search", action="append", required=True, help="klReduction=search suite name")
    args = parser.parse_args()
    suite = json.loads(pathlib.Path(args.suite).read_text())
    searches = dict(s.split("=", 1) for s in args.search)
    confirmation = judgement(args.results, suite["suite"])
    earlier = {r["here"]["id"]: r for r in (confirmation.get("comparison") or {}).get("rows", [])}
    rows = {r["id"]: r for c in confirmation["judged"]["columns"] for r in c["rows"]}
    search_rows = {}
    for reduction, name in searches.items():
        search_rows[reduction] = {r["id"]: r for r in judgement(args.results, name)["judged"]["protocolSearch"]["rows"]}
    compared = pathlib.Path(suite["comparedWith"]).stem if suite.get("comparedWith") else "no compared suite"
    print("| row | selected on (suite, step, reading) | cell | reported | search value (within margin) |"
          f" confirmation (95% t) | verdict | verdict in {compared} |")
    print("|---|---|---|---|---|---|---|---|")
    for experiment in suite["experiments"]:
        fields = declared(suite, experiment)
        reduction = fields["klReduction"]
        step = fields["maxSteps"]
        row = rows[experiment["id"]]
        protocol = search_protocol(search_rows[reduction][experiment["id"]], fields)
        reading = ", ".join(f"{k} {v}" for k, v in protocol["protocol"].items() if v is not None)
        for metric, fmt in (("psnr", ".3f"), ("lpips", ".4f")):
            value, within = at_step(protocol[metric], step)
            verdict = row[f"{metric}Verdict"]["verdict"].lower()
            before = earlier.get(experiment["id"], {}).get("there", {}).get(f"{metric}Verdict", {}).get("verdict", "")
            print(f"| {experiment['id']} | {searches[reduction]}, step {step}, {reading} | {metric.upper()} |"
                  f" {row['reported'][metric]:{fmt}} | {value:{fmt}} ({'yes' if within else 'no'}) |"
                  f" {interval(row[metric], fmt)} | {verdict} | {before.lower()} |")


if __name__ == "__main__":
    main()
