"""Conventions found by blind round W (tests/data/real, w- stems: 公營事業 and hospital letters relayed on university
pages, a 法務部 函 quoted whole in a bot's source, a university's and a national park office's own notices — measured
before the parser knew them): a site's simplified-script rendering writes the labels in simplified characters
(「说 明:」 is 說明); a page that keeps only the last character of padded labels (「旨:」 over 「明:」, both alone on their
lines) prints 主旨 and 說明; a company's or a hospital's full name alone over the 主旨 of a letter without its title
line is the issuer (the title line printed without its 文別); a site's 「公告日期」 written out in 民國 years
(中華民國…年…月…日) dates the 公告 itself; a citation by number ended by a colon (「依據法務部…號函：」) over a
quoted letter is that letter's head; a site's 【停電公告…】 tag opening the 主旨's value is its filing; a 公告's points
headed 「事項：」 are its 公告事項; a period joined by 及 without its year takes the year of the one before; a bilingual notice's English rendering
after its Chinese text enters no field."""
from __future__ import annotations

from pipeline.parse.publisher_notes import split_rendering
from parse_text import parse

SIMPLIFIED = """主 旨:
因应严重特殊传染性肺炎疫情,惠请实习前提供实习学生名册,请查照。
说 明:
一、为确保学生安全,将于实习前3周为学生施打疫苗。
二、自110年7月16日起,请于报到时缴交3日内之PCR阴性报告。
"""


def test_a_simplified_script_rendering_keeps_its_labels():
    d = parse(SIMPLIFIED)  # read in traditional characters, as the letter was written (tests/test_simplified_pages.py)
    assert d["subject"] == "因應嚴重特殊傳染性肺炎疫情，惠請實習前提供實習學生名冊，請查照。"
    assert [s["name"] for s in d["sections"]] == ["說明"]
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "為確保學生安全，將於實習前3周為學生施打疫苗。", "自110年7月16日起，請於報到時繳交3日內之PCR陰性報告。"]
    notice = parse("发文日期:中华民国113年4月10日\n发文字号:府教字第1130123456号\n主旨:公告本校停水。\n依据:本校规定。\n公告事项:\n一、停水一日。\n")
    assert notice["doc_type"] == "公告"
    assert [s["name"] for s in notice["sections"]] == ["依據", "公告事項"]


CUT = """轉知公告

旨:

本局將於113年6月19日至6月28日派員至貴校駐點辦理學生包裹收寄服務,請查照。

明:

一、

學生包裏重量不得逾20公斤。

二、

逾期未領取者,將轉為存局候領。
"""


def test_labels_cut_to_their_last_character_are_the_subject_and_explanation():
    d = parse(CUT)
    assert d["subject"] == "本局將於113年6月19日至6月28日派員至貴校駐點辦理學生包裹收寄服務，請查照。"
    assert [i["text"] for i in d["sections"][0]["items"]] == ["學生包裏重量不得逾20公斤。", "逾期未領取者，將轉為存局候領。"]
    assert d["periods"][0]["to"] == "2024-06-28"
    summary = parse("旨:\n有關旨揭事項之適用疑義。\n全文內容:\n主旨:復貴府函,請查照。\n")  # a database's 要旨 row, no 明
    assert summary["subject"] == "復貴府函，請查照。"


RELAYED = """[訊息公告] 台灣糖業股份有限公司 辦理「台糖土地開發構想提案競賽」
最後更新:2021/02/26
台灣糖業股份有限公司
主旨:敬請貴單位協助宣傳「台糖土地開發構想提案競賽」,請查照。
說明:
一、隨函檢附活動辦法1份。
"""


def test_a_company_name_alone_over_the_subject_is_the_issuer():
    assert parse(RELAYED)["issuer"] == "台灣糖業股份有限公司"
    assert parse(RELAYED.replace("台灣糖業股份有限公司\n主旨", "學務處\n主旨"))["issuer"] is None  # a site's filing
    assert parse(RELAYED.replace("台灣糖業股份有限公司\n主旨", "國防部軍醫局\n主旨"))["issuer"] is None  # no 全銜 ending kept
    hospital = "國軍高雄總醫院\n主旨:惠請實習前提供實習學生名冊,請查照。\n說明:\n一、為確保學生安全。\n"
    assert parse(hospital)["issuer"] == "國軍高雄總醫院"


OWN_DATE = """公告日期:中華民國112年12月22日
太魯閣國家公園登頂證明書申請程序說明
一、作業流程:
(一)收件:本處收到郵件後即進行審查作業。
(二)匯款:請至各金融機構辦理匯款。
"""


