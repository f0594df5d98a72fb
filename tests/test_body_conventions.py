"""The body of letters as law databases, gazettes and agencies' sites publish them: the publisher's notes and the
site's furniture enter no field, labels run together on one line, a body whose 主旨 label is missing, a 公告
cropped to 依據, a 令 with its 正本 and 副本."""
from __future__ import annotations

from pipeline.parse.publisher_notes import drop_publisher_notes

from parse_text import parse


def test_law_database_notes_stay_out_of_the_sections():
    d = parse("函釋\n\n發文字號: 台財證(二)字第 03345 號\n發文日期: 民國 84 年 05 月 02 日\n相關法條:\n"
              "  • 證券交易法 第 18 條 (077.01.29)\n要  旨:\n證券投資顧問事業得於報刊刊登廣告\n\n"
              "主  旨:證券投資顧問事業刊登廣告應依規定辦理,請 查照轉知。\n"
              "說  明:依據本會八十四年四月十日台財證(四)字第○二二一一號函辦理。\n"
              "資料來源:\n證券管理 第 13 卷 5 期 88 頁\n編  註:\n"
              "1.本筆資料,依據金融監督管理委員會民國 111  年 9  月 2  日公告,\n"
              "  於民國 111  年 10 月 3  日起不再援用作為裁罰等處分之依據。\n")
    assert d["subject"] == "證券投資顧問事業刊登廣告應依規定辦理，請查照轉知。"
    assert d["sections"] == [{"name": "說明", "text": "依據本會八十四年四月十日台財證（四）字第○二二一一號函辦理。",
                              "items": []}]
    assert [r["dispatch_no"]["number"] for r in d["references"]] == ["02211"]  # none from 編註
    assert any(w.startswith("removed the publisher's notes") for w in d["warnings"])


def test_site_footer_after_the_last_item_is_dropped():
    d = parse("主旨:公告本市「113年度道路挖掘管制路段」,並自即日生效。\n依據:市區道路條例第9條。\n公告事項:\n"
              "一、管制路段如附表。\n二、違者依法處罰。\n\n本府提供使用者有文書軟體選擇的權利,本網站文件皆為ODF開放文件"
              "格式,建議您安裝免費開源軟體。\n分享給朋友 line 列印\nTOP\n©2024 某某市政府 版權所有\n")
    assert d["doc_type"] == "公告"
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]
    assert [i["text"] for i in d["sections"][1]["items"]] == ["管制路段如附表。", "違者依法處罰。"]


def test_one_line_notes_and_skip_links_leave_the_body():
    text, dropped = drop_publisher_notes("跳到主要內容區塊\n:::\n發布單位:地權科\n發布日期:2024-03-01\n依據:土地法。\n")
    assert text == "依據:土地法。"
    assert dropped == ["跳到主要內容區塊", "發布單位:地權科", "發布日期:2024-03-01"]


def test_a_button_caption_wrapped_onto_the_last_text_line_is_dropped_and_named():
    text, dropped = drop_publisher_notes("主旨：訂定發布全文五點快速回到頁首按鈕\n說明：依規定辦理。\n回到頁首\n")
    assert text == "主旨：訂定發布全文五點\n說明：依規定辦理。"
    assert dropped == ["快速回到頁首按鈕", "回到頁首"]


def test_full_text_label_opens_the_letters_text():
    text, _ = drop_publisher_notes("要  旨:\n訂定某規則適用範圍\n全文內容:一、本令自即日生效。\n")
    assert text == "全文內容：一、本令自即日生效。"


def test_labels_run_together_after_a_sentence_end():
    d = parse("考選部 公告主旨:公告「某考試規則修正草案」,請各界惠示卓見。依據:行政程序法第154條第1項。"
              "公告事項:一、擬訂機關:考選部。二、依據:某考試法第14條。\n")
    assert d["subject"] == "公告「某考試規則修正草案」，請各界惠示卓見。"
    assert d["sections"][0] == {"name": "依據", "text": "行政程序法第154條第1項。", "items": []}
    assert [i["text"] for i in d["sections"][1]["items"]] == ["擬訂機關：考選部。", "依據：某考試法第14條。"]


