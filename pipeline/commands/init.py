"""``gongwen init``: write our agency's profile (本機關) by asking for each value, checked as it is typed."""
from __future__ import annotations

import copy
import re
import sys
import tomllib
from importlib import resources
from pathlib import Path

import click

from pipeline.errors import InputError
from pipeline.files import write_atomic
from pipeline.i18n import N_, _, translate
from pipeline.render.profile import SAMPLE, SCHEMA, profile_to_toml, user_profile_path, validate_profile

# (section, key, question) in the order asked; lists are typed as names separated by 、 or commas
OWN = {("agency", "name"), ("agency", "code"), ("agency", "address"), ("contact", "name"), ("contact", "phone"),
       ("dispatch", "word"), ("letter", "signatory")}  # our identity: no default; the rest of [contact] may stay empty
QUESTIONS = [
    ("agency", "name", N_("Full name of our agency (機關全銜)")),
    ("agency", "code", N_("Agency code (機關代碼, 10 letters or digits)")),
    ("agency", "address", N_("Address (地址)")),
    ("contact", "unit", N_("Unit in charge (承辦單位; may be empty)")),
    ("contact", "name", N_("Clerk in charge (承辦人)")),
    ("contact", "phone", N_("Phone (電話)")),
    ("contact", "fax", N_("Fax (傳真; may be empty)")),
    ("contact", "email", N_("E-mail (電子信箱; may be empty)")),
    ("dispatch", "word", N_("Our 發文字號 word (發文代字, without 字: 明利小)")),
    ("dispatch", "serial_digits", N_("Digits of the serial after the ROC year")),
    ("letter", "signatory", N_("Signature (署名: title and name, 校長 王○○)")),
    ("letter", "retention", N_("Default retention (保存年限)")),
    ("letter", "speed", N_("Speed of our letters (速別)")),
    ("relations", "superiors", N_("Superior agencies (上級機關, separated by 、)")),
    ("relations", "subordinates", N_("Subordinate agencies (下級機關, separated by 、; may be empty)")),
    ("circular", "recipients", N_("Who receives our circulars (函轉 正本, separated by 、)")),
]
LIST_SPLIT = re.compile(r"[、,，;；\n]+")


def sample_profile() -> dict:
    """Return the shipped sample profile (its values are the defaults offered for the plain settings)."""
    with resources.files("pipeline").joinpath(SAMPLE).open("rb") as fh:
        return tomllib.load(fh)


def answer_to_value(kind: type, answer: str):
    """Given the type a key takes and a typed answer, return the value (a list split at 、 or commas)."""
    if kind is list:
        return [name.strip() for name in LIST_SPLIT.split(answer) if name.strip()]
    if kind is int:
        return int(answer) if answer.strip().isdigit() else answer
    return answer.strip()


def ask(section: str, key: str, question: str, default) -> object:
    """Ask one question (offering the default, None for none) until the answer passes the profile's check;
    return the value, of the default's type."""
    check = SCHEMA[section][key]
    kind = type(default) if default is not None else str
    shown = "、".join(default) if isinstance(default, list) else default
    while True:
        answer = click.prompt(_(question), default=shown, show_default=shown not in (None, ""))
        value = answer_to_value(kind, str(answer))
        problem = check(value)
        if problem is None:
            return value
        click.echo(_("  {section}.{key} {problem}; try again").format(section=section, key=key,
                                                                       problem=translate(problem)), err=True)


@click.command()
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False),
              help="Where to write the profile (default: $XDG_CONFIG_HOME/gongwen/profile.toml, else ~/.config/…).")
@click.option("--force", is_flag=True, help="Replace a profile that is already there.")
def init(output, force):
    """Write our agency's profile (本機關: name, 機關代碼, address, contact, 發文字號 word, superior agencies), asking
    for each value and checking it, so that replies and circulars go out in our own name, not the sample's."""
    target = Path(output) if output else user_profile_path()
    if target.exists() and not force:
        click.echo(f"gongwen init: {target}: " + _("a profile is already there; use --force to replace it"), err=True)
        sys.exit(1)
    sample = sample_profile()
    profile = copy.deepcopy(sample)
    for section, key, question in QUESTIONS:
        default = None if (section, key) in OWN else "" if section == "contact" else sample[section][key]
        profile[section][key] = ask(section, key, question, default)
    try:
        validate_profile(profile, str(target))
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, profile_to_toml(profile).encode("utf-8"))
    except InputError as exc:
        click.echo(f"gongwen init: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"gongwen init: {target}: " + _("cannot write: {reason}").format(reason=exc.strerror or exc), err=True)
        sys.exit(1)
    click.echo(_("gongwen init: wrote {path}; render uses it from now on (or give --profile {path})").format(path=target))
