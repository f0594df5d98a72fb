"""Make the unseen5 corpus: ten fictitious 函 / 書函 as PDFs, and their text as three real extraction tools give it.

Each letter is written as ODT with odfpy by the unseen_pdf / unseen4 Builders (centred title, address block
right or beside the title, 受文者 large, hanging indents for 主旨 / 說明 and items 一、（一）1、, 正本 / 副本,
a large 署名, a 裝訂線 in the margin, a page footer such as 「第1頁，共1頁」; one bundle with its plan and
ruled 分工表 after the letter), converted to PDF by ONE LibreOffice headless call with its own profile,
and then read back by three extractors, each written beside the PDF as <stem>.<tool>.txt:

- pdfplumber: ``page.extract_text()`` with default settings, pages joined with "\\n";
- pdftotext-layout: poppler's ``pdftotext -layout`` (form feed between pages);
- pdftotext: poppler's ``pdftotext`` without options.

Dates and ids in the PDFs are pinned, so a re-run gives the same bytes and the same texts.

    .venv/bin/python tests/data/unseen5/make_texts.py   # needs soffice, fonts-noto-cjk, fonts-arphic-ukai, poppler-utils

The expected records (<stem>.json, one per letter, valid for all three texts) are written by hand.
"""
from __future__ import annotations

import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from corpus_scripts import load_script  # noqa: E402


base = load_script("unseen_pdf_make", "unseen_pdf/make_pdfs.py")
bundles = load_script("unseen4_make", "unseen4/make_pdfs.py")

from odf.style import Footer, Header, MasterPage, PageLayout, PageLayoutProperties  # noqa: E402
from odf.text import P, PageCount, PageNumber  # noqa: E402

KAI, SANS, SERIF = base.KAI, base.SANS, base.SERIF
TOOLS = ("pdfplumber", "pdftotext-layout", "pdftotext")


@dataclass
class Letter(bundles.Bundle):
    """A letter (a bundle when plan_title is set) with its page footer's wording: {n} this page, {m} the count."""
    footer: str = "第{n}頁，共{m}頁"


class Builder(bundles.BundleBuilder):
    """The unseen4 Builder with a footer of the letter's wording; plan and 分工表 only when the letter has them."""

    def pages(self) -> None:
        """Add the A4 page layout, a first-page master and, after it, a master with the title as header."""
        layout = PageLayout(name="A4")
        layout.addElement(PageLayoutProperties(
            pagewidth=f"{base.PAGE_W}cm", pageheight=f"{base.PAGE_H}cm", margintop=f"{base.MARGIN_TOP}cm",
            marginbottom=f"{base.MARGIN_BOTTOM}cm", marginleft=f"{base.MARGIN_LEFT}cm",
            marginright=f"{base.MARGIN_RIGHT}cm", printorientation="portrait"))
        self.doc.automaticstyles.addElement(layout)
        footer_style = self.paragraph_style(10, automatic=False, textalign="center")
        before, rest_text = self.letter.footer.split("{n}")
        middle, after = rest_text.split("{m}")
        rest = MasterPage(name="Rest", pagelayoutname=layout)
        first = MasterPage(name="First", pagelayoutname=layout, nextstylename="Rest")
        for master in (first, rest):
            footer = Footer()
            p = P(stylename=footer_style)
            p.addText(before)
            p.addElement(PageNumber(selectpage="current", numformat="1"))
            p.addText(middle)
            p.addElement(PageCount(numformat="1"))
            p.addText(after)
            footer.addElement(p)
            master.addElement(footer)
        if self.letter.header_title:
            header = Header()
            header.addElement(P(stylename=self.title_style(automatic=False), text=self.letter.title))
            rest.addElement(header)
        self.doc.masterstyles.addElement(first)
        self.doc.masterstyles.addElement(rest)

    def odt(self) -> bytes:
        self.binding_line()
        self.head()
        self.body()
        if self.letter.plan_title:
            self.plan()
            self.division_table()
        raw = base.io.BytesIO()
        self.doc.write(raw)
        return base.rezip(base.zipfile.ZipFile(raw))