def test_notice_cropped_to_its_basis():
    d = parse("依據:都市計畫法第19條。\n公告事項:\n一、公開展覽期間:自113年6月3日起30天。\n二、展覽地點:本府公告欄。\n")
    assert d["doc_type"] == "公告" and d["subject"] is None
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]
    assert d["sections"][0]["text"] == "都市計畫法第19條。"


def test_body_without_its_subject_label_opens_with_the_subject():
    d = parse("2023-05-02\n轉知經濟部有關「工廠管理輔導法」之解釋令，請查照。\n說明:依經濟部112年4月20日經工字第11204601230號函辦理。\n")
    assert d["subject"] == "轉知經濟部有關「工廠管理輔導法」之解釋令，請查照。"
    assert d["sections"] == [{"name": "說明", "text": "依經濟部112年4月20日經工字第11204601230號函辦理。", "items": []}]
    assert "no 主旨 label: the text before 說明 read as 主旨" in d["warnings"]


def test_page_head_that_is_no_sentence_is_not_a_subject():
    d = parse("食品法規條文查詢\n法規類別\n食品輸入及查驗登記\n說明:依食品安全衛生管理法第二十一條辦理。\n")
    assert d["subject"] is None
    assert [s["name"] for s in d["sections"]] == ["說明"]


def test_order_with_its_copies():
    d = parse("金融監督管理委員會 令\n發文日期：中華民國113年5月2日\n發文字號：金管證發字第1130381234號\n"
              "一、依據證券交易法第二十二條規定辦理。二、本令自即日生效。\n正本:貼本會公告欄\n"
              "副本:行政院法規會、臺灣證券交易所股份有限公司\n")
    assert d["doc_type"] == "令"
    assert d["subject"] == "一、依據證券交易法第二十二條規定辦理。二、本令自即日生效。"
    assert [e["name"] for e in d["cc_main"]] == ["貼本會公告欄"]
    assert [e["name"] for e in d["cc_copy"]] == ["行政院法規會", "臺灣證券交易所股份有限公司"]


def test_items_set_apart_by_spaces_without_the_comma():
    d = parse("主    旨:關於某法施行細則疑義乙案,復請  查照。\n"
              "說    明:一  復  貴府九十年三月二日府法字第九○一二三四五號函。\n"
              "          二  按某法第十條規定,第 二 條所稱之機關,係指中央機關。\n")
    items = d["sections"][0]["items"]
    assert [(i["marker"], i["text"]) for i in items] == [
        ("一", "復貴府九十年三月二日府法字第九○一二三四五號函。"), ("二", "按某法第十條規定，第二條所稱之機關，係指中央機關。")]


def test_spaced_items_run_together_on_one_line():
    d = parse("主旨 : 有關加油站屋頂設置基地臺疑義乙案, 復如說明, 請查照 說明 : 一 復貴局 89 年 5 月 4 日北市都二字第 號函 "
              "二 依據某規則第二條規定辦理\n")
    assert [i["text"] for i in d["sections"][0]["items"]] == ["復貴局89年5月4日北市都二字第號函", "依據某規則第二條規定辦理"]


def test_section_that_opens_past_its_first_item():
    d = parse("主旨:夫妻採共同財產制者之股票應半數列為遺產。說明:二、夫妻之財產除特有財產外為共同財產。"
              "三、採聯合財產制時應按全數申報。\n")
    items = d["sections"][0]["items"]
    assert d["sections"][0]["text"] == ""
    assert [(i["marker"], i["number"]) for i in items] == [("二", 2), ("三", 3)]


