"""Conventions found by blind rounds ZJ, ZK and ZL (tests/data/real, zj-/zk-/zl- stems: relayed posts of township
offices, schools, associations and a forum; agencies' law pages; letters kept in public repositories — measured
before the parser knew them). Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse

FIELD_TABLE_POST = """校園公告
公告主旨 | 轉知教育部有關校園食品安全宣導事項。 |
---|---|
發佈日期 | 2021 年 4 月 8 日 |
發佈單位 | 學務處 |
點閱次數 | 312 |
公告內容 | 轉知教育部有關校園食品安全宣導事項。 請各處室配合宣導,並於午餐時間加強巡查。 |
相關附件 |
"""

FORUM_POST = """金門資訊網 » 新聞、布告 » 社區佈告 http://example.idv.tw
主題: 金門縣農會 公告
作者: 金門縣農會 < > 發表時間: 2023-05-02
一、依據行政院農業委員會防檢局通報,鄰近國家發生禽流感疫情。
二、請會員加強禽舍消毒並落實門禁管制。
服務條款      內容政策      隱私權聲明      著作權聲明       站長信箱
"""

ON_BEHALF = """跳到主要內容區塊
進階搜尋
公告訊息
代臺東縣政府公告
發布日期:112/11/02
函轉交通部有關冬季道路安全宣導事項:
為維護冬季行車安全,請加強轄內道路巡查及相關宣導,請查照。
最後更新日期:112/11/02
"""


def test_a_sites_field_table_saved_as_text_gives_its_fields_and_text():
    d = parse(FIELD_TABLE_POST)
    assert d["complete"] is False and d["subject"] is None and d["date"] is None
    assert d["sections"] == [{"name": "本文", "items": [], "text": "轉知教育部有關校園食品安全宣導事項。請各處室配合宣導，並於"
                                                                 "午餐時間加強巡查。"}]


def test_a_forums_breadcrumb_post_fields_and_footer_links_enter_no_field():
    d = parse("繁體\n" + FORUM_POST)
    assert (d["issuer"], d["doc_type"], d["signature"]) == ("金門縣農會", "公告", None)
    assert d["sections"][0]["text"] == ""
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "依據行政院農業委員會防檢局通報，鄰近國家發生禽流感疫情。", "請會員加強禽舍消毒並落實門禁管制。"]


def test_a_notice_posted_on_another_agencys_behalf_is_that_agencys():
    d = parse(ON_BEHALF)
    assert (d["issuer"], d["doc_type"]) == ("臺東縣政府", "公告")
    assert d["sections"][0]["text"] == ("函轉交通部有關冬季道路安全宣導事項：為維護冬季行車安全，請加強轄內道路巡查及相關宣導，"
                                        "請查照。")


def test_a_post_date_run_onto_the_first_line_of_the_text_is_split_from_it():
    d = parse(ON_BEHALF.replace("發布日期:112/11/02\n", "發布日期:112/11/02"))
    assert d["sections"][0]["text"].startswith("函轉交通部有關冬季道路安全宣導事項：")
    assert d["date"] is None


def test_a_short_note_after_a_post_date_stays_with_the_note():
    d = parse(ON_BEHALF.replace("發布日期:112/11/02\n", "發布日期:112/11/02 點閱:170\n"))
    assert "點閱" not in d["sections"][0]["text"]

SIDEBAR_AFTER_POST = """轉知因應颱風「停止戶外教學活動」訊息
上一則公告 下一則公告
一般公告 / 張貼者 學務主任
張貼日期: 2022-08-30 07:31:58  點閱:96
一、依據本府111年8月29日府教學字第1110333444號函辦理。
二、颱風期間請各校停止戶外教學活動。
近月內熱門公告
  • 2025-12-30 40
      轉知~文化部推廣活動
  • 2025-12-29 36
      主旨:有關教育部函轉國防部公布之新版全民安全指引手冊 《...
