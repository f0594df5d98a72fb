"""Conventions found by session 15's look at the corpus letters still missed and by its blind rounds (tests/data/real:
y3-, zz-, x1- … stems). Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

import json

from parse_text import parse

NOTICE_WITH_RULES = """發文日期:中華民國113年3月4日
發文字號:交通部航港局航務字第1133310456號公告
主旨:訂定「澎湖港區船舶錨泊應遵行事項」,並自即日生效。
依據:商港法第十九條。
公告事項:附訂定「澎湖港區船舶錨泊應遵行事項」1份。
澎湖港區船舶錨泊應遵行事項
一、本事項依商港法第十九條規定訂定之。
二、船舶錨泊澎湖港區,應依下列規定辦理:
(一)船舶應於指定錨區錨泊。
(二)遇颱風警報,應依港務單位指示移泊。
"""

APPENDED_RUN_ON = """主旨:為簡化各級學校行政作業,訂定「學校行政表報簡化措施」,請查照。
說明:
一、本部彙整各校建議,採行多項簡化措施。
二、檢送「學校行政表報簡化措施」一份。
附件
學校行政表報簡化措施 壹 已推行之措施 一 報表之簡化 (一) 月報表改為季報表。
"""


def test_notice_rules_printed_after_the_line_that_attaches_them_are_the_attachment():
    d = parse(NOTICE_WITH_RULES)
    assert d["sections"] == [{"name": "依據", "text": "商港法第十九條。", "items": []},
                             {"name": "公告事項", "text": "附訂定「澎湖港區船舶錨泊應遵行事項」1份。", "items": []}]
    assert [a["title"] for a in d["attachments"]] == ["訂定「澎湖港區船舶錨泊應遵行事項」"]
    assert any(w.startswith("attachment text after the body kept in no field (5 line(s)): 「澎湖港區") for w in d["warnings"])


def test_a_line_naming_the_document_inside_an_item_is_not_its_title():
    text = NOTICE_WITH_RULES.replace("澎湖港區船舶錨泊應遵行事項\n一、", "一、")
    d = parse(text)
    assert [i["marker"] for i in d["sections"][1]["items"]] == ["一", "二"] and d["attachments"] == []


def test_an_attachment_run_into_its_points_is_titled_by_the_name_the_letter_sends_it_by():
    d = parse(APPENDED_RUN_ON)
    assert [a["title"] for a in d["attachments"]] == ["學校行政表報簡化措施"]
    assert d["sections"][0]["items"][-1]["text"] == "檢送「學校行政表報簡化措施」一份。"


RUN_IN_SKIPPING = """公告主旨 | 轉知市府有關減少使用免洗餐具作業指引,請配合辦理。 |
---|---|
公告內容 | 一、依據市政府114年1月2日府環循字第1140001234號函辦理。 三、學校配合事項如下: 四、本府環保局將每季檢送未依限申報之學校名單。 |
"""


def test_items_run_together_keep_their_numbers_when_one_was_lost_as_published():
    d = parse(RUN_IN_SKIPPING)
    items = d["sections"][0]["items"]
    assert [(i["marker"], i["text"]) for i in items] == [
        ("一", "依據市政府114年1月2日府環循字第1140001234號函辦理。"), ("三", "學校配合事項如下："),
        ("四", "本府環保局將每季檢送未依限申報之學校名單。")]


PORTAL_HEADER = """:::
  • 我的E政府
  • 通過A+等級無障礙網頁檢測

配合秋季疫苗接種,請轄內長者踴躍前往接種

