"""Composing what we write from an incoming letter: 稱謂, 期望語, citations, circular and table drafts.

``seed_like_letter()`` is the seed letter (花蓮縣政府 府政行字第1080251637號) built by
hand, with its plan and division table as parsed attachments; the other
render tests import it.
"""
import dataclasses
import json
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.records import (
    Attachment,
    Contact,
    DispatchNo,
    Division,
    DivisionRow,
    Letter,
    Period,
    Plan,
    RocDate,
    Source,
    chinese_numeral,
    to_dict,
)
from pipeline.render import compose
from pipeline.render.profile import load_profile
from pipeline.render.templates import environment
from pipeline.render.wording import word_letter

SEED_UNITS = [
    ("本府各處及所屬各級機關", ["請加強公務機密及機關安全維護措施，以維本機關之安全。"]),
    ("本府行政暨研考處", ["請針對機關內重要設施及場所強化門禁管理，檢視監視系統監視範圍、清晰度及消防設備等安全維護措施。"]),
    ("本府教育處", ["請本縣教育網路中心會同縣屬國民中、小學強化電腦資訊機密維護。"]),
    ("本府觀光處", ["請協助機關強化機關資通安全管理、電腦週邊設備檢管，積極蒐報網路安全情資及影響國家安全之資安事件。",
               "請加強委外廠商之監督，並注意慶典期間電腦機房門禁管制措施及監視。"]),
    ("本府人事處", ["請公告提醒同仁(含所屬各級機關)「赴大陸地區申請注意事項」及「公務人員行政中立法」。"]),
    ("本府政風處", ["訂定第15任總統副總統及第10屆立法委員選舉期間維護工作計畫，蒐報危安情資並適時陳報。"]),
]
PLAN_TITLE = "花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫"
TABLE_TITLE = "花蓮縣政府第15任總統副總統及第10屆立法委員選舉期間維護工作分工表"
SEED_SUBJECT = ("檢送「本府第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫」1案及維護工作分工表1份，"
                "請據以加強安全維護措施，請查照。")


def seed_like_letter(**changes) -> Letter:
    """Return the seed letter as a record, its plan and division table attached as parsed (JSON dicts)."""
    division = Division(title=TABLE_TITLE, rows=[DivisionRow(u, list(d)) for u, d in SEED_UNITS])
    plan = Plan(title=PLAN_TITLE, periods=[Period("2019-12-14", "2020-01-10", 28, None, "自108年12月14日至109年1月10日止")])
    letter = Letter(
        source=Source(path="samples/inbox/000_7274a88dd80a289e.txt", sha256="0" * 64, format="text"),
        doc_type="函", issuer="花蓮縣政府", address="97001花蓮縣花蓮市府前路17號",
        contact=Contact(name="許明浩", phone="8222944", email="zzzrobert@hl.gov.tw"),
        recipient="花蓮縣萬榮鄉明利國民小學", date=RocDate("2019-11-12", "108年11月12日"),
        dispatch_no=DispatchNo("府政行字第1080251637號", "府政行", "1080251637", 108, "0251637"),
        speed="普通件",
        attachments=[
            Attachment(PLAN_TITLE, "376550000A1080251637_118_ATTACH1.odt", "plan", to_dict(plan)),
            Attachment("花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間維護工作分工表",
                       "376550000A1080251637_118_ATTACH2.odt", "division", to_dict(division)),
        ],
        subject=SEED_SUBJECT,
        periods=[Period("2019-12-14", "2020-01-11", 29, 29, "108年12月14日起至109年1月11日止，共29天")],
    )
    return dataclasses.replace(letter, **changes)


def with_units(profile: dict, units: list[str]) -> dict:
    """Return a copy of a profile whose own units (circular.recipients) are ``units``."""
    return {**profile, "circular": {"recipients": list(units)}}


def units_profile_file(folder, units: list[str]):
    """Write the sample profile with ``units`` as our own units (circular.recipients); return its path."""
    sample = (Path(__file__).parent.parent / "pipeline" / "data" / "profile.sample.toml").read_text(encoding="utf-8")
    path = folder / "units-profile.toml"
    listed = ", ".join(json.dumps(u, ensure_ascii=False) for u in units)
    path.write_text(sample.replace('recipients = ["本校各處室"]', f"recipients = [{listed}]"), encoding="utf-8")
    return path