def test_a_site_dating_its_notice_in_roc_years_gives_the_notice_its_date():
    d = parse(OWN_DATE)
    assert (d["doc_type"], d["date"]["iso"]) == ("公告", "2023-12-22")
    assert d["sections"][0]["name"] == "本文"
    assert d["sections"][0]["text"] == "太魯閣國家公園登頂證明書申請程序說明"
    assert [c["text"] for c in d["sections"][0]["items"][0]["children"]] == ["收件：本處收到郵件後即進行審查作業。",
                                                                          "匯款：請至各金融機構辦理匯款。"]
    joined = parse(OWN_DATE.replace("日\n太魯閣", "日太魯閣"))  # a PDF paragraph ran the title onto the date row
    assert (joined["date"]["iso"], joined["sections"][0]["text"]) == ("2023-12-22", "太魯閣國家公園登頂證明書申請程序說明")
    post = parse("公告日期: 2024-05-01\n主旨:本校停水一日,請查照。\n說明:\n一、水塔清洗。\n")  # a post's date: a note
    assert (post["date"], post["doc_type"]) == (None, None)


QUOTED = """依據法務部法檢字第1000014063號函：
要旨：
參照刑法第185條之3規定，「電動自行車」是否符合該條之「動力交通工具」，端視其推動方式而斷
主旨：就所詢刑法第185條之3之適用範圍乙案，復如說明，請查照。
說明：
一、復貴署100年5月23日警署交字第1000117598號函。
正本：內政部警政署
副本：本部檢察司
"""


def test_a_citation_ended_by_a_colon_over_a_quoted_letter_is_its_head():
    d = parse(QUOTED)
    assert (d["issuer"], d["doc_type"], d["dispatch_no"]["text"]) == ("法務部", "函", "法檢字第1000014063號")
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["警署交字第1000117598號"]  # not its own head
    assert d["references"][0]["issuer"] == "內政部警政署"  # 貴署: the one 正本
    grounds = parse(QUOTED.replace("號函：\n", "號函辦理。\n"))  # a sentence citing it: no head
    assert (grounds["issuer"], grounds["dispatch_no"]) == (None, None)
    relayed = parse(QUOTED.replace("依據法務部", "檢送法務部"))  # only 依據 / 根據 (or nothing) before the citation
    assert relayed["dispatch_no"] is None


BILINGUAL = """公告單位  營繕組  公告日期  2026/2/11
 主  旨  【停電公告Power Outage Announcement】建國校區電氣室高壓開關設備更換停電工程
 內  容 
一、停電原因:進行建國校區電氣室高壓開關設備更換停電工程,須停電施作。
二、施工日期:115年3月27日~29日及4月3日~4日。
"""


def test_a_sites_tag_opening_the_subject_is_its_filing():
    assert parse(BILINGUAL)["subject"] == "建國校區電氣室高壓開關設備更換停電工程"
    kept = parse(BILINGUAL.replace("【停電公告Power Outage Announcement】", "【115年度計畫】"))  # no filing word in it
    assert kept["subject"] == "【115年度計畫】建國校區電氣室高壓開關設備更換停電工程"


def test_a_period_joined_by_and_takes_the_year_of_the_one_before():
    assert [(p["from"], p["to"], p["text"]) for p in parse(BILINGUAL)["periods"]] == [
        ("2026-03-27", "2026-03-29", "115年3月27日~29日"), ("2026-04-03", "2026-04-04", "4月3日~4日")]
    alone = parse(BILINGUAL.replace("115年3月27日~29日及4月3日~4日", "4月3日~4日"))  # no year anywhere: no period
    assert alone["periods"] == []


POINTS = """主旨:本校辦理高低壓變電站設備維護保養事宜,排定113年「停電保養預定時間表」,請查照。
事項:

  1. 為確保本校高低壓變電站設備正常運作,謹預先排定停電維護工作時程表(詳如附件)。
  2. 本公告如有未盡事宜,請各單位依業務權責自行調整。
"""


def test_a_notices_points_headed_matters_are_its_announcement():
    d = parse(POINTS)
    assert (d["doc_type"], [s["name"] for s in d["sections"]]) == ("公告", ["公告事項"])
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["1", "2"]
    letter = parse("主旨:請查照。\n說明:\n一、依據本府函辦理。\n二、注意事項:請準時出席。\n")
    assert [s["name"] for s in letter["sections"]] == ["說明"] and letter["doc_type"] is None


RENDERED = BILINGUAL + """三、施工期間非工程人員請勿進入工程管制範圍,敬請見諒。

**Announcement Regarding Scheduled Power Outage**
**1. Reason for Outage:**
A scheduled power outage is required to replace high-voltage switchgear.
"""


def test_an_english_rendering_after_the_chinese_text_enters_no_field():
    d = parse(RENDERED)
    assert d["sections"][0]["items"][-1]["text"] == "施工期間非工程人員請勿進入工程管制範圍，敬請見諒。"
    assert any(w.startswith("an English rendering after the text") for w in d["warnings"])
    assert split_rendering("二、停電。\nhttps://www.tcu.edu.tw/power\nTel 03-8565301") == (
        "二、停電。\nhttps://www.tcu.edu.tw/power\nTel 03-8565301", "")  # a URL and a phone: no rendering