"""

ASSOCIATION_NOTICE = """【選舉公告】有關本學會第十屆理監事選舉投票日期之更正說明
資訊教育學會
主旨：有關本學會第十屆理監事選舉投票日期之更正說明
公告事項：
一、本學會第十屆理監事選舉通訊投票日期更正為114年6月20日。
二、本次選舉相關公告，登載於本學會網頁。
社團法人臺灣資訊教育學會
回到上一頁
"""

RELAYED_FILE_LINKS = """主旨
轉知衛生福利部有關醫療器材許可證廢止事項。
說明
依據新北市政府衛生局112年10月13日新北衛食字第1122023440號函辦理。
請協助轉知所屬會員確實依據醫療器材管理法規定辦理。
公文文本下載
分享
"""


def test_a_list_of_popular_posts_below_the_post_is_the_sites_even_with_a_subject_label_in_it():
    d = parse(SIDEBAR_AFTER_POST)
    assert d["subject"] is None
    assert [i["text"] for i in d["sections"][0]["items"]] == ["依據本府111年8月29日府教學字第1110333444號函辦理。",
                                                             "颱風期間請各校停止戶外教學活動。"]
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["府教學字第1110333444號"]


def test_a_list_of_popular_posts_above_the_letter_is_no_end_of_it():
    d = parse("近月內熱門公告\n" + SIDEBAR_AFTER_POST.split("近月內熱門公告")[0])
    assert len(d["sections"][0]["items"]) == 2


def test_a_notice_closed_by_its_bodys_full_name_is_signed_by_that_body():
    d = parse(ASSOCIATION_NOTICE)
    assert (d["issuer"], d["doc_type"]) == ("社團法人臺灣資訊教育學會", "公告")
    assert [i["text"] for i in d["sections"][0]["items"]][-1] == "本次選舉相關公告，登載於本學會網頁。"


def test_a_notice_closed_by_a_heads_title_and_name_is_signed_by_the_head_not_a_body():
    d = parse(ASSOCIATION_NOTICE.replace("社團法人臺灣資訊教育學會\n", "縣長楊文科\n"))
    assert d["issuer"] is None


def test_a_sites_download_and_share_links_under_a_post_enter_no_field():
    d = parse(RELAYED_FILE_LINKS)
    assert d["sections"] == [{"name": "說明", "items": [], "text": "依據新北市政府衛生局112年10月13日新北衛食字第1122023440號函"
                                                                 "辦理。請協助轉知所屬會員確實依據醫療器材管理法規定辦理。"}]

HEADLINE_CITATION = """函釋
動物用藥品「使用對象」標示疑義 107年3月5日農防字第1071472222號
一、復貴府107年2月12日府農畜字第1070033333號函。二、依動物用藥品管理法第3條規定,標示應載明使用對象,併予敘明。
"""

REGULATION_PAGE = """法規內容
法規名稱: 花蓮縣政府組織自治條例
公發布日: 民國 89 年 01 月 17 日
發文字號: 府行法字第1130214255號令
法規體系: 人事、組織類
法規功能按鈕區
第 一 條
本自治條例依地方制度法第六十二條規定制定之。
第 二 章 組織
第 2 條
花蓮縣政府置縣長一人,綜理縣政。
"""


def test_a_law_sites_headline_with_the_citation_after_it_gives_the_documents_date_and_number():
    d = parse(HEADLINE_CITATION)
    assert d["date"] == {"iso": "2018-03-05", "roc": "107年3月5日"}
    assert d["dispatch_no"]["text"] == "農防字第1071472222號"
    assert d["sections"][0]["text"] == ""
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["府農畜字第1070033333號"]


def test_a_sentence_citing_another_letter_is_no_headline():
    d = parse("依據教育部 107年3月5日臺教學字第1071472222號\n一、請各校配合辦理。\n")
    assert d["date"] is None and d["dispatch_no"] is None


def test_a_regulation_printed_after_a_law_pages_fields_is_no_part_of_the_order():
    d = parse(REGULATION_PAGE)
    assert d["dispatch_no"]["text"] == "府行法字第1130214255號"
    assert (d["subject"], d["sections"], d["attachments"]) == (None, [], [])
    assert any("第一條" in w for w in d["warnings"])

TITLED_POST = """最新消息
【國內】防檢署公告犬貓捐血醫療行為應符合動物保護之基本要件
2023-05-16
請轉知所轄獸醫診療機構,於執行犬、貓捐血醫療行為時,參照所研擬之基本要件辦理,請查照。
"""

TITLED_POST_WITH_LEAD = """【轉知】「大葉大學空氣品質維護區」,將自公告日後一年生效
上一則公告 下一則公告
其他公告 / 張貼者 衛生組長
張貼日期: 2024-10-18 11:00:42  點閱:170
縣府劃設「大葉大學空氣品質維護區」,將自公告日後一年生效。
說明:
一、依據縣府113年10月8日府授環空字第1130383985號函辦理。
"""


def test_a_posts_title_set_apart_by_its_date_is_no_part_of_the_sentence_below():
    d = parse(TITLED_POST)
    assert d["sections"] == [{"name": "本文", "items": [], "text": "請轉知所轄獸醫診療機構，於執行犬、貓捐血醫療行為時，參照所研擬"
                                                                 "之基本要件辦理，請查照。"}]


def test_a_posts_title_set_apart_by_its_header_leaves_the_lead_sentence_the_subject():
    d = parse(TITLED_POST_WITH_LEAD)
    assert d["subject"] == "縣府劃設「大葉大學空氣品質維護區」，將自公告日後一年生效。"


def test_a_posts_title_over_numbered_items_stays_the_texts():
    d = parse(SIDEBAR_AFTER_POST)
    assert d["sections"][0]["text"] == "轉知因應颱風「停止戶外教學活動」訊息"

FLATTENED_ORDER = """法規
修正「動物用藥品使用準則」 第三條 107年5月2日農防字第1071470001號
發文日期：中華民國107年5月2日 發文字號：農防字第1071470001號 修正「動物用藥品使用準則」第三條。附修正「動物用藥品使用準則」第三條
"""


def test_an_order_run_on_after_its_number_is_the_orders_text_and_its_form_names_it_a_令():
    d = parse(FLATTENED_ORDER)
    assert d["doc_type"] == "令" and d["dispatch_no"]["text"] == "農防字第1071470001號"
    assert d["subject"] == "修正「動物用藥品使用準則」第三條。"
    assert [a["title"] for a in d["attachments"]] == ["修正「動物用藥品使用準則」第三條"]


def test_text_run_on_after_a_number_is_never_lost():
    d = parse("發文日期：中華民國107年5月2日 發文字號：農防字第1071470001號 請各單位依規定辦理防疫措施。\n")
    assert d["sections"][0]["text"] == "請各單位依規定辦理防疫措施。"
    assert d["doc_type"] is None


def test_a_posts_title_and_its_hit_counter_are_no_part_of_the_sentence_below():
    d = parse("公告-花蓮縣文化資產審議會114年度第1次會議 會議資訊及旁聽申請\n公告日期:2025-03-13\n584\n"
              "花蓮縣文化資產審議會114年度第1次會議\n將於本年3月21日召開,需申請旁聽之民眾,請填列旁聽申請表。\n"
              "一、依文化資產保存法第6條辦理。\n二、會議地點:本局會議室。\n")
    assert d["subject"] == "花蓮縣文化資產審議會114年度第1次會議將於本年3月21日召開，需申請旁聽之民眾，請填列旁聽申請表。"


# Rounds ZM and ZN (township offices' and schools' posts)

def test_an_item_naming_a_stamp_is_no_signature_note():
    d = parse("說明:\n一、請各戶政事務所配合辦理。\n二、隨文檢附國民身分證黏貼標籤及戶口名簿蓋章戳樣式1份供參\n")
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "請各戶政事務所配合辦理。", "隨文檢附國民身分證黏貼標籤及戶口名簿蓋章戳樣式1份供參"]


def test_a_sites_disclaimer_under_a_post_enters_no_field():
    d = parse("主旨:轉知環保局有關透明垃圾袋宣導事項,請查照。\n說明:\n一、依據桃園市政府環境保護局函辦理。\n"
              "二、請各班導師協助宣導。\n網友個人意見,不代表本站立場,對於發言內容,由發表者自負責任。\n")
    assert d["sections"][0]["items"][-1]["text"] == "請各班導師協助宣導。"


def test_a_link_line_under_numbered_items_names_no_plan():
    d = parse("一、依教育部函修正「專科以上學校產學合作實施辦法」第5條規定辦理。\n二、請各單位依規定填復檢核表。\n"
              "114年計畫、活動、獎項、補助及其他計畫相關公告彙整表\n")
    assert d["schema"].startswith("gongwen/letter") and len(d["sections"][0]["items"]) == 2


def test_a_posts_text_label_makes_a_partial_record_not_a_refusal():
    d = parse("公告:本所清明節連假期間暫停收垃圾時間表\n文化觀光課\n公告內容:\n一、連假期間暫停收運垃圾。\n"
              "二、請民眾務必做好垃圾分類。\n回列表頁\n")
    assert d["complete"] is False
    assert [i["text"] for i in d["sections"][0]["items"]] == ["連假期間暫停收運垃圾。", "請民眾務必做好垃圾分類。"]


# Round ZO (agencies' own texts, compilations)

def test_a_compilations_spaced_dotted_date_heads_the_ruling_and_its_notes_enter_no_field():
    d = parse("內政部函 70. 03. 05. 台內營字第 012345 號\n主旨：核釋騎樓地上空可否設置遮陽設施疑義，請查照。\n"
              "說明：復貴府 70. 01. 20. 府工建字第 4567 號函。\n※註：本函所稱騎樓地，現行規則已修正為騎樓。\n")
    assert (d["issuer"], d["doc_type"]) == ("內政部", "函")
    assert d["date"] == {"iso": "1981-03-05", "roc": "70年3月5日"}
    assert d["dispatch_no"]["text"] == "台內營字第012345號"
    assert d["sections"] == [{"name": "說明", "items": [], "text": "復貴府70.01.20.府工建字第4567號函。"}]
    assert d["references"][0]["date"]["iso"] == "1981-01-20"


def test_a_label_word_ending_a_lines_heading_word_is_no_section():
    d = parse("主旨：轉知新詩徵文比賽資訊，請查照。\n說明：\n一、依據國教署函辦理。\n二、活動資訊如下：\n"
              "活動時間：即日起至109年10月5日止。\n獎勵辦法：各組取優選5名。\n三、旨案逕洽○先生。\n")
    assert [s["name"] for s in d["sections"]] == ["說明"]
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三"]


def test_a_label_word_ending_a_run_in_items_heading_is_no_section():
    d = parse("說明: 一、 依據國教署函辦理。 二、 活動資訊如下: (一) 活動時間:即日起至10月5日止。 "
              "(二) 獎勵辦法:各組取優選5名。 (三) 注意事項:詳如活動網站。\n")
    assert [s["name"] for s in d["sections"]] == ["說明"]
    assert [c["marker"] for c in d["sections"][0]["items"][1]["children"]] == ["(一)", "(二)", "(三)"]


def test_a_run_together_letters_label_after_its_期望語_still_counts():
    d = parse("主旨：檢送會議紀錄1份，請查照說明：一、依據本府函辦理。二、請依會議決議辦理。\n")
    assert d["subject"] == "檢送會議紀錄1份，請查照" and d["sections"][0]["name"] == "說明"


def test_a_page_saved_as_markdown_drops_its_image_lines():
    d = parse("主旨：轉知活動資訊，請查照。\n說明：\n一、依據國教署函辦理。\n二、檢附活動海報1份。\n![]() ![]() 瀏覽數\n![]() |\n")
    assert d["sections"][0]["items"][-1]["text"] == "檢附活動海報1份。"


def test_a_document_boards_fields_enter_no_field_and_its_content_label_opens_the_text():
    d = parse("文件標題 轉知監理所辦理交通安全教育藝文競賽,請查照。\n文件編號 205437\n公告單位 終身教育科 王小明\n"
              "文件類別 比賽資訊\n一般附件\n  1. pdf圖示 競賽簡章.pdf (224.87 KB)\n公告備註 本文件為網路公告,將不再發正式公文\n"
              "文件內容 一、依據監理所113年2月5日中監交字第1130029047號函辦理。\n二、請鼓勵學生參加。\n")
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "依據監理所113年2月5日中監交字第1130029047號函辦理。", "請鼓勵學生參加。"]
    assert d["sections"][0]["text"] == ""


def test_bracketed_items_glued_after_a_colon_are_items():
    d = parse("雲林縣家畜疾病防治所 公告\n請本縣養豬業者落實下列自衛防疫措施，包括:(一)畜牧從業人員應避免前往疫區畜牧場參訪(二)每週定期消毒"
              "(三)禁止動物運輸車進入畜牧場。\n")
    items = d["sections"][0]["items"]
    assert [i["marker"] for i in items] == ["(一)", "(二)", "(三)"]
    assert items[1]["text"] == "每週定期消毒"


def test_a_heads_title_alone_under_the_text_is_the_signature_its_name_left_out():
    d = parse("屏東縣政府 公告\n主旨：公告禁止化製原料運輸車載運動物屍體入境本縣。\n依據：動物傳染病防治條例第28條。\n"
              "公告事項：禁止化製原料運輸車載運動物屍體運至本縣處理。\n縣長\n")
    assert d["signature"] == "縣長"
    assert d["sections"][-1]["text"] == "禁止化製原料運輸車載運動物屍體運至本縣處理。"


def test_items_numbered_from_二_under_a_paragraph_are_items_and_the_paragraph_item_一_lost():
    d = parse("主旨：轉知教育人員留職停薪辦法修正事項，請查照。\n說明：\n依據教育部110年4月19日臺教授國部字第1100024340號函\n辦理。\n"
              "二、教育部訂定教育人員留職停薪辦法。\n三、教師因育嬰申請留職停薪，其訖日由學校協商定之。\n")
    s = d["sections"][0]
    assert s["text"] == "依據教育部110年4月19日臺教授國部字第1100024340號函辦理。"
    assert [i["marker"] for i in s["items"]] == ["二", "三"]
    assert d["subject"] == "轉知教育人員留職停薪辦法修正事項，請查照。"


def test_a_lead_over_items_numbered_from_二_is_no_subject():
    d = parse("依據教育部110年4月19日臺教授國部字第1100024340號函辦理。\n二、教育部訂定教育人員留職停薪辦法。\n"
              "三、請各校轉知所屬教師。\n")
    assert d["subject"] is None
    assert d["sections"][0]["text"] == "依據教育部110年4月19日臺教授國部字第1100024340號函辦理。"


# An independent review of these rules found letters they hurt; each stays whole now.

ARTICLE_IN_A_WRAPPED_LINE = """法規名稱：性別平等教育法
發文字號：臺教學(三)字第1140012345號
發文日期：民國114年3月5日
主旨：有關學校處理校園性騷擾事件疑義一案，請查照。
說明：
一、依性別平等教育法
第二十一條規定，學校知悉校園性騷擾事件，應於二十四小時內通報。
二、請各校依規定辦理。
"""

SPEAKERS_NOT_OURS = """社團法人臺灣公共衛生學會 函
發文日期：中華民國114年4月2日
發文字號：臺公衛字第1140000021號
主旨：本會訂於114年5月10日舉辦「健康城市論壇」，敬請惠予公告周知並鼓勵所屬踴躍參加。
說明：
一、論壇地點：國立臺灣大學公共衛生學院。
二、報名網址：請至本會網站報名。
三、講者言論不代表本會立場。
正本：各縣市衛生局
副本：本會秘書處
"""

WRAPPED_AT_A_FIELD_NAME = """臺北市政府教育局 函
發文日期：中華民國114年4月2日
發文字號：北市教中字第1143012345號
主旨：檢送「114年度學生專題研究發表會」實施計畫1份，請查照。
說明：
一、本次發表會每組報告20分鐘，各校報名截止日期為114年4月30日，逾期恕不受理；
發表時間及場次另行通知。
二、聯絡人：本局中教科王先生，電話：(02)27208889分機1234。
"""

STAMP_IN_A_WRAPPED_LINE = """臺東縣政府 函
發文日期：中華民國114年3月10日
發文字號：府民戶字第1140045678號
主旨：有關辦理114年度戶籍登記人員講習一案，請查照。
說明：
一、依據內政部114年3月1日台內戶字第1140123456號函辦理。
二、請各戶政事務所於114年3月20日前將參加人員名冊送本府民政處彙整，名冊請由單位主管核章並
於名冊上蓋章後寄回本府。
"""

SUPPLEMENT_LABEL = """新北市政府 函
發文日期：中華民國114年3月10日
發文字號：新北府教字第1140456789號
主旨：有關本市114年度教師甄選簡章一案，請查照。
補充說明：
一、簡章請至本局網站下載。
二、報名期間為114年4月1日至4月7日。
正本：本市各公私立國民中小學
"""

STRAY_CLOSING_WORD = """新北市立板橋國民小學 函
發文日期：中華民國114年3月10日
發文字號：新北板小學字第1140001234號
受文者：本校學生家長
主旨：本校訂於114年3月20日辦理親職教育講座，敬請踴躍參加。
說明：
一、時間：114年3月20日下午2時。
二、地點：本校禮堂。
三、本講座歡迎學生及其家長一同參加，報名請洽學務處。
學生家長
"""


def test_a_wrapped_line_opening_with_an_article_number_is_no_regulations_heading():
    d = parse(ARTICLE_IN_A_WRAPPED_LINE)
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "依性別平等教育法第二十一條規定，學校知悉校園性騷擾事件，應於二十四小時內通報。", "請各校依規定辦理。"]


def test_an_item_saying_speakers_do_not_speak_for_the_body_stays():
    assert parse(SPEAKERS_NOT_OURS)["sections"][0]["items"][-1]["text"] == "講者言論不代表本會立場。"


def test_a_wrapped_line_opening_with_a_field_name_stays_the_letters():
    item = parse(WRAPPED_AT_A_FIELD_NAME)["sections"][0]["items"][0]["text"]
    assert item.endswith("逾期恕不受理；發表時間及場次另行通知。")


def test_a_wrapped_sentence_naming_a_stamp_is_no_signature_note():
    item = parse(STAMP_IN_A_WRAPPED_LINE)["sections"][0]["items"][1]["text"]
    assert item.endswith("名冊請由單位主管核章並於名冊上蓋章後寄回本府。")


def test_a_supplement_label_under_the_subject_still_opens_a_section():
    d = parse(SUPPLEMENT_LABEL)
    assert [len(s["items"]) for s in d["sections"]] == [2]


def test_a_word_ending_in_長_alone_under_the_text_is_no_signature():
    assert parse(STRAY_CLOSING_WORD)["signature"] is None


# Round ZQ (regional schools' boards)

def test_a_citation_in_a_sub_item_is_no_head_and_等函_is_a_reference():
    d = parse("人事公告 龍港國小 - 學校公告 | 2024-02-26 | 點閱數: 61\n一、欲申請介聘至臺東縣之教師相關應知悉事項，詳如說明。\n"
              "(一)依據嘉義縣政府 113 年 3 月 1 日府教幼字第 1130051402 號等函辦理。\n(二)該縣預估因減班致可能有超額情形。\n")
    assert (d["issuer"], d["date"], d["dispatch_no"], d["doc_type"]) == (None, None, None, None)
    assert [(r["text"], r["kind"]) for r in d["references"]] == [("嘉義縣政府113年3月1日府教幼字第1130051402號等函", "函")]
    assert [c["marker"] for c in d["sections"][0]["items"][0]["children"]] == ["(一)", "(二)"]


def test_items_asking_the_addressee_by_any_稱謂_are_part_of_a_letter():
    d = parse("即日起至115年3月13日前\n(一) 實施地區:以轄內野生動物危害農損較嚴重地區為先。\n"
              "(二) 查核與經費核撥:請貴所協助本局辦理貴轄申請案現勘查核作業。\n")
    assert d["complete"] is False and [i["marker"] for i in d["sections"][0]["items"]] == ["(一)", "(二)"]


def test_a_labelled_block_printed_twice_is_one_section():
    block = "公告事項:\n一、禁葬原因:為更新、遷移公墓,公告禁葬。\n二、禁葬日期:自公告日起。\n"
    d = parse("本市第12公墓禁葬公告\n依據:殯葬管理條例第40條規定辦理。\n" + block + block)
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]
    assert any("printed twice" in w for w in d["warnings"])


def test_a_law_pages_要點_points_are_the_regulations_text_a_rulings_points_the_orders():
    page = ("法規內容\n法規名稱: 金門縣政府108年度獎助縣外學校來金門教學交流作業要點\n發文字號: 府教社字第1080010746號 令\n"
            "法規體系: 教育類\n法規功能按鈕區\n一、目的:\n金門縣政府為鼓勵縣外學校組團來金門從事教學交流,特訂定本作業要點。\n"
            "二、獎助期間:\n自即日起至108年12月20日止。\n")
    d = parse(page)
    assert (d["subject"], d["attachments"]) == (None, [])
    ruling = page.replace("金門縣政府108年度獎助縣外學校來金門教學交流作業要點", "教育人員留職停薪辦法1070427核釋")
    assert parse(ruling)["subject"].startswith("一、目的：")


def test_an_exchange_files_name_over_the_items_is_an_attachment_and_its_size_note_the_sites():
    for head in ("376540000A_1140256610_ATTACH1.pdf\npdf形式(204.79KB)\n", "376540000A_1140256610_ATTACH1.pdf pdf形式(204.79KB)\n"):
        d = parse(head + "一、依據農業部114年11月6日農授糧字第1141110473A號書函辦理。\n二、請貴會受理申請案件辦理查驗。\n")
        assert d["attachments"] == [{"title": None, "file": "376540000A_1140256610_ATTACH1.pdf", "kind": None,
                                     "content": None}]
        assert d["sections"][0]["text"] == ""


# Rounds ZS and ZT (a fair sample of web pages; a law database kept in a repository)

def test_a_citation_split_over_a_date_line_and_a_number_line_heads_the_document():
    d = parse("民國 108 年 03 月 04 日\n勞動部 勞動條 2字第 1080130118 號書函\n"
              "所詢保全人員於投票日出勤之工資給付疑義，復請查照。\n一、復貴會108年1月14日(108)保總字第001號函。\n二、請依規定辦理。\n")
    assert (d["issuer"], d["doc_type"]) == ("勞動部", "書函")
    assert d["dispatch_no"]["text"] == "勞動條2字第1080130118號" and d["date"]["iso"] == "2019-03-04"
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["(108)保總字第001號"]


def test_a_law_databases_要旨_under_its_split_citation_is_no_part_of_the_subject():
    d = parse("民國 108 年 03 月 04 日\n勞動部 勞動條 2字第 1080130118 號書函\n"
              "勞動部就保全人員於投票日出勤之工資給付，涉及勞動基準法相關規定之\n"
              "所詢保全人員於投票日出勤之工資給付疑義，復請查照。\n一、復貴會108年1月14日(108)保總字第001號函。\n")
    assert d["subject"] == "所詢保全人員於投票日出勤之工資給付疑義，復請查照。"
    assert any("要旨" in w for w in d["warnings"])


def test_a_boards_公告_heading_under_the_sites_banner_is_no_title_over_a_letter_that_asks():
    d = parse("新北市中和區公所\n  • FB\n  • 友善列印\n公告\n公告內容\n主旨:檢送內政部函1份,請查照。\n"
              "說明:\n  1. 依據新北市政府工務局109年3月13日新北工寓字第1090453827號函辦理。\n")
    assert (d["issuer"], d["doc_type"]) == (None, None)
    assert parse("新北市中和區公所\n公告\n主旨:公告本區道路施工期間交通管制。\n")["doc_type"] == "公告"


def test_a_page_run_onto_one_line_keeps_the_letters_labels_before_its_copyright():
    d = parse("民國 112 年 09 月 14 日\n勞動部 勞動條 2字第 1120148404 號公告\n"
              "修正「基本工資」，並自中華民國一百十三年一月一日生效。 依 據：勞動基準法第二十一條第二項。 公告事項：一、修正每月基本"
              "工資為新臺幣二萬七千四百七十元。 二、修正每小時基本工資為新臺幣一百八十三元。 編 註： 1.依本筆資料辦理。 共 55 筆 / "
              "現在第 1 筆 下一筆 | 最末筆 ::: 隱私權政策及網站安全政策 版權所有：勞動部 地址：104472臺北市中山區松江路207號\n")
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]
    assert d["sections"][0]["text"] == "勞動基準法第二十一條第二項。"
    assert [i["text"] for i in d["sections"][1]["items"]][-1] == "修正每小時基本工資為新臺幣一百八十三元。"
    assert d["complete"] is True


def test_an_articles_number_with_a_space_inside_and_a_record_counter_after_the_text():
    d = parse("依據：\n一、機械器具型式檢定實施辦法第1 0條。\n二、行政程序法第16條。共89筆 / 現在第2筆第一筆 | 上一筆 | 下一筆\n")
    assert [i["text"] for i in d["sections"][0]["items"]] == ["機械器具型式檢定實施辦法第10條。", "行政程序法第16條。"]
