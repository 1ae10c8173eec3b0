#!/usr/bin/env python3
"""The planted-regression score of the reproducibility gate (issue #35).

Runs the gate (`mvn -pl reproductions verify`: train and evaluate the ci suite's seed 1 of each row, then the
failsafe checks against baselines/ci.json) on a copy of one commit with one planted fault applied (a patch in
faults/), or on the unmodified code at another thread count or native build (a false alarm if anything fails).
Never touches the checkout it is started from: each case is built in its own copy under the work folder, with a
private Maven repository, so SNAPSHOT installs of faulty code never reach anyone else's.

  gate_power.py run --gate today --commit 72b2845 --results reproductions/gate-power/results/today
  gate_power.py run --gate new --commit HEAD --results reproductions/gate-power/results/new
  gate_power.py run --gate new --commit HEAD --results reproductions/gate-power/results/new-exact --first-steps 60 \
      --cases <the faults>
  gate_power.py table --today reproductions/gate-power/results/today --new reproductions/gate-power/results/new \
      --new-exact reproductions/gate-power/results/new-exact

Resumable: a case whose result file exists is skipped; results are written atomically as each case lands.
The gate runs as .ci/run runs it (OMP_NUM_THREADS=2, one JVM) unless a case names another configuration.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
FAULTS = HERE / "faults"
AVX2 = "linux-x86_64-avx2"
AVX2_EXTENSION = "-Dorg.bytedeco.javacpp.platform.extension=-avx2"

# The unmodified code under each configuration the gate must accept: (threads, native build).
CLEAN_CASES = {
    "none-2t-onednn": (2, "onednn"),
    "none-1t-onednn": (1, "onednn"),
    "none-2t-avx2": (2, "avx2"),
    "none-1t-avx2": (1, "avx2"),
}
# Faults whose changed line never runs while the ci suite trains (evaluation, metrics, the test subset, the decoder's
# evaluation output): training is the unmodified code's, bit for bit, so their gate run evaluates the unmodified
# gate run's trained models (copied without their metrics.json) instead of training them again.
EVALUATION_ONLY = {"decoder-shift-0.25", "lpips-scale-0.485", "psnr-range-255-256", "ssim-sigma-1.0",
                   "test-subset-off-by-one", "resize-align-corners"}
TRAINED = "trained-none-2t-onednn"


def faults():
    return sorted(p.stem for p in FAULTS.glob("*.patch"))


def cases():
    """The unmodified code as CI runs it first (its trained models serve the evaluation-only faults), then the
    faults that change training, those that do not, and the other configurations."""
    ordered = ["none-2t-onednn"] + [f for f in faults() if f not in EVALUATION_ONLY] + [
        f for f in faults() if f in EVALUATION_ONLY] + [c for c in CLEAN_CASES if c != "none-2t-onednn"]
    return [(name, None, *CLEAN_CASES[name]) if name in CLEAN_CASES else (name, name, 2, "onednn")
            for name in ordered]


def write_atomically(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as out:
        json.dump(data, out, indent=1)
        out.write("\n")
        name = out.name
    os.replace(name, path)


def sh(command, cwd, env, log):
    with open(log, "a") as out:
        out.write("\n$ " + " ".join(command) + "\n")
        out.flush()
        return subprocess.run(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT).returncode


CHECK_TAG = re.compile(r"\[(reference-model|trajectory|end-of-training|recorded-as|no-result)\]")


def classify(message):
    """Which check a failure message came from: the new gate tags its deviations; today's gate's are read."""
    tags = set(CHECK_TAG.findall(message))
    if tags:
        return tags
    found = set()
    if re.search(r"PSNR [-\d.]+ dB differs|LPIPS [-\d.]+ differs", message):
        found.add("end-of-training")
    if "trained differently" in message or "measured on different data" in message or "evaluated differently" in message:
        found.add("recorded-as")
    if "no current result" in message:
        found.add("no-result")
    return found or {"other"}


def failsafe_failures(reports):
    failures = []
    for report in sorted(reports.glob("TEST-*.xml")):
        for case in ElementTree.parse(report).getroot().iter("testcase"):
            for problem in list(case.iter("failure")) + list(case.iter("error")):
                message = (problem.get("message") or "") + "\n" + (problem.text or "")
                # Dynamic tests share their factory's name: the failing subject opens the message.
                subject = re.match(r"\s*(.+?) drifted from ", message)
                failures.append({"class": case.get("classname"), "test": case.get("name"),
                                 "subject": subject.group(1) if subject else case.get("name"),
                                 "checks": sorted(classify(message)), "message": message.strip()[:4000]})
    return failures


def judgement_failures(judgement):
    """The failed checks of the gate's own record (judgement.json, the commits that write it): each check's kind names
    what caught it; a baseline check's detail tells a run trained or evaluated otherwise from one out of its window."""
    failures = []
    for check in json.loads(judgement.read_text())["gate"]["checks"]:
        if check["passed"]:
            continue
        kind = check["kind"]
        if kind == "baseline":
            found = classify(check["detail"]) - {"other"} or {"end-of-training"}
        elif kind == "current-result":
            found = {"no-result"}
        else:
            found = {kind}
        failures.append({"class": "judgement", "test": check["name"], "subject": check["subject"],
                         "checks": sorted(found), "message": check["detail"][:4000]})
    return failures