一、依據衛生福利部疾病管制署113年9月20日疾管預字第1130200456號函辦理。
二、接種地點請洽各鄉鎮衛生所。
"""


def test_a_government_sites_portal_link_and_accessibility_mark_are_no_part_of_the_text():
    d = parse(PORTAL_HEADER)
    assert d["sections"][0]["text"] == "配合秋季疫苗接種，請轄內長者踴躍前往接種"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


NOTICE_WITH_SCOPE = """新北市政府 公告
發文日期:中華民國112年5月2日
發文字號:新北府觀管字第1120789012號
主旨:公告碧潭水域遊憩活動限制事項,並自即日生效。
依據:「發展觀光條例」第36條。
公告範圍:新店溪碧潭吊橋上下游水域。
公告事項:
一、活動時間:每日上午6時至下午6時。
二、禁止動力船舶進入。
"""


def test_a_notices_scope_label_is_a_section_of_its_own():
    d = parse(NOTICE_WITH_SCOPE)
    assert [(s["name"], s["text"], len(s["items"])) for s in d["sections"]] == [
        ("依據", "「發展觀光條例」第36條。", 0), ("適用範圍", "新店溪碧潭吊橋上下游水域。", 0), ("公告事項", "", 2)]


WRAPPED_LABEL_WORD = """國立○○科技大學 公告
發文日期:中華民國113年4月1日
發文字號:教務註字第1130003321號
主旨:公告本校113學年度第1學期學生轉系申請事項。
公告事項:
一、本學期學生申請113學年度第1學期轉系
事項:
(一)申請時間:自113年4月29日起至5月10日止。
(二)申請地點:教務處註冊組。
二、逾期不予受理。
"""


def test_a_label_word_wrapped_under_an_item_of_its_own_section_is_the_items_text():
    d = parse(WRAPPED_LABEL_WORD)
    assert [s["name"] for s in d["sections"]] == ["公告事項"]
    first = d["sections"][0]["items"][0]
    assert first["text"] == "本學期學生申請113學年度第1學期轉系事項："
    assert [c["marker"] for c in first["children"]] == ["(一)", "(二)"]


SLOGAN_OVER_BASIS = """便民服務
稽徵業務
智慧稅務,便捷服務,打造幸福城市。
依據:房屋稅條例第15條第1項第9款。
公告事項:本市住家用房屋供自住且房屋現值在一定金額以下者,自中華民國113年7月1日起免徵房屋稅。
"""


def test_a_sites_slogan_over_the_labelled_body_is_no_subject():
    d = parse(SLOGAN_OVER_BASIS)
    assert d["subject"] is None and d["doc_type"] == "公告"
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]
    assert any("shares no word" in w for w in d["warnings"])


def test_an_unlabelled_subject_over_the_body_it_summarises_stays():
    d = parse(SLOGAN_OVER_BASIS.replace("智慧稅務,便捷服務,打造幸福城市。", "公告本市住家用房屋免徵房屋稅之現值標準。"))
    assert d["subject"] == "公告本市住家用房屋免徵房屋稅之現值標準。"


def system_print(letter: str) -> str:
    """Given a letter's lines, return them as a 公文系統 print's text layer gives them: the 收文 stamp first, then the
    binding column (a line of 「. 」 each, 裝 / 訂 / 線 among them) and the page footer, then the letter."""
    column = [". "] * 30 + ["裝 "] + [". "] * 30 + ["訂 "] + [". "] * 30 + ["線 "] + [". "] * 10
    return "\n".join(["1130012345 收文日期:113/03/05", *column, "第 1 頁，共 1 頁", *letter.split("\n")])


PRINTED_LETTER = """經濟部 函
地址：100臺北市中正區福州街15號
聯絡人：○○○
電話：02-2321-2200#123
受文者：教育部
發文日期：中華民國113年3月4日
發文字號：經工字第11300512340號
速別：普通件
密等及解密條件或保密期限：
附件：
主旨：有關工業區土地租售作業事宜，請查照。
說明：
一、依據產業創新條例第46條辦理。
二、請轉知所屬。
正本：教育部、內政部
副本：本部工業局
檔　　號:
保存年限:
2"""


def test_a_system_prints_dotted_binding_column_leaves_the_letter_readable():
    d = parse(system_print(PRINTED_LETTER))
    assert (d["issuer"], d["dispatch_no"]["text"], d["date"]["iso"]) == ("經濟部", "經工字第11300512340號", "2024-03-04")
    assert d["subject"] == "有關工業區土地租售作業事宜，請查照。"
    assert [c["name"] for c in d["cc_main"]] == ["教育部", "內政部"]


def test_file_number_and_retention_printed_after_the_copies_are_the_heads():
    d = parse(system_print(PRINTED_LETTER))
    assert [c["name"] for c in d["cc_copy"]] == ["本部工業局"]
    assert (d["file_no"], d["retention"]) == (None, None)
    d = parse(PRINTED_LETTER.replace("保存年限:", "保存年限:10年"))
    assert d["retention"] == "10年" and [c["name"] for c in d["cc_copy"]] == ["本部工業局"]


ORGAN_NOTICE = """第一頁 共二頁
新北市立板橋高級中學
家長會 113 學年度第 2 次委員會議 開會通知單
受文者：家長委員
發文日期：中華民國 113 年 11 月 4 日
發文字號：板中家字第 1130000021 號
速別：普通件
開會事由：家長會 113 學年度第 2 次委員會議
開會時間：113 年 11 月 12 日（星期二）下午 7 時
開會地點：行政大樓三樓會議室
主持人：會長 陳○○
聯絡人：1132 秘書長 林○○（115）
出席者：家長委員
開會議程：
一、主席致詞
二、提案討論
第二頁 共二頁
三、臨時動議
"""


def test_a_schools_own_body_titling_its_notice_under_the_schools_name_is_one_issuer():
    d = parse(ORGAN_NOTICE)
    assert (d["issuer"], d["doc_type"], d["co_issuers"]) == ("新北市立板橋高級中學家長會", "開會通知單", [])
    text = ORGAN_NOTICE.replace("家長會 113 學年度第 2 次委員會議 開會通知單", "家長會 開會通知單")
    assert parse(text)["issuer"] == "新北市立板橋高級中學家長會"


def test_a_notices_contact_row_agenda_label_and_page_footer_in_chinese_numerals():
    d = parse(ORGAN_NOTICE)
    assert d["meeting"]["chair"] == "會長陳○○"
    assert (d["contact"]["name"], d["contact"]["phone"]) == ("林○○", None)  # 1132: the body's term, no phone
    assert d["sections"] == [{"name": "會議議程", "text": "", "items": [
        {"marker": "一", "number": 1, "text": "主席致詞", "children": []},
        {"marker": "二", "number": 2, "text": "提案討論", "children": []},
        {"marker": "三", "number": 3, "text": "臨時動議", "children": []}]}]


OLDER_RULING = """民國 88 年 03 月 02 日
行政院衛生署 廢 （88）衛署醫字第 0880012345 號函
醫療機構聘僱人員之資格疑義
一 復貴局八十八年衛三字第○○四五六七號函。
二 醫療機構聘僱之人員應具相關資格。
(按:本函所引條文已於九十年修正)
"""


def test_an_older_ruling_with_a_database_repeal_mark_a_year_only_citation_in_numerals_and_a_compilers_note():
    d = parse(OLDER_RULING)
    assert d["dispatch_no"]["text"] == "(88)衛署醫字第0880012345號" and d["dispatch_no"]["year"] == 88
    ref = d["references"][0]
    assert (ref["dispatch_no"]["text"], ref["date"], ref["issuer_from"]) == ("衛三字第004567號", None, "貴局")
    assert "按" not in d["sections"][0]["items"][-1]["text"]


def test_an_older_central_number_writes_its_year_after_臺():
    d = parse(OLDER_RULING.replace("廢 （88）衛署醫字第 0880012345 號函", "臺88衛署醫2字第 012345 號函"))
    assert (d["dispatch_no"]["word"], d["dispatch_no"]["year"], d["dispatch_no"]["serial"]) == ("臺88衛署醫2", 88, "012345")


RULINGS_UNDER_ARTICLE = """跳到主要內容
:::