def test_a_sentence_opening_with_a_number_is_no_list():
    d = parse("主旨:請查照。\n說明:3月1日起實施,請配合辦理。\n")
    assert d["sections"][0] == {"name": "說明", "text": "3月1日起實施，請配合辦理。", "items": []}


def test_attachment_printed_after_the_body():
    d = parse("主    旨:函轉行政院修正「文書處理手冊」部分規定,請  查照。\n"
              "說    明:一、依據行政院一百年五月二日院臺秘字第1000012345號函辦理。\n"
              "          二、檢附修正規定一份。\n\n附    件:修正「文書處理手冊」部分規定\n"
              "          壹、總述\n          一、本手冊所稱文書,係指處理公務之一切紀錄資料。\n")
    assert [a["title"] for a in d["attachments"]] == ["修正「文書處理手冊」部分規定"]
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "依據行政院一百年五月二日院臺秘字第1000012345號函辦理。", "檢附修正規定一份。"]
    assert any(w.startswith("attachment text after the body kept in no field (2 line(s))") for w in d["warnings"])


def test_page_headline_repeating_the_subject_before_the_letter():
    d = parse("跳到主要內容區塊\n\n主旨:某某草案業經公告預告,請轉知會員知照。\n\n某某商業同業公會聯合會  函\n"
              "受文者:各會員公會\n發文日期:中華民國106年11月15日\n發文字號:(106)某業字第0602號\n"
              "  主旨:某某草案業經公告預告,\n        請  轉知會員知照。\n  說明:依據某部函辦理。\n"
              "正本:各會員公會\n\n理事長    陳  建  宏\n檔案名稱 檔案大小\n(106)某業字第0602號.doc 66KB\n")
    assert d["recipient"] == "各會員公會" and d["date"]["iso"] == "2017-11-15"
    assert d["subject"] == "某某草案業經公告預告，請轉知會員知照。"
    assert [e["name"] for e in d["cc_main"]] == ["各會員公會"]
    assert d["signature"] == "理事長 陳建宏"


def test_database_full_text_label_opens_the_body():
    d = parse("行政函釋\n  • 查詢系統每月週期更新,如需查詢最新資料,請點閱「最新動態」。\n共 3 筆 / 現在第 1 筆\n"
              "發文字號: (80)台內勞字第 912345 號函\n發文日期: 民國 80 年 03 月 02 日\n"
              "資料來源: 勞動基準法解釋令彙編(81年10月版)第 99 頁\n要  旨:\n事業單位之約僱人員適用勞動基準法\n"
              "全文內容:事業單位之約僱人員均屬勞工,應依勞動基準法有關規定辦理,復請查照。\n")
    assert d["subject"] is None
    assert d["sections"] == [{"name": "本文", "items": [],
                              "text": "事業單位之約僱人員均屬勞工，應依勞動基準法有關規定辦理，復請查照。"}]


def test_order_published_under_a_full_text_label():
    d = parse("金融監督管理委員會 令\n發文日期：中華民國113年5月2日\n發文字號：金管證發字第1130381234號\n"
              "要  旨:\n訂定某規則適用範圍\n全文內容:一、依據證券交易法第二十二條規定辦理。\n二、本令自即日生效。\n")
    assert d["doc_type"] == "令" and d["sections"] == []
    assert d["subject"] == "一、依據證券交易法第二十二條規定辦理。二、本令自即日生效。"


def test_bulletin_numbering_nests_in_the_order_it_opens():
    d = parse("主旨:重申請同仁避免將私人物品投遞至學校,請查照。\n說明:\n"
              "1. 依據市府來函:中華民國111年3月8日, 發文字號:高市行國文字第11130181200號\n"
              "2. 來文重申避免將私人物品投遞至學校。\n    一、前於108年已經來函重申。\n    二、今再次來函重申。\n")
    items = d["sections"][0]["items"]
    assert [(i["marker"], i["text"]) for i in items] == [
        ("1", "依據市府來函：中華民國111年3月8日，發文字號：高市行國文字第11130181200號"),
        ("2", "來文重申避免將私人物品投遞至學校。")]
    assert [(c["marker"], c["text"]) for c in items[1]["children"]] == [("一", "前於108年已經來函重申。"),
                                                                       ("二", "今再次來函重申。")]
    assert d["dispatch_no"] is None


