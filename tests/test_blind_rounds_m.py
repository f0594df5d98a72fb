"""Conventions found by session 21's blind round wave 19 (tests/data/real: m1-…m6- stems) and by the corpus's
earlier misses. Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse

NEWSLETTER = ("::: 訂閱/取消訂閱︱回電子報列表 (轉知)「山區防火宣導」 主旨:請協助加強宣導登山觀念,避免登山活動引發森林火災,"
              "請查照。 說明:依行政院災害防救會報第44次會議決議,請各館協助配合及宣導。{tail}")


def test_a_picture_credit_run_onto_the_last_sentence_is_the_pages():
    record = parse(NEWSLETTER.format(tail=" 圖片引用自教育部網站 登山教育、落實普及"))
    assert record["sections"][0]["text"] == "依行政院災害防救會報第44次會議決議，請各館協助配合及宣導。"
    kept = parse(NEWSLETTER.format(tail=" 圖片請各館自行下載運用"))  # no credit: the letter's own sentence
    assert kept["sections"][0]["text"].endswith("宣導。圖片請各館自行下載運用")


SHORT_NUMBER = ("臺灣區自來水管道工程工業同業公會中區辦事處 函\n發文日期 中華民國97年11月20日\n發文字號 台區水工會中字第 97141 號\n"
                "主旨:檢送行政院公共工程委員會函影本乙份,請查照。\n說明:\n"
                "一、依本會97年11月17日台區水管會新字第97307號函辦理。\n二、檢附該函影本乙份。\n")


def test_a_short_number_opening_with_its_letters_year_gives_that_year():
    record = parse(SHORT_NUMBER)
    assert (record["dispatch_no"]["year"], record["dispatch_no"]["serial"]) == (97, "141")
    cited = record["references"][0]["dispatch_no"]
    assert (cited["text"], cited["year"], cited["serial"]) == ("台區水管會新字第97307號", 97, "307")
    other = parse(SHORT_NUMBER.replace("97年11月20日", "98年1月5日"))  # not the date's year: no year is read
    assert (other["dispatch_no"]["year"], other["dispatch_no"]["serial"]) == (None, None)


SCHOOL_POST = ("校園公告\n\n公告主旨 宣導「禁止攜帶電子煙或加熱菸入境」\n發佈日期 2025 年 5 月 23 日\n發佈單位 衛生組\n"
               "點閱次數 7\n{label}\n\n依菸害防制法第15條規定,任何人不得輸入電子煙,旅客攜帶電子煙入境者,處新臺幣5萬元至500萬元"
               "罰鍰。\n\n相關附件\n")


def test_a_letter_pages_text_label_alone_on_its_line_opens_the_text():
    record = parse(SCHOOL_POST.format(label="公告內容"))
    assert record["complete"] is False and record["subject"] is None
    assert record["sections"][0]["text"] == ("依菸害防制法第15條規定，任何人不得輸入電子煙，旅客攜帶電子煙入境者，處新臺幣5萬元至"
                                             "500萬元罰鍰。")


def test_an_item_run_on_after_a_note_in_brackets_closing_a_sentence_opens_an_item():
    record = parse("公告內容\n一、依本校主計室112年10月31日校主字第1120097877號書函辦理。(如附) 二、各單位本年支出傳票,至遲應於明年1月4日"
                   "前遞送至出納組。\n三、請各單位配合辦理。\n")
    items = record["sections"][0]["items"]
    assert [(i["marker"], i["text"]) for i in items] == [
        ("一", "依本校主計室112年10月31日校主字第1120097877號書函辦理。（如附）"),
        ("二", "各單位本年支出傳票，至遲應於明年1月4日前遞送至出納組。"), ("三", "請各單位配合辦理。")]
    kept = parse("公告內容\n一、請於期限內(含例假日)二、三樓各室完成盤點。\n二、請各單位配合辦理。\n")  # no sentence closed
    assert [i["marker"] for i in kept["sections"][0]["items"]] == ["一", "二"]


ETHICS_POST = ("跳到主要內容區塊\n\n112年度公職人員財產申報定期申報期間自112年11月1日開始。\n\n  • 日期:112-10-23\n  • 資料來源:政風處\n\n"
               "112年度公職人員財產申報定期申報自112年11月1日開始,並至112年12月31日截止,相關注意及配合事項說明如下:\n\n"
               "一、公職人員財產申報法第3條第1項規定:「公職人員應於就(到)職3個月內申報財產,每年並定期申報一次…」。\n\n"
               "二、有關申報方式可採紙本或網路方式擇一辦理;惟為提升作業效率,建議各申報義務人多加使用網路申報系統申報。\n")


def test_a_source_row_under_a_posts_date_row_is_that_line_alone():
    record = parse(ETHICS_POST)
    assert record["sections"][0]["text"].endswith("相關注意及配合事項說明如下：")
    assert [i["marker"] for i in record["sections"][0]["items"]] == ["一", "二"]


def test_a_period_from_its_start_to_its_close_is_one_period():
    record = parse(ETHICS_POST)
    assert [(p["from"], p["to"], p["days"], p["text"]) for p in record["periods"]] == [
        ("2023-11-01", "2023-12-31", 61, "112年11月1日開始，並至112年12月31日截止")]


CITY_POST = ("現在位置 首頁 > 長照2.0專區 > 身心障礙鑑定資訊\n  • 友善列印\n  • 回上一頁\n\n"
             "轉知「執永久效期身心障礙手冊者,核(換)發無註記有效期間之身心障礙證明」相關資訊,詳如說明。\n\n"
             "無註記效期身心障礙證明圖檔\n無註記效期身心障礙證明圖檔\n"
             "  1. 身心障礙者權益保障法第14條於110年1月20日修正公布,本府針對符合資格者陸續換發無註記效期之身心障礙證明。\n"
             "  2. 如有疑慮者,可洽本府社會局身心障礙評估中心04-2228-9111轉38711。\n"
             "  3. 檢附無註記效期身心障礙證明圖檔1份如附件供參。\n\n檔案下載(或附件)\n\n"
             "  • 市府分類: 衛生醫療\n  • 發布日期: 2021-03-08\n  • 發布單位: 臺中市政府衛生局‧長期照護科\n")


def test_a_picture_text_printed_twice_under_the_lead_is_the_pages():
    record = parse(CITY_POST)
    assert record["subject"] == "轉知「執永久效期身心障礙手冊者，核（換）發無註記有效期間之身心障礙證明」相關資訊，詳如說明。"
    assert record["sections"][0]["text"] == ""


def test_a_file_heading_with_a_note_in_brackets_ends_the_letter():
    items = parse(CITY_POST)["sections"][0]["items"]
    assert items[-1]["text"] == "檢附無註記效期身心障礙證明圖檔1份如附件供參。"


OFFICE_POST = ("進入內容區塊\n\n新北市新莊區公所\n\n  • FB\n  • line\n  • 友善列印\n  • 字級設定:\n:::\n\n公寓大廈專區\n\n"
               "為維護公共安全,應定期檢視及維護建築物外牆飾材安全性,如有未善盡管理維護之責,依建築法規定可處罰鍰\n"
               "發佈日期\n2026-02-11\n發布單位\n新莊區公所\n類      別\n公寓大廈專區\n詳細內容\n\n\n"
               "一、請各管委會應定期巡檢社區建築物外牆磁磚飾材,如發現有掉落之虞者,應立即聯繫廠商妥善處理。\n\n"
               "二、有關高空作業相關指引可逕行自新北市政府工務局網站下載參閱,說明如下:\n\n"
               "(一)行政院公共工程委員會訂有「工程高空作業災害之防範指引」(附件1),請各公寓大廈管理組織參酌該指引。\n\n"
               "相關資訊 相關下載\n(轉知)臺南市政府工務局發佈「公安申報宣導會」\n主題標籤\nTOP\n")


def test_an_office_banner_and_share_bar_over_the_content_anchor_are_the_sites():
    record = parse(OFFICE_POST)
    assert record["issuer"] is None
    assert record["sections"][0]["text"] == ("為維護公共安全，應定期檢視及維護建築物外牆飾材安全性，如有未善盡管理維護之責，"
                                             "依建築法規定可處罰鍰")
    assert [i["marker"] for i in record["sections"][0]["items"]] == ["一", "二"]


def test_a_related_posts_box_under_the_last_item_is_the_sites():
    items = parse(OFFICE_POST)["sections"][0]["items"]
    assert items[-1]["children"][-1]["text"] == "行政院公共工程委員會訂有「工程高空作業災害之防範指引」（附件1），請各公寓大廈管理組織參酌該指引。"


def test_a_relay_lead_pointing_at_paragraphs_is_a_partial_letter():
    page = ("設備組 - 教務 | 2022-05-04 | 點閱數: 94\n\n轉教育局函文如下:\n\n"
            "依據「國民小學及國民中學教科圖書選用注意事項」第4點第1款之規定,選用之教科圖書,以教育部審定,且審定執照未逾有效期間者為限,"
            "先予敘明。\n\n於教科書選用期間,應依規定選用教科書,請輔導所屬教師依規定選用。\n\n"
            "相關公告: https://textbooks.naer.edu.tw/openbook.aspx\n")
    record = parse(page)
    assert record["complete"] is False
    assert record["sections"][0]["text"] == (
        "轉教育局函文如下：依據「國民小學及國民中學教科圖書選用注意事項」第4點第1款之規定，選用之教科圖書，以教育部審定，"
        "且審定執照未逾有效期間者為限，先予敘明。於教科書選用期間，應依規定選用教科書，請輔導所屬教師依規定選用。")


def test_board_tags_and_dates_around_a_headline_are_the_boards():
    items = ("\n一、依據國家教育研究院109年8月3日教研書字第1090001045B號函辦理。\n"
             "二、請各校選用時應確實查核教科用書是否經國家教育研究院審定。\n")
    assert parse("〔轉知〕有關高級中等學校教科用書選用,請依相關規定辦理。" + items)["subject"] == (
        "有關高級中等學校教科用書選用，請依相關規定辦理。")
    assert parse("【轉知】為降低登革熱案例之機會,請各校園協助宣傳登革熱防治觀念及基本防護措施_112.7.14" + items)["subject"] == (
        "為降低登革熱案例之機會，請各校園協助宣傳登革熱防治觀念及基本防護措施")



def cited(text: str) -> list[tuple]:
    """Given a 說明's text, return its references as (issuer, issuer_from, date, number) in order."""
    record = parse("主旨:轉知人事規定,請查照。\n說明:\n" + text)
    return [(r["issuer"], r["issuer_from"], r["date"] and r["date"]["roc"], r["dispatch_no"] and r["dispatch_no"]["text"])
            for r in record["references"]]


