"""Conventions found by session 21's last wave (tests/data/real: i1-…i6- stems, measured with no rule after it) and
by session 22's wave (h1-…h6-). Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse

RELAY = ("主旨：轉知有關公務人員健康檢查補助疑義一案，請查照。\n說明：\n"
         "一、依據本府人事處114年3月2日府人給字第1140051234號函辦理。\n"
         "二、保訓會{cited}94年6月6日局給字第0940018045號書函釋，公務人員健康檢查得每二年辦理一次。\n")


def test_a_former_agency_named_with_qian_is_cited_by_that_name():
    record = parse(RELAY.format(cited="參酌前行政院人事行政局"))
    cited = record["references"][1]
    assert (cited["issuer"], cited["text"]) == ("行政院人事行政局", "行政院人事行政局94年6月6日局給字第0940018045號書函")
    school = parse(RELAY.format(cited="參酌教育部國民及學前教育署"))  # 前 inside a name: the name stands whole
    assert school["references"][1]["issuer"] == "教育部國民及學前教育署"
    district = parse(RELAY.format(cited="參酌前鎮區公所"))  # 前 opening a name (高雄市前鎮區)
    assert district["references"][1]["issuer"] == "前鎮區公所"


def test_a_pronoun_between_a_cited_date_and_its_word_is_the_cited_issuer():
    record = parse("主旨：有關性騷擾事件申復疑義，請查照。\n說明：\n一、查防治準則第23條第5款原為100年2月10日本部臺參字第1000010432C號"
                   "令訂定。\n二、請依規定辦理。\n")
    cited = record["references"][0]
    assert cited["issuer_from"] == "本部"
    assert (cited["dispatch_no"]["text"], cited["dispatch_no"]["word"]) == ("臺參字第1000010432C號", "臺參")
    assert cited["text"] == "100年2月10日本部臺參字第1000010432C號令"


def test_a_number_cited_as_the_document_that_came_has_no_kind():
    record = parse("海底電纜圖資宣導\n依115年1月7日北市教資字第1153030318號來文宣導，請各校轉知所屬。\n")
    cited = record["references"][0]
    assert (cited["text"], cited["kind"], cited["date"]["iso"]) == (
        "115年1月7日北市教資字第1153030318號", None, "2026-01-07")


ITEMS = ["一、依據內政部114年9月1日內授消字第1141604300號函辦理。",
         "二、旨揭計畫係為建立正確防災知識，宣導平時加強居家防震及防災準備。",
         "三、活動相關網頁及內容簡述如下：",
         "(一)活動主網頁：消防防災館。",
         "(二)活動期間：自114年9月1日起，至114年10月31日止。"]


def test_items_printed_again_and_cut_short_where_the_page_ends_are_kept_once():
    record = parse("\n".join(ITEMS + ITEMS[1:4] + [ITEMS[4][:14]]) + "\n")
    items = record["sections"][0]["items"]
    assert [i["marker"] for i in items] == ["一", "二", "三"]
    assert [c["text"] for c in items[2]["children"]] == ["活動主網頁：消防防災館。", "活動期間：自114年9月1日起，至114年10月31日止。"]
    kept = parse("\n".join(ITEMS + ["四、旨揭計畫係為建立正確防災知識之活動。"]) + "\n")  # no copy: a fourth item
    assert [i["marker"] for i in kept["sections"][0]["items"]] == ["一", "二", "三", "四"]
    sisters = parse("一、依據本府函辦理。\n(一)請各校配合。\n二、請各校轉知。\n(一)請各校配合。\n")  # a child's words again
    assert [len(i["children"]) for i in sisters["sections"][0]["items"]] == [1, 1]


SIDEBAR = ("一、依據教育部114年1月9日臺教學(三)字第1130122346號函辦理。\n"
           "二、檢附申訴及處理流程說明(如附檔)。\n{box}link to https://cirn.moe.edu.tw/Facet/Home/index.aspx \\\n")


def test_a_side_box_table_between_the_letter_and_the_sites_links_is_the_pages():
    record = parse(SIDEBAR.format(box="專區概念 | 消防災館 |\n歡迎各位同學線上參與防災虛擬體驗館。 |\n|\n防災虛擬體驗館2.0 | 消防防災e點通APP |\n"))
    assert record["sections"][0]["items"][1]["text"] == "檢附申訴及處理流程說明（如附檔）。"
    within = parse(SIDEBAR.replace("(如附檔)。", "(如附檔)，分工如下：").format(box="教務處 | 課程宣導 |\n"))
    assert within["sections"][0]["items"][1]["text"].endswith("教務處 | 課程宣導")  # under a colon: the letter's table


POST = ("主旨：函轉口腔預防保健服務注意事項修正規定，請查照。\n說明：\n一、依據教育部國民及學前教育署106年1月19日臺教國署學字第1060005468號函"
        "辦理。\n二、臼齒窩溝封填保健服務只需攜帶健保卡，不需護齒護照\n\n{tail}")


def test_a_posts_comment_box_under_the_sites_disclaimer_is_the_pages():
    record = parse(POST.format(tail="網友個人意見，不代表本站立場，對於發言內容，由發表者自負責任。\n發表者\n樹狀展開\n"))
    assert record["sections"][0]["items"][1]["text"] == "臼齒窩溝封填保健服務只需攜帶健保卡，不需護齒護照"


def test_a_list_of_the_sites_latest_posts_under_the_letter_is_the_pages():
    record = parse(POST.format(tail="公告訊息\n- 日 期 主旨\n- 2022-04-28 - 文德國小111學年度第1學期教科書選用版本\n"
                                    "- 2022-04-27 - 兒童劇鄉鎮巡演活動延期演出\n"))
    assert record["sections"][0]["items"][1]["text"] == "臼齒窩溝封填保健服務只需攜帶健保卡，不需護齒護照"


def test_an_unfilled_template_placeholder_run_onto_the_last_line_is_the_pages():
    record = parse("主旨：學校午餐衛生注意事項，請查照。\n說明：\n一、依據本府115年2月2日府教體字第1150012345號函辦理。\n二、其他：\n"
                   "(一)不宜提供生食、沙拉類食材。\n(二)應避免以含糖飲料作為獎勵，以維護學童健康。 |{{ $t('FEZ003') }} Invalid date\n")
    assert record["sections"][0]["items"][1]["children"][1]["text"] == "應避免以含糖飲料作為獎勵，以維護學童健康。"


def test_a_lead_closed_by_a_clause_asking_teachers_and_students_over_items_is_part_of_a_letter():
    record = parse("詳如附件，請師生踴躍參與。\n一、本市語文競賽辦理方式如下：\n(一)校內賽：由各校自行公開辦理。\n"
                   "二、競賽日期、地點及報名方法：請詳閱實施計畫。\n")
    assert record["complete"] is False and record["subject"] == "詳如附件，請師生踴躍參與。"
    assert [i["marker"] for i in record["sections"][0]["items"]] == ["一", "二"]


def test_a_relay_tag_over_a_lead_and_arabic_items_is_part_of_a_letter():
    record = parse("【函轉】內政部國土管理署加強防範一氧化碳中毒宣導計畫\n\n為維護民眾生命安全，務請注意下列事項：\n"
                   "1.建築物作居室使用場所，應特別注意通風之設計。\n2.住家陽台：注意住家陽台加蓋之影響。\n\nAttachments:\n"
                   "Download this file (宣導計畫.pdf)宣導計畫[ ]270 kB\n")
    assert record["complete"] is False
    items = record["sections"][0]["items"]
    assert [i["marker"] for i in items] == ["1", "2"] and items[1]["text"] == "住家陽台：注意住家陽台加蓋之影響。"


def test_a_relay_headline_naming_an_event_over_a_paragraph_is_part_of_a_letter():
    record = parse("跳到主要內容區塊\n\n轉知109年臺南市民間企業綠色採購說明會\n\n為提升企業申報綠色採購金額，環保署已規劃新制度，"
                   "特辦理本次說明會。\n\n本次說明會參加對象為本市所轄企業，免費參加，請於本(109)年6月18日前上網報名。\n")
    assert record["complete"] is False and record["sections"][0]["text"].startswith("轉知109年臺南市民間企業綠色採購說明會為提升")
    news = "轉傳假訊息恐觸法\n\n警方提醒，民眾轉傳未經查證之訊息，可能觸犯社會秩序維護法，請大家小心。\n"
    assert parse_refused(news)  # 轉傳 is no relay word only a 公文 uses


def parse_refused(text: str) -> bool:
    """Given text, return whether parsing it is refused as holding nothing of a letter."""
    from pipeline.errors import InputError
    try:
        parse(text)
    except InputError:
        return True
    return False


def test_a_rating_widget_and_a_font_size_switch_are_the_pages():
    record = parse("會員評等: 0 / 5\n星期不啟用星期不啟用星期不啟用\n2022/11/22\n字級大小 大 中 小\n"
                   "有關學術單位具名參與採購投標應如何簽訂契約用印一案，復如說明，請查照。\n"
                   "一、行政院公共工程委員會111年6月6日工程企字第1110011887號函說明三略以。\n二、如有疑義可循政府採購法規定辦理。\n")
    assert record["subject"] == "有關學術單位具名參與採購投標應如何簽訂契約用印一案，復如說明，請查照。"
    assert record["sections"][0]["text"] == ""


def test_a_salutation_over_the_unlabelled_subject_is_no_part_of_it():
    record = parse("【重要通知】請協助調查貴單位113年度溫室氣體排放數據\n\n各位師長、同仁好：\n\n"
                   "請各系所及單位協助旨揭事項，如有疑問請與安環室聯繫，謝謝。\n\n說明：\n一、依據本校溫室氣體盤查管理作業辦理。\n"
                   "二、請於114年02月27日前送安環室。\n")
    assert record["subject"] == "請各系所及單位協助旨揭事項，如有疑問請與安環室聯繫，謝謝。"


NOTICE = "主旨:本區生命紀念館於112年農曆春節期間休館事宜\n\n{basis}公告內容:\n\n(1) 112年1月20日至1月29日休館。\n\n(2) 1月30日起恢復辦公。\n"


def test_a_notice_content_label_under_a_notices_grounds_heads_its_points():
    record = parse(NOTICE.format(basis="依據:行政院人事行政總處發布112年政府行政機關辦公日曆辦理\n\n"))
    assert record["doc_type"] == "公告"
    assert [s["name"] for s in record["sections"]] == ["依據", "公告事項"]
    assert [i["marker"] for i in record["sections"][1]["items"]] == ["(1)", "(2)"]
    posted = parse(NOTICE.format(basis=""))  # no 依據: a site's field over the text
    assert posted["doc_type"] is None and posted["sections"][0]["name"] != "公告事項"


def test_a_quoted_title_between_the_number_and_the_kind_is_part_of_the_citation():
    record = parse("公告內容:\n一、依據本處107年2月7日北市殯儀二字第10760008991號「火化場撿骨作業流程」公告辦理。\n"
                   "二、教育部110年3月15日「校園資安討論會議」會議紀錄如附件。\n")
    cited = record["references"]
    assert [(c["text"], c["kind"]) for c in cited] == [
        ("本處107年2月7日北市殯儀二字第10760008991號「火化場撿骨作業流程」公告", "公告")]  # a meeting's date: no citation


def test_a_plans_name_quoted_in_a_headline_over_items_names_no_plan():
    text = ("教育部國教署「112年度國家防災日各級學校地震避難掩護演練實施計畫」{tail}\n\n"
            "一、112年國家防災日辦理地震避難演練日期為112年9月21日，各校於正式演練前辦理至少1次預演。\n\n"
            "二、請各校於112年9月14日上午9時21分，配合辦理強震即時警報軟體之模擬地震訊息測試作業。\n")
    record = parse(text.format(tail="宣導事項"))
    assert record["schema"].startswith("gongwen/letter") and record["complete"] is False
    assert [i["marker"] for i in record["sections"][0]["items"]] == ["一", "二"]
    plan = parse(text.format(tail="").replace("教育部國教署", ""))  # the plan's name alone heads the plan
    assert plan["schema"].startswith("gongwen/plan")


LAW_PAGE = ("跳到主要內容區塊\n:::\n\n檢送「一百零九年農林漁牧業普查實施計畫」1份,請 查照並轉行所屬配合辦理。\n\n主管機關: 國勢普查處\n"
            "發布機關: 行政院\n發布日期: 109.07.31\n發布字號: 院授主普農字第1090400901號\n異動性質: 訂定\n"
            "法規名稱: 一百零九年農林漁牧業普查實施計畫\n容:\n壹、總則\n一、法令依據:依據統計法第四條規定訂定本計畫。\n"
            "二、普查標準時期:以一百零九年十二月三十一日為普查標準日。\n貳、普查範圍與對象\n三、普查區域範圍:各直轄市、縣(市)。\n")


def test_a_law_databases_rows_of_the_issuing_letter_are_its_head():
    record = parse(LAW_PAGE)
    assert (record["issuer"], record["date"]["iso"], record["dispatch_no"]["text"]) == (
        "行政院", "2020-07-31", "院授主普農字第1090400901號")
    assert record["subject"] == "檢送「一百零九年農林漁牧業普查實施計畫」1份，請查照並轉行所屬配合辦理。"
    assert record["sections"] == []  # the plan's text under 法規名稱, from 壹、 on, is the rule's, in no field
    post = parse("停車費率調整公告\n\n發布機關\n\n臺北市停車管理工程處\n\n一、依據本處112年3月1日北市停管字第1123012345號函辦理。\n"
                 "二、請民眾配合。\n")
    assert post["issuer"] is None  # a post's 發布機關 row, over no date and number: the site's


def test_a_lead_setting_out_its_items_as_a_letters_explanation_is_part_of_a_letter():
    record = parse("跳到主要內容\n【畢業證書郵寄時程異動公告】\n\n畢業生須於7月19日前符合畢業資格者，始得寄發畢業證書，說明如下:\n"
                   "1. 因疫情影響，畢業證書寄發時程將延後至7月19日前。\n2. 請各位畢業生務必於6/15前完成通訊地址更正。\n\n教務處註冊組敬啟\n")
    assert record["complete"] is False
    assert [i["text"] for i in record["sections"][0]["items"]] == [
        "因疫情影響，畢業證書寄發時程將延後至7月19日前。", "請各位畢業生務必於6/15前完成通訊地址更正。"]


def test_items_whose_markers_stand_alone_on_their_lines_make_a_page_part_of_a_letter():
    record = parse("跳到主要內容區\n:::\n畢業生注意事項\n  圖-畢業生注意事項  \n一、\n\n同學出席典禮應穿著正式服裝，勿著拖鞋。\n\n二、\n\n"
                   "請畢業生告知家長，參加畢業典禮先至家長觀禮區觀禮。\n")
    assert [(i["marker"], i["text"]) for i in record["sections"][0]["items"]] == [
        ("一", "同學出席典禮應穿著正式服裝，勿著拖鞋。"), ("二", "請畢業生告知家長，參加畢業典禮先至家長觀禮區觀禮。")]
    assert "圖-" not in record["sections"][0]["text"]  # the picture's caption is the page's


def test_a_paragraph_asking_the_recipients_in_a_clause_is_part_of_a_letter():
    record = parse("重要 教育處國教科 - 逾期防災通報 | 2015-05-20 | 點閱數: 519\n\n依中央氣象局一週天氣預報資料顯示,5月20日起各地有局部"
                   "大雨發生的機率,請各校做好相關整備工作。\n\n易淹水之學校,請勿將相關設備置放易淹水地點。\n")
    assert record["complete"] is False and record["sections"][0]["text"].startswith("依中央氣象局一週天氣預報資料顯示")
    assert parse_refused("豪雨特報\n\n記者報導，中央氣象局預報各地有大雨，教育處請各校做好相關整備工作。\n")  # news: no clause asks


BOARD = ("首頁\n公告列表\n公告內容\n{headline}\n上一則公告\n下一則公告\n一般公告\n/ 張貼者\n訓導組長\n"
         "張貼日期: 2023-06-21 11:15:36 點閱:\n173\n{body}")


def test_a_board_row_printed_a_cell_a_line_is_the_sites_and_items_may_open_past_one_under_the_headline():
    record = parse(BOARD.format(headline="「騎乘自行車(含微型電動二輪車)安全概念」",
                                body="二、\n自111年11月30日起「電動自行車」已更名為「微型電動二輪車」，訂有相關規範：\n(一)\n"
                                     "未滿十四歲之人不得駕駛微型電動二輪車。\n三、\n相關規定可至交通安全入口網下載。\n"))
    section = record["sections"][0]
    assert section["text"] == "「騎乘自行車（含微型電動二輪車）安全概念」"
    assert [(i["marker"], len(i["children"])) for i in section["items"]] == [("二", 1), ("三", 0)]


def test_a_sentence_under_a_posts_text_label_right_over_the_explanation_label_is_the_subject():
    record = parse(BOARD.format(headline="轉知:「騎乘微型電動二輪車安全概念」宣導,共同努力降低道路交通事故死傷人數。",
                                body="說明:\n一、\n依據本府112年8月7日府新傳字第1120309452號函賡續辦理。\n二、\n請各校加強宣導。\n"))
    assert record["subject"] == "轉知：「騎乘微型電動二輪車安全概念」宣導，共同努力降低道路交通事故死傷人數。"
    assert [s["name"] for s in record["sections"]] == ["說明"]


def test_a_clauses_comma_after_a_time_is_full_width():
    record = parse("畢業典禮注意事項，說明如下：\n一、日期：113年6月8日。\n二、時間：14:30~16:30,14:00開放入場\n三、費用：1,200元。\n")
    assert [i["text"] for i in record["sections"][0]["items"]][1:] == ["時間：14:30~16:30，14:00開放入場", "費用：1,200元。"]


def test_a_lost_number_marker_run_onto_the_line_above_after_its_sentence_opens_an_item():
    record = parse("轉知流感疫苗接種事宜\n一、接種對象應攜帶證件：\n()一般民眾：身分證、健保卡。\n()罕見疾病患者：身分證、健保卡。 ()重大傷病患者："
                   "身分證、健保卡或重大傷病證明紙卡。\n二、請各校轉知所屬。\n")
    children = record["sections"][0]["items"][0]["children"]
    assert [c["text"] for c in children] == ["一般民眾：身分證、健保卡。", "罕見疾病患者：身分證、健保卡。",
                                             "重大傷病患者：身分證、健保卡或重大傷病證明紙卡。"]


def test_a_citation_joined_by_ji_after_a_number_names_the_issuer_after_the_conjunction():
    record = parse("主旨：轉知留職停薪疑義，請查照。\n說明：\n一、依據嘉義市政府107年3月2日府人考字第1071234567號函暨銓敘部92年6月20日"
                   "部銓五字第0922253614號書函辦理。\n二、旨揭函釋所引用之教育部100年2月16日臺人(一)字第1000012345號函停止適用。\n")
    assert [r["issuer"] for r in record["references"]] == ["嘉義市政府", "銓敘部", "教育部"]


def test_a_periods_end_on_the_same_year_and_month_at_midnight_without_the_days_hours():
    cases = {"自本(114)年10月1日起至同年月16日止": ("2025-10-01", "2025-10-16"),
             "113年8月1日上午0時起至114年7月31日午夜12時止": ("2024-08-01", "2025-07-31"),
             "於本(111)年2月18日至20日上午11時至下午6時": ("2022-02-18", "2022-02-20")}
    for written, (start, end) in cases.items():
        record = parse(f"主旨：活動訊息，請查照。\n說明：\n一、活動期間{written}，請踴躍參加。\n")
        period = record["periods"][0]
        assert (period["from"], period["to"]) == (start, end)
    assert record["periods"][0]["text"] == "本(111)年2月18日至20日"


def test_a_rulings_time_row_glued_to_its_own_citation_is_its_head():
    record = parse("文化藝術函釋—101年\n\n案名有關陣地工程公共藝術設置併案辦理疑義\n時間中華民國101年12月12日文藝字第1011042134號\n說明\n\n"
                   "一、復 貴部101年11月26日國飛後保字第1010007319號函。\n二、請依規定辦理。\n")
    assert (record["date"]["iso"], record["dispatch_no"]["text"]) == ("2012-12-12", "文藝字第1011042134號")


LAW_RULE_PAGE = ("法規名稱: 嘉義市托嬰中心辦理兒童團體保險辦法\n公發布日: 民國 99 年 07 月 31 日\n修正日期: 民國 101 年 05 月 30 日\n"
                 "發文字號: 中華民國101年5月30日府行法字第1011100906號\n法規體系: 社政類\n\n{caption}嘉義市托育機構辦理兒童團體保險辦法\n"
                 "中華民國99年7月31日府行法字第0991101403號令發布\n\n第一條  本辦法依兒童及少年福利與權益保障法第七\n"
                 "        十七條第二項規定訂定之。\n第二條  本辦法之主管機關為嘉義市政府。\n")


def test_a_rule_pages_name_history_line_and_articles_are_the_rules():
    for caption in ("", "法規內文:\n"):
        record = parse(LAW_RULE_PAGE.format(caption=caption))
        assert record["dispatch_no"]["text"] == "府行法字第1011100906號"
        assert (record["sections"], record["references"]) == ([], [])


def test_a_school_posts_sign_off_caring_for_its_readers_is_the_pages():
    record = parse("空品不佳，請全體師生減少戶外活動\n依空氣品質網預報，今日空品不佳，請隨時注意空氣品質，以及請各校加強宣導防範。\n\n"
                   "學務處軍訓室(校安中心) 關心您\n瀏覽數\n")
    assert record["sections"][0]["text"].endswith("以及請各校加強宣導防範。")


def test_a_time_row_over_a_period_keeps_its_label():
    record = parse("轉知交通安全月活動\n一、依據本府112年8月1日府教學字第1120301234號函辦理。\n二、活動內容如下：\n(一)\n時間：112年9月1日至9月30日止。\n")
    assert record["sections"][0]["items"][1]["children"][0]["text"] == "時間：112年9月1日至9月30日止。"


def test_a_receiving_systems_numbered_file_after_an_attachments_title_is_its_file():
    record = parse("發 文 日 期︰2021-01-26\n附   件:文化場館開放辦理原則   1.  05b781ffe860a4817a32cde21dc466af_A09000000E_"
                   "11000013469_doc1_Attach1.pdf\n主   旨:轉知文化場館開放辦理原則,請查照。\n說   明:\n"
                   "一、依據文化部110年1月26日文源字第1103002542號函辦理。\n")
    assert [(a["title"], a["file"]) for a in record["attachments"]] == [
        ("文化場館開放辦理原則", "05b781ffe860a4817a32cde21dc466af_A09000000E_11000013469_doc1_Attach1.pdf")]


def test_a_period_counted_with_gongji_and_ending_at_a_clock_time():
    record = parse("主旨：寒假期間，請查照。\n說明：\n一、寒假期間自112年1月21日至112年2月10日，共計21天。\n"
                   "二、收件期間自112年09月01日至112年10月10日中午12:00止。\n")
    first, second = record["periods"]
    assert (first["text"], first["stated_days"]) == ("112年1月21日至112年2月10日，共計21天", 21)
    assert (second["to"], second["text"]) == ("2023-10-10", "112年09月01日至112年10月10日中午12:00止")


def test_a_boards_heading_a_calendar_and_a_numbered_file_row_are_the_pages():
    record = parse("::: 臺北市立啟聰學校\n北聰公告\n宣導持續加強校內福利社落實資源回收及減少使用一次用產品，請查照\n"
                   "一、依教育局114年5月21日北市教體字第1143064751號函辦理。\n二、請各單位配合辦理。\n\n"
                   "★相關附件1:電子化設備使用.pdf (檔案已不存在!)\n")
    assert record["sections"][0]["items"][1]["text"] == "請各單位配合辦理。"
    assert "北聰公告" not in (record["subject"] or "") + record["sections"][0]["text"]
    calendar = parse("114.06.30（一）第二學期休業式\n114.07.01（二）暑假開始\n本市清寒優良國小學生申請免費就讀私立國中一案，請查照。\n"
                     "說明：\n一、請各校協助符合資格學生依限提出申請。\n")
    assert calendar["subject"] == "本市清寒優良國小學生申請免費就讀私立國中一案，請查照。"