def test_school_site_furniture_after_the_last_item():
    d = parse("移至網頁之主要內容區位置\n主旨:轉知本市登革熱防治工作指引,請查照。\n說明:\n一、依據本府113年4月24日府登防字第1130560987號函辦理。\n"
              "二、請加強校園環境整頓。\n\n瀏覽數:\n{{ $t('FEZ003') }} Invalid date\n快速回到頁首按鈕\n近月內熱門公告\n"
              "  • 2026-02-25 136\n      【公告】小一新生報到公告\nlink to https://example.edu.tw/ \\_blank\n")
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "依據本府113年4月24日府登防字第1130560987號函辦理。", "請加強校園環境整頓。"]


def test_empty_site_label_keeps_the_next_line():
    text, dropped = drop_publisher_notes("類別:\n一、依教育部105年8月5日函辦理。\n法規性質\n法規命令\n依據:某法。\n")
    assert text == "一、依教育部105年8月5日函辦理。\n依據:某法。"
    assert dropped == ["類別:", "法規性質", "法規命令"]


def test_ruling_compilation_index_headline_and_status_note():
    d = parse("跳到主要內容\n:::\n90年解釋令:\n7月8月9月\n90年7月\n公司法第240條\n【停止適用/廢止】依據經濟部107年6月21日經商字"
              "第10702411470號函,經濟部90年7月13日商字第09002150810號函爰予廢止,不再援用。\n●股息紅利之發放應以股票或現金為限\n"
              "按公司法第二百四十條規定,股息及紅利之分派,應以股票或現金為之,請查照。\n")
    assert d["sections"] == [{"name": "本文", "items": [],
                              "text": "按公司法第二百四十條規定，股息及紅利之分派，應以股票或現金為之，請查照。"}]
    assert d["references"] == []


def test_page_title_cut_short_and_text_printed_twice():
    d = parse("關於需用土地人於申請徵收前,其事業計畫應確實依土地徵收條例\n"
              "關於需用土地人於申請徵收前,其事業計畫應確實依土地徵收條例第十條規定辦理,請查照。\n"
              "關於需用土地人於申請徵收前,其事業計畫應確實依土地徵收條例第十條規定辦理,請查照。\n")
    assert d["sections"][0]["text"] == "關於需用土地人於申請徵收前，其事業計畫應確實依土地徵收條例第十條規定辦理，請查照。"


def test_database_headline_above_the_documents_own_labels():
    d = parse("友善列印\n委員人數若仍維持法定人數,其組織即為合法 發文字號:法律字第0900012345號\n發文日期:民國90年3月1日\n"
              "一、按某組織規程第三條規定,本會置委員十一人至十九人。\n二、是以其組織即為合法。\n")
    assert d["dispatch_no"]["number"] == "0900012345"
    assert d["sections"][0]["text"] == ""
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_explanation_label_in_its_variant_character():
    d = parse("主旨：請查照。\n説明：\n一、依據本部113年1月2日函辦理。\n二、請配合辦理。\n")
    assert d["sections"][0]["name"] == "說明"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_own_citation_printed_after_the_text_is_not_text():
    d = parse("【函號】:\n\n財政部73/07/14台財稅第55809號函\n\n【內容】:\n\n主旨:夫妻採共同財產制者,其股票應半數列為遺產。"
              "說明:二、夫死亡時半數股票成為遺產。(財政部73/07/14台財稅第55809號函)\n")
    assert d["dispatch_no"]["text"] == "台財稅第55809號" and d["references"] == []
    assert d["sections"][0]["items"][0]["text"] == "夫死亡時半數股票成為遺產。"


