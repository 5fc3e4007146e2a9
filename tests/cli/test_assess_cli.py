"""``nightlegs assess``, ``kb check`` and ``eval`` through the real entry point."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., tuple[int, str, str]]


def test_assess_text_json(run_cli: Run) -> None:
    code, out, _ = run_cli(
        "assess",
        "--text",
        "my calves cramp every night",
        "--age",
        "70",
        "--sex",
        "female",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["conditions"][0]["id"]
    assert data["triage"] in {"emergency", "urgent", "doctor", "self_care"}


def test_assess_rich_output(run_cli: Run) -> None:
    code, out, _ = run_cli("assess", "--text", "my calves cramp every night")
    assert code == 0
    assert "not a diagnosis" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--text", "   "], "empty"),
        (["--text", "x" * 1_048_576], "limit"),
        (["--text", "leg pain", "--age", "150"], "age"),
        (["--text", "leg pain", "--age", "-3"], "age"),
        (["--text", "leg pain", "--pregnant", "--sex", "male"], "pregnant"),
        (["--text", "leg pain", "--sex", "robot"], "sex"),
        (["--text", "leg pain", "--finding", "fever=perhaps"], "finding"),
    ],
)
def test_bad_input_is_one_line_exit_2(run_cli: Run, args: list[str], message: str) -> None:
    code, out, err = run_cli("assess", *args, "--json")
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_flag_exits_2_without_traceback(run_cli: Run) -> None:
    code, _, err = run_cli("assess", "--colour", "blue")
    assert code == 2
    assert "Traceback" not in err


def test_binary_garbage(run_cli: Run) -> None:
    garbage = bytes(range(1, 32)).decode("latin-1") * 10
    code, _, err = run_cli("assess", "--text", garbage, "--json")
    assert code == 2 and "binary" in err


def test_non_english_gives_warning_in_result(run_cli: Run) -> None:
    code, out, _ = run_cli(
        "assess",
        "--text",
        "Mes jambes me font mal la nuit, surtout les mollets, et je ne peux pas dormir",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["understood"] is False
    assert data["language"] == "fr"
    assert data["conditions"] == []
    assert data["triage"] in ("doctor", "urgent", "emergency")
    assert data["headline"].startswith("nightlegs could not understand")
    assert any("another language (fr)" in w for w in data["warnings"])


def test_scripted_interview(run_cli: Run) -> None:
    # "0" answers a choice question (none of these), "n" a yes/no one; a line that does not
    # fit the question is refused and asked again.
    answers = "\n".join(["my legs feel restless in the evening"] + ["0", "n"] * 20) + "\n"
    code, out, err = run_cli("assess", "--age", "50", "--json", stdin=answers)
    assert code == 0, err
    data = json.loads(out)
    assert data["conditions"] and "[y/n/?]" in err and "  1. " in err


def test_interview_choice_answers_become_findings(run_cli: Run) -> None:
    # Skip the description, choose "The calf" (option 1) where it hurts, then say no to all.
    answers = "\n".join(["", "1"] + ["0", "n"] * 20) + "\n"
    code, out, err = run_cli("assess", "--age", "50", "--json", stdin=answers)
    assert code == 0, err
    present = {f["id"] for f in json.loads(out)["findings"] if f["present"]}
    assert "site_calf" in present
    assert "Where is the problem" in err


def test_interview_with_no_answers_is_an_error(run_cli: Run) -> None:
    code, _, err = run_cli("assess", "--json", stdin="")
    assert code == 2 and "no answers" in err


def test_kb_check(run_cli: Run) -> None:
    code, out, _ = run_cli("kb", "check")
    assert code == 0 and "OK" in out


def test_eval_on_generated_vignettes(run_cli: Run, tmp_path: Path) -> None:
    cases = [
        {
            "id": "a",
            "text": "my calves cramp at night, the muscle goes hard and stretching helps",
            "age": 65,
            "sex": "female",
            "pregnant": None,
            "gold": "nocturnal_leg_cramps",
            "acceptable": [],
            "triage": "self_care",
        },
        {
            "id": "b",
            "text": "sudden severe pain in my leg, the foot is cold, white and numb and I "
            "have atrial fibrillation",
            "age": 80,
            "sex": "male",
            "pregnant": None,
            "gold": "acute_limb_ischaemia",
            "acceptable": [],
            "triage": "emergency",
        },
    ]
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases))
    code, out, _ = run_cli("eval", str(path), "--json")
    summary = json.loads(out)["summary"]
    assert summary["cases"] == 2
    assert code == (1 if summary["under_triage"] > 0 else 0)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"a": 1}', "list"),
        ('[{"id": "x"}]', "field"),
        (
            '[{"id": "x", "text": "t", "gold": null, "triage": "urgent", '
            '"triage_acceptable": ["doctor"]}]',
            "field 'triage_acceptable': Value error, must include the case's triage 'urgent'",
        ),
        (
            '[{"id": "x", "text": "t", "gold": null, "triage": "urgent", '
            '"triage_acceptable": ["soon"]}]',
            "field 'triage_acceptable.0'",
        ),
        (
            '[{"id": "x", "text": "t", "gold": null, "acceptable": ["gout"], "triage": "urgent"}]',
            "unknown condition 'gout'",
        ),
    ],
)
def test_eval_bad_file(run_cli: Run, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    code, _, err = run_cli("eval", str(path))
    assert code == 2 and message in err


def test_unread_text_renders_danger_signs_first(run_cli: Run) -> None:
    code, out, _ = run_cli(
        "assess", "--text", "Mein Bein ist plötzlich kalt und weiß, ich spüre die Zehen kaum."
    )
    assert code == 0
    assert "could not understand" in out
    signs = out.index("Call 999 / 112 / 911 now if any of these is true")
    assert signs < out.index("Possible causes")
    assert "EMERGENCY" in out


def test_eval_interview_on_generated_patients(run_cli: Run, tmp_path: Path) -> None:
    patients = [
        {
            "id": "cramps",
            "story": "my calves cramp at night",
            "first_sentence": "my calves cramp at night",
            "age": 60,
            "sex": "female",
            "gold": "nocturnal_leg_cramps",
            "triage": "self_care",
            "triage_acceptable": ["self_care", "doctor"],
            "answers": {
                "yes": [
                    "site_calf",
                    "bilateral",
                    "muscle_cramp",
                    "evening_night_worse",
                    "long_standing",
                    "relieved_by_stretching",
                    "muscle_hardens",
                ]
            },
        },
        {
            "id": "white-foot",
            "story": "my foot went white and cold an hour ago",
            "age": 75,
            "gold": "acute_limb_ischaemia",
            "triage": "emergency",
            "answers": {
                "yes": [
                    "site_foot",
                    "unilateral",
                    "pale_or_blue_foot",
                    "cold_foot",
                    "sudden_onset",
                    "severe_pain",
                    "atrial_fibrillation",
                ]
            },
        },
    ]
    path = tmp_path / "patients.json"
    path.write_text(json.dumps(patients), encoding="utf-8")
    code, out, err = run_cli("eval-interview", str(path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"questions", "text"}
    for mode in data.values():
        assert mode["summary"]["patients"] == 2
        assert mode["under_triaged"] == [] and mode["late_emergencies"] == []


def test_eval_interview_bad_mode(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text("[]", encoding="utf-8")
    code, _, err = run_cli("eval-interview", str(path), "--mode", "guess")
    assert code == 2 and "--mode" in err


def test_finished_interview_names_unknown_criteria_instead_of_asking(run_cli: Run) -> None:
    # The interview is over when the result prints: unknown IRLSSG criteria are named as
    # unknown, never "answer the remaining questions", and no Wells score without DVT.
    answers = "\n".join(["my legs feel restless in the evening"] + ["0", "n"] * 20) + "\n"
    code, out, err = run_cli("assess", "--age", "50", stdin=answers)
    assert code == 0, err
    assert "remaining questions" not in out and "Wells" not in out
    code, out, err = run_cli("assess", "--text", "I get an urge to move my legs in the evening")
    assert code == 0, err
    text = " ".join(out.split())
    assert "Not known, so the IRLSSG criteria cannot be completed: begins or worsens" in text
    assert "remaining questions" not in text and "Wells" not in text
