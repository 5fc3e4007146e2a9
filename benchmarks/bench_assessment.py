"""Speed of the assessment core, with ratios to baselines measured in the same run.

Targets (issue 2): one-shot assessment of a three-sentence description <= 2 ms median in-process
after warm-up; knowledge-base load <= 200 ms; ``nightlegs assess --text ... --json`` cold start
<= 1 s. One interview step (issue 11) <= 20 ms median, so a web round trip stays quick.

Run: ``python benchmarks/bench_assessment.py``
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

TEXT = (
    "For a few months my calves cramp at night and the muscle goes rock hard. "
    "Stretching my foot up makes it stop, but the calf is sore the next day. "
    "I started a statin in the spring and there is no swelling."
)


#: Three sentences in German: the foreign reader looks only for danger signs (target 1 ms).
GERMAN = (
    "Seit gestern ist mein linkes Bein plötzlich kalt und weiß geworden. Ich kann den Fuß "
    "kaum bewegen und die Schmerzen sind unerträglich. Fieber habe ich keins, aber mir ist "
    "schwindlig."
)


def _median_ms(function: object, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _subprocess_ms(code: str, repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _inner_ms(code: str, repeat: int = 5) -> float:
    """Median of a duration a fresh process measures itself (``start`` is set by ``code``)."""
    script = "import time\n" + code + "print((time.perf_counter() - start) * 1000)\n"
    samples = [
        float(
            subprocess.run(
                [sys.executable, "-c", script], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(repeat)
    ]
    return statistics.median(samples)


def _cli_ms(args: list[str], repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(args, check=True, capture_output=True, text=True)
        samples.append((time.perf_counter() - start) * 1000)
        json.loads(result.stdout)
    return statistics.median(samples)


#: Answers part way through an interview: the complaint, a danger checklist with a swollen leg.
INTERVIEW = {
    "site_calf": True,
    "site_thigh": False,
    "unilateral": True,
    "bilateral": False,
    "aching_pain": True,
    "muscle_cramp": False,
    "evening_night_worse": True,
    "long_standing": False,
    "sudden_onset": True,
    "pale_or_blue_foot": False,
    "leg_swelling": True,
    "leg_weakness": False,
    "fever": False,
}


def main() -> None:
    import nightlegs
    from nightlegs.assessment import Population
    from nightlegs.assessment.interview import next_step
    from nightlegs.assessment.triage import triage
    from nightlegs.intake import extract

    for _ in range(20):
        nightlegs.assess(TEXT)
    assess_ms = _median_ms(lambda: nightlegs.assess(TEXT), 300)
    from nightlegs.intake._foreign import find_foreign_findings

    find_foreign_findings(GERMAN, "de")  # compiles the lexicon once
    foreign_ms = _median_ms(lambda: find_foreign_findings(GERMAN, "de"), 300)
    intake_ms = _median_ms(lambda: extract(TEXT), 300)
    json_ms = _median_ms(lambda: json.dumps(nightlegs.assess(TEXT).to_dict()), 100)
    person = Population(age=60)
    known = {k: v for k, v in INTERVIEW.items() if v is not None}
    step_ms = _median_ms(lambda: next_step(INTERVIEW, person), 100)
    triage_ms = _median_ms(lambda: triage(known, person), 300)

    python_ms = _subprocess_ms("pass")
    # How fast this host runs plain Python right now: figures from different days or machines
    # compare only at similar values of this line (the README gives it with its figures).
    host_ms = _median_ms(lambda: sum(range(5_000_000)), 7)
    from importlib import resources

    data = str(resources.files("nightlegs.knowledge") / "data")
    # Both figures are timed inside a fresh process, imports excluded: parsing the YAML files
    # alone (the baseline) and loading with validation and cross-indexing.
    yaml_ms = _inner_ms(
        "import pathlib, yaml\n"
        f"files = sorted(pathlib.Path({data!r}).rglob('*.yaml'))\n"
        "start = time.perf_counter()\n"
        "[yaml.load(f.read_text(), Loader=yaml.CSafeLoader) for f in files]\n"
    )
    load_only_ms = _inner_ms(
        "from nightlegs.knowledge import load_knowledge_base\n"
        "start = time.perf_counter()\n"
        "load_knowledge_base()\n"
    )
    exe = [sys.executable, "-m", "nightlegs.cli", "assess", "--text", TEXT, "--json"]
    cli_ms = _cli_ms(exe)

    rows = [
        (
            "assess (3 sentences), median",
            assess_ms,
            2.0,
            f"{assess_ms / intake_ms:.1f}x intake alone",
        ),
        ("  intake alone, median", intake_ms, None, ""),
        ("danger signs in German (3 sentences)", foreign_ms, 1.0, ""),
        ("  assess + JSON, median", json_ms, None, ""),
        ("interview step, median", step_ms, 20.0, f"{step_ms / triage_ms:.1f}x one triage"),
        (
            "knowledge-base load (validated)",
            load_only_ms,
            200.0,
            f"{load_only_ms / max(yaml_ms - python_ms, 1e-9):.1f}x parsing the YAML alone",
        ),
        ("CLI cold start assess --json", cli_ms, 1000.0, f"{cli_ms / python_ms:.1f}x bare python"),
        ("  bare python start", python_ms, None, ""),
        ("host speed: sum(range(5e6))", host_ms, None, "plain Python, for reading the rest"),
    ]
    print(f"{'measure':38} {'ms':>9} {'target':>8} {'ratio to target':>16}  baseline")
    for name, value, target, note in rows:
        target_text = f"{target:g}" if target else "-"
        ratio = f"{value / target:.2f}" if target else "-"
        print(f"{name:38} {value:9.2f} {target_text:>8} {ratio:>16}  {note}")


if __name__ == "__main__":
    main()