def run_case(args, name, fault, threads, natives):
    result_file = Path(args.results) / (name + ".json")
    if result_file.exists():
        print(f"{name}: done before ({result_file})", flush=True)
        return
    work_root = Path(args.work)
    # The build finds the data and LPIPS weights as ../shared beside the project root.
    (work_root / args.gate).mkdir(parents=True, exist_ok=True)
    shared = work_root / args.gate / "shared"
    shared.exists() or shared.symlink_to(REPO.parent / "shared")
    work = work_root / args.gate / name
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    logs = Path(args.results) / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    log = logs / (name + ".log")
    log.write_text("")
    archive = subprocess.run(["git", "-C", str(REPO), "archive", args.commit], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(work)], input=archive, check=True)
    m2 = work_root / ("m2-" + args.gate)
    if not m2.exists():
        shutil.copytree(args.m2_seed, m2, symlinks=True)
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), OMP_WAIT_POLICY="PASSIVE")
    maven = ["mvn", "-B", "-Dmaven.repo.local=" + str(m2)]
    if natives == "avx2":
        # The plain AVX2 natives in every JVM: -Pavx2 and the classifier put them on the classpaths (the plugin's
        # included), JavaCPP's platform extension makes the Maven JVM (which trains) and the failsafe JVM (which
        # checks) load them rather than the oneDNN build beside them.
        env["MAVEN_OPTS"] = (env.get("MAVEN_OPTS", "") + " " + AVX2_EXTENSION).strip()
        maven += ["-Pavx2", "-Dnd4j.classifier=" + AVX2, "-DargLine=" + AVX2_EXTENSION]
    outcome = {"case": name, "gate": args.gate, "commit": args.commit, "fault": fault, "threads": threads,
               "natives": natives, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    if args.first_steps:
        # Only the gate's exact checks: the trajectory check sees all it would see after two epochs, the reference
        # models are evaluated as always; the runs stop after N steps and are evaluated on 100 test images only (a run
        # must be current to be checked at all), so the end-of-training check is not made (every run is "trained
        # differently" and "evaluated differently", and those are not counted).
        suite_file = work / "reproductions" / "suites" / "ci.json"
        suite = json.loads(suite_file.read_text())
        suite["defaults"]["maxSteps"] = args.first_steps
        suite["defaults"]["testSubset"] = 100
        suite_file.write_text(json.dumps(suite, indent=2))
        outcome["firstStepsOnly"] = args.first_steps
    if fault and sh(["patch", "-p1", "--no-backup-if-mismatch", "-i", str(FAULTS / (fault + ".patch"))], work, env,
                    log) != 0:
        outcome.update(outcome="patch failed")
        write_atomically(result_file, outcome)
        return
    if sh(maven + ["-q", "-pl", "vae-core,vae-maven-plugin", "-am", "install", "-DskipTests"], work, env, log) != 0:
        outcome.update(outcome="build failed")
        write_atomically(result_file, outcome)
        return
    output = work / "reproductions" / "target" / "vae"
    trained = work_root / args.gate / TRAINED
    if name in args.adopt:
        adopt(Path(args.adopt[name]), output, args.commit)
        outcome["training"] = ("the runs trained in " + args.adopt[name] + " under this configuration by the same "
                               "training code, evaluated again by this code")
    elif fault in EVALUATION_ONLY:
        if not trained.is_dir():
            sys.exit(f"{name}: needs the trained models of none-2t-onednn in {trained}; run that case first")
        shutil.copytree(trained, output)
        for metrics in output.rglob("metrics.json"):
            metrics.unlink()
        outcome["training"] = "the unmodified code's trained models (" + TRAINED + "), evaluated by this code"
    started = time.monotonic()
    rc = sh(maven + ["-pl", "reproductions", "verify", "-Dmaven.test.failure.ignore=true"], work, env, log)
    outcome["gateSeconds"] = round(time.monotonic() - started, 1)
    outcome["mavenExit"] = rc
    reports = work / "reproductions" / "target" / "failsafe-reports"
    judgement = output / "ci" / "judgement.json"
    # Only a judgement this run wrote: a commit from before judgement.json writes none.
    if judgement.is_file() and judgement.stat().st_mtime >= time.time() - outcome["gateSeconds"]:
        failures = judgement_failures(judgement)
        outcome["judgement"] = json.loads(judgement.read_text())["gate"]
    else:
        failures = failsafe_failures(reports) if reports.is_dir() else []
    if args.first_steps:
        failures = [f for f in failures if set(f["checks"]) & {"trajectory", "reference-model"}]
    check = work / "reproductions" / "target" / "vae" / "ci" / "baseline-check.json"
    if check.is_file():
        outcome["baselineCheck"] = json.loads(check.read_text())
    if rc != 0 and not failures:
        tail = log.read_text().splitlines()[-40:]
        failures.append({"class": "maven", "test": "build", "checks": ["run-failure"], "message": "\n".join(tail)})
    outcome["failures"] = failures
    outcome["outcome"] = "failed" if failures else "passed"
    if name == "none-2t-onednn" and output.is_dir() and not args.first_steps:
        if trained.exists():
            shutil.rmtree(trained)
        shutil.copytree(output, trained)
    write_atomically(result_file, outcome)
    print(f"{name}: {outcome['outcome']} ({len(failures)} failing tests, {outcome['gateSeconds']} s)", flush=True)
    if not args.keep:
        shutil.rmtree(work)


def adopt(source, output, commit):
    """Copies the trained runs of an output folder (the same suite trained under this case's configuration by code
    whose training is this commit's) without their metrics.json and checkpoints, so the gate evaluates and checks them
    as if it had trained them; a field the commit's training.json does not know (the first steps' losses, for a
    commit from before they were recorded) is left out, as that commit would have written it."""
    rows = [e["id"] for e in json.loads((REPO / "reproductions" / "suites" / "ci.json").read_text())["experiments"]]
    missing = [r for r in rows if not (source / "ci" / r / "seed-1" / "model.zip").is_file()]
    if missing:
        sys.exit(f"{source} has no trained seed 1 of {missing}; train them there first")
    shutil.copytree(source, output)
    knows_first_steps = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e",
                                        commit + ":vae-core/src/main/java/org/vaerepro/train/StepLoss.java"]).returncode == 0
    for path in list(output.rglob("*")):
        if path.name in ("metrics.json", "baseline-check.json", "judgement.json") or path.name.startswith("checkpoint"):
            path.unlink()
        elif path.name == "training.json" and not knows_first_steps:
            record = json.loads(path.read_text())
            record["result"].pop("firstSteps", None)
            path.write_text(json.dumps(record, indent=2))


