"""Rendered ODT, HTML and text read back as a user's tools read them: odfpy, an XML parser, plain text."""
import datetime as dt
import io
import unicodedata
import zipfile

import lxml.etree
import lxml.html
import pytest
from odf import table, teletype, text
from odf.opendocument import load as load_odt
from test_render_compose import (
    PLAN_TITLE,
    SEED_UNITS,
    TABLE_TITLE,
    no_superiors,
    seed_like_letter,
    with_units,
)

from pipeline.render import compose
from pipeline.render.produce import draft_to_files
from pipeline.render.profile import load_profile

DAY = dt.date(2026, 11, 25)
NASTY = 'A&B <b>粗</b> "引號" \'單\'\n第二行\t定位  兩空格'


@pytest.fixture(scope="module")
def profile():
    return load_profile(None)


def render(draft, profile, fmt, number="明利小字第1150000001號") -> bytes:
    return draft_to_files(draft, profile, [fmt], number, DAY)[fmt]


def odt_paragraphs(data: bytes) -> list[str]:
    doc = load_odt(io.BytesIO(data))
    return [teletype.extractText(p) for p in doc.getElementsByType(text.P)]


def odt_table_rows(data: bytes) -> list[list[str]]:
    doc = load_odt(io.BytesIO(data))
    return [["\n".join(teletype.extractText(p) for p in cell.getElementsByType(text.P))
             for cell in row.getElementsByType(table.TableCell)]
            for row in doc.getElementsByType(table.TableRow)]


def test_ack_odt_fields_read_back_with_odfpy(profile):
    data = render(compose.ack_draft(seed_like_letter(), profile), profile, "odt")
    paragraphs = odt_paragraphs(data)
    assert "花蓮縣萬榮鄉明利國民小學　函" in paragraphs
    for line in ["受文者：花蓮縣政府", "發文日期：中華民國115年11月25日", "發文字號：明利小字第1150000001號",
                 "速別：普通件", "保存年限：3年", "說明：", "一、復鈞府108年11月12日府政行字第1080251637號函。",
                 "二、本校將依鈞府來函所示，據以加強安全維護措施。", "正本：花蓮縣政府", "校長 ○○○"]:
        assert line in paragraphs
    subject = next(p for p in paragraphs if p.startswith("主旨："))
    assert subject.endswith("本校已收悉，並將遵照辦理，請鑒核。")


def test_odt_package_layout_and_page(profile):
    data = render(compose.ack_draft(seed_like_letter(), profile), profile, "odt")
    with zipfile.ZipFile(io.BytesIO(data)) as odt:
        first = odt.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        styles = odt.read("styles.xml").decode()
    assert 'fo:page-width="21cm"' in styles and 'fo:page-height="29.7cm"' in styles
    assert 'style:text-autospace="none"' in styles and 'svg:font-family="標楷體"' in styles


def test_ack_to_a_peer_cites_gui_fu(profile):
    peer = no_superiors(profile)
    paragraphs = odt_paragraphs(render(compose.ack_draft(seed_like_letter(), peer), peer, "odt"))
    assert "一、復貴府108年11月12日府政行字第1080251637號函。" in paragraphs


def test_table_odt_rows(profile):
    (draft,) = compose.table_drafts(seed_like_letter())
    data = render(draft, profile, "odt")
    paragraphs = odt_paragraphs(data)
    assert paragraphs[:3] == [TABLE_TITLE, f"計畫：{PLAN_TITLE}", "執行期間：108年12月14日起至109年1月11日止"]
    rows = odt_table_rows(data)
    assert rows[0] == ["單位", "工作項目"]
    assert rows[1:] == [[unit, "\n".join(f"{i}.\t{d}" for i, d in enumerate(duties, 1))] for unit, duties in SEED_UNITS]


def test_unit_circular_odt_lists_duties_and_period(profile):
    drafts = compose.circular_drafts(seed_like_letter(), with_units(profile, [u for u, _ in SEED_UNITS]))
    paragraphs = odt_paragraphs(render(drafts[4], profile, "odt"))  # 本府觀光處: two duties
    unit, duties = SEED_UNITS[3]
    assert "受文者：花蓮縣政府觀光處" in paragraphs and unit == "本府觀光處"
    assert "二、花蓮縣政府觀光處分工事項如下：" in paragraphs
    assert [f"（一）{duties[0]}", f"（二）{duties[1]}"] == [p for p in paragraphs if p.startswith("（")]
    assert "三、執行期間：108年12月14日起至109年1月11日止。" in paragraphs