LETTERS = [
    Letter(
        stem="yunlin-county-reply-twopage",
        font=KAI, pages=2, title="雲 林 縣 政 府  函", header_title=True,
        file_no="113/080102/5", retention="10年",
        contact=["地址：640203雲林縣斗六市府文路35號", "承辦人：廖文彬", "電話：05-5522123",
                 "傳真：05-5341234", "電子信箱：liaowb@yunlin.gov.tw"],
        recipient="受文者：雲林縣斗六市公所",
        fields=["發文日期：中華民國113年8月26日", "發文字號：府農畜字第1130098765號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "有關貴所函詢轄內犬貓絕育補助及流浪動物收容相關事宜，復如說明，請查照。"),
            ("說明：", [
                ("一、", "復貴所113年8月12日斗市農字第1130021456號函。", []),
                ("二、", "本縣113年度犬貓絕育補助，以設籍本縣之民眾所飼養並已完成寵物登記之犬貓為限，"
                        "每隻補助公犬新臺幣1,200元、母犬新臺幣2,000元，公貓新臺幣800元、母貓新臺幣1,500元，"
                        "補助經費用罄即停止受理。", []),
                ("三、", "貴所所詢事項說明如下：", [
                    ("（一）", "補助申請程序：", [
                        ("1、", "民眾應攜帶身分證明文件及寵物登記證明，至本縣特約動物醫院辦理絕育手術，"
                               "由動物醫院代為申請補助款。", []),
                        ("2、", "特約動物醫院應於每月5日前檢具前1月份之申請資料及收據，送本府農業處畜牧科審核。", []),
                    ]),
                    ("（二）", "流浪動物收容：", [
                        ("1、", "貴所捕捉之流浪犬貓，請送本縣動物收容所收容，並填具收容動物交接紀錄表。", []),
                        ("2、", "收容所收容量已達上限時，本府將另行通知暫停收容，請貴所配合調整捕捉時程。", []),
                    ]),
                ]),
                ("四、", "為加強動物保護觀念，請貴所利用村（里）民大會、社區活動及公所網站，宣導飼主責任及"
                        "寵物登記、絕育之重要性，並鼓勵民眾以認養代替購買。", []),
                ("五、", "本府已於113年8月1日起受理本年度第2梯次補助申請，受理名額以1,500隻為限，"
                        "請貴所協助轉知轄內民眾踴躍申請，並於公所網站刊登相關訊息。", []),
                ("六、", "本案如有疑義，請洽本府農業處畜牧科廖文彬先生，電話：05-5522123。", []),
            ]),
        ],
        cc=["正本：雲林縣斗六市公所", "副本：本府農業處、雲林縣動物保護防疫所"],
        signature="縣長　張○○",
    ),
    Letter(
        stem="sfaa-two-files-frame",
        font=SANS, pages=1, line_height="100%", title="衛生福利部社會及家庭署 函", title_layout="frame",
        title_size=18, contact_size=11, contact_width=6.4, contact_hang=5, footer="第{n}頁 共{m}頁",
        file_no="113/030102/2", retention="5年",
        contact=["地址：413008臺中市霧峰區中正路1310號", "承辦人：賴佳蓉", "電話：04-22502850分機1234",
                 "傳真：04-22502999", "電子信箱：laichiajung@sfaa.gov.tw"],
        recipient="受文者：臺南市政府社會局",
        fields=["發文日期：中華民國113年5月14日", "發文字號：社家支字第1130701234號", "速別：速件",
                "密等及解密條件或保密期限：",
                "附件：補助申請表、經費概算表（A21030000I1130701234_1_ATTACH1.pdf、"
                "A21030000I1130701234_1_ATTACH2.pdf）"],
        body=[
            ("主旨：", "檢送本署114年度推展社會福利補助計畫申請表及經費概算表各1份，請於期限內提出申請，請查照。"),
            ("說明：", [
                ("一、", "依據本署114年度推展社會福利補助作業要點辦理。", []),
                ("二、", "受理申請期間自113年6月3日起至113年6月28日止，逾期恕不受理。", []),
                ("三、", "申請資料請以公文函送本署，並將電子檔上傳至本署補助申請系統。", []),
            ]),
        ],
        cc=["正本：各直轄市政府社會局、各縣（市）政府", "副本：本署綜合規劃組（含附件）"],
        signature="署長　簡○○",
    ),
    Letter(
        stem="tourism-shuhan-no-signature",
        font=SERIF, pages=1, line_height="100%", title="交通部觀光署　書函", binding="dots",
        file_no="", retention="",
        contact=["地址：105206臺北市松山區敦化北路340之9號", "聯絡人：曾子豪", "聯絡電話：(02)2349-1500轉8765",
                 "傳真：(02)2771-8822", "電子信箱：tsengzh@taiwan.net.tw"],
        recipient="受文者：花蓮縣旅館商業同業公會",
        fields=["發文日期：中華民國113年11月4日", "發文字號：觀宿字第1130933210號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "貴會建議放寬旅館業房價申報期限一案，復請查照。"),
            ("說明：", [
                ("一、", "復貴會113年10月21日花旅字第1130000102號函。", []),
                ("二、", "旅館業房價申報係依「發展觀光條例」第36條規定辦理，為維護消費者權益，"
                        "仍請業者於每年4月30日前完成申報，所請礙難同意。", []),
            ]),
        ],
        cc=["正本：花蓮縣旅館商業同業公會", "副本：花蓮縣政府、本署旅宿組"],
        signature=None,
    ),
    Letter(
        stem="ncc-secret-fastest",
        font=KAI, pages=1, title="國家通訊傳播委員會函", letter_spacing="0.25cm", title_size=22,
        footer="第 {n} 頁，共 {m} 頁",
        file_no="113/0502/08", retention="30年",
        contact=["地址：100052臺北市中正區延平南路143號", "承辦人：彭郁婷", "電話：(02)3343-8123",
                 "傳真：(02)3343-1234", "電子信箱：yuting.peng@ncc.gov.tw"],
        recipient="受文者：中華電信股份有限公司",
        fields=["發文日期：中華民國113年12月9日", "發文字號：通傳資安字第11300712340號", "速別：最速件",
                "密等及解密條件或保密期限：密（本件於114年3月31日解密）", "附件："],
        body=[
            ("主旨：", "請貴公司即日起強化行動通信網路核心設備之資通安全防護，請查照。"),
            ("說明：", [
                ("一、", "依據行政院國家資通安全會報113年12月2日院臺護字第1130123456號函辦理。", []),
                ("二、", "請於113年12月20日前完成核心網路設備弱點掃描及修補，並將辦理情形函報本會。", []),
                ("三、", "本案內容涉及國家安全，請依規定妥善保管，不得對外公開。", []),
            ]),
        ],
        cc=["正本：中華電信股份有限公司", "副本：本會基礎設施事務處"],
        signature="主任委員　陳○○",
    ),
    Letter(
        stem="hakka-twopage-period",
        font=SERIF, pages=2, line_height="100%", title="客家委員會　函", header_title=True, binding="dots",
        footer="第{n}頁，共{m}頁",
        file_no="113/040302/3", retention="5年",
        contact=["地址：242030新北市新莊區中平路439號南棟17樓", "承辦人：古美華", "電話：(02)8995-6988分機543",
                 "傳真：(02)8995-6999", "電子信箱：kumh@mail.hakka.gov.tw"],
        recipient="受文者：苗栗縣政府",
        fields=["發文日期：中華民國113年7月22日", "發文字號：客會文字第1130012345號", "速別：普通件",
                "密等及解密條件或保密期限：",
                "附件：113年度客家文化節活動實施計畫（A33000000I1130012345_1_ATTACH1.odt）"],
        body=[
            ("主旨：", "檢送「113年度客家文化節活動實施計畫」1份，請貴府協助辦理並轉知轄內客家文化重點發展區公所配合，請查照。"),
            ("說明：", [
                ("一、", "依據本會113年度施政計畫辦理。", []),
                ("二、", "活動期間自113年9月14日起至113年10月13日止，共30天，於各客家文化重點發展區輪流辦理。", []),
                ("三、", "請貴府協助事項如下：", [
                    ("（一）", "協調場地及周邊交通管制，並於活動期間派員協助維持秩序。", []),
                    ("（二）", "轉知轄內各鄉（鎮、市）公所，鼓勵社區團體及學校報名參與客家歌謠、八音及"
                              "戲劇等展演活動。", []),
                    ("（三）", "於縣府網站、社群媒體及各公所電子看板刊登活動訊息。", []),
                ]),
                ("四、", "本會將視各縣（市）辦理情形核撥補助經費，請貴府於活動結束後1個月內檢具成果報告、"
                        "經費支出明細表及原始憑證，函送本會辦理核銷。", []),
                ("五、", "活動期間如遇颱風或豪雨等天然災害，應依當地縣（市）政府停止上班上課之公告，"
                        "決定活動是否延期或取消，並於決定後立即通知本會及參與團體。", []),
                ("六、", "為推廣客家語言，活動現場之主持、解說及文宣應以客語為主，並輔以華語或其他語言，"
                        "請貴府督導承辦單位確實辦理，以落實國家語言發展法之精神。", []),
                ("七、", "本案聯絡人：本會文化發展處古美華小姐，電話：(02)8995-6988分機543。", []),
            ]),
        ],
        cc=["正本：苗栗縣政府、新竹縣政府、桃園市政府", "副本：本會文化發展處（含附件）、本會綜合規劃處"],
        signature="主任委員　古○○",
    ),
    Letter(
        stem="ntpc-traffic-table-heading",
        font=SANS, pages=1, line_height="100%", title="新北市政府交通局　函", title_layout="table", binding="dots",
        footer="第{n}頁，共{m}頁",
        file_no="113/070202/6", retention="3年",
        contact=["地址：220242新北市板橋區中山路1段161號", "承辦人：吳承翰", "電話：(02)2960-3456分機7788",
                 "傳真：(02)2965-1234", "電子信箱：wuch@ms.ntpc.gov.tw"],
        recipient="受文者：新北市板橋區公所",
        fields=["發文日期：中華民國113年6月17日", "發文字號：新北交停字第1131155667號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件：路段示意圖1份"],
        body=[
            ("主旨：", "本局訂於113年7月1日起實施板橋區文化路1段路邊停車收費，請貴所協助宣導，請查照。"),
            ("說明：", [
                ("一、", "依據「新北市公有路邊停車場收費標準」第3條規定辦理。", []),
                ("二、", "收費時段為每日上午8時至晚上8時，收費費率每小時新臺幣30元。", []),
                ("三、", "請貴所於里民大會及公所網站宣導，收費路段詳如附件。", []),
            ]),
        ],
        cc=["正本：新北市板橋區公所", "副本：新北市政府警察局海山分局、本局停車管理科"],
        signature="局長　鍾○○",
    ),
    Letter(
        stem="nchu-shuhan-upward",
        font=KAI, pages=1, title="國立中興大學　書函",
        footer="第{n}頁，共{m}頁",
        file_no="113/060101/9", retention="10年",
        contact=["地址：402202臺中市南區興大路145號", "聯絡人：許雅婷", "聯絡電話：04-22840123分機501",
                 "傳真：04-22851234", "電子信箱：yating@nchu.edu.tw"],
        recipient="受文者：教育部",
        fields=["發文日期：中華民國113年10月15日", "發文字號：興教字第1130605432號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "有關本校113學年度碩士班增設「智慧農業碩士學位學程」案，復請鑒核。"),
            ("說明：", [
                ("一、", "復鈞部113年9月30日臺教高（四）字第1130098123號函。", []),
                ("二、", "本學程所需師資由本校農資學院及電機資訊學院現有專任教師支援，不另增聘員額。", []),
            ]),
        ],
        cc=["正本：教育部", "副本：本校教務處、本校農業暨自然資源學院"],
        signature="校長　詹○○",
    ),
    Letter(
        stem="nantou-bundle-plan-division",
        font=KAI, pages=3, title="南投縣政府　函", footer="第{n}頁，共{m}頁",
        file_no="113/090301/2", retention="5年",
        contact=["地址：540201南投縣南投市中興路660號", "承辦人：洪國棟", "電話：049-2222106轉2210",
                 "傳真：049-2201234", "電子信箱：hongkd@nantou.gov.tw"],
        recipient="受文者：南投縣埔里鎮公所",
        fields=["發文日期：中華民國113年4月8日", "發文字號：府消管字第1130076543號", "速別：速件",
                "密等及解密條件或保密期限：",
                "附件：南投縣113年度山區防災整備計畫、山區防災整備工作分工表"
                "（376480000A1130076543_2_ATTACH1.odt、376480000A1130076543_2_ATTACH2.odt）"],
        body=[
            ("主旨：", "檢送「南投縣113年度山區防災整備計畫」及工作分工表各1份，請依分工確實辦理，請查照。"),
            ("說明：", [
                ("一、", "依據內政部消防署113年3月25日消署救字第1130345678號函辦理。", []),
                ("二、", "整備期間自113年5月1日起至113年10月31日止，請各單位依分工表辦理並於每月5日前回報執行情形。", []),
            ]),
        ],
        cc=["正本：本縣各鄉（鎮、市）公所、南投縣政府消防局", "副本：本府民政處（含附件）"],
        signature="縣長　許○○",
        plan_title="南投縣113年度山區防災整備計畫",
        plan=[
            ("壹、", "依據", "內政部消防署113年3月25日消署救字第1130345678號函。", []),
            ("貳、", "目的", "強化山區災害應變能力，減少颱風豪雨期間人命傷亡。", []),
            ("參、", "整備事項", "", [
                ("一、", "疏散撤離：", [
                    ("（一）", "更新轄內土石流潛勢區保全對象名冊。", []),
                    ("（二）", "規劃避難收容處所及撤離路線。", []),
                ]),
                ("二、", "物資儲備：各公所應儲備3日以上之民生物資。", []),
            ]),
            ("肆、", "本計畫奉核後實施。", "", []),
        ],
        division_title="南投縣113年度山區防災整備工作分工表",
        division=[["單位", "工作事項"],
                  ["南投縣政府消防局", "1.督導各公所整備情形。2.彙整執行成果。"],
                  ["本縣各鄉（鎮、市）公所", "更新保全對象名冊並儲備民生物資。"],
                  ["本府民政處", "協助規劃避難收容處所。"]],
    ),
    Letter(
        stem="twport-company-pdf-file",
        font=SANS, pages=1, line_height="100%", title="臺灣港務股份有限公司　函", footer="第{n}頁，共{m}頁",
        file_no="113/0208/4", retention="5年",
        contact=["地址：803001高雄市鼓山區蓬萊路62號", "承辦人：蘇建宏", "電話：07-5219123",
                 "傳真：07-5211234", "電子信箱：sujh@twport.com.tw"],
        recipient="受文者：長榮海運股份有限公司",
        fields=["發文日期：中華民國113年3月4日", "發文字號：港營字第1130023344號", "速別：普通件",
                "密等及解密條件或保密期限：",
                "附件：高雄港第70號碼頭施工期間船席調度表（A15050000Q1130023344_1_ATTACH1.pdf）"],
        body=[
            ("主旨：", "本公司高雄港第70號碼頭辦理岸壁改善工程，施工期間船席調度如附件，請查照配合。"),
            ("說明：", [
                ("一、", "施工期間自113年4月1日起至113年6月30日止，共91天。", []),
                ("二、", "施工期間請貴公司船舶改泊第68號或第69號碼頭，如有調度需求請提前7日提出申請。", []),
            ]),
        ],
        cc=["正本：長榮海運股份有限公司、陽明海運股份有限公司", "副本：本公司高雄港務分公司（含附件）"],
        signature="董事長　吳○○",
    ),
    Letter(
        stem="yuanlin-city-explanation-measures",
        font=KAI, pages=1, title="彰化縣員林市公所　函", binding="dots", footer="第{n}頁，共{m}頁",
        file_no="113/010201/1", retention="3年",
        contact=["地址：510001彰化縣員林市三民街1號", "承辦人：黃素貞", "電話：04-8347171轉263",
                 "傳真：04-8331234", "電子信箱：hsc263@yuanlin.gov.tw"],
        recipient="受文者：如正副本行文單位",
        fields=["發文日期：中華民國113年9月23日", "發文字號：員市民字第1130034567號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "本市113年度全民國防教育暨兵役宣導活動，請各里辦公處協助動員里民參加，請查照。"),
            ("說明：", "依據彰化縣政府113年9月9日府民兵字第1130345123號函辦理。"),
            ("辦法：", [
                ("一、", "活動時間：113年10月19日上午9時至12時。", []),
                ("二、", "活動地點：本市員林演藝廳前廣場。", []),
                ("三、", "請各里辦公處動員里民至少10人參加，並於113年10月11日前將參加名冊送本所民政課。", []),
            ]),
        ],
        cc=["正本：本市各里辦公處", "副本：本所民政課、本所秘書室"],
        signature="市長　張○○",
    ),
]


