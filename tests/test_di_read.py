"""Reading 公文電子交換 DI files: encodings, every field, rosters, attachments, and hostile input refused."""
from __future__ import annotations

import socket
import time

import pytest

from pipeline.errors import InputError
from pipeline.load import load_record
from pipeline.read import detect_format
from pipeline.read.di import MAX_DEPTH, MAX_DI_BYTES, read_di

HEADER = """<發文機關><全銜>嘉義縣政府</全銜><機關代碼>376450000A</機關代碼></發文機關>
<函類別 代碼="函"/><地址>612009嘉義縣太保市祥和一路東段1號</地址>
<聯絡方式>承辦人：吳○○</聯絡方式><聯絡方式>電話：05-3620123#8301</聯絡方式>"""


def di(body: str, subset: str = "", header: str = HEADER, recipient: str = "<全銜>嘉義縣朴子市公所</全銜><機關代碼/>",
       number: str = "<字>府民自</字><文號><年度>112</年度><流水號>0204567</流水號></文號>",
       tail: str = "<正本><全銜>嘉義縣朴子市公所</全銜></正本>", declaration: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    """Given the parts that vary, return a whole DI document as text."""
    doctype = f'<!DOCTYPE 函 SYSTEM "104_2_utf8.dtd"{" [" + subset + "]" if subset else ""}>'
    return (f"{declaration}\n{doctype}\n<函>{header}<受文者>{recipient}</受文者>"
            f"<發文日期><年月日>中華民國112年5月2日</年月日></發文日期><發文字號>{number}</發文字號>"
            f"{body}{tail}</函>")


SUBJECT = "<主旨><文字>檢送本府112年度災害防救演習計畫1份，請查照。</文字></主旨>"


def test_header_fields_come_from_their_elements():
    letter = read_di(di(SUBJECT).encode())
    assert letter.issuer == "嘉義縣政府"
    assert letter.doc_type == "函"
    assert letter.address == "612009嘉義縣太保市祥和一路東段1號"
    assert (letter.contact.name, letter.contact.phone) == ("吳○○", "05-3620123#8301")
    assert letter.recipient == "嘉義縣朴子市公所"
    assert (letter.date.iso, letter.date.roc) == ("2023-05-02", "112年5月2日")
    assert letter.dispatch_no.text == "府民自字第1120204567號"
    assert (letter.dispatch_no.word, letter.dispatch_no.year, letter.dispatch_no.serial) == ("府民自", 112, "0204567")
    assert letter.subject == "檢送本府112年度災害防救演習計畫1份，請查照。"
    assert [a.name for a in letter.cc_main] == ["嘉義縣朴子市公所"]
    assert letter.warnings == []


@pytest.mark.parametrize("number, text, branch", [
    ("<字>府民自字</字><文號><年度>112</年度><流水號>0204567</流水號><支號>2</支號></文號>",
     "府民自字第1120204567-2號", "2"),  # 字 written with its 字, and a 支號
    ("<文字>府民自字第1120204567號</文字>", "府民自字第1120204567號", None),  # the unsplit form
])
def test_dispatch_number_forms(number, text, branch):
    letter = read_di(di(SUBJECT, number=number).encode())
    assert letter.dispatch_no.text == text
    assert letter.dispatch_no.number == "1120204567"
    assert letter.dispatch_no.branch == branch


def test_contact_lines_map_to_contact_fields():
    header = HEADER.replace("<聯絡方式>承辦人：吳○○</聯絡方式>", "<聯絡方式>承辦單位：民政處自治行政科</聯絡方式>"
                            "<聯絡方式>聯絡人:吳○○</聯絡方式><聯絡方式>傳真：05-3620999</聯絡方式>"
                            "<聯絡方式>電子信箱：civil@mail.cyhg.gov.tw</聯絡方式><聯絡方式>分機請洽總機</聯絡方式>")
    letter = read_di(di(SUBJECT, header=header).encode())
    assert letter.contact.unit == "民政處自治行政科"
    assert letter.contact.name == "吳○○"
    assert letter.contact.fax == "05-3620999"
    assert letter.contact.email == "civil@mail.cyhg.gov.tw"
    assert any("分機請洽總機" in w for w in letter.warnings)


def test_speed_secrecy_and_doc_type_attributes():
    body = ('<速別 代碼="最速件"/><密等及解密條件或保密期限><密等 代碼="機密"/>'
            "<解密條件或保密期限>保密期限至113年12月31日</解密條件或保密期限></密等及解密條件或保密期限>" + SUBJECT)
    letter = read_di(di(body, header=HEADER.replace('代碼="函"', '代碼="書函"')).encode())
    assert letter.doc_type == "書函"
    assert letter.speed == "最速件"
    assert (letter.secrecy.level, letter.secrecy.condition) == ("機密", "保密期限至113年12月31日")


def test_empty_secrecy_is_none():
    body = "<密等及解密條件或保密期限><密等/><解密條件或保密期限/></密等及解密條件或保密期限>" + SUBJECT
    letter = read_di(di(body).encode())
    assert (letter.secrecy.level, letter.secrecy.condition) == (None, None)


def test_sections_items_and_markers_from_serials():
    body = SUBJECT + """<段落 段名="說　明：">
      <條列 序號="一、"><文字>依據內政部112年4月10日台內消字第1120812345號函辦理。</文字>
        <條列 序號="(一)"><文字>演習日期：112年6月1日。</文字>
          <條列 序號="1."><文字>上午場。</文字><條列 序號="（1）"><文字>9時開始。</文字></條列></條列>
        </條列>
        <條列 序號="（二）"><文字>演習地點：朴子市體育館。</文字></條列>
      </條列>
      <條列 序號=""><文字>沒有序號的第二項。</文字></條列>
    </段落>
    <段落 段名=""><文字>未具段名之段落。</文字></段落>"""
    letter = read_di(di(body).encode())
    explanation, unnamed = letter.sections
    assert explanation.name == "說明" and explanation.text == ""
    first, second = explanation.items
    assert (first.marker, first.number) == ("一", 1)
    assert [(c.marker, c.number) for c in first.children] == [("(一)", 1), ("(二)", 2)]
    assert (first.children[0].children[0].marker, first.children[0].children[0].text) == ("1", "上午場。")
    assert first.children[0].children[0].children[0].marker == "(1)"
    assert (second.marker, second.number, second.text) == ("二", 2, "沒有序號的第二項。")
    assert (unnamed.name, unnamed.text, unnamed.items) == ("", "未具段名之段落。", [])
    assert [(r.issuer, r.dispatch_no.text) for r in letter.references] == [("內政部", "台內消字第1120812345號")]


def test_text_wrapped_and_indented_is_joined_and_punctuation_widened():
    body = "<主旨><文字>\n      檢送演習計畫1份,\n      請查照。\n    </文字></主旨>"
    assert read_di(di(body).encode()).subject == "檢送演習計畫1份，請查照。"


def test_periods_are_found_in_the_body():
    body = SUBJECT + '<段落 段名="說明："><文字>演習期間自112年6月1日起至112年6月3日止，共3天。</文字></段落>'
    (period,) = read_di(di(body).encode()).periods
    assert (period.from_, period.to, period.days, period.stated_days) == ("2023-06-01", "2023-06-03", 3, 3)


def test_cc_copy_with_attachments_and_person_names():
    tail = ("<正本><總稱>本縣各鄉鎮市公所</總稱><單位名>本府民政處</單位名></正本>"
            "<副本><全銜>嘉義縣消防局</全銜><含附件>含附件</含附件><姓名>吳○○</姓名><職稱>科員</職稱></副本>"
            "<署名>縣長　翁○○</署名>")
    letter = read_di(di(SUBJECT, tail=tail).encode())
    assert [a.name for a in letter.cc_main] == ["本縣各鄉鎮市公所", "本府民政處"]
    assert [(a.name, a.with_attachments) for a in letter.cc_copy] == [("嘉義縣消防局", True), ("吳○○科員", False)]
    assert letter.signature == "縣長 翁○○"


def test_person_recipient():
    letter = read_di(di(SUBJECT, recipient="<姓名>黃○○</姓名><職稱>先生</職稱><機關代碼/>").encode())
    assert letter.recipient == "黃○○先生"


ATTACHMENTS = ('<!ENTITY ATTCH1 SYSTEM "376450000A1120204567_1_ATTACH1.pdf" NDATA _X>'
               '<!ENTITY ATTCH2 SYSTEM "376450000A1120204567_1_ATTACH2.ods" NDATA _X><!NOTATION _X SYSTEM "">')


def test_attachment_titles_pair_with_entity_files(tmp_path):
    body = '<附件><文字>演習計畫、參演人員名冊</文字><附件檔名 附件名="ATTCH1 ATTCH2"/></附件>' + SUBJECT
    path = tmp_path / "letter.di"
    (tmp_path / "376450000A1120204567_1_ATTACH1.pdf").write_bytes(b"%PDF-1.4\n")
    path.write_text(di(body, subset=ATTACHMENTS), encoding="utf-8")
    letter = load_record(str(path))
    assert [(a.title, a.file) for a in letter.attachments] == [
        ("演習計畫", "376450000A1120204567_1_ATTACH1.pdf"), ("參演人員名冊", "376450000A1120204567_1_ATTACH2.ods")]
    assert letter.warnings == ["attachment file 376450000A1120204567_1_ATTACH2.ods not found beside the DI"]


def test_attachment_text_as_printed_with_files_in_brackets():
    body = "<附件><文字>演習計畫(376450000A1120204567_1_ATTACH1.pdf)</文字></附件>" + SUBJECT
    (attachment,) = read_di(di(body).encode()).attachments
    assert (attachment.title, attachment.file) == ("演習計畫", "376450000A1120204567_1_ATTACH1.pdf")


def test_attachment_as_in_text_names_no_title():
    body = '<附件><文字>如文</文字><附件檔名 附件名="ATTCH1"/></附件>' + SUBJECT
    (attachment,) = read_di(di(body, subset=ATTACHMENTS).encode()).attachments
    assert (attachment.title, attachment.file) == (None, "376450000A1120204567_1_ATTACH1.pdf")


ROSTER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE 交換表單 SYSTEM "104_roster_utf8.dtd">
<交換表單>
<全銜>嘉義縣朴子市公所</全銜><機關代碼>376450100A</機關代碼><含附件>含附件</含附件><本別><收發處理本別 代碼="正本"/></本別>
<全銜>嘉義縣布袋鎮公所</全銜><機關代碼>376450200A</機關代碼><本別><收發處理本別 代碼="正本"/></本別>
<全銜>嘉義縣消防局</全銜><機關代碼>376450300A</機關代碼><本別><收發處理本別 代碼="副本"/></本別>
</交換表單>"""
ROSTER_SUBSET = '<!ENTITY 表單 SYSTEM "letter.sw" NDATA DI><!NOTATION DI SYSTEM "">'
ROSTER_TAIL = ("<正本><全銜>嘉義縣朴子市公所</全銜><全銜>嘉義縣布袋鎮公所</全銜></正本>"
               "<副本><全銜>嘉義縣消防局</全銜></副本>")


def test_roster_resolves_an_empty_exchange_table_and_flags_attachments(tmp_path):
    path = tmp_path / "letter.di"
    path.write_text(di(SUBJECT, subset=ROSTER_SUBSET, recipient='<交換表 交換表單="表單"/>', tail=ROSTER_TAIL),
                    encoding="utf-8")
    (tmp_path / "letter.sw").write_text(ROSTER, encoding="utf-8")
    letter = load_record(str(path))
    assert letter.recipient == "嘉義縣朴子市公所、嘉義縣布袋鎮公所"  # the roster's 正本 entries
    assert [(a.name, a.with_attachments) for a in letter.cc_main] == [("嘉義縣朴子市公所", True), ("嘉義縣布袋鎮公所", False)]
    assert [(a.name, a.with_attachments) for a in letter.cc_copy] == [("嘉義縣消防局", False)]
    assert letter.warnings == []


def test_exchange_table_text_is_the_recipient_and_a_missing_roster_warns(tmp_path):
    path = tmp_path / "letter.di"
    path.write_text(di(SUBJECT, subset=ROSTER_SUBSET, recipient='<交換表 交換表單="表單">如正副本行文單位</交換表>',
                       tail=ROSTER_TAIL), encoding="utf-8")
    letter = load_record(str(path))
    assert letter.recipient == "如正副本行文單位"
    assert letter.warnings == ["roster letter.sw not found beside the DI"]


def test_a_malformed_roster_is_a_warning_not_a_failure(tmp_path):
    path = tmp_path / "letter.di"
    path.write_text(di(SUBJECT, subset=ROSTER_SUBSET, recipient='<交換表 交換表單="表單"/>', tail=ROSTER_TAIL),
                    encoding="utf-8")
    (tmp_path / "letter.sw").write_text("<交換表單><全銜>x</交換表單>", encoding="utf-8")
    letter = load_record(str(path))
    assert letter.recipient is None
    assert any("roster not read" in w and "malformed DI" in w for w in letter.warnings), letter.warnings


# --- encodings ---------------------------------------------------------------------------------

def test_utf8_with_bom():
    assert read_di(b"\xef\xbb\xbf" + di(SUBJECT).encode()).issuer == "嘉義縣政府"


def test_utf16_with_bom():
    data = di(SUBJECT, declaration='<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16")
    assert read_di(data).subject == "檢送本府112年度災害防救演習計畫1份，請查照。"


def test_big5_declared():
    data = di(SUBJECT, declaration='<?xml version="1.0" encoding="big5"?>').encode("big5")
    letter = read_di(data)
    assert letter.issuer == "嘉義縣政府"
    assert letter.subject == "檢送本府112年度災害防救演習計畫1份，請查照。"


def test_big5_undeclared_falls_back_from_utf8():
    letter = read_di(di(SUBJECT, declaration="").encode("cp950"))
    assert letter.recipient == "嘉義縣朴子市公所"


def test_declared_utf8_that_is_not_utf8_is_refused():
    with pytest.raises(InputError, match=r"x\.di: malformed DI: not valid utf-8"):
        read_di(di(SUBJECT).encode("cp950"), "x.di")


def test_xml_suffix_is_read_as_di(tmp_path):
    path = tmp_path / "exported.xml"
    path.write_bytes(di(SUBJECT).encode())
    record = load_record(str(path))
    assert (record.source.format, record.issuer) == ("di", "嘉義縣政府")


@pytest.mark.parametrize("data", [
    di(SUBJECT).encode(),
    b"\xef\xbb\xbf" + di(SUBJECT).encode(),
    di(SUBJECT, declaration='<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16"),
    di(SUBJECT, declaration='<?xml version="1.0" encoding="big5"?>').encode("big5"),
    di(SUBJECT, declaration="").encode("cp950"),
    di(SUBJECT).replace("<!DOCTYPE 函 SYSTEM \"104_2_utf8.dtd\">", "<!-- 匯出 -->").encode(),
    di(SUBJECT).replace("<函>", "<書函>").replace("</函>", "</書函>").replace("DOCTYPE 函", "DOCTYPE 書函").encode(),
], ids=["utf-8", "bom", "utf-16", "big5", "big5-undeclared", "comment-no-doctype", "shuhan"])
def test_di_is_known_by_its_content_whatever_its_name(data):
    record = load_record("<stdin>", data)
    assert (record.source.format, record.issuer) == ("di", "嘉義縣政府")


def test_xml_that_is_not_a_di_is_not_read_as_one():
    assert detect_format("feed.xml", b'<?xml version="1.0"?>\n<rss><channel/></rss>') == "text"
    assert detect_format("page.xml", b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<\xe5\x87\xbd/>') == "text"
    assert detect_format("x.di", b"<rss/>") == "di"  # named DI: the reader says what is wrong with it


# --- refused input -----------------------------------------------------------------------------

@pytest.mark.parametrize("subset, words", [
    ('<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">', "declares entity a"),
    ('<!ENTITY secret SYSTEM "file:///etc/passwd">', "declares external entity secret"),
    ('<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;', "declares parameter external entity remote"),
    ('<!ENTITY ATTCH1 SYSTEM "../outside.pdf" NDATA _X><!NOTATION _X SYSTEM "">', "not a plain file name"),
    ('<!ENTITY ATTCH1 SYSTEM "/etc/passwd" NDATA _X><!NOTATION _X SYSTEM "">', "not a plain file name"),
    ('<!ENTITY ATTCH1 SYSTEM "http://example.org/a.pdf" NDATA _X><!NOTATION _X SYSTEM "">', "not a plain file name"),
])
def test_entities_other_than_attachment_files_are_refused(subset, words):
    with pytest.raises(InputError) as err:
        read_di(di(SUBJECT, subset=subset).encode(), "bad.di")
    message = str(err.value)
    assert message.startswith("bad.di: DI refused: ") and words in message and "\n" not in message


def test_nothing_is_fetched_for_a_remote_dtd():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.setblocking(False)
    port = server.getsockname()[1]
    data = di(SUBJECT).replace('SYSTEM "104_2_utf8.dtd"', f'SYSTEM "http://127.0.0.1:{port}/104_2_utf8.dtd"')
    try:
        assert read_di(data.encode()).issuer == "嘉義縣政府"
        time.sleep(0.1)
        with pytest.raises(BlockingIOError):
            server.accept()  # no connection was ever made
    finally:
        server.close()


def test_malformed_xml_is_one_line():
    with pytest.raises(InputError) as err:
        read_di(di(SUBJECT).replace("</主旨>", "</段落>").encode(), "broken.di")
    assert str(err.value).startswith("broken.di: malformed DI: mismatched tag: line ")


def test_other_roots_are_not_letters():
    with pytest.raises(InputError, match=r"not a 函 DI: root element <簽>"):
        read_di("<簽><主旨><文字>x</文字></主旨></簽>".encode(), "s.di")


def test_a_di_without_subject_or_number_is_not_a_letter():
    with pytest.raises(InputError, match="not an official letter"):
        read_di(di("<主旨><文字/></主旨>", number="<文字/>").encode(), "empty.di")


def test_size_and_depth_caps():
    with pytest.raises(InputError, match="DI file too large"):
        read_di(b" " * (MAX_DI_BYTES + 1), "big.di")
    deep = SUBJECT + '<段落 段名="說明">' + "<條列>" * (MAX_DEPTH + 1) + "</條列>" * (MAX_DEPTH + 1) + "</段落>"
    with pytest.raises(InputError, match=f"nested deeper than {MAX_DEPTH}"):
        read_di(di(deep).encode(), "deep.di")


def test_empty_file():
    with pytest.raises(InputError, match="empty file"):
        read_di(b"\n  \n", "empty.di")


def test_unknown_elements_warn():
    letter = read_di(di(SUBJECT + "<備考>內部備註</備考>").encode())
    assert letter.warnings == ["unknown DI element <備考> ignored"]