def load(folder):
    return {p.stem: json.loads(p.read_text()) for p in sorted(Path(folder).glob("*.json"))}


def summary(result):
    """Caught rows, and which checks caught them, from one result."""
    if result is None:
        return None, ""
    if result["outcome"] in ("patch failed", "build failed"):
        return None, result["outcome"]
    rows = {}
    for failure in result["failures"]:
        subject = failure.get("subject") or re.match(r"\s*(.+?) drifted from |", failure["message"]).group(1) \
            or failure["test"]
        rows.setdefault(subject, set()).update(failure["checks"])
    checks = {}
    for found in rows.values():
        for check in found:
            checks[check] = checks.get(check, 0) + 1
    return rows, ", ".join(f"{check} ({count})" for check, count in sorted(checks.items()))


ROWS = 15


def cell(result, clean=False):
    """A table cell: caught or missed (false alarm or passes), on how many subjects, by which checks."""
    rows, checks = summary(result)
    if rows is None:
        return checks or "not run"
    if not rows:
        return "passes" if clean else "**missed**"
    runs = [r for r in rows if not r.startswith("reference model ")]
    references = [r for r in rows if r.startswith("reference model ")]
    counted = ", ".join(filter(None, [f"{len(runs)}/{ROWS} rows" if runs else "",
                                      f"{len(references)}/6 reference models" if references else ""]))
    return ("**false alarm**: " if clean else "caught: ") + counted