def no_superiors(profile: dict) -> dict:
    """Return a copy of a profile with no superiors (so 花蓮縣政府 is a peer)."""
    return {**profile, "relations": {"superiors": [], "subordinates": []}}


@pytest.fixture(scope="module")
def profile():
    return load_profile(None)


@pytest.mark.parametrize("name, expected", [
    ("花蓮縣政府", "貴府"), ("教育部", "貴部"), ("法務部廉政署", "貴署"), ("花蓮縣警察局", "貴局"),
    ("國立花蓮高級中學", "貴校"), ("台灣電力股份有限公司", "貴公司"), ("萬榮鄉公所", "貴所"),
    ("行政院農業委員會", "貴會"), ("某某聯誼", "貴機關"),
])
def test_honorific_by_name_for_a_peer(profile, name, expected):
    assert compose.honorific(name, no_superiors(profile)) == expected


def test_honorific_for_a_superior_listed_in_the_profile(profile):
    assert compose.honorific("花蓮縣政府", profile) == "鈞府"
    assert compose.honorific("教育部", profile) == "鈞部"
    assert compose.relation("花蓮縣警察局", profile) == "peer"
    assert compose.self_name(profile) == "本校"


def test_subject_without_expectation_and_requests():
    core = compose.strip_expectation(SEED_SUBJECT)
    assert core == "檢送「本府第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫」1案及維護工作分工表1份，請據以加強安全維護措施"
    gist, requests = compose.split_requests(core)
    assert gist == "檢送「本府第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫」1案及維護工作分工表1份"
    assert requests == ["據以加強安全維護措施"]
    assert compose.strip_expectation("函送會議紀錄1份，請派員出席，請查照並轉知所屬。") == "函送會議紀錄1份，請派員出席"
    assert compose.strip_expectation("檢送「請查照，辦理」表1份，請 查照。") == "檢送「請查照，辦理」表1份"
    assert compose.strip_expectation("本案請查照辦理。") == "本案請查照辦理"
    # the 期望語 as a sentence of its own (法務部: 「…本部意見如說明二。請查照參考。」)
    assert compose.strip_expectation("有關貴府函詢村里長代收稅款疑義一案，本部意見如說明二。請查照參考。") == \
        "有關貴府函詢村里長代收稅款疑義一案，本部意見如說明二"


def test_reply_closings_and_lead_words_are_dropped_from_the_gist():
    core = compose.strip_expectation("有關貴局請本局協助執行「112年春安工作」專案勤務乙案，復如說明，請查照。")
    assert core == "有關貴局請本局協助執行「112年春安工作」專案勤務乙案"
    assert compose.split_requests(core) == ("貴局請本局協助執行「112年春安工作」專案勤務乙案", [])
    assert compose.strip_expectation("有關補救教學經費一案，復請查照。") == "有關補救教學經費一案"


def test_the_senders_words_in_our_voice(profile):
    peer = no_superiors(profile)
    assert compose.to_our_voice("貴局請本局協助執行", "高雄市政府警察局", peer) == "本校請貴局協助執行"
    assert compose.to_our_voice("檢送本府計畫，請貴校轉知", "花蓮縣政府", profile) == "檢送鈞府計畫，請本校轉知"
    assert compose.to_our_voice("檢送「本府計畫」及貴公司資料", "花蓮縣政府", profile) == "檢送「本府計畫」及本校資料"
    assert compose.to_our_voice("檢陳本校成果表", "國立花蓮高級中學", peer) == "檢陳貴校成果表"