def test_items_of_a_table_printed_with_bars():
    d = parse("主旨:請加強防蚊措施,請查照。\n說明:\n一、 | 依據本府衛生局112年10月30日桃衛疾字第11201051571號函辦理。 |\n"
              "二、 | 請持續落實孳清工作。 |\n")
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "依據本府衛生局112年10月30日桃衛疾字第11201051571號函辦理。", "請持續落實孳清工作。"]


def test_notice_sign_off_ends_its_text():
    d = parse("主旨:轉知生理假併入病假規定,請查照。\n說明:\n一、依據花蓮縣政府108年1月16日府人訓字第1080012300號函辦理。\n"
              "二、詳如附件供參。\n                人事室   敬上\nFacebook專頁\n搜索\n國字查詢\n")
    assert [i["text"] for i in d["sections"][0]["items"]][-1] == "詳如附件供參。"


def test_school_bulletin_relaying_only_numbered_items_of_a_letter():
    # real: a 桃園市 school's tadnews post relaying a letter's 說明 (tests/data/real/h-loses-tyc-transfer-forms-relay-115)
    d = parse("• slider image 1075\n  • slider image 1077\n:::\n轉知宣導 林雅婷主任 - 公告 | 2026-03-04 | 點閱數: 5\n\n"
              "一、 旨揭要點暨相關表件業經教育部備查在案,依相關規定辦理後續事宜。\n\n"
              "二、 115年公立國民中小學暨幼兒園教師介聘他縣市服務作業(以下簡稱115年全國介聘作業)相關表件各1份供參:\n\n"
              "(一) 115年全國教師介聘服務作業日程表。\n\n(二) 115年全國介聘作業要點。\n\n  •  \n"
              "    1) 115年公立國民中小學暨幼兒園教師介聘他縣市服務作業相關表件.zip\n:::\n")
    assert d["complete"] is False and d["subject"] is None
    [body] = d["sections"]
    assert (body["name"], body["text"]) == ("本文", "")  # the carousel captions and the post header are furniture
    assert [i["text"] for i in body["items"]] == [
        "旨揭要點暨相關表件業經教育部備查在案，依相關規定辦理後續事宜。",
        "115年公立國民中小學暨幼兒園教師介聘他縣市服務作業（以下簡稱115年全國介聘作業）相關表件各1份供參："]
    assert [c["text"] for c in body["items"][1]["children"]] == ["115年全國教師介聘服務作業日程表。", "115年全國介聘作業要點。"]


def test_minutes_cited_by_their_number_are_a_reference():
    # real: a 屏東縣 school relaying the county's letter (tests/data/real/h-uschoolnet-pt-language-contest-relay-106)
    d = parse("一、依據本府106年8月2日屏府教終字第10626388100號會議紀錄決議事項辦理。\n"
              "二、本縣語文競賽實施計畫依據中華民國106年全國語文競賽實施要點調整決賽日期、競賽時限、競賽內容範圍、競賽評判標準。\n")
    [ref] = d["references"]
    assert (ref["text"], ref["kind"], ref["issuer_from"]) == ("本府106年8月2日屏府教終字第10626388100號會議紀錄", "會議紀錄", "本府")
    assert ref["date"] == {"iso": "2017-08-02", "roc": "106年8月2日"}
    assert ref["dispatch_no"]["text"] == "屏府教終字第10626388100號"


def test_rss_mirror_mark_stays_out_of_the_last_item():
    # real: a 新北市 letter's 說明 relayed through an RSS mirror (tests/data/real/h-rssing-ntpc-playground-art-survey-105)
    d = parse("一、依據本府105年9月14日府授建園字第1050199265號函辦理。\n"
              "二、請貴校盤查校園內或轄管用地擺設之裝置藝術或街道家具,有無仿兒童遊樂設施外型設計?\n↧\n")
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "依據本府105年9月14日府授建園字第1050199265號函辦理。", "請貴校盤查校園內或轄管用地擺設之裝置藝術或街道家具，有無仿兒童遊樂設施外型設計？"]
    assert d["references"][0]["issuer_from"] == "本府"