def test_a_clause_opening_with_zhi_before_a_cited_issuer_is_no_part_of_it():
    assert cited("一、依據銓敘部113年1月5日部退一字第1135712345號函辦理;至行政院113年2月1日院授人給字第1130001234號函,"
                 "另案辦理。\n")[1] == ("行政院", None, "113年2月1日", "院授人給字第1130001234號")


def test_the_head_office_named_before_is_cited_again_as_gai_zongchu_or_shangkai():
    refs = cited("一、依據行政院人事行政總處(以下簡稱人事總處)112年5月2日總處培字第1120012345號函辦理。\n"
                 "二、查該總處109年3月17日總處培字第1090028905號函及111年10月3日總處培字第1113029103號函規定略以,"
                 "上開人事總處109年3月17日函及111年10月3日函已無從適用。\n")
    assert refs == [("行政院人事行政總處", None, "112年5月2日", "總處培字第1120012345號"),
                    ("行政院人事行政總處", "該總處", "109年3月17日", "總處培字第1090028905號"),
                    ("行政院人事行政總處", None, "111年10月3日", "總處培字第1113029103號")]


def test_date_only_citations_joined_name_the_issuer_of_the_first():
    refs = cited("一、請依人事總處109年3月17日函及111年10月3日函辦理。\n")
    assert [r[0] for r in refs] == ["人事總處", "人事總處"]