def test_the_senders_units_addressed_by_its_name(profile):
    def name(unit, sender="花蓮縣政府"):
        return compose.to_our_voice(unit, sender, profile, by_name=True)
    assert name("本府觀光處") == "花蓮縣政府觀光處"
    assert name("本縣各公立國民中、小學") == "花蓮縣各公立國民中、小學"
    assert name("本市各區公所", "臺北市政府") == "臺北市各區公所"
    assert name("本市清潔隊", "花蓮縣花蓮市公所") == "花蓮縣花蓮市清潔隊"
    assert name("本所民政課", "花蓮縣花蓮市公所") == "花蓮縣花蓮市公所民政課"
    assert name("貴校教務處") == "本校教務處"
    assert name("本縣警察局", "教育部") == "本縣警察局"  # a sender without a county has no 本縣 to name
    assert compose.to_our_voice("本縣各國中", "花蓮縣政府", profile) == "本縣各國中"  # an ack keeps it


def test_period_text_in_roc_form():
    assert compose.period_text(seed_like_letter().periods[0]) == "108年12月14日起至109年1月11日止"
    assert compose.project_period(seed_like_letter()) == "108年12月14日起至109年1月11日止"
    assert compose.project_period(seed_like_letter(periods=[])) == "108年12月14日起至109年1月10日止"  # the plan's


def test_ack_cites_the_letter_with_jun_for_a_superior(profile):
    draft = compose.ack_draft(seed_like_letter(), profile)
    wording = word_letter(draft.kind, draft.values)
    assert wording["explanation"][0]["text"] == "復鈞府108年11月12日府政行字第1080251637號函。"
    assert wording["subject"].startswith("有關鈞府函檢送「本府第15任")
    assert wording["subject"].endswith("本校已收悉，並將遵照辦理，請鑒核。")
    assert wording["explanation"][1]["text"] == "本校將依鈞府來函所示，據以加強安全維護措施。"
    assert draft.values["recipient"] == "花蓮縣政府"


def test_ack_cites_with_gui_and_asks_cha_zhao_from_a_peer(profile):
    draft = compose.ack_draft(seed_like_letter(), no_superiors(profile))
    wording = word_letter(draft.kind, draft.values)
    assert wording["explanation"][0]["text"] == "復貴府108年11月12日府政行字第1080251637號函。"
    assert wording["subject"].endswith("，請查照。")


def test_ack_of_a_letter_without_requests_has_one_item(profile):
    letter = seed_like_letter(issuer="教育部", subject="檢送本部會議紀錄1份，請查照。", doc_type="書函",
                              dispatch_no=DispatchNo("臺教技通字第1080100001號", "臺教技通", "1080100001", 108, "0100001"))
    wording = word_letter("ack", compose.ack_draft(letter, no_superiors(profile)).values)
    assert wording["subject"] == "有關貴部函檢送貴部會議紀錄1份一案，本校已收悉，請查照。"
    assert [i["text"] for i in wording["explanation"]] == ["復貴部108年11月12日臺教技通字第1080100001號書函。"]


def test_a_letter_without_its_subject_is_named_by_its_date_and_number(profile):
    # a partial letter (a relayed 說明, a cropped page): no 主旨, so no gist to write 「有關貴部函…一案」 about
    letter = seed_like_letter(issuer="教育部", subject=None, doc_type="書函", attachments=[], periods=[],
                              dispatch_no=DispatchNo("臺教技通字第1080100001號", "臺教技通", "1080100001", 108, "0100001"))
    ack = word_letter("ack", compose.ack_draft(letter, no_superiors(profile)).values)
    assert ack["subject"] == "有關貴部108年11月12日臺教技通字第1080100001號書函一案，本校已收悉，請查照。"
    (draft,) = compose.circular_drafts(letter, profile)
    circular = word_letter("circular", draft.values)
    assert circular["subject"] == "函轉教育部108年11月12日臺教技通字第1080100001號書函，請查照。"


def test_ack_without_issuer_is_an_input_error(profile):
    with pytest.raises(InputError, match="no 發文機關"):
        compose.ack_draft(seed_like_letter(issuer=None), profile)