def test_a_label_word_ending_an_items_heading_is_the_items():
    # 新北市政府教育局: sub-items 「1、適用對象：…」 「2、辦法說明：…」 「3、啟用時間：…」 under (一) of 說明 二
    d = parse("新北市政府教育局 函\n發文日期：中華民國115年3月2日\n發文字號：新北教資字第1150123456號\n主旨：請查照。\n"
              "說明：\n一、依據資通安全責任等級分級辦法辦理。\n二、本系統將啟用安全措施，說明如下：\n(一)強化密碼安全原則：\n"
              "１、適用對象：本系統所有使用者。\n２、辦法說明：弱密碼將予停用。\n３、啟用時間：即日起。\n正本：各校\n")
    assert [s["name"] for s in d["sections"]] == ["說明"]
    sub = d["sections"][0]["items"][1]["children"][0]["children"]
    assert [i["text"] for i in sub] == ["適用對象：本系統所有使用者。", "辦法說明：弱密碼將予停用。", "啟用時間：即日起。"]
    first = parse("財政部 函\n發文日期：中華民國112年3月2日\n發文字號：台財促字第1120123456號\n主旨：請查照。\n"
                  "說明：\n一、修正投資計畫表如下：\n(一)填表說明：項次調整。\n(二)試算表：項次調整。\n")  # the first sub-item too
    assert [s["name"] for s in first["sections"]] == ["說明"]
    assert [i["text"] for i in first["sections"][0]["items"][0]["children"]] == ["填表說明：項次調整。", "試算表：項次調整。"]


def test_a_first_sentence_closed_by_an_expectation_phrase_is_the_subject_of_a_body_without_labels():
    # an association's post of a letter: its head as a table, then the 主旨 and an unnumbered 說明 without labels
    d = parse("發文單位 | 臺北市政府都市發展局 |\n發文日期 | 2011-11-18 |\n發文字號 | 北市都設字第10037972800號 |\n"
              "有關「建築空地」適用範圍，詳如說明，請 查照。\n旨揭辦法「建築空地」係指核准可建築者；請轉知所屬會員知照。\n")
    assert d["subject"] == "有關「建築空地」適用範圍，詳如說明，請查照。" and d["complete"] is True
    assert d["sections"] == [{"name": "本文", "text": "旨揭辦法「建築空地」係指核准可建築者；請轉知所屬會員知照。", "items": []}]
    one = parse("發文字號 | 北市都設字第10037972800號 |\n有關空地範圍一案，請查照。\n")  # nothing after it: as before
    assert one["subject"] is None


def test_a_bulletins_request_headline_without_its_period_over_items_is_the_subject():
    d = parse("請各校於開學後四十五天內舉行會議，並將會議資料於會後一個月內函報本府\n"
              "一、依據本縣學生家長會設置辦法第17條辦理。\n二、請依限辦理。\n")
    assert d["subject"] == "請各校於開學後四十五天內舉行會議，並將會議資料於會後一個月內函報本府"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_a_bulletins_stars_before_its_headline_are_no_part_of_the_subject():
    d = parse("★★有關各校家長會請將會議資料於會後一個月內函報本府。\n一、依據設置辦法第17條辦理。\n二、請依限辦理。\n")
    assert d["subject"] == "有關各校家長會請將會議資料於會後一個月內函報本府。"
    own = parse("主旨：★103年度國家防災日★地震避難掩護演練相關事宜，請查照。\n說明：依計畫辦理。\n")  # the text's own stars
    assert own["subject"] == "★103年度國家防災日★地震避難掩護演練相關事宜，請查照。"