def test_a_date_only_citation_followed_by_a_bracketed_numbered_one_is_kept():
    refs = cited("一、按公務人員保障暨培訓委員會(以下簡稱保訓會)113年1月2日函釋示略以(本府113年2月6日府授人考字第1130105075號"
                 "函計達):加班補休應於一年內為之。\n")
    assert refs == [("公務人員保障暨培訓委員會", None, "113年1月2日", None),
                    (None, "本府", "113年2月6日", "府授人考字第1130105075號")]


BONUS_RULE = ("「退休(伍)軍公教人員年終慰問金發給辦法」業經行政院於106年6月13日以院授人給字第10600483591號令修正發布施行,"
              "檢送發布令影本、修正條文各1份。\n修正要點如下:\n一、 修正第二條,增列發給對象。\n"
              "二、 配合第五條增訂,其後條次遞移。\n伯 | ㄅㄛ | ˊ | 仲 | ㄓㄨㄥ | ˋ |\n今天: | ![]() ![]() ![]() |\n"
              "總計: | ![]() ![]() ![]() ![]() |\n")


def test_a_sending_sentence_over_a_pointer_line_is_the_subject():
    record = parse(BONUS_RULE)
    assert record["subject"] == ("「退休（伍）軍公教人員年終慰問金發給辦法」業經行政院於106年6月13日以院授人給字第10600483591號令修正發布"
                                 "施行，檢送發布令影本、修正條文各1份。")
    assert record["sections"][0]["text"] == "修正要點如下："
    statement = parse(BONUS_RULE.replace("檢送發布令影本、修正條文各1份", "係為照顧退休人員之措施"))
    assert statement["subject"] is None


