#!/usr/bin/env python3
"""Checks `regiekamer allocate` against an independent R13 implementation in exact fractions, to the cent.

Each seed draws its own partnerships (1 to 45, 1 to 6 random members each, named by NIS code or Dutch name),
population and job-seeker figures, budget and weights (every fifth seed equal shares only, so that remainders tie),
runs the built CLI and compares every column of every row.

    dotnet build src/Regiekamer.Cli && python3 tests/crosscheck/allocate.py 1 200
"""
import csv, random, subprocess, sys, tempfile
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "src/Regiekamer.Cli/bin/Debug/net10.0/regiekamer.dll"
MUNICIPALITIES = ROOT.parent / "shared/data/flanders_municipalities_2019-2024_300.csv"


def expected(parts, pop, js, budget_cents, weights):
    """R13: each total is its exact share floored to the cent; the cents left go one by one to the largest
    remainders (ties: name, ordinal). The parts are each rounded half to even."""
    n, W = len(parts), sum(weights)
    P = {name: sum(pop[c] for c in mem) for name, mem in parts}
    J = {name: sum(js[c] for c in mem) for name, mem in parts}
    sp, sj = sum(P.values()), sum(J.values())
    exact = {}
    for name, _ in parts:
        a = Fraction(budget_cents * weights[0], W) * (Fraction(P[name], sp) if sp else 0)
        j = Fraction(budget_cents * weights[1], W) * (Fraction(J[name], sj) if sj else 0)
        e = Fraction(budget_cents * weights[2], W * n)
        exact[name] = (e, a, j, a + j + e)
    total = {k: v[3].numerator // v[3].denominator for k, v in exact.items()}
    left = budget_cents - sum(total.values())
    for k in sorted(exact, key=lambda k: (-(exact[k][3] - total[k]), k))[:left]:
        total[k] += 1
    return {k: (P[k], J[k], round(v[0]), round(v[1]), round(v[2]), total[k]) for k, v in exact.items()}


def cents(euros):
    whole, frac = euros.split(".")
    assert len(frac) == 2, euros
    return int(whole) * 100 + int(frac)


def check(seed, folder):
    rows = list(csv.DictReader(open(MUNICIPALITIES, encoding="utf-8-sig")))
    rnd = random.Random(seed)
    names = {r["nis_code"]: r["name_nl"] for r in rows}
    codes = list(names)
    rnd.shuffle(codes)
    parts, i = [], 0
    for k in range(rnd.randint(1, 45)):
        m = rnd.randint(1, 6)
        # Upper and lower case and an accent, so that the tie-break must be ordinal to match.
        parts.append((f"{rnd.choice(['Regie', 'regie', 'Énergie', 'ILV'])} {rnd.randint(0, 99):02d}-{k}", codes[i:i + m]))
        i += m
    pop = {c: rnd.randint(0, 400_000) for c in codes}
    js = {c: rnd.randint(0, 30_000) for c in codes}
    budget_cents = rnd.randint(1, 900_000_000)
    weights = [rnd.randint(0, 100) for _ in range(3)]
    if seed % 5 == 0:
        weights[0] = weights[1] = 0  # equal shares only: every remainder ties, and the names decide
    if sum(weights) == 0:
        weights[2] = 1
    p, pp, jp = folder / "p.csv", folder / "pop.csv", folder / "js.csv"
    p.write_text("name,kind,members,managing_municipality,status\n" + "".join(
        f"{name},interlocal-association,{';'.join(names[c] if rnd.random() < .5 else c for c in mem)},{mem[0]},new\n"
        for name, mem in parts), encoding="utf-8")
    pp.write_text("nis_code,working_age_population\n" + "".join(f"{c},{pop[c]}\n" for c in codes))
    jp.write_text("nis_code,job_seekers\n" + "".join(f"{c},{js[c]}\n" for c in codes))
    budget = f"{budget_cents // 100}.{budget_cents % 100:02d}"
    out = subprocess.run(["dotnet", str(CLI), "allocate", "--partnerships", str(p), "--population", str(pp),
                          "--job-seekers", str(jp), "--budget", budget, "--weights", ",".join(map(str, weights)),
                          "--format", "csv"], capture_output=True, text=True)
    if out.returncode != 0:
        print(f"seed {seed}: the CLI refused: {out.stderr.strip()[:300]}")
        return False
    got = {r["partnership"]: r for r in csv.DictReader(out.stdout.splitlines())}
    want = expected(parts, pop, js, budget_cents, weights)
    bad = [name for name, _ in parts if want[name] != (
        int(got[name]["working_age_population"]), int(got[name]["job_seekers"]), cents(got[name]["equal_part"]),
        cents(got[name]["working_age_part"]), cents(got[name]["job_seeker_part"]), cents(got[name]["total"]))]
    adds_up = sum(cents(r["total"]) for r in got.values()) == budget_cents
    for name in bad:
        print(f"seed {seed}: {name}: expected {want[name]}, got {got[name]}")
    if not adds_up:
        print(f"seed {seed}: the totals do not add up to {budget}")
    return not bad and adds_up and len(got) == len(parts)


if __name__ == "__main__":
    first = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    with tempfile.TemporaryDirectory() as d:
        results = [check(s, Path(d)) for s in range(first, first + count)]
    print(f"{sum(results)} of {len(results)} seeds match to the cent")
    sys.exit(0 if all(results) else 1)
