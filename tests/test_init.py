"""gongwen init: asks for our agency's profile, checks each answer, writes a TOML that render then uses."""
from __future__ import annotations

import tomllib

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.render.profile import load_profile, read_profile, user_profile_path

ANSWERS = ["臺東縣立新港國民中學", "014637A000", "961臺東縣成功鎮中山東路1號", "教務處", "陳怡君", "089-851234#12",
           "", "bad-email", "newport@example.edu.tw", "新港國中字", "新港國中教", "", "校長 林○○", "", "",
           "臺東縣政府、教育部", "", "本校各處室"]


def test_init_asks_checks_and_writes_a_profile_render_then_uses(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("GONGWEN_PROFILE", raising=False)
    result = CliRunner().invoke(main, ["init"], input="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 0, result.output
    assert "contact.email must be an e-mail address; try again" in result.output
    assert "dispatch.word must be the 字 alone" in result.output
    path = tmp_path / "gongwen" / "profile.toml"
    assert user_profile_path() == path
    profile = read_profile(str(path))
    assert profile["agency"] == {"name": "臺東縣立新港國民中學", "code": "014637A000", "address": "961臺東縣成功鎮中山東路1號"}
    assert profile["contact"] == {"unit": "教務處", "name": "陳怡君", "phone": "089-851234#12", "fax": "",
                                  "email": "newport@example.edu.tw"}
    assert profile["dispatch"] == {"word": "新港國中教", "serial_digits": 7}
    assert profile["relations"] == {"superiors": ["臺東縣政府", "教育部"], "subordinates": []}
    assert profile["circular"]["recipients"] == ["本校各處室"]
    assert load_profile(None) == profile  # no --profile, no $GONGWEN_PROFILE: the user's own, not the sample


def test_init_never_replaces_a_profile_without_force(tmp_path):
    target = tmp_path / "mine.toml"
    target.write_text("# ours\n", encoding="utf-8")
    refused = CliRunner().invoke(main, ["init", "-o", str(target)], input="\n".join(ANSWERS) + "\n")
    assert refused.exit_code == 1 and "a profile is already there; use --force" in refused.output
    assert target.read_text(encoding="utf-8") == "# ours\n"
    forced = CliRunner().invoke(main, ["init", "-o", str(target), "--force"], input="\n".join(ANSWERS) + "\n")
    assert forced.exit_code == 0, forced.output
    assert tomllib.loads(target.read_text(encoding="utf-8"))["agency"]["code"] == "014637A000"


def test_init_offers_no_sample_identity(tmp_path):
    result = CliRunner().invoke(main, ["init", "-o", str(tmp_path / "p.toml")], input="\n" * 3)
    assert result.exit_code != 0 and not (tmp_path / "p.toml").exists()  # empty answers to our name never pass
    assert "明利" not in result.output