def table(args):
    """The planted-regression table (each fault: today's whole gate; the new gate's exact checks, run with
    --first-steps; the new gate's whole run where one was made) and the false-alarm table (the unmodified code)."""
    today, new, exact = load(args.today), load(args.new), load(args.new_exact) if args.new_exact else {}
    print("| fault | today's gate | new gate: exact checks | which exact check caught it (subjects failing it) |")
    print("|---|---|---|---|")
    for name in faults():
        result = exact.get(name) or new.get(name)
        _, why = summary(result)
        print(f"| `{name}` | {cell(today.get(name))} | {cell(result)} | {why or '-'} |")
    print()
    print("| unmodified code | today's gate | new gate | which check failed |")
    print("|---|---|---|---|")
    for name in CLEAN_CASES:
        whys = [summary(results.get(name))[1] for results in (today, new)]
        failing = "; ".join(f"{gate}: {why}" for gate, why in zip(("today", "new"), whys) if why)
        print(f"| {name} | {cell(today.get(name), True)} | {cell(new.get(name), True)} | {failing or '-'} |")


def ci_time(args):
    """The gate's CI time (mvn -B verify of the reproductions module, as .ci/run runs it, from a clean copy whose
    other modules are installed first, untimed) of each commit, in interleaved rounds, so the two share the machine's
    load alike; each round's seconds are added to the result file as they land."""
    out = Path(args.results)
    data = json.loads(out.read_text()) if out.exists() else {"commits": args.commits, "rounds": []}
    commits = [subprocess.run(["git", "-C", str(REPO), "rev-parse", c], check=True, capture_output=True,
                              text=True).stdout.strip() for c in args.commits]
    work_root = Path(args.work) / "time"
    work_root.mkdir(parents=True, exist_ok=True)
    shared = work_root / "shared"
    shared.exists() or shared.symlink_to(REPO.parent / "shared")
    env = dict(os.environ, OMP_NUM_THREADS="2", OMP_WAIT_POLICY="PASSIVE")
    while len(data["rounds"]) < args.rounds:
        seconds = {}
        for label, commit in zip(args.commits, commits):
            work = work_root / label.replace("/", "_")
            if work.exists():
                shutil.rmtree(work)
            work.mkdir()
            archive = subprocess.run(["git", "-C", str(REPO), "archive", commit], check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(work)], input=archive, check=True)
            m2 = work_root / ("m2-" + label.replace("/", "_"))
            if not m2.exists():
                shutil.copytree(args.m2_seed, m2, symlinks=True)
            maven = ["mvn", "-B", "-Dmaven.repo.local=" + str(m2)]
            log = out.parent / "logs" / f"time-{label.replace('/', '_')}-{len(data['rounds']) + 1}.log"
            log.parent.mkdir(parents=True, exist_ok=True)
            log.write_text("")
            if sh(maven + ["-q", "-pl", "vae-core,vae-maven-plugin", "-am", "install", "-DskipTests"], work, env, log):
                sys.exit(f"{label}: build failed, see {log}")
            started = time.monotonic()
            rc = sh(maven + ["-pl", "reproductions", "verify"], work, env, log)
            seconds[label] = round(time.monotonic() - started, 1)
            if rc != 0:
                sys.exit(f"{label}: the gate failed (exit {rc}), see {log}")
            print(f"round {len(data['rounds']) + 1}: {label} {seconds[label]} s", flush=True)
            shutil.rmtree(work)
        data["rounds"].append({"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "seconds": seconds})
        write_atomically(out, data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("--gate", required=True, help="a label for the gate under test: today, new")
    run.add_argument("--commit", required=True, help="the commit whose gate runs (git archive of it)")
    run.add_argument("--results", required=True, help="folder of one result file per case")
    run.add_argument("--work", default="/tmp/gate-power/work", help="scratch folder for the copies")
    run.add_argument("--m2-seed", default=str(Path.home() / ".m2" / "repository"),
                     help="Maven repository copied once into the work folder as this gate's private one")
    run.add_argument("--cases", default="", help="comma-separated case names (default: every fault, then every "
                                                 "configuration of the unmodified code)")
    run.add_argument("--keep", action="store_true", help="keep each case's copy")
    run.add_argument("--first-steps", type=int, default=0, metavar="N",
                     help="train only the first N steps (N >= the baseline's trajectory length) and count only the "
                          "trajectory and reference-model checks: the cheap part of the gate, for faults in training")
    run.add_argument("--adopt", action="append", default=[], metavar="CASE=FOLDER",
                     help="run CASE (an unmodified configuration) on the runs already trained in output folder FOLDER "
                          "under that configuration, instead of training them again")
    timing = sub.add_parser("time", help="the gate's CI time of commits, in interleaved rounds")
    timing.add_argument("--commits", nargs="+", required=True, help="labels of commits, e.g. 72b2845 HEAD")
    timing.add_argument("--rounds", type=int, default=2)
    timing.add_argument("--results", required=True, help="JSON file of the rounds (extended as they land)")
    timing.add_argument("--work", default="/tmp/gate-power/work")
    timing.add_argument("--m2-seed", default=str(Path.home() / ".m2" / "repository"))
    tab = sub.add_parser("table")
    tab.add_argument("--today", required=True)
    tab.add_argument("--new", required=True, help="results of the new gate's whole runs")
    tab.add_argument("--new-exact", help="results of the new gate's exact checks alone (run --first-steps)")
    args = parser.parse_args()
    if args.command == "table":
        table(args)
        return
    if args.command == "time":
        ci_time(args)
        return
    wanted = [c for c in args.cases.split(",") if c]
    known = {c[0]: c for c in cases()}
    unknown = [c for c in wanted if c not in known]
    if unknown:
        sys.exit(f"unknown cases {unknown}; known: {sorted(known)}")
    args.adopt = dict(a.split("=", 1) for a in args.adopt)
    args.commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", args.commit], check=True, capture_output=True,
                                 text=True).stdout.strip()
    for case in ([known[c] for c in wanted] if wanted else cases()):
        run_case(args, *case)


if __name__ == "__main__":
    main()