def written_text(letter: Letter) -> str:
    """Given a letter (or bundle), return every character written into it (page furniture aside)."""
    return bundles.written_text(letter) if letter.plan_title else base.written_text(letter)


def pdf_pages(pdf: bytes) -> list[str]:
    """Given PDF bytes, return each page's text layer as pypdfium2 reads it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def check_text_layer(letter: Letter, pdf: bytes) -> None:
    """Given a letter and its PDF, stop unless it has the planned pages, every written character and its footers."""
    pages = pdf_pages(pdf)
    if len(pages) != letter.pages:
        raise SystemExit(f"{letter.stem}: {len(pages)} page(s), planned {letter.pages}")
    missing = collections.Counter(re.sub(r"\s", "", written_text(letter))) - \
        collections.Counter(re.sub(r"\s", "", "".join(pages)))
    if missing:
        raise SystemExit(f"{letter.stem}: text layer lacks {dict(missing)}")
    for n, text in enumerate(pages, 1):
        footer = re.sub(r"\s", "", letter.footer.format(n=n, m=letter.pages))
        if footer not in re.sub(r"\s", "", text):
            raise SystemExit(f"{letter.stem}: page {n} has no footer {footer}")


def extract_pdfplumber(path: Path) -> str:
    """Given a PDF, return pdfplumber's default extract_text of each page, joined with a new line."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def extract_pdftotext(path: Path, *options: str) -> str:
    """Given a PDF and pdftotext options, return poppler's text of it."""
    return subprocess.run(["pdftotext", *options, str(path), "-"], check=True, capture_output=True,
                          timeout=60).stdout.decode("utf-8")