法規名稱:

商業登記法

法規文號:

中華民國105年5月4日華總一義字第10500044441號

發布日期:

105年5月4日

(登記事項變更)
第15條
商業登記事項有變更時,應於變更後十五日內申請變更登記。

函釋內容:

一、商號遷址應於遷址後十五日內申請變更登記。
二、逾期申請者,依本法規定處罰。(經濟部70年3月2日商08812號)
"""


def test_rulings_filed_under_a_laws_article_take_their_head_from_their_closing_citation():
    d = parse(RULINGS_UNDER_ARTICLE)
    assert (d["issuer"], d["date"]["iso"], d["dispatch_no"]["text"]) == ("經濟部", "1981-03-02", "商08812號")
    assert [i["text"] for i in d["sections"][0]["items"]] == ["商號遷址應於遷址後十五日內申請變更登記。",
                                                             "逾期申請者，依本法規定處罰。"]
    marked = RULINGS_UNDER_ARTICLE.replace("\n函釋內容:\n\n", "\n△商號遷址應申請變更登記\n")
    d = parse(marked)
    assert (d["dispatch_no"]["text"], len(d["sections"][0]["items"])) == ("商08812號", 2)


LETTER_BODY = """主旨：轉知行政院有關加強資通安全防護事宜，請查照。
說明：
一、依據本府114年4月1日府智安字第1140084422號函辦理。
二、請各單位確實辦理。
"""


def test_a_sites_footer_rows_with_long_addresses_and_gregorian_dates_are_the_pages():
    foot = ("\n服務信箱：service@example.gov.tw\n住址：23143新北市新店區北新路三段207號\n電話：(02)2912-6325\n"
            "網頁更新日期：2024-09-11\n瀏覽人次：2,345\n")
    d = parse("說明：依據本府114年4月1日府智安字第1140084422號函辦理，請各單位確實辦理。" + foot)
    assert d["sections"][0]["text"] == "依據本府114年4月1日府智安字第1140084422號函辦理，請各單位確實辦理。"
    assert d["contact"] == {"name": None, "unit": None, "phone": None, "fax": None, "email": None}


def test_a_row_of_links_and_a_menus_body_label_over_the_letter_are_the_pages():
    d = parse("行政公告\n〈 上一篇 | 下一篇 〉\n" + LETTER_BODY)
    assert d["subject"] == "轉知行政院有關加強資通安全防護事宜，請查照。"
    d = parse("Login\n公告事項\n最後修改日期：2022-09-14\n" + LETTER_BODY)
    assert d["doc_type"] is None and [s["name"] for s in d["sections"]] == ["說明"]


def test_a_posts_poster_that_is_a_unit_is_no_contact_and_the_letters_own_issuer_row_wins():
    d = parse("分類：教務處\n發布者：教學組\n發布日期：2023/10/02\n" + LETTER_BODY)
    assert d["contact"]["name"] is None
    d = parse("發文單位 財政稅務局\n張貼日期 2024-06-01\n發文單位：行政院勞工委員會\n發文字號：勞動1字第0980130937號函\n"
              + LETTER_BODY)
    assert d["issuer"] == "行政院勞工委員會"


CITED_FORMS = """主旨:轉知海洋委員會海洋保育署辦理海洋保育活動,請查照。
說明:
一、依據本府交下海洋委員會海洋保育署(以下簡稱海保署)113年5月2日海保生字第1130004567號函辦理。
二、本院102年11月8日秘台廳少家二字第1020029766號秘書長函諒達。
三、活動期間:113年7月19至23日。
四、操作手冊置於本院內網(審判資
訊服務站/少年及家事業務專區/系統)。
"""


def test_a_letter_passed_down_a_secretary_generals_letter_a_period_writing_its_day_once_and_a_wrapped_path():
    d = parse(CITED_FORMS)
    first, second = d["references"][:2]
    assert (first["issuer"], first["text"]) == (
        "海洋委員會海洋保育署", "海洋委員會海洋保育署（以下簡稱海保署）113年5月2日海保生字第1130004567號函")
    assert (second["text"], second["kind"]) == ("本院102年11月8日秘台廳少家二字第1020029766號秘書長函", "函")
    assert [(p["from"], p["to"], p["days"]) for p in d["periods"]] == [("2024-07-19", "2024-07-23", 5)]
    assert d["sections"][0]["items"][-1]["text"].endswith("少年及家事業務專區/系統）。")


RELAYED_WITH_LIST = """依教育部112年9月21日臺教高通字第1122202588號函示,有關校外教學相關說明,請各單位依規辦理
主旨:為維護推廣教育教學品質,請依說明辦理,請查照。
說明:
一、學校辦理推廣教育倘涉及校外教學,應確實檢核下列
事項:
(一)依規定檢附相關資料報部。
(二)課程名稱須與填報系統一致。
二、請下列學校協助辦理,感謝配合:
花蓮縣私立小天地幼兒園
花蓮縣卓溪鄉立幼兒園
花蓮縣秀林鄉立幼兒園和平分班
"""


def test_a_relay_line_without_its_period_a_wrapped_label_word_and_a_list_of_names_under_a_colon():
    d = parse(RELAYED_WITH_LIST)
    assert [r["text"] for r in d["references"]] == ["教育部112年9月21日臺教高通字第1122202588號函"]
    assert d["doc_type"] is None and [s["name"] for s in d["sections"]] == ["說明"]
    first, second = d["sections"][0]["items"]
    assert first["text"] == "學校辦理推廣教育倘涉及校外教學，應確實檢核下列事項：" and len(first["children"]) == 2
    assert second["text"].endswith("感謝配合：花蓮縣私立小天地幼兒園花蓮縣卓溪鄉立幼兒園花蓮縣秀林鄉立幼兒園和平分班")
    assert d["issuer"] is None


def test_a_boards_post_row_flattened_into_the_letters_subject_leaves_the_subject():
    d = parse("標題 | 轉知防疫措施 | 公告人 | 公告日期 | 輔導組長 | 2023-03-03 17:07:30 | 內容 | 主旨:轉知衛生局防疫措施,請查照。\n"
              "說明:依據本局112年2月21日桃教學字第1120022551號函辦理。\n")
    assert d["subject"] == "轉知衛生局防疫措施，請查照。"
    assert d["sections"][0]["text"] == "依據本局112年2月21日桃教學字第1120022551號函辦理。"


def test_a_boards_caption_naming_a_kind_of_body_is_no_title_line():
    d = parse("學會公告\n\n學會公告 | \n\n" + LETTER_BODY.replace("主旨：", "經濟部 函\n主旨："))
    assert (d["issuer"], d["doc_type"]) == ("經濟部", "函")
    d = parse("協會公告\n主旨：公告本會113年度會員大會日期。\n說明：訂於113年5月1日舉行。\n")
    assert d["issuer"] is None


def test_lines_under_the_copy_list_that_cannot_go_on_with_it_are_the_pages():
    d = parse(LETTER_BODY + "正本：內政部警政署\n副本：交通部公路總局、本部路政司\n廣告專區\nBack to Top\n")
    assert [c["name"] for c in d["cc_copy"]] == ["交通部公路總局", "本部路政司"]
    assert any("lines under the letter's end" in w for w in d["warnings"])
    d = parse(LETTER_BODY + "正本：內政部警政署\n副本：交通部公路總局、本部秘書處、\n本部路政司\n")
    assert [c["name"] for c in d["cc_copy"]] == ["交通部公路總局", "本部秘書處", "本部路政司"]


def test_a_notices_head_printed_as_one_table_row_and_a_statute_tab_under_the_text():
    d = parse("經濟部公告 | 中華民國113年3月4日 經授商字第11300512340號 |\n---|---|\n"
              "主旨:預告修正「公司登記辦法」草案。\n依據:行政程序法第一百五十四條第一項。\n公告事項:修正草案如附件。\n"
              "部長 王美花\n\n規範基礎\n\n1. 公司法\n第三百八十七條\n一、申請本法各項登記之期限由中央主管機關定之。\n")
    assert (d["issuer"], d["doc_type"], d["date"]["iso"], d["dispatch_no"]["text"]) == (
        "經濟部", "公告", "2024-03-04", "經授商字第11300512340號")
    assert d["sections"][-1] == {"name": "公告事項", "text": "修正草案如附件。", "items": []}
    assert d["signature"] == "部長 王美花"


DATABASE_RULING = """A- A A+
公聽會登報日期計算疑義
發文單位
內政部
發布日期
90年01月15日
發文函號
台內營字第9082187號函(0八七)
主旨
都市更新條例施行細則第6條第2項規定疑義。
說明
按公聽會之公告應於十日前刊登當地政府公報,尚符規定。(內政部90.1.15. 台內營字第
九○八二一八七號函)
"""


def test_a_database_dating_its_ruling_by_a_label_alone_and_citing_it_again_after_the_text():
    d = parse(DATABASE_RULING)
    assert (d["issuer"], d["date"]["iso"], d["dispatch_no"]["text"], d["doc_type"]) == (
        "內政部", "2001-01-15", "台內營字第9082187號", "函")
    assert d["sections"] == [{"name": "說明", "text": "按公聽會之公告應於十日前刊登當地政府公報，尚符規定。", "items": []}]
    assert d["references"] == []


def test_a_compilations_headline_over_the_citation_is_no_text_but_a_subject_over_it_stays():
    head = "內政部70.11.21台內營字第五二七七一號函\n本案可准免再行公告,惟今後應確實依照規定辦理。\n"
    d = parse("都市計畫通盤檢討公告未載明公告地點,應否重新公告\n\n" + head)
    assert d["sections"][0]["text"] == "本案可准免再行公告，惟今後應確實依照規定辦理。"
    assert any("headline over the document's citation" in w for w in d["warnings"])
    d = parse("都市計畫通盤檢討公告未載明公告地點，請查照。\n" + head)
    assert "請查照" in (d["subject"] or "") + "".join(s["text"] for s in d["sections"])


def test_a_county_sites_notice_number_row_and_a_posts_dash_date_over_it():
    d = parse("為辦理都市計畫案,依法辦理公告徵求意見,特此公告周知。\n  • 分類:城鄉發展類\n  • 發布日期:111-09-26\n"
              "  • 公告字號:府城都一字第1130004202B號\n  • 內容:\n一、公告期間:自113年1月30日起至113年3月7日止。\n")
    assert (d["dispatch_no"]["text"], d["date"]) == ("府城都一字第1130004202B號", None)
    d = parse("  • 公告字號:府城都一字第1113614967B號\n  • 內容:\n雲林縣政府 公告\n發文日期:中華民國111年10月3日\n"
              "發文字號:府城都一字第1113614967B號\n主旨:依法辦理公告徵求意見。\n")
    assert (d["issuer"], d["doc_type"], d["date"]["iso"]) == ("雲林縣政府", "公告", "2022-10-03")


def test_a_short_agenda_item_over_the_notices_remarks_label():
    d = parse(ORGAN_NOTICE.replace("第二頁 共二頁\n三、臨時動議\n", "三、臨時動議\n四、散會\n備註：請準時出席。\n"))
    assert [s["name"] for s in d["sections"]] == ["會議議程", "備註"]
    assert d["sections"][0]["items"][-1]["text"] == "散會" and d["sections"][1]["text"] == "請準時出席。"


def test_a_notices_observers_under_group_headings_a_student_contacts_class_and_two_posts():
    text = ORGAN_NOTICE.replace("聯絡人：1132 秘書長 林○○（115）\n出席者：家長委員\n",
                                "聯絡人及班級：秘書長林○○ 二年二班\n出席者：家長委員\n列席者：學校行政\n陳校長、林主任\n家長會\n"
                                "王會長、李副會長\n學生會\n學生會主席、副主席\n")
    d = parse(text)
    assert d["contact"]["name"] == "林○○" and d["meeting"]["chair"] == "會長陳○○"
    assert [o["name"] for o in d["meeting"]["observers"]] == ["陳校長", "林主任", "王會長", "李副會長", "學生會主席", "副主席"]


def test_a_boards_sender_tag_before_an_unlabelled_subject():
    d = parse("【連江縣政府】為辦理環境影響評估審查委員遴選作業,請貴機關惠予推薦適當人選,請查照。\n"
              "一、依據環境影響評估法辦理。\n二、請於110年5月1日前推薦。\n")
    assert d["subject"] == "為辦理環境影響評估審查委員遴選作業，請貴機關惠予推薦適當人選，請查照。"


def test_a_boards_caption_over_the_files_it_posts_under_the_letter():
    d = parse(LETTER_BODY + "\n附件檔案\n1120012345.pdf\n(下載次數：12)\n")
    assert d["sections"][0]["items"][-1]["text"] == "請各單位確實辦理。" and d["attachments"] == []


def test_a_schools_banner_a_menu_caption_naming_a_type_and_a_posts_row_of_fields_over_the_letter():
    d = parse("臺南市立某某國民中學\n公告訊息\n單位：學務處  發佈人：王大明  日期：2024-03-05\n" + LETTER_BODY)
    assert (d["issuer"], d["subject"]) == (None, "轉知行政院有關加強資通安全防護事宜，請查照。")
    d = parse("Home\n關於我們\n最新消息\n公告\n發布時間：2024/01/05 10:30\n" + LETTER_BODY)
    assert (d["doc_type"], d["subject"]) == (None, "轉知行政院有關加強資通安全防護事宜，請查照。")
    d = parse("主要內容區\n分類：教務處\n" + LETTER_BODY)
    assert d["subject"] == "轉知行政院有關加強資通安全防護事宜，請查照。"


def test_page_set_seven_shapes_a_bracketed_press_contact_a_phone_row_and_a_title_printed_twice():
    d = parse(LETTER_BODY + "\n(新聞發佈人：○○○ 災害應變中心 2989119#242)\n")
    assert d["sections"][0]["items"][-1]["text"] == "請各單位確實辦理。"
    d = parse("說明：依據本府114年4月1日府智安字第1140084422號函辦理，請各單位確實辦理。\n"
              "聯繫電話：1999(外縣市02-2720-8889)轉6076\n")
    assert d["contact"]["phone"] is None and d["sections"][0]["text"].endswith("確實辦理。")
    d = parse("財務行政\n    各機關單位預算執行要點 列印\n      資料更新時間：110-01-15 11:30\n    各機關單位預算執行要點\n"
              "建請各機關依預算執行要點辦理，請查照。\n說明：依行政院規定辦理。\n")
    assert d["subject"] == "建請各機關依預算執行要點辦理，請查照。"
    d = parse("  • 發布單位：民政課\n  • 上版日期：112-06-08\n  • 內容：\n轉知防疫措施\n全文內容：\n"
              "主旨：請加強防疫措施，請查照。\n")
    assert d["subject"] == "請加強防疫措施，請查照。"


def test_a_compilations_order_with_its_type_in_brackets_older_copy_labels_and_the_order_under_them():
    d = parse("財政部證券暨期貨管理委員會(令)\n中華民國89年5月31日\n(89)台財證(二)第○一七二六號\n受文者:貼本會公告欄\n"
              "正本受文者:貼本會公告欄\n副本受文者:行政院法規委員會、本會各組室(以上均含附件)\n"
              "修正「證券商設置標準」第二十條條文。 附「證券商設置標準」第二十條修正條文。\n"
              "證券商設置標準第二十條修正總說明\n為落實證券商內部控制,爰修正之。\n")
    assert (d["issuer"], d["doc_type"], d["dispatch_no"]["text"], d["recipient"]) == (
        "財政部證券暨期貨管理委員會", "令", "(89)台財證(二)第01726號", "貼本會公告欄")
    assert d["subject"] == "修正「證券商設置標準」第二十條條文。"
    assert [c["name"] for c in d["cc_main"]] == ["貼本會公告欄"]
    assert [(c["name"], c["with_attachments"]) for c in d["cc_copy"]] == [("行政院法規委員會", True), ("本會各組室", True)]
    assert [a["title"] for a in d["attachments"]] == ["「證券商設置標準」第二十條修正條文"]


def test_what_the_letter_does_to_a_cited_document_is_no_part_of_its_issuer():
    d = parse("主旨:廢止經濟部88年4月28日經(88)商字第88209253號函,請查照。\n說明:爰本部108年3月15日經商字第10802405670號函復在案。\n")
    assert [(r["issuer"], r["issuer_from"]) for r in d["references"]] == [("經濟部", None), (None, "本部")]


def test_a_list_of_dated_numbers_sharing_one_kind_and_one_issuer():
    d = parse("中央銀行外匯局 函\n主旨:依本局八十六年八月二十日(86)臺央外陸字第四0二0九一號、八十六年九月廿二日(86)臺央外陸字第"
              "0四0二三四九號及八十六年十二月十九日(86)臺央外陸字第0四0二九六八號函規定辦理,請查照。\n")
    refs = d["references"]
    assert [(r["dispatch_no"]["number"], r["kind"], r["issuer"]) for r in refs] == [
        ("402091", "函", "中央銀行外匯局"), ("0402349", "函", "中央銀行外匯局"), ("0402968", "函", "中央銀行外匯局")]
    assert [r["date"]["iso"] for r in refs] == ["1997-08-20", "1997-09-22", "1997-12-19"]


def test_a_joint_title_on_one_line_and_older_copy_lists_under_the_recipient():
    d = parse("財政部、經濟部(函)\n中華民國88年12月28日\n(88)台財證(一)第九五三○二號\n經(88)商字第八八二二六六六八號\n"
              "受文者:財政部證券暨期貨管理委員會第五組\n正本受文者:行政院公報編印小組(請刊登公報)、財政部總務司(張貼公告欄)\n"
              "副本受文者:行政院法規委員會、經濟部秘書室(刊登公報)(均含附件)\n主 旨:檢送勘誤表乙份,請查照。\n")
    assert (d["issuer"], d["doc_type"], d["recipient"]) == ("財政部", "函", "財政部證券暨期貨管理委員會第五組")
    assert [(c["issuer"], c["dispatch_no"]["text"]) for c in d["co_issuers"]] == [("經濟部", "經(88)商字第88226668號")]
    assert [c["name"] for c in d["cc_main"]] == ["行政院公報編印小組", "財政部總務司"]
    assert [(c["name"], c["with_attachments"]) for c in d["cc_copy"]] == [("行政院法規委員會", True), ("經濟部秘書室", True)]


def test_a_period_into_next_year_written_with_its_years_in_brackets():
    d = parse("主旨:國民旅遊卡檢核期間自本(104)年 12 月 1 日至明(105)年 3 月 10 日止,請查照。\n")
    assert [(p["from"], p["to"], p["days"]) for p in d["periods"]] == [("2015-12-01", "2016-03-10", 101)]


def test_review_a_label_under_an_item_without_its_period_stays_a_label():
    d = parse("主旨：有關特殊教育學生鑑定作業，請查照。\n說明：\n一、依據教育部113年3月1日臺教學(二)字第1130012345號函辦理\n"
              "二、本案相關表件請至本局網站特教專區下載使用\n辦法：\n一、各校於5月20日前完成初審。\n二、請各校確實辦理。\n")
    assert [(s["name"], len(s["items"])) for s in d["sections"]] == [("說明", 2), ("辦法", 2)]


def test_review_a_title_line_printed_twice_a_reply_subject_and_a_contact_with_its_extension_word():
    d = parse("臺中市政府教育局 函\n臺中市政府教育局 函\n發文日期：中華民國113年5月2日\n發文字號：中市教特字第1130045678號\n"
              "主旨：復如說明，請查照。\n說明：請各校確實辦理。\n")
    assert (d["issuer"], d["subject"]) == ("臺中市政府教育局", "復如說明，請查照。")
    d = parse("復如說明，請查照。\n說明：\n一、依據本局113年5月1日中市教特字第1130045000號函辦理。\n二、請各校確實辦理。\n")
    assert d["subject"] == "復如說明，請查照。"
    d = parse(ORGAN_NOTICE.replace("聯絡人：1132 秘書長 林○○（115）", "聯絡人：學務處 林○○ 分機 1122"))
    assert (d["contact"]["name"], d["contact"]["unit"], d["contact"]["phone"]) == ("林○○", "學務處", "1122")


def test_review_a_lone_first_attendee_stays_and_a_longer_word_is_no_organ():
    d = parse(ORGAN_NOTICE.replace("出席者：家長委員\n", "出席者：家長會長、\n各處室主任、各年級導師代表\n"))
    assert [a["name"] for a in d["meeting"]["attendees"]] == ["家長會長", "各處室主任", "各年級導師代表"]
    d = parse(ORGAN_NOTICE.replace("家長會 113 學年度第 2 次委員會議 開會通知單", "教師會議 開會通知單"))
    assert d["issuer"] == "新北市立板橋高級中學"


def test_review_a_one_character_wrap_of_the_last_copy_and_two_agencies_signing():
    d = parse(LETTER_BODY + "正本：本市各國民小學\n副本：本府社會局、本局國小教育\n科\n")
    assert [c["name"] for c in d["cc_copy"]] == ["本府社會局", "本局國小教育科"]
    d = parse("主旨：公告本縣114年度第1期地價稅開徵期間。\n依據：土地稅法第40條。\n公告事項：\n一、開徵期間自114年11月1日起。\n"
              "二、請納稅義務人如期繳納。\n臺中市政府\n臺中市政府地方稅務局\n")
    assert d["issuer"] == "臺中市政府"


def test_review_items_after_a_line_naming_the_sent_document_are_the_notices_when_their_numbers_go_on():
    d = parse(NOTICE_WITH_RULES.replace("澎湖港區船舶錨泊應遵行事項\n一、本事項依商港法第十九條規定訂定之。\n二、", "澎湖港區船舶錨泊應遵行事項\n二、"))
    assert d["attachments"] == [] and "船舶應於指定錨區錨泊" in json.dumps(d["sections"][1], ensure_ascii=False)


def test_a_quoted_letters_head_ending_in_a_colon_and_a_letter_cited_with_前業以_or_參酌():
    d = parse("交通部99.07.26.交路字第0990044737號函：\n有關貴署函詢違規案件之處罰疑義乙案，本部前業以75年8月18日"
              "交路字第18402號函示在案，再參酌銓敘部102年7月12日部銓四字第1023712345號書函辦理，請查照。\n")
    assert (d["issuer"], d["dispatch_no"]["text"]) == ("交通部", "交路字第0990044737號")
    assert d["sections"][0]["text"].startswith("有關貴署函詢")
    assert [(r["issuer"], r["issuer_from"]) for r in d["references"]] == [("交通部", "本部"), ("銓敘部", None)]