def test_a_sites_phonetic_widget_and_picture_counters_are_the_pages():
    items = parse(BONUS_RULE)["sections"][0]["items"]
    assert items[-1]["text"] == "配合第五條增訂，其後條次遞移。"


def test_a_board_poster_row_with_its_space_closed_and_a_title_picture_caption_are_the_boards():
    record = parse("有關民眾反映學校家長接送區規劃及人行道機車違規停放一案,請依說明辦理。\n\n上一則公告 下一則公告\n\n"
                   "張貼者 訓導組長兼資訊   \n\n\n張貼日期: 2023-05-22 08:54:29  點閱:101\n\n\n標題圖片\n\n"
                   "1.請檢視貴校家長接送區規劃是否合宜,以避免校門口交通阻塞。\n2.請貴校加強留意校園周邊人行道機車違規停放及行駛問題。\n")
    assert record["signature"] is None
    assert record["subject"] == "有關民眾反映學校家長接送區規劃及人行道機車違規停放一案，請依說明辦理。"
    assert [i["marker"] for i in record["sections"][0]["items"]] == ["1", "2"]


def test_a_tag_in_ascii_brackets_naming_a_relay_is_the_boards():
    record = parse("[訊息轉知] 第四屆臺灣地質公園學會讀景比賽\n一、旨揭讀景比賽之目的為激發高中生認識臺灣的地質公園及地景保育。\n"
                   "二、本比賽免報名費,一律採線上報名、送件,請各校轉知學生踴躍參加。\n")
    assert record["sections"][0]["text"] == "第四屆臺灣地質公園學會讀景比賽"


def test_a_received_letters_citation_opening_its_text_is_its_head():
    record = parse("教育部113年11月7日臺教資通字第1130105433號來文 學校在使用媒體網路影音平臺(如Youtube等)上傳作業時,可能因權限"
                   "管理不當導致學生權利受到侵害,請各校應做好帳號及權限之管理,降低風險。")
    assert (record["issuer"], record["date"]["roc"], record["dispatch_no"]["text"], record["doc_type"]) == (
        "教育部", "113年11月7日", "臺教資通字第1130105433號", None)
    assert record["sections"][0]["text"].startswith("學校在使用媒體網路影音平臺")