def texts_of(path: Path) -> dict[str, str]:
    """Given a PDF, return its text by tool name."""
    return {"pdfplumber": extract_pdfplumber(path), "pdftotext-layout": extract_pdftotext(path, "-layout"),
            "pdftotext": extract_pdftotext(path)}


def write(path: Path, data: bytes) -> None:
    """Given a path and bytes, write them through a temporary file in the same folder."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def build_corpus(folder: Path, letters: list, builder, texts, tools: tuple[str, ...]) -> None:
    """Given a corpus folder, its letters, their Builder, the text extractor and the programs it needs,
    write each letter's pinned PDF and extracted texts there (odfpy → one LibreOffice call → extractors)."""
    for tool in tools:
        if not shutil.which(tool):
            raise SystemExit(f"make_texts.py needs {tool} (LibreOffice with fonts-noto-cjk, fonts-arphic-ukai; "
                             "poppler-utils)")
    odts = {letter.stem: builder(letter).odt() for letter in letters}
    with tempfile.TemporaryDirectory(prefix=f"{folder.name}-") as tmp:
        pdfs = base.convert_all(odts, Path(tmp))
    for letter in letters:
        check_text_layer(letter, pdfs[letter.stem])
    for letter in letters:
        path = folder / f"{letter.stem}.pdf"
        write(path, base.pin(pdfs[letter.stem]))
        for tool, text in texts(path).items():
            write(folder / f"{letter.stem}.{tool}.txt", text.encode("utf-8"))
        print(f"{path.relative_to(folder.parent.parent.parent)}  {path.stat().st_size} bytes", file=sys.stderr)


def main() -> None:
    build_corpus(HERE, LETTERS, Builder, texts_of, ("soffice", "pdftotext"))


if __name__ == "__main__":
    main()