def test_a_school_forwards_to_its_own_units_not_to_the_senders_departments(profile):
    (draft,) = compose.circular_drafts(seed_like_letter(), profile)  # the table names 本府… units: the sender's
    assert draft.kind == "circular" and draft.values["cc_main"] == ["本校各處室"]
    school = with_units(profile, ["教務處", "學務處", "總務處"])
    letter = seed_like_letter()
    letter.attachments[1].content["rows"] = [{"unit": "本校教務處", "duties": ["辦理宣導。"]},
                                             {"unit": "本府教育處", "duties": ["督導。"]},
                                             {"unit": "學務處", "duties": ["加強門禁。"]}]
    drafts = compose.circular_drafts(letter, school)
    assert [d.values.get("unit", {}).get("name") for d in drafts] == [None, "本校教務處", "學務處"]
    assert drafts[0].values["cc_main"] == ["教務處", "學務處", "總務處"]


def test_circular_and_one_per_unit(profile):
    drafts = compose.circular_drafts(seed_like_letter(), with_units(profile, [u for u, _ in SEED_UNITS]))
    assert [d.kind for d in drafts] == ["circular"] + ["unit_circular"] * 6
    main = word_letter("circular", drafts[0].values)
    assert main["subject"] == ("函轉花蓮縣政府檢送「本府第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫」1案及維護工作分工表1份，"
                               "請據以加強安全維護措施，請查照。")
    texts = [i["text"] for i in main["explanation"]]
    assert texts[0] == "依據花蓮縣政府108年11月12日府政行字第1080251637號函辦理。"
    assert texts[1] == "執行期間：108年12月14日起至109年1月11日止。"
    assert texts[2].startswith("檢附" + PLAN_TITLE + "、") and texts[2].endswith("分工表各1份。")
    for draft, (written, duties) in zip(drafts[1:], SEED_UNITS):
        wording = word_letter("unit_circular", draft.values)
        unit = "花蓮縣政府" + written.removeprefix("本府")  # in the school's letter the sender's 本府 is named
        assert draft.values["recipient"] == unit and draft.values["cc_main"] == [unit]
        assert draft.stem.endswith(f"-circular-{written}")
        assert f"有關{unit}分工事項如說明" in wording["subject"]
        duty_item = wording["explanation"][1]
        assert duty_item["text"] == f"{unit}分工事項如下：" and duty_item["children"] == duties
        assert wording["explanation"][2]["text"] == "執行期間：108年12月14日起至109年1月11日止。"
    assert len({d.key for d in drafts}) == 7


def test_a_circular_passes_the_senders_words_on_in_our_voice(profile):
    """交通部 answers 內政部警政署 (c-motc-speed-camera-ruling-106): the 署's 函轉 to its own unit says 本署 where
    交通部 wrote 貴署 and 該部 where it wrote 本部; quoted text stays as written."""
    npa = {**profile, "agency": {**profile["agency"], "name": "內政部警政署"}}
    letter = seed_like_letter(issuer="交通部", recipient=None, cc_main=[], attachments=[], periods=[],
                              subject="關於貴署函為本部「本部規則」第7條之2適用一案，復如說明，請查照。")
    (draft,) = compose.circular_drafts(letter, with_units(npa, ["本署交通組"]))
    assert word_letter("circular", draft.values)["subject"] == (
        "函轉交通部關於本署函為該部「本部規則」第7條之2適用一案，請查照。")
    county = seed_like_letter(subject="本縣各校請依本府計畫辦理，請查照。")
    assert compose.incoming_values(county, profile)["forwarded"] == "花蓮縣各校請依該府計畫辦理"


def test_table_drafts(profile):
    (draft,) = compose.table_drafts(seed_like_letter())
    assert draft.values["title"] == TABLE_TITLE and draft.values["plan_title"] == PLAN_TITLE
    assert draft.values["period"] == "108年12月14日起至109年1月11日止"
    assert [(r["unit"], r["duties"]) for r in draft.values["rows"]] == [(u, d) for u, d in SEED_UNITS]
    assert compose.table_drafts(seed_like_letter(attachments=[])) == []


def test_cjk_numerals():
    cjk_numeral = environment().filters["cjk_numeral"]
    assert cjk_numeral is chinese_numeral  # the records-level helper, not a copy
    assert [cjk_numeral(n) for n in (1, 9, 10, 11, 20, 23)] == ["一", "九", "十", "十一", "二十", "二十三"]
