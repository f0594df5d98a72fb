"""Our agency's profile: where it is found, and errors that name the bad key."""
from importlib import resources

import pytest

from pipeline.errors import InputError
from pipeline.render.profile import load_profile

SAMPLE = resources.files("pipeline").joinpath("data/profile.sample.toml").read_text(encoding="utf-8")


def write_profile(tmp_path, text: str) -> str:
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_sample_profile_is_the_seed_recipient_with_a_warning(monkeypatch, capsys):
    monkeypatch.delenv("GONGWEN_PROFILE", raising=False)
    profile = load_profile(None)
    assert profile["agency"]["name"] == "花蓮縣萬榮鄉明利國民小學"
    assert "花蓮縣政府" in profile["relations"]["superiors"]
    assert profile["dispatch"]["word"] == "明利小"
    assert "using the sample profile" in capsys.readouterr().err


def test_profile_from_the_environment_then_the_option(tmp_path, monkeypatch, capsys):
    env_path = write_profile(tmp_path, SAMPLE.replace('"明利小"', '"環境"'))
    monkeypatch.setenv("GONGWEN_PROFILE", env_path)
    assert load_profile(None)["dispatch"]["word"] == "環境"
    option = tmp_path / "option.toml"
    option.write_text(SAMPLE.replace('"明利小"', '"選項"'), encoding="utf-8")
    assert load_profile(str(option))["dispatch"]["word"] == "選項"
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("old, new, message", [
    ('name = "花蓮縣萬榮鄉明利國民小學"', "", "missing key agency.name"),
    ('word = "明利小"', 'word = "明利小字"', "key dispatch.word must be the 字 alone"),
    ("serial_digits = 7", 'serial_digits = "7"', "key dispatch.serial_digits must be a whole number"),
    ('superiors = ["花蓮縣政府", "教育部"]', 'superiors = "花蓮縣政府"', "key relations.superiors must be a list"),
    ('email = "office@example.edu.tw"', 'email = "office"', "key contact.email must be an e-mail address"),
    ('code = "0000000000"', 'code = "12"', "key agency.code must be 10 letters or digits"),
    ('signatory = "校長 ○○○"', 'signatory = "校長 ○○○"\nsignature = "x"', "unknown key letter.signature"),
    ("[circular]", "[circulars]", "unknown section [circulars]"),
    ('retention = "3年"', "retention = ", "not valid TOML"),
])
def test_bad_profile_names_the_key(tmp_path, old, new, message):
    assert old in SAMPLE
    path = write_profile(tmp_path, SAMPLE.replace(old, new))
    with pytest.raises(InputError) as err:
        load_profile(path)
    assert message in str(err.value) and str(err.value).startswith(path)
    assert "\n" not in str(err.value)


def test_missing_profile_file(tmp_path):
    with pytest.raises(InputError, match="profile: no such file"):
        load_profile(str(tmp_path / "nope.toml"))