def test_special_characters_stay_text_in_odt(profile):
    letter = seed_like_letter(subject=NASTY + "，請查照。")
    data = render(compose.circular_drafts(letter, profile)[0], profile, "odt")
    with zipfile.ZipFile(io.BytesIO(data)) as odt:
        content = odt.read("content.xml")
    root = lxml.etree.fromstring(content)  # well-formed, or this raises
    assert '<text:line-break/>' in content.decode() and '<text:tab/>' in content.decode()
    assert '定位 <text:s text:c="1"/>兩空格' in content.decode()
    assert root.find(".//{*}b") is None
    subject = next(p for p in odt_paragraphs(data) if p.startswith("主旨："))
    assert subject == f"主旨：函轉花蓮縣政府{NASTY}，請查照。"


def test_html_is_well_formed_with_the_same_content(profile):
    data = render(compose.ack_draft(seed_like_letter(), profile), profile, "html")
    root = lxml.etree.fromstring(data, lxml.etree.XMLParser(resolve_entities=False, no_network=True))
    paragraphs = ["".join(p.itertext()) for p in root.iter("p")]
    assert "受文者：花蓮縣政府" in paragraphs
    assert "一、復鈞府108年11月12日府政行字第1080251637號函。" in paragraphs
    assert "size: A4" in root.find(".//style").text
    assert lxml.html.fromstring(data).findtext(".//title").startswith("花蓮縣萬榮鄉明利國民小學")


def test_special_characters_stay_text_in_html(profile):
    letter = seed_like_letter(subject=NASTY + "，請查照。", issuer='花蓮縣政府<script>alert("x")</script>')
    data = render(compose.ack_draft(letter, profile), profile, "html")
    root = lxml.etree.fromstring(data, lxml.etree.XMLParser(resolve_entities=False, no_network=True))
    assert [e.tag for e in root.iter("script", "b")] == []
    assert '受文者：花蓮縣政府<script>alert("x")</script>' in ["".join(p.itertext()) for p in root.iter("p")]
    subject = next("".join(p.itertext()) for p in root.iter("p") if "".join(p.itertext()).startswith("主旨："))
    assert "A&B <b>粗</b> \"引號\" '單'第二行" in subject  # the line break is a <br />, not text


def test_html_table(profile):
    (draft,) = compose.table_drafts(seed_like_letter())
    root = lxml.html.fromstring(render(draft, profile, "html"))
    rows = root.findall(".//tbody/tr")
    assert [(r[0].text_content(), [li.text_content() for li in r[1].iter("li")]) for r in rows] == SEED_UNITS


def test_text_outputs(profile):
    ack = render(compose.ack_draft(seed_like_letter(), profile), profile, "txt", number="").decode()
    assert "說明：\n一、復鈞府108年11月12日府政行字第1080251637號函。\n" in ack
    assert "發文字號：\n" in ack
    (draft,) = compose.table_drafts(seed_like_letter())
    table_text = render(draft, profile, "txt").decode()
    assert "本府觀光處\n  1. 請協助機關強化" in table_text and "\n  2. 請加強委外廠商之監督" in table_text


@pytest.mark.parametrize("fmt", ["txt", "html", "odt", "di"])
def test_control_characters_in_a_record_never_reach_the_output(profile, fmt):
    letter = seed_like_letter(subject="檢送\x00計畫\x07一份\x1b，\x7f請據以\x85辦理\r\n，請查照。", issuer="花蓮縣\x0c政府")
    letter.attachments[1].content["rows"][0]["unit"] = "本府\x00人事處"
    drafts = [compose.ack_draft(letter, profile), *compose.circular_drafts(letter, with_units(profile, ["本府\x00人事處"]))]
    if fmt != "di":
        drafts += compose.table_drafts(letter)
    for draft in drafts:
        data = render(draft, profile, fmt)
        body = zipfile.ZipFile(io.BytesIO(data)).read("content.xml") if fmt == "odt" else data
        written = body.decode("utf-8")
        assert [c for c in written if unicodedata.category(c) == "Cc" and c not in "\t\n"] == []
        assert "花蓮縣政府" in written
    ack = render(compose.ack_draft(letter, profile), profile, fmt)
    ack_text = (zipfile.ZipFile(io.BytesIO(ack)).read("content.xml") if fmt == "odt" else ack).decode("utf-8")
    assert "檢送計畫一份" in ack_text and "請據以辦理" in ack_text
